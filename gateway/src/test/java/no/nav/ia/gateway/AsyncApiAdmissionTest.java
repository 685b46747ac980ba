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
 * {@code GET /api/v1/events/asyncapi} passes the checks every API call does (ProxyResource): a
 * machine client needs the system role, and the client's rate limit counts it.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class AsyncApiAdmissionTest {

  @Test
  void aMachineClientWithoutTheSystemRoleIsForbidden() {
    String machine =
        Tokens.issue(
            "asyncapi-adviser-machine",
            Map.of("roles", List.of("adviser"), "azp", "asyncapi-adviser-machine"),
            Infra.AUDIENCE,
            600);
    given()
        .auth()
        .oauth2(machine)
        .get(AsyncApiTest.PATH)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("FORBIDDEN"));
  }

  @Test
  void theRateLimitCountsIt() {
    // The test limit: a burst of 5, then one request per 5 s.
    String runaway = Tokens.system("asyncapi-runaway");
    io.restassured.response.Response refused = null;
    for (int i = 0; i < 20 && refused == null; i++) {
      io.restassured.response.Response r = given().auth().oauth2(runaway).get(AsyncApiTest.PATH);
      if (r.statusCode() == 429) {
        refused = r;
      } else {
        r.then().statusCode(200);
      }
    }
    assertThat(refused).as("a 429 within 20 requests").isNotNull();
    refused
        .then()
        .contentType("application/problem+json")
        .body("code", equalTo("TOO_MANY_REQUESTS"));
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 5L);
  }
}
