package no.nav.ia.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch of ten costs ten requests of the rate limit (the test profile's: a burst of 5, then one
 * request per 5 s) however its path is spelled: delivery-service routes {@code
 * /api/v1/deliveries/batch/} to the batch as it does {@code /api/v1/deliveries/batch}. (A path with
 * parameters, {@code batch;x=1}, is refused with 400 before any of this: PathParameters.)
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class BulkPathChargeTest {

  static final String TEN_ITEMS = "[{},{},{},{},{},{},{},{},{},{}]";
  static final String TEN_ENTERPRISES =
      "{\"orgNumbers\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\"]}";

  @org.junit.jupiter.api.Test
  void aBatchTheGatewayRefusesItselfCostsOneRequest() {
    // A machine client without the system role: 403 before any service is asked. Its ten items
    // kept it out for 45 s; now the next request passes.
    String machine =
        Tokens.issue(
            "bulk-without-role",
            java.util.Map.of("roles", java.util.List.of("adviser"), "azp", "bulk-without-role"),
            no.nav.ia.test.Infra.AUDIENCE,
            600);
    // Twice: the second would be 429 had the first cost its ten items.
    for (int i = 0; i < 2; i++) {
      given()
          .auth()
          .oauth2(machine)
          .contentType("application/json")
          .body(TEN_ITEMS)
          .post("/api/v1/deliveries/batch")
          .then()
          .statusCode(403)
          .body("code", equalTo("FORBIDDEN"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/v1/deliveries/batch/",
        "/api/v1/deliveries/batch//",
        "/api/v1/deliveries//batch",
        "/api/v1/deliveries/%62atch",
        "/api/v1/deliveries/group/",
      })
  void aBulkPathSpelledAnotherWayIsChargedItsItems(String path) {
    String client = "bulk-" + Integer.toHexString(path.hashCode());
    String token = Tokens.system(client);
    int status =
        given()
            .urlEncodingEnabled(false)
            .auth()
            .oauth2(token)
            .contentType("application/json")
            .body(path.contains("group") ? TEN_ENTERPRISES : TEN_ITEMS)
            .post(path)
            .statusCode();
    // delivery-service is down in the stubs: the request went on to it, and was charged.
    assertThat(status).as("forwarded, not refused").isEqualTo(503);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/agreements")
        .then()
        .statusCode(429)
        .body("code", equalTo("TOO_MANY_REQUESTS"));
  }
}
