package no.nav.ia.scorecard;

import java.time.LocalDate;
import java.util.Map;

/**
 * Forecast of a year's delivery total. A past year's forecast is its total. For the running year
 * the deliveries so far are divided by the share of last year's deliveries that had come by the
 * same date (seasonality: summer and Christmas are quiet); without last year's data, by the share
 * of the year that has passed.
 */
public final class Forecast {

  private Forecast() {}

  /**
   * {@code thisYear} and {@code lastYear} map month (1-12) to deliveries; {@code
   * lastYearThisMonthSoFar} is last year's deliveries of today's month up to today's date then.
   */
  public static long yearTotal(
      int year,
      Map<Integer, Long> thisYear,
      Map<Integer, Long> lastYear,
      long lastYearThisMonthSoFar,
      LocalDate today) {
    long soFar = thisYear.values().stream().mapToLong(Long::longValue).sum();
    if (year < today.getYear()) {
      return soFar;
    }
    if (year > today.getYear()) {
      return 0;
    }
    int month = today.getMonthValue();
    long lastYearTotal = lastYear.values().stream().mapToLong(Long::longValue).sum();
    double share;
    if (lastYearTotal > 0) {
      double comeBy = 0;
      for (int m = 1; m < month; m++) {
        comeBy += lastYear.getOrDefault(m, 0L);
      }
      comeBy += lastYearThisMonthSoFar;
      share = comeBy / lastYearTotal;
    } else {
      share = (month - 1 + (double) today.getDayOfMonth() / today.lengthOfMonth()) / 12.0;
    }
    if (share <= 0) {
      return soFar;
    }
    return Math.max(soFar, Math.round(soFar / share));
  }
}
