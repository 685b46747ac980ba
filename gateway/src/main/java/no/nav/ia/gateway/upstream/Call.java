package no.nav.ia.gateway.upstream;

import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.List;
import no.nav.ia.platform.security.HopTokens.Hop;

/**
 * One request on its way to a service's instances: what every attempt sends (the same body, token
 * and Nav-Call-Id), the instances in the order to try them, and when the request's timeout started.
 */
record Call(
    HttpServerRequest request,
    String path,
    Instances instances,
    List<String> order,
    byte[] body,
    Duration timeout,
    Hop hop,
    String route,
    String callId,
    long startNanos) {

  /**
   * The request's timeout less the time its attempts took: an attempt after the first waits so
   * long.
   */
  Duration left() {
    return timeout.minusNanos(System.nanoTime() - startNanos);
  }
}
