package no.nav.ia.scorecard.rest;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import no.nav.ia.scorecard.Period;
import no.nav.ia.scorecard.service.FiguresRepository.AdviserFigures;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A county's deliveries per adviser for its manager, and an adviser's own row for the adviser: the
 * same counting as the card (every form in the totals, the share over direct deliveries only), most
 * deliveries first.
 */
public record Advisers(
    Card.Scope scope,
    Card.PeriodView period,
    List<Adviser> advisers,
    @Schema(nullable = true, description = "The newest event counted; none before the first")
        OffsetDateTime asOf) {

  public record Adviser(
      String navIdent,
      long total,
      long system,
      long individual,
      long direct,
      @Schema(nullable = true, description = "Over the direct deliveries; none without any")
          Double systemShare,
      long enterprises) {}

  /**
   * The same breakdown with one adviser's row only (none when they have no deliveries in it): what
   * an adviser is shown of it.
   */
  public Advisers onlyOf(String navIdent) {
    return new Advisers(
        scope, period, advisers.stream().filter(a -> a.navIdent().equals(navIdent)).toList(), asOf);
  }

  /** The same breakdown without a row: for a caller who names no adviser. */
  public Advisers none() {
    return new Advisers(scope, period, List.of(), asOf);
  }

  public static Advisers of(
      Card.Scope scope, Period period, Map<String, AdviserFigures> byAdviser, OffsetDateTime asOf) {
    List<Adviser> rows =
        byAdviser.entrySet().stream()
            .map(
                e -> {
                  var t = e.getValue().deliveries;
                  return new Adviser(
                      e.getKey(),
                      t.total(),
                      t.system(),
                      t.individual(),
                      t.shareBase(),
                      t.systemShare(),
                      e.getValue().enterprises);
                })
            .filter(a -> a.total() > 0)
            .sorted(
                Comparator.comparingLong(Adviser::total)
                    .reversed()
                    .thenComparing(Adviser::navIdent))
            .toList();
    return new Advisers(
        scope, new Card.PeriodView(period.id(), period.from(), period.to()), rows, asOf);
  }
}
