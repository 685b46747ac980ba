package no.nav.ia.platform.rest;

import io.vertx.core.VertxException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import no.nav.ia.platform.callid.CallIdRouteFilter;
import no.nav.ia.platform.problem.HttpErrors;
import no.nav.ia.platform.problem.ProblemMappers;

/**
 * An HTTP/1.1 request without a valid {@code Host} header (or an HTTP/2 one without its authority)
 * fails as Vert.x's router receives it, before any route's handler runs, and Quarkus's error page
 * answered it as {@code {"details":"Error id …","stack":""}}, not a problem. A failure handler
 * ahead of Quarkus's answers it as problem+json with a call id, in the gateway and in every
 * service; every other failure goes on to the handlers it went to before.
 *
 * <p>Left to Quarkus: a target {@code java.net.URI} cannot parse (such as {@code ?q=%zz}) is
 * answered with a bare 400 before the router (its {@code VertxHttpRecorder}; only the JVM flag
 * {@code vertx.disableURIValidation} turns that off), and a request line or headers over Vert.x's
 * limits with a bare 414 or 431.
 */
@Singleton
public class HostlessRequests {

  static final String DETAIL = "The request must name one valid host (the Host header)";

  /** After the call id, the gateway's access log and its browser headers; before the NUL check. */
  static final int ORDER = Integer.MIN_VALUE + 34;

  /** First among the failure handlers. */
  static final int FAILURE_ORDER = Integer.MIN_VALUE;

  private final ProblemMappers problems;

  HostlessRequests(ProblemMappers problems) {
    this.problems = problems;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
    router.route().order(FAILURE_ORDER).failureHandler(this::answer);
  }

  private void check(RoutingContext ctx) {
    if (ctx.request().authority() != null) {
      ctx.next();
      return;
    }
    problems.end(ctx, 400, HttpErrors.BAD_REQUEST, "Bad Request", DETAIL);
  }

  private void answer(RoutingContext ctx) {
    if (ctx.statusCode() != 400 || !isAboutTheHost(ctx.failure()) || ctx.response().headWritten()) {
      ctx.next();
      return;
    }
    CallIdRouteFilter.take(ctx);
    problems.end(ctx, 400, HttpErrors.BAD_REQUEST, "Bad Request", DETAIL);
  }

  /** Vert.x's own failure for a request without a (valid) Host header or HTTP/2 authority. */
  static boolean isAboutTheHost(Throwable failure) {
    String message = failure instanceof VertxException ? failure.getMessage() : null;
    return message != null && (message.contains("'Host'") || message.contains("':authority'"));
  }
}
