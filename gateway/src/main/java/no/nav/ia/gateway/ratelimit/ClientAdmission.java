package no.nav.ia.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import no.nav.ia.platform.problem.HttpErrors;
import no.nav.ia.platform.problem.ProblemMappers;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.Roles;

/**
 * What every API request the gateway answers on a client's behalf passes before a service is asked,
 * in one place for every resource that asks one (ProxyResource, AsyncApiResource; the dashboard's
 * pages, DashboardResource, pass the rate limit): the client's rate limit, and a machine client's
 * {@code system} role. Each check answers the refusal, or null to go on.
 */
@ApplicationScoped
public class ClientAdmission {

  @Inject ClientRateLimit rateLimit;
  @Inject ProblemMappers problems;

  /**
   * 429 with {@code Retry-After} when the client ({@code subject}: Caller.actor; for the dashboard
   * the same NAV-ident, DashboardResource.client) has sent more than its rate allows, counting this
   * request as {@code items} (ClientRateLimit.charge); else null, and the items are charged.
   */
  public Response overRate(String subject, int items) {
    Duration wait = rateLimit.acquire(subject, items);
    if (wait.isZero()) {
      return null;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Response.fromResponse(
            problems.respond(
                429,
                HttpErrors.TOO_MANY_REQUESTS,
                "Too Many Requests",
                "Slow down: this client sent too many requests",
                null))
        .header("Retry-After", seconds)
        .build();
  }

  /**
   * What a request charged {@code items} costs after all, once answered: ClientRateLimit.settle.
   */
  public void settle(String subject, int items, int status) {
    rateLimit.settle(subject, items, status);
  }

  /**
   * 403 for a machine client (Caller.isMachine: any token of the second issuer, or a platform token
   * that names no person) without the {@code system} role: it calls the services with the gateway's
   * own token, which has that role at every service, so it must hold the role itself; else null.
   */
  public Response machineWithoutSystemRole(Caller caller) {
    if (caller.isMachine() && !caller.has(Roles.SYSTEM)) {
      return problems.respond(
          403, HttpErrors.FORBIDDEN, "Forbidden", "A machine client needs the system role", null);
    }
    return null;
  }
}
