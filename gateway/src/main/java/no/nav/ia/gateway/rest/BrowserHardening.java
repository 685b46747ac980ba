package no.nav.ia.gateway.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import no.nav.ia.platform.problem.ProblemMappers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the browser pages (the dashboard, its login and logout) get on top of the session cookie:
 *
 * <ul>
 *   <li>a Content-Security-Policy without scripts, with {@code frame-ancestors 'none'} (no page of
 *       the platform inside another site's frame) and forms only to the gateway and the issuer
 *       (logout goes on to the issuer's end-session page);
 *   <li>logout only as POST: a GET, which any page could trigger with an image, is 405. With the
 *       cookie's SameSite=Lax another site's POST carries no session, so logout needs no token.
 * </ul>
 */
@Singleton
public class BrowserHardening {

  /**
   * After the call id and the request-target check, before authentication (which handles logout).
   */
  static final int ORDER = Integer.MIN_VALUE + 30;

  static final String LOGOUT_PATH = "/dashboard/logout";

  @Inject ProblemMappers problems;

  @ConfigProperty(name = "quarkus.oidc.web.auth-server-url")
  String issuer;

  /**
   * The policy for the browser pages, allowing forms to post to the gateway and the given issuer
   * origin.
   */
  static String contentSecurityPolicy(String issuerOrigin) {
    return "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self' "
        + issuerOrigin
        + "; frame-ancestors 'none'; base-uri 'none'";
  }

  public static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  void install(@Observes Router router) {
    String policy = contentSecurityPolicy(origin(issuer));
    router
        .route()
        .order(ORDER)
        .handler(
            ctx -> {
              String path = ctx.request().path();
              if (path == null || !(path.startsWith("/dashboard") || path.equals("/logged-out"))) {
                ctx.next();
                return;
              }
              ctx.response()
                  .putHeader("Content-Security-Policy", policy)
                  .putHeader("X-Content-Type-Options", "nosniff")
                  .putHeader("Referrer-Policy", "no-referrer");
              if (path.equals(LOGOUT_PATH) && ctx.request().method() != HttpMethod.POST) {
                problems.end(
                    ctx.response().putHeader("Allow", "POST"),
                    405,
                    "METHOD_NOT_ALLOWED",
                    "Method Not Allowed",
                    "Log out with POST");
                return;
              }
              ctx.next();
            });
  }
}
