package no.nav.ia.bench;

import java.util.Arrays;

/** Percentiles of measured durations (nearest rank). */
final class Stats {

  private Stats() {}

  /** The p-th percentile (0 < p <= 100) of the values, by nearest rank. */
  static long percentile(long[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  static String ms(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000.0);
  }
}
