package no.nav.ia.scorecard.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.CountyRegistry.County;
import no.nav.ia.platform.domain.CountyRegistry.Region;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.scorecard.Figures;
import no.nav.ia.scorecard.Forecast;
import no.nav.ia.scorecard.Period;
import no.nav.ia.scorecard.ScorecardErrors;
import no.nav.ia.scorecard.rest.Advisers;
import no.nav.ia.scorecard.rest.Card;
import no.nav.ia.scorecard.rest.Card.Scope;
import no.nav.ia.scorecard.service.FiguresRepository.Codes;

/**
 * Builds cards for counties, regions and the nation. A county's card includes the codes merged into
 * it; the counties shown for a period are those valid at its end, plus any older code that still
 * has figures in the period, so the national card always equals the sum of the county cards (but
 * for its enterprises with a delivery: one served in two counties in the period counts once).
 */
@ApplicationScoped
public class ScorecardService {

  private final CountyRegistry registry = CountyRegistry.get();

  @Inject FiguresRepository figures;
  @Inject ProjectionState state;

  /**
   * Everything one period's cards are built from, read in one transaction: the figures per county
   * code, and the codes of each enterprise served under more than one, to count it once.
   */
  public record Snapshot(
      Period period,
      Map<String, Figures> perCounty,
      Collection<Set<String>> enterprisesInSeveralCodes,
      Optional<UUID> campaign,
      OffsetDateTime asOf,
      LocalDate today) {}

  /**
   * The period's figures as of today in Norway, one day for all of them (also at midnight), read in
   * a transaction of their own that sees one moment of the database: the consumers commit batches
   * on both replicas while a card is read, and a card whose statements each saw their own moment
   * did not add up (a total one above its services' sum; a report froze such figures). So it is
   * never read inside a caller's transaction, which may have read before.
   */
  public Snapshot snapshot(Period period) {
    return snapshot(period, Codes.ALL);
  }

  /**
   * One county's card of the period, read as {@link #snapshot} reads every code's figures but
   * reading only the codes the card adds up (the county's and those merged into it). The snapshot
   * stays here: it could not make any other card.
   */
  public Card countyCard(Period period, String code) {
    countyOf(code);
    return county(snapshot(period, Codes.only(registry.withMergedPredecessors(code))), code);
  }

  private Snapshot snapshot(Period period, Codes codes) {
    return QuarkusTransaction.disallowingExisting()
        .call(
            () -> {
              figures.oneMoment();
              return read(period, codes);
            });
  }

  private Snapshot read(Period period, Codes codes) {
    LocalDate today = NorwegianTime.today();
    Optional<UUID> campaign = figures.latestCampaign(period.to());
    return new Snapshot(
        period,
        figures.perCounty(period, campaign, today, codes),
        figures.enterprisesInSeveralCodes(period, codes),
        campaign,
        state.asOf(),
        today);
  }

  /** The card periods with at least one delivery, for the dashboard's picker. */
  @Transactional
  public List<String> periodsWithFigures() {
    return figures.periodsWithFigures();
  }

  /** A county's deliveries per adviser, the counties merged into it included, at one moment. */
  public Advisers advisers(Period period, String code) {
    County county = countyOf(code);
    return QuarkusTransaction.disallowingExisting()
        .call(
            () -> {
              figures.oneMoment();
              return Advisers.of(
                  new Scope("COUNTY", county.code(), county.name()),
                  period,
                  figures.perAdviser(period, registry.withMergedPredecessors(code)),
                  state.asOf());
            });
  }

  /** The county of a code (404 COUNTY_NOT_FOUND for a code that never was one). */
  public County countyOf(String code) {
    return registry
        .county(code)
        .orElseThrow(
            () ->
                DomainException.notFound(
                    ScorecardErrors.COUNTY_NOT_FOUND, "No county with that code"));
  }

  public Card national(Snapshot s) {
    return card(s, new Scope("NATIONAL", "NO", "Norge"), s.perCounty().keySet());
  }

  public Card county(Snapshot s, String code) {
    County county = countyOf(code);
    return card(
        s,
        new Scope("COUNTY", county.code(), county.name()),
        registry.withMergedPredecessors(code));
  }

  /**
   * One card per county of the period's structure, and one per older code with figures left over.
   */
  public List<Card> counties(Snapshot s) {
    List<Card> cards = new ArrayList<>();
    Set<String> covered = new LinkedHashSet<>();
    for (County c : registry.validOn(s.period().to())) {
      cards.add(county(s, c.code()));
      covered.addAll(registry.withMergedPredecessors(c.code()));
    }
    // A code outside the period's structure with figures of its own: one card for what rolls up
    // into the same code (Troms and Finnmark in Troms og Finnmark, 54, in a 2024 period, as
    // /counties/54 shows them), leaving out what the structure's cards already hold (Trøndelag, 50,
    // in 2011 holds only its own figures: Sør- and Nord-Trøndelag have their cards).
    Set<String> rolledUpInto = new TreeSet<>();
    s.perCounty().entrySet().stream()
        .filter(e -> !covered.contains(e.getKey()) && !e.getValue().isEmpty())
        .map(e -> registry.rollsUpInto(e.getKey()))
        .forEach(rolledUpInto::add);
    rolledUpInto.forEach(
        into -> {
          Set<String> own = new LinkedHashSet<>(registry.withMergedPredecessors(into));
          own.removeAll(covered);
          cards.add(
              card(
                  s,
                  new Scope(
                      "COUNTY",
                      into,
                      registry.county(into).map(County::name).orElse("Unknown " + into)),
                  own));
        });
    return cards;
  }

  public List<Card> regions(Snapshot s, String grouping) {
    Map<String, Region> regions =
        registry
            .grouping(grouping)
            .orElseThrow(
                () ->
                    DomainException.notFound(
                        ScorecardErrors.GROUPING_NOT_FOUND, "No region grouping with that name"));
    return regions.values().stream().map(r -> regionCard(s, r, registry.codesOf(r))).toList();
  }

  /**
   * The regions of a grouping whose figures hold the county's (none for Viken, 30, which spans
   * two).
   */
  public List<Card> regionsOf(Snapshot s, String grouping, String county) {
    List<Card> cards = new ArrayList<>();
    for (Region r : registry.grouping(grouping).orElseThrow().values()) {
      Set<String> codes = registry.codesOf(r);
      if (codes.contains(county)) {
        cards.add(regionCard(s, r, codes));
      }
    }
    return cards;
  }

  private Card regionCard(Snapshot s, Region region, Collection<String> codes) {
    return card(s, new Scope("REGION", region.code(), region.name()), codes);
  }

  private Card card(Snapshot s, Scope scope, Collection<String> codes) {
    Figures sum = new Figures();
    codes.forEach(code -> Optional.ofNullable(s.perCounty().get(code)).ifPresent(sum::add));
    sum.countEnterprisesOnce(s.enterprisesInSeveralCodes(), codes);
    long forecast =
        Forecast.yearTotal(
            s.period().year(),
            sum.monthTotals(s.period().year()),
            sum.monthTotals(s.period().year() - 1),
            sum.lastYearThisMonthSoFar,
            s.today());
    return Card.of(
        scope, s.period(), sum, forecast, s.campaign().orElse(null), s.asOf(), s.today());
  }
}
