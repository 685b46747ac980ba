package no.nav.ia.gateway.security;

import io.quarkus.oidc.TenantResolver;
import io.quarkus.oidc.runtime.OidcUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import no.nav.ia.gateway.rest.BrowserHardening;

/**
 * The API ({@code /api/**}) is never the dashboard's login (the {@code web} tenant, a code flow
 * that answers 302 to the login page), whatever cookies come with the request. quarkus-oidc 3.29
 * picks a tenant, after {@code @Tenant} and this resolver, by any segment of the path as sent that
 * names one, then by the token's issuer (when several are configured), and at last by the tenant a
 * login cookie names ({@code q_session_web...}, {@code q_auth_web...}): a client replaying a cookie
 * jar that held an old or garbled dashboard cookie got a 302 instead of its answer or a 401
 * problem, a valid bearer token or not (a review of the README found it), and so did {@code
 * /api/v1/agreements/web} and {@code /api/v1/reports/counties/web/2026-H1}. For API paths the
 * cookie's tenant is forgotten and a segment {@code web} gives the default tenant; the rest is
 * quarkus-oidc's (a segment {@code machines} still selects that bearer tenant: 401 for a platform
 * token on a path that is none).
 *
 * <p>This holds while the gateway has no {@code TenantConfigResolver}: quarkus-oidc looks the
 * cookie's tenant up among dynamic tenants before any resolver runs, and only such a resolver makes
 * them. The dashboard's pages keep their tenant by {@code @Tenant("web")}, and its login callback
 * by its state cookie (outside {@code /api}, left alone here).
 */
@ApplicationScoped
public class ApiTenant implements TenantResolver {

  /** The dashboard's tenant (application.properties, {@code quarkus.oidc.web.*}). */
  static final String WEB = "web";

  @Override
  public String resolve(RoutingContext context) {
    String path = context.normalizedPath();
    if (!BrowserHardening.isApi(path)) {
      return null;
    }
    context.remove(OidcUtils.TENANT_ID_ATTRIBUTE);
    // quarkus-oidc looks at every segment of the path as sent (not decoded, not normalised).
    for (String segment : context.request().path().split("/")) {
      if (WEB.equals(segment)) {
        return OidcUtils.DEFAULT_TENANT_ID;
      }
    }
    return null;
  }
}
