package no.nav.ia.e2e;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Role x county through the gateway on the real services (edge check and the service's own), and a
 * service stopped mid-test: 503 problem+json, and service again once it is back.
 */
class GatewayMatrixTest {

  static Platform platform;

  @BeforeAll
  static void start() {
    platform = Platform.start();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.stop();
    }
  }

  static final List<String> READS = List.of(
      "/api/v1/agreements?county=%s",
      "/api/v1/deliveries?county=%s",
      "/api/v1/scorecards/counties/%s?period=2012");

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (String path : READS) {
      for (String role : List.of("adviser", "manager", "coordinator", "system")) {
        boolean countyBound = role.equals("adviser") || role.equals("manager");
        cases.add(Arguments.of(path, role, "03", 200));
        cases.add(Arguments.of(path, role, "12", countyBound ? 403 : 200));
      }
    }
    return cases.stream();
  }

  static String token(String role) {
    return switch (role) {
      case "adviser" -> Tokens.adviser("03");
      case "manager" -> Tokens.manager("03");
      case "coordinator" -> Tokens.coordinator();
      default -> Tokens.system("arena");
    };
  }

  @ParameterizedTest(name = "{1} (county 03) reads {0} for county {2}: {3}")
  @MethodSource("matrix")
  void rolesAndCountiesAreEnforcedThroughTheGateway(String path, String role, String county, int status) {
    given().baseUri(platform.gatewayUrl()).auth().oauth2(token(role)).get(String.format(path, county))
        .then().statusCode(status);
  }

  @Test
  void aServiceStoppedMidTestIsA503ProblemAndServesAgainWhenBack() {
    String coordinator = Tokens.coordinator();
    given().baseUri(platform.gatewayUrl()).auth().oauth2(coordinator).get("/api/v1/scorecards?period=2012")
        .then().statusCode(200);
    platform.scorecard.stop();
    given().baseUri(platform.gatewayUrl()).auth().oauth2(coordinator).get("/api/v1/scorecards?period=2012")
        .then().statusCode(503).contentType("application/problem+json");
    given().baseUri(platform.gatewayUrl()).auth().oauth2(coordinator).get("/api/v1/counties")
        .then().statusCode(200);
    platform.scorecard.start().awaitReady(java.time.Duration.ofSeconds(90));
    given().baseUri(platform.gatewayUrl()).auth().oauth2(coordinator).get("/api/v1/scorecards?period=2012")
        .then().statusCode(200);
  }
}
