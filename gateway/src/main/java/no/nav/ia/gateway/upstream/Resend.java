package no.nav.ia.gateway.upstream;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;

/**
 * Whether a request an instance lost (killed or crashed with it in hand: the connection closed or
 * reset before any answer came) may be sent once more, to another instance. Only where a second
 * sending can change nothing the first did not: the service may have done the request before it
 * died.
 */
final class Resend {

  /**
   * GET, HEAD and OPTIONS change nothing. DELETE is idempotent (RFC 9110 9.2.2), and so is the
   * platform's one DELETE, {@code /api/v1/deliveries/{id}}: voiding a voided delivery changes
   * nothing and answers 204 again, its If-Match not checked then (DeliveryService.voidDelivery), so
   * the client gets the answer the first sending would have given. A new DELETE must keep that
   * property. POST, PUT and PATCH are never sent again (an Idempotency-Key is the client's to use).
   */
  static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

  private Resend() {}

  /**
   * {@code answered}: an answer's head had come, so the service did the request and the failure
   * came with its body; that is not sent again (nor could it be for a client who got bytes, but the
   * gateway holds an answer whole before it passes it on).
   */
  static boolean allowed(String method, Throwable failure, boolean answered) {
    return METHODS.contains(method) && !answered && (lost(failure) || lost(failure.getCause()));
  }

  /** The connection closed or reset under the request; a refused one is another case (Upstream). */
  private static boolean lost(Throwable failure) {
    return failure instanceof HttpClosedException
        || failure instanceof IOException && !(failure instanceof ConnectException);
  }
}
