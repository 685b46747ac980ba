package no.nav.ia.platform.rest;

import io.netty.handler.codec.DateFormatter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Date;

/**
 * Every answer carries {@code Date} (RFC 9110, 6.6.1: an origin server with a clock sends it), in
 * the one form HTTP dates are written in (IMF-fixdate, {@code Mon, 07 Dec 2026 11:19:30 GMT}). An
 * HTTP review found none on any API answer; clients read it to tell their clock's skew (a token
 * refused as not yet valid) and caches an answer's age. Set as the headers are written, so it
 * stands over one a service's answer brought to the gateway, and over Vert.x's own on static files
 * (written with a one-digit day).
 */
@Singleton
public class DateHeader {

  /** Right after the call id, before anything can answer. */
  static final int ORDER = Integer.MIN_VALUE + 11;

  /** The last second's text: formatted once a second, not once per answer. */
  private volatile Stamp last = new Stamp(-1, "");

  private record Stamp(long second, String text) {}

  void install(@Observes Router router) {
    router
        .route()
        .order(ORDER)
        .handler(
            ctx -> {
              ctx.addHeadersEndHandler(
                  written ->
                      ctx.response()
                          .headers()
                          .set(HttpHeaders.DATE, now(System.currentTimeMillis())));
              ctx.next();
            });
  }

  String now(long epochMillis) {
    long second = epochMillis / 1000;
    Stamp stamp = last;
    if (stamp.second() != second) {
      stamp = new Stamp(second, format(second * 1000));
      last = stamp;
    }
    return stamp.text();
  }

  /** An instant as an HTTP date (IMF-fixdate). */
  static String format(long epochMillis) {
    return DateFormatter.format(new Date(epochMillis));
  }
}
