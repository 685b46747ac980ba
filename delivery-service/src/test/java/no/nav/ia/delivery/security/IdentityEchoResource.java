package no.nav.ia.delivery.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeSet;
import no.nav.ia.platform.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Test only: who the service takes the caller for, as the code reads it (identity, {@link Caller},
 * the injected token), and which request the identity's routing context is, named by the caller's
 * {@value #PROBE} header.
 */
@Path("/test/identity")
@Authenticated
public class IdentityEchoResource {

  static final String PROBE = "X-Probe";

  @Inject SecurityIdentity identity;
  @Inject Caller caller;
  @Inject JsonWebToken jwt;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> get() {
    RoutingContext routing = identity.getAttribute(RoutingContext.class.getName());
    return Map.of(
        "tenant", identity.<String>getAttribute("tenant-id"),
        "roles", new TreeSet<>(identity.getRoles()),
        "county", caller.county().orElse(""),
        "actor", caller.actor(),
        "subject", jwt.getSubject(),
        "rawTokenLength", jwt.getRawToken().length(),
        "probe", String.valueOf(routing.request().getHeader(PROBE)));
  }
}
