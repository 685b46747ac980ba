package no.nav.ia.scorecard.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.scorecard.Figures;
import no.nav.ia.scorecard.Period;

/** One scorecard (målekort) as API.md describes it. */
public record Card(
    Scope scope,
    PeriodView period,
    Deliveries deliveries,
    Double systemShare,
    Target target,
    PreviousYear previousYear,
    ForecastView forecast,
    Agreements agreements,
    Resigning resigning,
    RegistrationLag registrationLag,
    OffsetDateTime asOf) {

  public static final double SYSTEM_SHARE_MIN = 0.6667;

  public record Scope(String type, String code, String name) {}

  public record PeriodView(String id, LocalDate from, LocalDate to) {}

  public record Deliveries(
      long total,
      long system,
      long individual,
      Map<String, Long> byService,
      Map<String, Long> bySubGoal) {}

  public record Target(double systemShareMin, Boolean met) {}

  /** {@code change} is relative: 0.1 means 10 % more than the same period a year before. */
  public record PreviousYear(String period, long total, Double change) {}

  public record ForecastView(long yearTotal) {}

  public record Agreements(
      long active, long newInPeriod, long withContactPerson, long withDelivery) {}

  public record Resigning(UUID campaignId, long due, long resigned, Double rate) {}

  public record RegistrationLag(Integer medianDays) {}

  public static Card of(
      Scope scope, Period period, Figures f, long forecast, UUID campaignId, OffsetDateTime asOf) {
    return new Card(
        scope,
        new PeriodView(period.id(), period.from(), period.to()),
        new Deliveries(f.total(), f.system, f.individual, f.byService, f.bySubGoal),
        f.systemShare(),
        new Target(SYSTEM_SHARE_MIN, f.targetMet()),
        new PreviousYear(period.yearBefore().id(), f.previousYearTotal, f.changeFromPreviousYear()),
        new ForecastView(forecast),
        new Agreements(f.activeAgreements, f.newAgreements, f.withContactPerson, f.withDelivery),
        new Resigning(campaignId, f.resigningDue, f.resigningResigned, f.resigningRate()),
        new RegistrationLag(f.medianLagDays()),
        asOf);
  }
}
