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
   * GET, HEAD and OPTIONS change nothing. DELETE is idempotent (RFC 9110 9.2.2), and so are the
   * platform's: {@code /api/v1/deliveries/{id}}, voiding a voided delivery changes nothing and
   * answers 204 again, its If-Match not checked then (DeliveryService.voidDelivery), and {@code
   * /api/v1/deliveries/{id}/note}, erasing an erased note (204, DeliveryService.eraseNote), as
   * erasing a case's note or an agreement's end reason again is (CampaignService.eraseNote,
   * AgreementService.eraseEndReason) and erasing a report's section or reopening reasons again
   * (ReportService.eraseSection, eraseReasons: nothing left, no version); so the client gets the
   * answer the first sending would have given. A new DELETE must keep that property. POST, PUT and
   * PATCH are never sent again (an Idempotency-Key is the client's to use).
   */
  static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

  private Resend() {}

  /** Those that change nothing, however far the lost answer had come. */
  static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  /**
   * {@code answered}: an answer's head had come before the connection went (the body cut short).
   * The client has had nothing of it (the gateway holds an answer whole before it passes it on), so
   * a safe request is sent again all the same (an instance killed while it sent a long list lost
   * one GET in seven kills); a DELETE is not: the service did it, and the client is told.
   */
  static boolean allowed(String method, Throwable failure, boolean answered) {
    return METHODS.contains(method) && (!answered || SAFE.contains(method)) && lostRequest(failure);
  }

  /** Whether the connection closed or reset under the request (or its cause says so). */
  static boolean lostRequest(Throwable failure) {
    return lost(failure) || lost(failure.getCause());
  }

  /** The connection closed or reset under the request; a refused one is another case (Upstream). */
  private static boolean lost(Throwable failure) {
    return failure instanceof HttpClosedException
        || failure instanceof IOException && !(failure instanceof ConnectException);
  }
}
