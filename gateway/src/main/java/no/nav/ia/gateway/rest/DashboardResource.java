package no.nav.ia.gateway.rest;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import no.nav.ia.gateway.config.GatewayConfig;
import no.nav.ia.gateway.ratelimit.ClientAdmission;
import no.nav.ia.gateway.upstream.Upstream;
import no.nav.ia.platform.domain.NavIdent;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.HopTokens;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The managers' dashboard, for browsers: the {@code web} tenant logs the user in with the
 * authorization-code flow (PKCE) and keeps the session in an encrypted cookie; each page is then
 * fetched from scorecard-service with the user's access token, so the service applies the same
 * rules as to API clients. The browser never sees a token and the service never sees the cookie.
 * {@code /dashboard/callback} and {@code /dashboard/logout} are handled by quarkus-oidc before they
 * would reach this class. The service's answers are forwarded as they are; its refusals, like the
 * gateway's own, reach the browser as Norwegian pages (BrowserErrors, which says why it is here).
 * The dashboard is for people: a login with only the {@code system} role, which a NAV system's
 * token carries, is refused ("Ingen tilgang"), as the service would otherwise show it every county.
 */
@BodyDeadline
@Path("/dashboard")
@Tenant("web")
@RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR})
public class DashboardResource {

  private static final java.util.regex.Pattern STATE =
      java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");

  @ConfigProperty(name = "quarkus.oidc.web.authentication.cookie-force-secure")
  boolean secureCookies;

  @Inject GatewayConfig config;
  @Inject SecurityIdentity identity;
  @Inject Upstream upstream;
  @Inject HopTokens hops;
  @Inject ClientAdmission admission;
  @Context HttpServerRequest request;

  @GET
  @Operation(hidden = true)
  public Uni<Response> page() {
    return forward();
  }

  @GET
  @Path("{path: .+}")
  @Operation(hidden = true)
  public Uni<Response> subPage() {
    return forward();
  }

  /**
   * The login's return with a session already there: two tabs started a login and one finished
   * first, so the other's return is authenticated by the session and reaches this method
   * (quarkus-oidc completes a code flow only without a session). The dashboard instead of the
   * service's "no such page"; the page that tab asked for is in quarkus-oidc's encrypted state
   * cookie, which is dropped here, as the completed flow would have.
   */
  @GET
  @Path("callback")
  @Operation(hidden = true)
  public Response loginFinishedElsewhere(@QueryParam("state") String state) {
    Response.ResponseBuilder toDashboard =
        Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, "/dashboard");
    if (state != null && STATE.matcher(state).matches()) {
      toDashboard.cookie(
          new NewCookie.Builder(BrowserHardening.STATE_COOKIE + "_" + state)
              .path("/dashboard")
              .maxAge(0)
              .secure(secureCookies)
              .httpOnly(true)
              .build());
    }
    return toDashboard.build();
  }

  /**
   * The logout button's POST. It selects the {@code web} tenant (this class's {@code @Tenant}),
   * whose code-flow mechanism ends the session and redirects to the issuer before a method would
   * run; reaching this method means the logout did not happen. A GET is refused earlier
   * (BrowserHardening).
   */
  @POST
  @Path("logout")
  @Operation(hidden = true)
  public Response logout() {
    throw new IllegalStateException("the OIDC logout path was not handled by the web tenant");
  }

  /**
   * When the session's access token expires (epoch seconds; 0 when it is no JWT or does not say):
   * the token exchanged for it is not kept past that, so a session whose access token has expired
   * gets no further pages on the strength of an exchange made before.
   */
  static long expiresAt(String accessToken) {
    return expiresAt(OidcUtils.decodeJwtContent(accessToken));
  }

  private static long expiresAt(JsonObject claims) {
    Object exp = claims == null ? null : claims.getValue("exp");
    return exp instanceof Number n ? n.longValue() : 0;
  }

  private Uni<Response> forward() {
    String accessToken = identity.getCredential(AccessTokenCredential.class).getToken();
    JsonObject claims = OidcUtils.decodeJwtContent(accessToken);
    return upstream.observed(
        request,
        "dashboard",
        () -> {
          // Each page is a render in scorecard-service: a person's pages count against the rate
          // limit their API calls do (a security review fetched 300 in 2 s, none refused).
          Response overRate = admission.overRate(client(claims), 1);
          if (overRate != null) {
            return Uni.createFrom().item(overRate);
          }
          return upstream.forward(
              request,
              config.dashboard(),
              null,
              config.timeout(),
              hops.onBehalfOf(config.dashboardScope(), accessToken, expiresAt(claims)),
              "dashboard");
        });
  }

  /**
   * Whom the rate limit counts: the person the access token names, by their NAV-ident, the key
   * Caller.actor gives their API calls through ProxyResource. A token without one has no role
   * (IdentityMapping) and never gets here; it would share the key Caller.actor gives such a token.
   */
  private static String client(JsonObject claims) {
    Object navIdent = claims == null ? null : claims.getValue("NAVident");
    return navIdent instanceof String ident && NavIdent.isValid(ident) ? ident : Caller.WITHHELD;
  }
}
