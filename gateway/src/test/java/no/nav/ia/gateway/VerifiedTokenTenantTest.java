package no.nav.ia.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import no.nav.ia.platform.security.VerifiedTokenIdentityProvider;
import no.nav.ia.test.Infra;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified tokens at the gateway, which has two bearer tenants (the platform issuer
 * and {@code machines}): a token verified by one is verified again, not answered from the cache,
 * for a request resolved to the other; the augmentors run on a hit as on a miss.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class VerifiedTokenTenantTest {

  @Inject MeterRegistry registry;

  double[] lookups() {
    return new double[] {
      registry.counter(VerifiedTokenIdentityProvider.LOOKUPS, "result", "hit").count(),
      registry.counter(VerifiedTokenIdentityProvider.LOOKUPS, "result", "miss").count()
    };
  }

  /** Hits and misses since {@code before}. */
  double[] since(double[] before) {
    double[] now = lookups();
    return new double[] {now[0] - before[0], now[1] - before[1]};
  }

  @Test
  void aTokenCachedForOneTenantIsVerifiedAgainForARequestResolvedToAnother() {
    String adviser = Tokens.adviser("03", "Z993001");
    double[] before = lookups();
    given().auth().oauth2(adviser).get("/api/v1/agreements").then().statusCode(200);
    given().auth().oauth2(adviser).get("/api/v1/agreements").then().statusCode(200);
    assertThat(since(before)).containsExactly(1, 1);
    // A path segment named as a tenant selects that tenant (quarkus-oidc's static resolution comes
    // before the issuer's): the machines tenant does not trust the platform issuer.
    given().auth().oauth2(adviser).get("/api/v1/agreements/machines").then().statusCode(401);
    assertThat(since(before)).containsExactly(1, 2);
  }

  /** A token of the machines issuer for the client {@code client}, claiming {@code role}. */
  static String machine(String client, String role) {
    return Tokens.fromIssuer(
        "ia-machines", client, Map.of("roles", List.of(role), "azp", client), Infra.AUDIENCE, 600);
  }

  @Test
  void theSecondIssuersTokenGetsOnlyTheSystemRoleOnAHitToo() {
    String claimsCoordinator = machine("rogue-cached", "coordinator");
    String system = machine("arena-cached", "system");
    double[] before = lookups();
    for (int i = 0; i < 2; i++) {
      given().auth().oauth2(claimsCoordinator).get("/api/v1/agreements").then().statusCode(403);
      given().auth().oauth2(system).get("/api/v1/agreements").then().statusCode(200);
    }
    assertThat(since(before)).containsExactly(2, 2);
  }
}
