package no.nav.ia.gateway.rest;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import no.nav.ia.gateway.config.GatewayConfig;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.rest.RequestHistograms;
import no.nav.ia.platform.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One access line per request to the API or the dashboard, whatever answered it: the services, the
 * gateway itself, or the security layer before any resource ran (401 for a missing or bad token,
 * 403 for a missing role), so refused calls are as visible as served ones. Call id (from the MDC),
 * subject (NAV-ident or client id; "-" before authentication), route, method, status ({@code
 * aborted} for a request whose client left before the answer), latency.
 */
@Singleton
public class AccessLog {

  private static final Logger ACCESS = Logger.getLogger("gateway.access");

  /** The routes to the services, and the gateway's own under /api/v1 (the AsyncAPI document). */
  private final Set<String> routes;

  AccessLog(GatewayConfig config) {
    Set<String> known = new java.util.HashSet<>(config.routes().keySet());
    known.add("events");
    known.add(ProxyResource.OPERATIONS);
    this.routes = Set.copyOf(known);
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 20)
        .handler(
            ctx -> {
              String path = ctx.request().path();
              if (path.startsWith("/api/") || path.startsWith("/dashboard")) {
                long start = System.nanoTime();
                ctx.addEndHandler(done -> line(ctx, path, start));
              }
              ctx.next();
            });
  }

  private void line(RoutingContext ctx, String path, long start) {
    Object callId = ctx.get(CallId.MDC_KEY);
    if (callId != null) {
      MDC.put(CallId.MDC_KEY, callId);
    }
    if (!ACCESS.isInfoEnabled()) {
      return;
    }
    // Concatenated, not infof: printf's parser cost about 6 % of the gateway's CPU under ingest.
    ACCESS.info(
        "subject="
            + subject(ctx)
            + " route="
            + route(path, routes)
            + " method="
            + method(ctx.request().method().name())
            + " status="
            + status(ctx)
            + " latency_ms="
            + (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * The first segment after /api/v1/ if it is one of {@code routes} (the service's route), or
   * "dashboard", else "unknown": any other segment is the client's text, and it might hold anything
   * (a name, an identity number pasted in the wrong place), so it stays out of the log.
   */
  static String route(String path, Set<String> routes) {
    if (!path.startsWith("/api/v1/")) {
      return path.startsWith("/dashboard") ? "dashboard" : "unknown";
    }
    String rest = path.substring("/api/v1/".length());
    int slash = rest.indexOf('/');
    String segment = slash < 0 ? rest : rest.substring(0, slash);
    return routes.contains(segment) ? segment : "unknown";
  }

  /**
   * The answer's status, or {@code aborted} when the connection closed before it was sent (a client
   * that gave up, or went away while sending its body): the status code set by then was not sent,
   * and read 200 where no answer was given.
   */
  static String status(RoutingContext ctx) {
    return ctx.response().ended() ? String.valueOf(ctx.response().getStatusCode()) : "aborted";
  }

  /** The request's method, or OTHER for one HTTP does not define (the client's word). */
  static String method(String name) {
    return RequestHistograms.METHODS.contains(name) ? name : "OTHER";
  }

  private static String subject(RoutingContext ctx) {
    if (!(ctx.user() instanceof QuarkusHttpUser user)) {
      return "-";
    }
    SecurityIdentity identity = user.getSecurityIdentity();
    if (identity.isAnonymous()) {
      return "-";
    }
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      // Who the services record: the gateway's clients name nobody else, so no forwarded consumer.
      return Caller.actorOf(
          jwt, identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE), null, List.of());
    }
    return identity.getPrincipal().getName();
  }
}
