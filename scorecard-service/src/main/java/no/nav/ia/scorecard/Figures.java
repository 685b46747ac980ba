package no.nav.ia.scorecard;

import java.util.Map;
import java.util.TreeMap;

/** Additive figures of one scope and period: two scopes' figures add up to their union's. */
public final class Figures {

  public final Map<String, Long> byService = new TreeMap<>();
  public final Map<String, Long> bySubGoal = new TreeMap<>();
  public final Map<Integer, Long> lagHistogram = new TreeMap<>();
  public final Map<Integer, Long> monthsThisYear = new TreeMap<>();
  public final Map<Integer, Long> monthsLastYear = new TreeMap<>();
  public long system;
  public long individual;
  public long previousYearTotal;
  public long activeAgreements;
  public long newAgreements;
  public long withContactPerson;
  public long withDelivery;
  public long resigningDue;
  public long resigningResigned;

  /** Nothing to show: no delivery this period or the year before, no agreement, nothing due. */
  public boolean isEmpty() {
    return total() == 0
        && previousYearTotal == 0
        && activeAgreements == 0
        && newAgreements == 0
        && resigningDue == 0;
  }

  public long total() {
    return system + individual;
  }

  /** System-directed share of all deliveries, or null when there are none. */
  public Double systemShare() {
    return total() == 0 ? null : (double) system / total();
  }

  /**
   * At least 2/3 system-directed, compared exactly (3 * system >= 2 * total); null without
   * deliveries.
   */
  public Boolean targetMet() {
    return total() == 0 ? null : 3 * system >= 2 * total();
  }

  /** Relative change against the same period a year before, or null when that had none. */
  public Double changeFromPreviousYear() {
    return previousYearTotal == 0
        ? null
        : (double) (total() - previousYearTotal) / previousYearTotal;
  }

  /** The median days from delivery to registration, or null without deliveries. */
  public Integer medianLagDays() {
    long count = lagHistogram.values().stream().mapToLong(Long::longValue).sum();
    if (count == 0) {
      return null;
    }
    long middle = (count + 1) / 2;
    long seen = 0;
    for (Map.Entry<Integer, Long> e : lagHistogram.entrySet()) {
      seen += e.getValue();
      if (seen >= middle) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("unreachable");
  }

  public Double resigningRate() {
    return resigningDue == 0 ? null : (double) resigningResigned / resigningDue;
  }

  public Figures add(Figures other) {
    other.byService.forEach((k, v) -> byService.merge(k, v, Long::sum));
    other.bySubGoal.forEach((k, v) -> bySubGoal.merge(k, v, Long::sum));
    other.lagHistogram.forEach((k, v) -> lagHistogram.merge(k, v, Long::sum));
    other.monthsThisYear.forEach((k, v) -> monthsThisYear.merge(k, v, Long::sum));
    other.monthsLastYear.forEach((k, v) -> monthsLastYear.merge(k, v, Long::sum));
    system += other.system;
    individual += other.individual;
    previousYearTotal += other.previousYearTotal;
    activeAgreements += other.activeAgreements;
    newAgreements += other.newAgreements;
    withContactPerson += other.withContactPerson;
    withDelivery += other.withDelivery;
    resigningDue += other.resigningDue;
    resigningResigned += other.resigningResigned;
    return this;
  }
}
