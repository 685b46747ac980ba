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

  /**
   * The share of the values above the limit, in percent with two decimals: the open loop's against
   * the latency buckets the services count (bench/run), so one can tell where a slow request was
   * slow.
   */
  static String percentOver(long[] values, long limit) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    long over = Arrays.stream(values).filter(v -> v > limit).count();
    return String.format(java.util.Locale.ROOT, "%.2f", 100.0 * over / values.length);
  }

  static String ms(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000.0);
  }
}
