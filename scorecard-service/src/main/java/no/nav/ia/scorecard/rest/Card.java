package no.nav.ia.scorecard.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.platform.domain.ServiceCode;
import no.nav.ia.scorecard.Figures;
import no.nav.ia.scorecard.Period;
import no.nav.ia.scorecard.Tally;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One scorecard (målekort) as API.md describes it. */
public record Card(
    Scope scope,
    PeriodView period,
    Deliveries deliveries,
    Map<String, Long> byForm,
    @Schema(nullable = true, description = "Over the direct deliveries; none without any")
        Double systemShare,
    Target target,
    List<TrendMonth> trend,
    PreviousYear previousYear,
    ForecastView forecast,
    Agreements agreements,
    Resigning resigning,
    RegistrationLag registrationLag,
    @Schema(nullable = true, description = "The newest event counted; none before the first")
        OffsetDateTime asOf) {

  public static final double SYSTEM_SHARE_MIN = Tally.SYSTEM_SHARE_MIN;

  /** Every service a card counts by, in the portfolio's order. */
  static final List<String> SERVICES =
      Arrays.stream(ServiceCode.values()).map(ServiceCode::name).toList();

  /** The sub-goals a delivery can count towards, as a card's {@code bySubGoal} names them. */
  static final List<String> SUB_GOALS = List.of("1", "2", "3");

  public record Scope(String type, String code, String name) {}

  public record PeriodView(String id, LocalDate from, LocalDate to) {}

  /**
   * {@code byService} and {@code bySubGoal} list every key, 0 for none, as {@code byForm} and the
   * CSV do: a client draws the same table for every card, and a correction that moves a delivery
   * away leaves a 0 behind rather than a missing key. A report frozen before this rule reads the
   * same way.
   */
  public record Deliveries(
      long total,
      long system,
      long individual,
      Map<String, Long> byService,
      Map<String, Long> bySubGoal) {

    public Deliveries {
      byService = everyKey(SERVICES, byService);
      bySubGoal = everyKey(SUB_GOALS, bySubGoal);
    }

    private static Map<String, Long> everyKey(List<String> keys, Map<String, Long> counted) {
      Map<String, Long> all = new LinkedHashMap<>();
      Map<String, Long> given = counted == null ? Map.of() : counted;
      keys.forEach(k -> all.put(k, given.getOrDefault(k, 0L)));
      // A key outside the list (an event from a newer producer) is shown rather than dropped.
      given.forEach(all::putIfAbsent);
      return Collections.unmodifiableMap(all);
    }
  }

  /**
   * {@code systemShare} and {@code met} are over the direct deliveries only. {@code met} compares
   * the exact fraction (system * 3 >= direct * 2); {@code systemShareMin} is the 2/3 target rounded
   * to four decimals, for showing, so a share of 0.6666666666666666 meets it.
   */
  public record Target(
      @Schema(
              description =
                  "The target, 2/3 rounded to four decimals (0.6667), for showing: whether a card"
                      + " meets it is met, which compares the exact fraction; do not compare"
                      + " systemShare with this")
          double systemShareMin,
      @Schema(
              nullable = true,
              description =
                  "Whether at least 2/3 of the direct deliveries are system-directed, compared"
                      + " exactly (a share of 0.6666666666666666 meets the target); none without"
                      + " direct deliveries")
          Boolean met) {}

  /** One month of the trend: every delivery, the direct ones, and their system-directed share. */
  public record TrendMonth(
      YearMonth month, long total, long direct, @Schema(nullable = true) Double systemShare) {}

  /**
   * The same period a year before: {@code total} its deliveries. For a period under way, {@code
   * sameDays} the deliveries of its days so far a year before, and {@code change} is against these
   * (a quarter five days old is not compared with a whole quarter); otherwise {@code sameDays} is
   * none and {@code change} is against the whole. {@code change} is relative: 0.1 means 10 % more;
   * none when the base had no deliveries, or for a period that has not begun.
   */
  public record PreviousYear(
      String period,
      long total,
      @Schema(nullable = true) SameDays sameDays,
      @Schema(nullable = true) Double change) {}

  /** A year before, from the period's first day to {@code to} (today's date then). */
  public record SameDays(LocalDate to, long total) {}

  public record ForecastView(long yearTotal) {}

  /**
   * The agreements as they stood on the period's last day (for a period still running: as they
   * stand now): an agreement that ended within the period is not active, though its enterprise's
   * deliveries in the period count in {@code withDelivery}.
   */
  public record Agreements(
      @Schema(description = "Agreements active on the period's last day (now, while it runs)")
          long active,
      @Schema(description = "Agreements signed within the period") long newInPeriod,
      @Schema(
              description =
                  "Of the agreements active on the period's last day, those that had a contact"
                      + " person by that day (one named later counts in a later period)")
          long withContactPerson,
      @Schema(
              description =
                  "Enterprises with at least one delivery in the period, an agreement that ended"
                      + " within it included (so it can exceed active)")
          long withDelivery) {}

  public record Resigning(
      @Schema(nullable = true) UUID campaignId,
      long due,
      long resigned,
      @Schema(nullable = true) Double rate) {}

  public record RegistrationLag(
      @Schema(
              nullable = true,
              description =
                  "Days from delivery to registration: the lower median, a day some delivery"
                      + " actually took (of an even count the lower of the two middle ones, not"
                      + " their average); null without deliveries")
          Integer medianDays) {}

  /** The card as of {@code today} (a period under way is compared with its days so far). */
  public static Card of(
      Scope scope,
      Period period,
      Figures f,
      long forecast,
      UUID campaignId,
      OffsetDateTime asOf,
      LocalDate today) {
    return new Card(
        scope,
        new PeriodView(period.id(), period.from(), period.to()),
        new Deliveries(
            f.total(), f.deliveries.system(), f.deliveries.individual(), f.byService, f.bySubGoal),
        f.deliveries.byForm(),
        f.deliveries.systemShare(),
        new Target(SYSTEM_SHARE_MIN, f.deliveries.targetMet()),
        trend(period, f),
        previousYear(period, f, today),
        new ForecastView(forecast),
        new Agreements(f.activeAgreements, f.newAgreements, f.withContactPerson, f.withDelivery),
        new Resigning(campaignId, f.resigningDue, f.resigningResigned, f.resigningRate()),
        new RegistrationLag(f.medianLagDays()),
        asOf);
  }

  static PreviousYear previousYear(Period period, Figures f, LocalDate today) {
    if (period.from().isAfter(today)) {
      // A period that has not begun has no deliveries yet: not a fall of 100 %.
      return new PreviousYear(period.yearBefore().id(), f.previousYearTotal, null, null);
    }
    if (period.to().isBefore(today)) {
      return new PreviousYear(
          period.yearBefore().id(), f.previousYearTotal, null, f.changeFromPreviousYear());
    }
    long sameDays = f.previousYearSameDays(period, today);
    return new PreviousYear(
        period.yearBefore().id(),
        f.previousYearTotal,
        new SameDays(today.minusYears(1), sameDays),
        f.change(sameDays));
  }

  /** The 12 months that end with the period's last month, oldest first. */
  static List<TrendMonth> trend(Period period, Figures f) {
    YearMonth last = YearMonth.from(period.to());
    List<TrendMonth> trend = new ArrayList<>(12);
    for (YearMonth month = last.minusMonths(11);
        !month.isAfter(last);
        month = month.plusMonths(1)) {
      Tally t = f.month(month);
      trend.add(new TrendMonth(month, t.total(), t.shareBase(), t.systemShare()));
    }
    return trend;
  }
}
