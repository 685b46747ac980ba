package no.nav.ia.e2e;

import io.restassured.response.Response;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import no.nav.ia.platform.rest.RetryAfter;

/**
 * The tests as a well-behaved client of the gateway: a 429 is waited out for the seconds its {@code
 * Retry-After} says, and then the same request is sent again (the caller's supplier builds it anew,
 * with the same Idempotency-Key where it has one). The gateway's rate limit stays in the path; how
 * fast the machine is decides how often the tests wait, never whether they pass.
 */
final class Polite {

  /** A client that is still refused after this many waits in a row has a real problem. */
  static final int MAX_WAITS_PER_REQUEST = 60;

  private static final AtomicInteger WAITS = new AtomicInteger();

  private Polite() {}

  /** Sends the request, waiting out every 429 before sending it again. */
  static Response send(Supplier<Response> request) {
    return send(request, Polite::sleepMillis);
  }

  static Response send(Supplier<Response> request, LongConsumer sleeper) {
    Response response = request.get();
    for (int waited = 0; response.statusCode() == 429; waited++) {
      if (waited == MAX_WAITS_PER_REQUEST) {
        throw new AssertionError("still 429 after " + waited + " waits: " + response.asString());
      }
      WAITS.incrementAndGet();
      sleeper.accept(RetryAfter.millis(response.header("Retry-After")));
      response = request.get();
    }
    return response;
  }

  /** How often a test waited for the rate limit since the JVM started. */
  static int waits() {
    return WAITS.get();
  }

  private static void sleepMillis(long millis) {
    ServiceProcess.sleep(millis);
  }
}
