package no.nav.ia.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

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

  /**
   * Reads through the gateway by role, for the own county (03) of a county-bound role and another
   * (12), as API.md states it (but for an adviser's own row of the per-adviser breakdown, which
   * README adds); to be read against it.
   */
  static final String EXPECTED =
      """
      path                                                | adviser | manager | coordinator | system
                                                          | 03  12  | 03  12  | 03  12      | 03  12
      /api/v1/agreements?county=%s                        | 200 403 | 200 403 | 200 200     | 200 200
      /api/v1/deliveries?county=%s                        | 200 403 | 200 403 | 200 200     | 200 200
      /api/v1/scorecards/counties/%s?period=2012          | 200 403 | 200 403 | 200 200     | 200 200
      /api/v1/scorecards/counties/%s/advisers?period=2012 | 200 403 | 200 403 | 200 200     | 403 403
      /api/v1/reports/counties/%s/2012-H1                 | 200 403 | 200 403 | 200 200     | 403 403
      """;

  static final List<String> ROLES = List.of("adviser", "manager", "coordinator", "system");

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    EXPECTED
        .lines()
        .skip(2)
        .map(l -> l.split("\\|"))
        .forEach(
            row -> {
              for (int r = 0; r < ROLES.size(); r++) {
                String[] statuses = row[1 + r].strip().split("\\s+");
                cases.add(
                    Arguments.of(
                        row[0].strip(), ROLES.get(r), "03", Integer.parseInt(statuses[0])));
                cases.add(
                    Arguments.of(
                        row[0].strip(), ROLES.get(r), "12", Integer.parseInt(statuses[1])));
              }
            });
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
  void rolesAndCountiesAreEnforcedThroughTheGateway(
      String path, String role, String county, int status) {
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(token(role))
        .get(String.format(path, county))
        .then()
        .statusCode(status);
  }

  /**
   * Registers an agreement for the enterprise in Oslo (03), signed 2013-01-02, as a coordinator.
   */
  static void registerInOslo(String enterprise, String name) {
    Polite.send(
            () ->
                given()
                    .baseUri(platform.gatewayUrl())
                    .auth()
                    .oauth2(Tokens.coordinator())
                    .contentType(io.restassured.http.ContentType.JSON)
                    .body(
                        java.util.Map.of(
                            "orgNumber",
                            enterprise,
                            "name",
                            name,
                            "countyCode",
                            "03",
                            "employees",
                            12,
                            "signedOn",
                            "2013-01-02"))
                    .post("/api/v1/agreements"))
        .then()
        .statusCode(201);
  }

  @Test
  void aServiceStoppedWhileABatchIsRunningFinishesTheBatchBeforeItGoes() throws Exception {
    String enterprise = no.nav.ia.test.OrgNumbers.next(4);
    registerInOslo(enterprise, "Avslutning AS");
    List<java.util.Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      items.add(
          java.util.Map.of(
              "orgNumber",
              enterprise,
              "service",
              "SICK_LEAVE",
              "direction",
              "SYSTEM",
              "subGoals",
              List.of(1),
              "deliveredOn",
              "2013-03-04",
              "adviser",
              "Z993005",
              "idempotencyKey",
              enterprise + "-" + i));
    }
    String system = Tokens.system("shutdown-drill");
    var batch =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                given()
                    .baseUri(platform.gatewayUrl())
                    .auth()
                    .oauth2(system)
                    .contentType(io.restassured.http.ContentType.JSON)
                    .body(items)
                    .post("/api/v1/deliveries/batch"));
    // Stop the service (SIGTERM) once the batch is under way: its first deliveries are stored.
    // Another client watches (the batch's 250 items used up the system's rate for the next
    // seconds). A look that waits past the gateway's timeout behind the batch (a 504 on a slow
    // machine) is only a look that saw nothing yet.
    String watcher = Tokens.system("shutdown-watch");
    await("the batch started")
        .atMost(java.time.Duration.ofSeconds(60))
        .pollInterval(java.time.Duration.ofMillis(25))
        .until(
            () -> {
              var look =
                  Polite.send(
                      () ->
                          given()
                              .baseUri(platform.gatewayUrl())
                              .auth()
                              .oauth2(watcher)
                              .get("/api/v1/deliveries?orgNumber=" + enterprise));
              return look.statusCode() == 200 && look.<Integer>path("total") > 0;
            });
    platform.delivery.stop();
    try {
      var answer = batch.get(60, java.util.concurrent.TimeUnit.SECONDS);
      answer.then().statusCode(200);
      org.assertj.core.api.Assertions.assertThat(answer.<Integer>path("created"))
          .as("every item of the batch")
          .isEqualTo(250);
    } finally {
      platform.delivery.start().awaitReady(java.time.Duration.ofSeconds(90));
    }
    Polite.send(
            () ->
                given()
                    .baseUri(platform.gatewayUrl())
                    .auth()
                    .oauth2(watcher)
                    .get("/api/v1/deliveries?orgNumber=" + enterprise))
        .then()
        .statusCode(200)
        .body("total", org.hamcrest.Matchers.equalTo(250));
  }

  @Test
  void eachServiceTakesOnlyATokenForItsOwnAudience() {
    String forTheGateway = Tokens.coordinator();
    var paths =
        java.util.Map.of(
            platform.agreement,
            "/api/v1/counties",
            platform.delivery,
            "/api/v1/deliveries",
            platform.scorecard,
            "/api/v1/scorecards?period=2012");
    for (ServiceProcess service : paths.keySet()) {
      String path = paths.get(service);
      given().baseUri(service.url()).auth().oauth2(forTheGateway).get(path).then().statusCode(401);
      String forTheService =
          Tokens.issue(
              "Z990003",
              java.util.Map.of("roles", List.of("coordinator"), "NAVident", "Z990003"),
              "ia-" + service.name,
              600);
      given().baseUri(service.url()).auth().oauth2(forTheService).get(path).then().statusCode(200);
      given()
          .baseUri(platform.gatewayUrl())
          .auth()
          .oauth2(forTheService)
          .get(path)
          .then()
          .statusCode(401);
    }
  }

  @Test
  void everyHopCarriesTheCallerADeliveryNamesTheAdviserAndItsHistoryWhoRecordedIt() {
    // Registered and used at once: delivery-service has likely not had the agreement's event yet
    // and asks agreement-service (a second hop); either way the delivery names the adviser (the
    // person, or whom the machine names) and its history the person or the machine.
    for (String[] caller :
        new String[][] {
          {Tokens.adviser("03", "Z993003"), null, "Z993003", "Z993003"},
          {Tokens.system("arena-hops"), "Z993004", "Z993004", "arena-hops"}
        }) {
      String enterprise = no.nav.ia.test.OrgNumbers.next(5);
      registerInOslo(enterprise, "Hopp AS");
      var delivery =
          new java.util.HashMap<String, Object>(
              java.util.Map.of(
                  "orgNumber",
                  enterprise,
                  "service",
                  "SICK_LEAVE",
                  "direction",
                  "SYSTEM",
                  "subGoals",
                  List.of(1),
                  "deliveredOn",
                  "2013-03-04"));
      if (caller[1] != null) {
        delivery.put("adviser", caller[1]);
      }
      String id =
          Polite.send(
                  () ->
                      given()
                          .baseUri(platform.gatewayUrl())
                          .auth()
                          .oauth2(caller[0])
                          .contentType(io.restassured.http.ContentType.JSON)
                          .header("Idempotency-Key", enterprise)
                          .body(delivery)
                          .post("/api/v1/deliveries"))
              .then()
              .statusCode(201)
              .body("adviser", org.hamcrest.Matchers.equalTo(caller[2]))
              .extract()
              .path("id");
      Polite.send(
              () ->
                  given()
                      .baseUri(platform.gatewayUrl())
                      .auth()
                      .oauth2(Tokens.coordinator())
                      .get("/api/v1/deliveries/" + id + "/history"))
          .then()
          .statusCode(200)
          .body("[0].delivery.adviser", org.hamcrest.Matchers.equalTo(caller[2]))
          .body("[0].changedBy", org.hamcrest.Matchers.equalTo(caller[3]));
    }
  }

  @Test
  void everyRoleReadsTheTopicsAsyncApiDocumentMergedFromBothProducers() {
    for (String token :
        List.of(
            Tokens.adviser("03"), Tokens.manager("03"), Tokens.coordinator(), Tokens.system("x"))) {
      io.restassured.path.json.JsonPath doc =
          given()
              .baseUri(platform.gatewayUrl())
              .auth()
              .oauth2(token)
              .get("/api/v1/events/asyncapi")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      org.assertj.core.api.Assertions.assertThat(doc.getMap("channels").keySet()).hasSize(2);
      org.assertj.core.api.Assertions.assertThat(doc.getMap("components.messages").keySet())
          .contains("DeliveryRecorded", "AgreementRegistered", "CampaignStarted");
    }
    given().baseUri(platform.gatewayUrl()).get("/api/v1/events/asyncapi").then().statusCode(401);
  }

  @Test
  void aServiceStoppedMidTestIsA503ProblemAndServesAgainWhenBack() {
    String coordinator = Tokens.coordinator();
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(coordinator)
        .get("/api/v1/scorecards?period=2012")
        .then()
        .statusCode(200);
    platform.scorecard.stop();
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(coordinator)
        .get("/api/v1/scorecards?period=2012")
        .then()
        .statusCode(503)
        .contentType("application/problem+json");
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(coordinator)
        .get("/api/v1/counties")
        .then()
        .statusCode(200);
    platform.scorecard.start().awaitReady(java.time.Duration.ofSeconds(90));
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(coordinator)
        .get("/api/v1/scorecards?period=2012")
        .then()
        .statusCode(200);
  }
}
