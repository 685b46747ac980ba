package no.nav.ia.platform.callid;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Takes or generates the Nav-Call-Id before anything else runs (also before authentication, so a
 * 401 carries it too), puts it in the MDC and echoes it on the response.
 */
@Singleton
public class CallIdRouteFilter {

  /** Runs before Quarkus' own authentication handlers. */
  static final int ORDER = Integer.MIN_VALUE + 10;

  void install(@Observes Router router) {
    router
        .route()
        .order(ORDER)
        .handler(
            ctx -> {
              take(ctx);
              ctx.next();
            });
  }

  /**
   * Takes the request's call id (or a new one) into the context, the MDC and the response; also for
   * an answer given before this filter ran (a request the router refused).
   */
  public static void take(io.vertx.ext.web.RoutingContext ctx) {
    String callId =
        CallId.acceptOrGenerate(
            ctx.request().getHeader(CallId.HEADER),
            ctx.request().getHeader(CallId.ALTERNATIVE_HEADER));
    ctx.put(CallId.MDC_KEY, callId);
    CallId.set(callId);
    ctx.response().putHeader(CallId.HEADER, callId);
  }
}
