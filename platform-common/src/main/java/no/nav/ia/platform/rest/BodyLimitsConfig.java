package no.nav.ia.platform.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/**
 * How large a request body may be ({@link BodyLimits}). Most of the API takes one item (a delivery,
 * an agreement, a report's sections); only its bulk paths take up to {@code
 * quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "ia.http")
public interface BodyLimitsConfig {

  /**
   * The largest body of a request to any other path. The largest valid single item is a report's
   * four sections of 10,000 characters each: at most 160 KB in UTF-8, and 480 KB in the most
   * wasteful JSON a client could send (every character outside the BMP, escaped as a surrogate pair
   * {@code \\uD83D\\uDE00}).
   */
  @WithDefault("512K")
  MemorySize bodyLimit();

  /**
   * How long a request's body may take to arrive, from its headers to its last byte ({@link
   * BodyLimits}): one not complete by then is answered 408 and its connection closed. The largest
   * body (a 4 MB batch) needs about 1 Mbit/s to arrive within 30 s. Zero: no limit.
   */
  @WithDefault("30s")
  Duration bodyTimeout();

  /** Paths (exact, without query) whose bodies may reach {@code max-body-size}. */
  @WithDefault("/api/v1/deliveries/batch")
  Set<String> bulkPaths();
}
