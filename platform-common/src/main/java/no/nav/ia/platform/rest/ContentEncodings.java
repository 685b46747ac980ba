package no.nav.ia.platform.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Locale;
import no.nav.ia.platform.problem.HttpErrors;
import no.nav.ia.platform.problem.ProblemMappers;

/**
 * A body with a {@code Content-Encoding} (gzip, br, ...) is 415, before it is read: it was read as
 * if it had none, so a compressed body was told it is "not well-formed JSON" and a plain one
 * labelled gzip was taken (RFC 9110 15.5.16: an unsupported content coding is 415). Bodies are
 * small and go uncompressed; {@code identity} is no coding. In the gateway and every service.
 */
@Singleton
public class ContentEncodings {

  /** After the Host, Authorization and NUL checks, before a body is read (BodyLimits). */
  static final int ORDER = Integer.MIN_VALUE + 38;

  private final ProblemMappers problems;

  ContentEncodings(ProblemMappers problems) {
    this.problems = problems;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String coding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
    if (coding == null
        || coding.strip().toLowerCase(Locale.ROOT).equals("identity")
        || !hasBody(request)) {
      ctx.next();
      return;
    }
    // What it takes, as RFC 9110 (12.5.3, 15.5.16) has a 415 for a coding say: none (an HTTP
    // review's client could not learn it from the answer).
    ctx.response().putHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
    problems.end(
        ctx,
        415,
        HttpErrors.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported Media Type",
        "The body must be sent without a Content-Encoding (not compressed)");
  }

  /**
   * A length other than 0, a chunked body, or an HTTP/2 stream not ended with its headers (HTTP/2
   * needs no length).
   */
  private static boolean hasBody(HttpServerRequest request) {
    long length = BodyLimits.contentLength(request);
    if (length >= 0) {
      return length > 0;
    }
    return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
        || (request.version() == HttpVersion.HTTP_2 && !request.isEnded());
  }
}
