package no.nav.ia.gateway.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import no.nav.ia.platform.callid.CallId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What the browser pages (the dashboard, its login and logout) get on top of the session cookie:
 *
 * <ul>
 *   <li>a Content-Security-Policy without scripts, with {@code frame-ancestors 'none'} (no page of
 *       the platform inside another site's frame) and forms only to the gateway and the issuer
 *       (logout goes on to the issuer's end-session page);
 *   <li>logout only as POST: a GET, which any page could trigger with an image, is 405 (a page
 *       saying so, BrowserErrorPage). With the cookie's SameSite=Lax another site's POST carries no
 *       session, so logout needs no token.
 * </ul>
 *
 * The same headers go on any HTML the API answers with (a report's printable page for {@code
 * Accept: text/html}): it is a page in the browser like the dashboard's. Every other answer of the
 * API (JSON, problems, CSV) says no content sniffing and a policy that lets nothing load or frame
 * it ({@link #API_POLICY}, OWASP's advice for REST answers): a JSON answer opened in a browser
 * stays data (a security review).
 */
@Singleton
public class BrowserHardening {

  /**
   * After the call id and the request-target check, before authentication (which handles logout).
   */
  static final int ORDER = Integer.MIN_VALUE + 30;

  static final String LOGOUT_PATH = "/dashboard/logout";

  /** The code flow's redirect path (quarkus.oidc.web.authentication.redirect-path). */
  static final String CALLBACK_PATH = "/dashboard/callback";

  /**
   * quarkus-oidc's session cookie of the web tenant; a large session is split into chunks named so.
   */
  static final String SESSION_COOKIE = "q_session_web";

  /**
   * quarkus-oidc's state cookie of the web tenant's login in progress, its name ending in the
   * state.
   */
  static final String STATE_COOKIE = "q_auth_web";

  @ConfigProperty(name = "quarkus.oidc.web.auth-server-url")
  String issuer;

  @ConfigProperty(name = "quarkus.oidc.web.logout.post-logout-path")
  String loggedOutPath;

  @ConfigProperty(name = "quarkus.oidc.web.client-id")
  String clientId;

  /** GatewayConfig's issuerLogoutUrl (read as a property: this bean is made before the mapping). */
  @ConfigProperty(name = "ia.gateway.issuer-logout-url")
  String issuerLogout;

  /** GatewayConfig's publicUrl. */
  @ConfigProperty(name = "ia.gateway.public-url")
  java.util.Optional<String> publicUrl;

  private Map<String, String> headers;

  /**
   * The policy for the browser pages, allowing forms to post to the gateway and the given issuer
   * origin.
   */
  static String contentSecurityPolicy(String issuerOrigin) {
    return "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self' "
        + issuerOrigin
        + "; frame-ancestors 'none'; base-uri 'none'";
  }

  /** The policy of the API's answers that are no page: nothing loads, nothing frames them. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /**
   * The policy of everything else the gateway serves (Swagger UI, the OpenAPI documents, an unknown
   * path): Swagger UI runs its own scripts, so only framing by another site is ruled out (a review
   * found Swagger UI, whose "Authorize" takes a token, framable by any site).
   */
  static final String OTHER_POLICY = "frame-ancestors 'none'";

  /**
   * An answer's headers that is no dashboard page, as they are about to be written: no content
   * sniffing, and the given policy unless the answer has one by then (a page of the API, {@link
   * #apiPages}, keeps its own).
   */
  static void answerHeaders(io.vertx.core.http.HttpServerResponse response, String policy) {
    var headers = response.headers();
    headers.set("X-Content-Type-Options", "nosniff");
    if (!headers.contains("Content-Security-Policy")) {
      headers.set("Content-Security-Policy", policy);
    }
  }

  /**
   * Whether a path is the API's, as the REST layer routes it: normalized ({@code /%61pi/v1/...} and
   * {@code /x/../api/v1/...} reach the proxy as {@code /api/v1/...}).
   */
  public static boolean isApi(String normalizedPath) {
    return normalizedPath != null
        && (normalizedPath.equals("/api") || normalizedPath.startsWith("/api/"));
  }

  public static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** The browser pages: the dashboard, its login and logout, and the page after logout. */
  static boolean isBrowserPage(String path) {
    return path.startsWith("/dashboard") || path.equals("/logged-out");
  }

  /** Whether the browser sent a session cookie (not whether the session in it is still good). */
  static boolean hasSession(java.util.Collection<String> cookieNames) {
    return cookieNames.stream().anyMatch(name -> name.startsWith(SESSION_COOKIE));
  }

  /** The headers every page gets: the policy, no content sniffing, no referrer. */
  Map<String, String> headers() {
    if (headers == null) {
      headers =
          Map.of(
              "Content-Security-Policy",
              contentSecurityPolicy(origin(issuer)),
              "X-Content-Type-Options",
              "nosniff",
              "Referrer-Policy",
              "no-referrer");
    }
    return headers;
  }

  /**
   * The API's HTML (a report's printable page for {@code Accept: text/html}) is a page too: it gets
   * the same headers, on the way out, by its content type (the API's JSON needs none). A response
   * filter, so that only answers that are pages pay for it.
   */
  @ServerResponseFilter
  public void apiPages(ContainerRequestContext request, ContainerResponseContext response) {
    String type = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (type != null
        && type.toLowerCase(Locale.ROOT).startsWith(MediaType.TEXT_HTML)
        && isApi(request.getUriInfo().getRequestUri().normalize().getPath())) {
      headers().forEach(response.getHeaders()::putSingle);
    }
  }

  /**
   * "Logg ut" without a session (it ran out, or its cookie can no longer be read): there is nothing
   * to end at the gateway, and the code flow answered with a login instead, whose return was a GET
   * of the logout address (405), logged in on an error page. Such a POST goes to the issuer's
   * end-session page and from there to the logged-out page, without a login: the person's session
   * at the issuer may outlive the gateway's, and on a shared machine the next "Logg inn igjen"
   * would otherwise sign in as them without a word. A session's logout (Quarkus' own redirect
   * there) passes.
   */
  @ServerResponseFilter
  public void logoutWithoutSession(
      ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() != 302
        || !"POST".equals(request.getMethod())
        || !LOGOUT_PATH.equals(request.getUriInfo().getRequestUri().getRawPath())) {
      return;
    }
    String location = response.getHeaderString(HttpHeaders.LOCATION);
    if (location != null && location.contains("response_type=code")) {
      URI base = request.getUriInfo().getBaseUri();
      String origin =
          publicUrl
              .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
              .orElse(base.getScheme() + "://" + base.getRawAuthority());
      response.setStatus(303);
      // The state cookie of the login that is not going to happen (written by Vert.x, not here)
      // expires by itself.
      response
          .getHeaders()
          .putSingle(
              HttpHeaders.LOCATION,
              issuerLogout
                  + "?client_id="
                  + java.net.URLEncoder.encode(clientId, java.nio.charset.StandardCharsets.UTF_8)
                  + "&post_logout_redirect_uri="
                  + java.net.URLEncoder.encode(
                      origin + loggedOutPath, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(ORDER)
        .handler(
            ctx -> {
              String path = ctx.request().path();
              boolean api = isApi(ctx.normalizedPath());
              // As the router reads it: /api/../dashboard is the dashboard's page.
              if (path == null || !isBrowserPage(ctx.normalizedPath())) {
                String policy = api ? API_POLICY : OTHER_POLICY;
                ctx.addHeadersEndHandler(end -> answerHeaders(ctx.response(), policy));
                ctx.next();
                return;
              }
              headers().forEach(ctx.response()::putHeader);
              if (path.equals(CALLBACK_PATH) && ctx.request().getParam("error") != null) {
                // The issuer sent the login back refused (the person cancelled, or may not use
                // the app). Answered here, not by the code flow, which logged the callback's
                // error_description verbatim: text anyone can write into the query, new lines
                // and a person's identity number too.
                BrowserErrorPage page =
                    BrowserErrorPage.of(
                        401,
                        new BrowserErrorPage.Problem(
                            "LOGIN_REFUSED", CallId.currentOrNull(), java.util.List.of()));
                ctx.response()
                    .setStatusCode(401)
                    .putHeader("Content-Type", "text/html;charset=UTF-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(page.html(hasSession(ctx.request().cookieMap().keySet())));
                return;
              }
              if (path.equals(LOGOUT_PATH) && ctx.request().method() != HttpMethod.POST) {
                BrowserErrorPage page = BrowserErrorPage.logoutByGet(CallId.currentOrNull());
                ctx.response()
                    .setStatusCode(405)
                    .putHeader("Allow", "POST")
                    .putHeader("Content-Type", "text/html;charset=UTF-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(page.html(hasSession(ctx.request().cookieMap().keySet())));
                return;
              }
              ctx.next();
            });
  }
}
