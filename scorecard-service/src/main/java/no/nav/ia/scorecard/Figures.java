package no.nav.ia.scorecard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Additive figures of one scope and period: two scopes' figures add up to their union's. */
public final class Figures {

  public final Map<String, Long> byService = new TreeMap<>();
  public final Map<String, Long> bySubGoal = new TreeMap<>();
  public final Map<Integer, Long> lagHistogram = new TreeMap<>();

  /** The period's deliveries by direction and form. */
  public final Tally deliveries = new Tally();

  /** The deliveries of each month of the period's year and the year before. */
  public final Map<YearMonth, Tally> months = new TreeMap<>();

  public long previousYearTotal;

  /**
   * The deliveries of this month a year before, up to today's date then (read for periods of the
   * running year: the same days of a period under way, and the forecast's share of the year).
   */
  public long lastYearThisMonthSoFar;

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
    return deliveries.total();
  }

  /** The deliveries of a month, none when it had none. */
  public Tally month(YearMonth month) {
    Tally tally = months.get(month);
    return tally == null ? new Tally() : tally;
  }

  /** Month (1-12) to deliveries of a year, as the forecast takes them. */
  public Map<Integer, Long> monthTotals(int year) {
    Map<Integer, Long> totals = new TreeMap<>();
    months.forEach(
        (month, tally) -> {
          if (month.getYear() == year) {
            totals.put(month.getMonthValue(), tally.total());
          }
        });
    return totals;
  }

  /** Relative change against the same period a year before, or null when that had none. */
  public Double changeFromPreviousYear() {
    return change(previousYearTotal);
  }

  /** Relative change against {@code before} deliveries, or null when that was none. */
  public Double change(long before) {
    return before == 0 ? null : (double) (total() - before) / before;
  }

  /**
   * The deliveries a year before of a period under way's days so far: from its first day to {@code
   * today}'s date a year before (the months before this one, and this month's days up to that
   * date).
   */
  public long previousYearSameDays(Period period, LocalDate today) {
    YearMonth thisMonthThen = YearMonth.from(today).minusYears(1);
    long total = lastYearThisMonthSoFar;
    for (YearMonth m = YearMonth.from(period.from()).minusYears(1);
        m.isBefore(thisMonthThen);
        m = m.plusMonths(1)) {
      total += month(m).total();
    }
    return total;
  }

  /**
   * The lower median of the days from delivery to registration (of an even count the lower middle
   * one: a whole day some delivery took), or null without deliveries.
   */
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

  /**
   * Counts each enterprise with a delivery once when the figures of several county codes were added
   * up: the count of each code holds an enterprise served under it, so an enterprise served under
   * two of the added codes in the period (one agreement ended in one county, the next signed in
   * another) was counted twice.
   *
   * @param codesServedUnder for each enterprise served under more than one code in the period,
   *     those codes
   * @param added the codes whose figures were added up
   */
  public Figures countEnterprisesOnce(
      Collection<Set<String>> codesServedUnder, Collection<String> added) {
    for (Set<String> codes : codesServedUnder) {
      long counted = codes.stream().filter(added::contains).count();
      if (counted > 1) {
        withDelivery -= counted - 1;
      }
    }
    return this;
  }

  public Figures add(Figures other) {
    other.byService.forEach((k, v) -> byService.merge(k, v, Long::sum));
    other.bySubGoal.forEach((k, v) -> bySubGoal.merge(k, v, Long::sum));
    other.lagHistogram.forEach((k, v) -> lagHistogram.merge(k, v, Long::sum));
    deliveries.add(other.deliveries);
    other.months.forEach((k, v) -> months.computeIfAbsent(k, m -> new Tally()).add(v));
    previousYearTotal += other.previousYearTotal;
    lastYearThisMonthSoFar += other.lastYearThisMonthSoFar;
    activeAgreements += other.activeAgreements;
    newAgreements += other.newAgreements;
    withContactPerson += other.withContactPerson;
    withDelivery += other.withDelivery;
    resigningDue += other.resigningDue;
    resigningResigned += other.resigningResigned;
    return this;
  }
}
