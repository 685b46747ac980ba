package no.nav.ia.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import no.nav.ia.test.Infra;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A token of the second issuer (tenant {@code machines}) is a machine's whatever it claims: the
 * gateway calls the service with its own token (client credentials) and names the machine, never
 * exchanging the machine's token on behalf of the person its {@code NAVident} claims to be (the
 * service would take the exchanged token's NAVident and roles as a person's).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class MachinesTenantHopTest {

  static String machine(String client, Map<String, Object> claims) {
    Map<String, Object> all = new java.util.HashMap<>(claims);
    all.put("azp", client);
    return Tokens.fromIssuer("ia-machines", client, all, Infra.AUDIENCE, 600);
  }

  @Test
  void aSecondIssuersTokenWithANavIdentReachesTheServiceAsTheMachine() {
    String claimsACoordinator =
        machine(
            "arena-navident",
            Map.of("NAVident", "Z990003", "roles", List.of("system", "coordinator")));
    var response =
        given()
            .auth()
            .oauth2(claimsACoordinator)
            .get("/api/v1/agreements/42")
            .then()
            .statusCode(200)
            .body("headers.nav-consumer-id", equalTo("arena-navident"));
    assertThat(GatewayTest.forwardedClaims(response))
        .contains("\"aud\":\"ia-agreement-service\"")
        .contains("\"azp\":\"ia-platform\"")
        .contains("\"system\"")
        .doesNotContain("NAVident")
        .doesNotContain("Z990003")
        .doesNotContain("coordinator");
  }

  @Test
  void aSecondIssuersTokenWithANavIdentButNoSystemRoleIsForbidden() {
    String claimsAnAdviser =
        machine(
            "arena-adviser",
            Map.of("NAVident", "Z990001", "roles", List.of("adviser"), "county", "03"));
    given()
        .auth()
        .oauth2(claimsAnAdviser)
        .get("/api/v1/agreements?county=03")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }
}
