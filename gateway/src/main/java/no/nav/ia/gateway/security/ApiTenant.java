package no.nav.ia.gateway.security;

import io.quarkus.oidc.TenantResolver;
import io.quarkus.oidc.runtime.OidcUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The API ({@code /api/**}) takes bearer tokens only, whatever cookies come with the request.
 * quarkus-oidc otherwise falls back to the tenant a request's login cookie names ({@code
 * q_session_web...}, {@code q_auth_web...}) when nothing else picked one: a client replaying a
 * cookie jar that held an old or garbled dashboard cookie got a 302 to the login page instead of
 * its answer or a 401 problem, even with a valid bearer token (a review of the README found it).
 * Here that fallback is forgotten for API paths, so the token's issuer (when several are
 * configured) or the default tenant decides. The dashboard's pages keep their tenant by {@code
 * Tenant("web")}, and its login callback by its state cookie (this resolver leaves both alone).
 */
@ApplicationScoped
public class ApiTenant implements TenantResolver {

  @Override
  public String resolve(RoutingContext context) {
    String path = context.normalizedPath();
    if (path != null && path.startsWith("/api/")) {
      context.remove(OidcUtils.TENANT_ID_ATTRIBUTE);
    }
    return null;
  }
}
