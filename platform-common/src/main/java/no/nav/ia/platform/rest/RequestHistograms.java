package no.nav.ia.platform.rest;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * Request durations as Prometheus histograms, so that a p99 can be read across the pods of an app
 * ({@code histogram_quantile} over {@code http_server_requests_seconds_bucket}, and per route at
 * the gateway over {@code ia_gateway_requests_seconds_bucket}): a handful of buckets around the
 * platform's targets, not Micrometer's seventy, since every bucket is a series per route, method
 * and status.
 *
 * <p>And a method the client made up ({@code BREW /x}, which Vert.x passes on) is tagged {@code
 * OTHER}: each new name was about fifteen series more, kept for the life of the process, from
 * requests without a token.
 */
@Singleton
public class RequestHistograms {

  /** Micrometer's request timers, and the gateway's per route (route, method, status). */
  static final Set<String> TIMED =
      Set.of("http.server.requests", "http.client.requests", "ia.gateway.requests");

  /** The methods of HTTP (RFC 9110) and PATCH; any other is counted as {@code OTHER}. */
  public static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  static final long[] BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000};

  @Produces
  @Singleton
  MeterFilter requestHistograms() {
    double[] nanos = new double[BUCKETS_MS.length];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = Duration.ofMillis(BUCKETS_MS[i]).toNanos();
    }
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String method = id.getTag("method");
        if (method == null || !TIMED.contains(id.getName()) || METHODS.contains(method)) {
          return id;
        }
        return id.withTag(Tag.of("method", "OTHER"));
      }

      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!TIMED.contains(id.getName())) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(nanos)
            .build()
            .merge(config);
      }
    };
  }
}
