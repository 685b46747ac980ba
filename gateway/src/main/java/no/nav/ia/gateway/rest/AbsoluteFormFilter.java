package no.nav.ia.gateway.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import no.nav.ia.gateway.GatewayErrors;
import no.nav.ia.platform.problem.ProblemMappers;

/**
 * Refuses a request whose target is not a path ("origin-form", RFC 9112 3.2.1), such as the
 * absolute form {@code GET http://elsewhere/api/v1/agreements} that only proxies are meant to
 * receive: a clear 400 problem before authentication or routing, instead of a URL the gateway
 * cannot build (500).
 */
@Singleton
public class AbsoluteFormFilter {

  /** Right after the call id is set, before authentication. */
  static final int ORDER = Integer.MIN_VALUE + 20;

  @Inject ProblemMappers problems;

  void install(@Observes Router router) {
    router
        .route()
        .order(ORDER)
        .handler(
            ctx -> {
              String uri = ctx.request().uri();
              if (uri != null && uri.startsWith("/")) {
                ctx.next();
                return;
              }
              problems.end(
                  ctx,
                  400,
                  GatewayErrors.BAD_REQUEST_TARGET,
                  "Bad Request",
                  "The request target must be a path, not an absolute URL");
            });
  }
}
