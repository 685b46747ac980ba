package no.nav.ia.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.ApiContracts;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole flow through the gateway, on the packaged services: coordinator registers an agreement,
 * an adviser records a delivery at once (before the agreement event has necessarily arrived), the
 * event goes outbox -> Kafka -> scorecard-service, and the county's card shows it.
 */
class WalkingSkeletonTest {

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

  static int total(JsonPath card) {
    return card.getInt("deliveries.total");
  }

  static JsonPath card(String county, String period) {
    return Polite.send(
            () ->
                given()
                    .baseUri(platform.gatewayUrl())
                    .auth()
                    .oauth2(Tokens.manager(county))
                    .get("/api/v1/scorecards/counties/" + county + "?period=" + period))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aDeliveryRecordedThroughTheGatewayReachesTheCountyScorecard() {
    int before = total(card("46", "2024-Q2"));

    String orgNumber = "974760673";
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .header("Nav-Call-Id", "e2e-walking-skeleton")
        .body(
            Map.of(
                "orgNumber",
                orgNumber,
                "name",
                "Eksempel Bygg AS",
                "countyCode",
                "46",
                "employees",
                120,
                "signedOn",
                "2024-01-15"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(201)
        .header("Nav-Call-Id", "e2e-walking-skeleton")
        .header("Location", startsWith(platform.gatewayUrl() + "/api/v1/agreements/"))
        .body("status", equalTo("ACTIVE"));

    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(Tokens.adviser("46", "Z991234"))
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "e2e-1")
        .body(Deliveries.direct(orgNumber, "SYSTEM", "2024-05-14"))
        .post("/api/v1/deliveries")
        .then()
        .statusCode(201)
        .body("countyCode", equalTo("46"))
        .body("adviser", equalTo("Z991234"));

    JsonPath card =
        await("the delivery reaches the card")
            .atMost(java.time.Duration.ofSeconds(30))
            .pollInterval(java.time.Duration.ofMillis(200))
            .until(() -> card("46", "2024-Q2"), c -> total(c) == before + 1);
    assertThat(card.getString("scope.name")).isEqualTo("Vestland");
    assertThat(card.getInt("deliveries.byService.SICK_LEAVE")).isGreaterThanOrEqualTo(1);
    assertThat(card.getString("asOf")).isNotNull();
  }

  @Test
  void afterThousandsOfRandomRecordsCorrectionsAndVoidsTheCardsEqualTheLedger() {
    Reconciliation run =
        new Reconciliation(
            platform.gatewayUrl(), Integer.getInteger("reconciliation.operations", 10_000));
    Reconciliation.Ledger ledger = run.run();
    JsonPath national = run.awaitNational(ledger);
    assertThat(national.getInt("national.deliveries.total")).isEqualTo(ledger.total());
    assertThat(national.getInt("national.deliveries.system")).isEqualTo(ledger.system());
    assertThat(national.getInt("national.deliveries.individual")).isEqualTo(ledger.individual());
    assertThat(national.getMap("national.deliveries.byService")).isEqualTo(ledger.byService());
    assertThat(Reconciliation.totalsByCounty(national)).isEqualTo(ledger.byCounty());
    assertThat(national.getMap("national.byForm")).isEqualTo(ledger.byForm());
    assertThat(Reconciliation.sameShare(national.get("national.systemShare"), ledger.systemShare()))
        .as("the share over direct deliveries: %s", ledger.systemShare())
        .isTrue();
    assertThat(Reconciliation.trendEqualsLedger(national.getList("national.trend"), ledger))
        .as("the 2015 trend: %s", national.getList("national.trend"))
        .isTrue();
    assertThat(run.advisersShown(ledger)).isEqualTo(Reconciliation.advisersExpected(ledger));

    // A rebuild of the projections from scorecard-service's own event log gives the same figures.
    given()
        .baseUri(platform.scorecard.url())
        .auth()
        .oauth2(
            Tokens.issue(
                "Z990003",
                Map.of("roles", List.of("coordinator"), "NAVident", "Z990003"),
                "ia-scorecard-service",
                600))
        .post("/internal/rebuild")
        .then()
        .statusCode(200);
    assertThat(Reconciliation.equalsLedger(run.awaitNational(ledger), ledger))
        .as("the cards after a rebuild")
        .isTrue();
    assertThat(run.advisersShown(ledger)).isEqualTo(Reconciliation.advisersExpected(ledger));
    System.out.printf(
        "reconciliation: %d operations (%s), %d live deliveries, byForm %s; cards, trend and"
            + " advisers equal to the ledger, also after a rebuild;"
            + " waited out the gateway's rate limit %d times%n",
        run.operations(), run.mix(), ledger.total(), ledger.byForm(), Polite.waits());
  }

  @Test
  void aReSigningCampaignRunThroughTheGatewayShowsInTheCountyScorecardAndClosesThere()
      throws Exception {
    String coordinator = Tokens.coordinator();
    List<String> agreements = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      agreements.add(
          given()
              .baseUri(platform.gatewayUrl())
              .auth()
              .oauth2(coordinator)
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "orgNumber",
                      no.nav.ia.test.OrgNumbers.next(6),
                      "name",
                      "Kampanje " + i,
                      "countyCode",
                      "55",
                      "employees",
                      100 + i,
                      "signedOn",
                      "2024-02-01"))
              .post("/api/v1/agreements")
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    String campaign =
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(coordinator)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "Ny IA-periode",
                    "deadline",
                    NorwegianTime.today().plusMonths(6).toString()))
            .post("/api/v1/resigning-campaigns")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (int i = 0; i < 3; i++) {
      given()
          .baseUri(platform.gatewayUrl())
          .auth()
          .oauth2(Tokens.adviser("55"))
          .contentType(ContentType.JSON)
          .body(Map.of("status", "RESIGNED", "on", NorwegianTime.today().minusDays(2).toString()))
          .post(
              "/api/v1/resigning-campaigns/"
                  + campaign
                  + "/agreements/"
                  + agreements.get(i)
                  + "/status")
          .then()
          .statusCode(200);
    }
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(Tokens.manager("55"))
        .get("/api/v1/resigning-campaigns/" + campaign + "/progress")
        .then()
        .statusCode(200)
        .body("counties[0].rate", equalTo(0.75f));

    String thisYear = String.valueOf(NorwegianTime.today().getYear());
    // The campaign's start and the status changes travel on different partitions (keyed by campaign
    // and by enterprise): wait for both.
    JsonPath card =
        await("the campaign and its statuses reach the card")
            .atMost(java.time.Duration.ofSeconds(30))
            .pollInterval(java.time.Duration.ofMillis(200))
            .until(
                () -> card("55", thisYear),
                c ->
                    c.getInt("resigning.resigned") == 3
                        && campaign.equals(c.getString("resigning.campaignId")));
    assertThat(card.getString("resigning.campaignId")).isEqualTo(campaign);
    assertThat(card.getInt("resigning.due")).isEqualTo(4);
    assertThat(card.getInt("resigning.resigned")).isEqualTo(3);
    assertThat(card.getDouble("resigning.rate")).isEqualTo(0.75);

    closeTheCampaignAndSeeItsOutcomeOnTheCard(campaign, agreements, card);
  }

  /**
   * The coordinator closes the campaign once its deadline has passed: the agreement not re-signed
   * ends on the deadline (NOT_RESIGNED), the re-signed ones get their new period, the card's active
   * agreements drop by the ones ended, and delivery-service takes no delivery after the end.
   */
  private void closeTheCampaignAndSeeItsOutcomeOnTheCard(
      String campaign, List<String> agreements, JsonPath before) throws Exception {
    java.time.LocalDate today = NorwegianTime.today();
    java.time.LocalDate deadline = today.minusDays(1);
    // The scene: the API starts campaigns with a deadline ahead only, so the campaign is moved two
    // months back, due yesterday, in agreement-service's database.
    try (java.sql.Connection db =
            no.nav.ia.test.Infra.postgres().getDatabase("postgres", "agreement").getConnection();
        java.sql.PreparedStatement moved =
            db.prepareStatement(
                "update resigning_campaign set deadline = ?, started_on = ? where id = ?")) {
      moved.setObject(1, deadline);
      moved.setObject(2, today.minusMonths(2));
      moved.setObject(3, java.util.UUID.fromString(campaign));
      assertThat(moved.executeUpdate()).isEqualTo(1);
    }
    JsonPath progress =
        Polite.send(
                () ->
                    platform
                        .as(Tokens.manager("55"))
                        .get("/api/v1/resigning-campaigns/" + campaign + "/progress?county=55"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    int notResigned =
        progress.getInt("counties[0].due")
            - progress.getInt("counties[0].resigned")
            - progress.getInt("counties[0].awaitingGroup");
    assertThat(notResigned).as("the fourth agreement, at least").isGreaterThanOrEqualTo(1);

    String coordinator = Tokens.coordinator();
    Polite.send(
            () ->
                platform
                    .as(Tokens.manager("55"))
                    .post("/api/v1/resigning-campaigns/" + campaign + "/closing"))
        .then()
        .statusCode(403);
    Polite.send(
            () ->
                platform
                    .as(coordinator)
                    .post("/api/v1/resigning-campaigns/" + campaign + "/closing"))
        .then()
        .statusCode(202)
        .body("status", equalTo("CLOSING"));
    JsonPath closing =
        await("the closing done")
            .atMost(java.time.Duration.ofSeconds(60))
            .pollInterval(java.time.Duration.ofMillis(250))
            .until(
                () ->
                    Polite.send(
                            () ->
                                platform
                                    .as(coordinator)
                                    .get("/api/v1/resigning-campaigns/" + campaign + "/closing"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                c -> "CLOSED".equals(c.getString("status")));
    assertThat(closing.getLong("pending")).isZero();
    assertThat(closing.getLong("ended")).isGreaterThanOrEqualTo(notResigned);

    JsonPath ended = agreement(agreements.get(3));
    assertThat(ended.getString("status")).isEqualTo("ENDED");
    assertThat(ended.getString("endReason")).isEqualTo("NOT_RESIGNED");
    assertThat(ended.getString("endedOn")).isEqualTo(deadline.toString());
    for (String resigned : agreements.subList(0, 3)) {
      assertThat(agreement(resigned).getString("status")).isEqualTo("ACTIVE");
      assertThat(agreement(resigned).getString("resignedOn")).isNotNull();
    }
    // A closed campaign takes no more status changes.
    Polite.send(
            () ->
                platform
                    .as(Tokens.adviser("55"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("status", "RESIGNED", "on", today.toString()))
                    .post(
                        "/api/v1/resigning-campaigns/"
                            + campaign
                            + "/agreements/"
                            + agreements.get(3)
                            + "/status"))
        .then()
        .statusCode(409);

    // The card: the ended agreements leave the active count; the campaign's figures stay.
    String thisYear = String.valueOf(today.getYear());
    int activeBefore = before.getInt("agreements.active");
    JsonPath after =
        await("the ends reach the card")
            .atMost(java.time.Duration.ofSeconds(30))
            .pollInterval(java.time.Duration.ofMillis(200))
            .until(
                () -> card("55", thisYear),
                c -> c.getInt("agreements.active") == activeBefore - notResigned);
    assertThat(after.getInt("resigning.due")).isEqualTo(4);
    assertThat(after.getInt("resigning.resigned")).isEqualTo(3);

    // delivery-service: nothing after the end for the ended enterprise, the re-signed go on.
    String endedOrg = ended.getString("orgNumber");
    String resignedOrg = agreement(agreements.get(0)).getString("orgNumber");
    String adviser = Tokens.adviser("55", "Z995501");
    await("the end reaches delivery-service")
        .atMost(java.time.Duration.ofSeconds(30))
        .pollInterval(java.time.Duration.ofMillis(250))
        .until(() -> recordToday(adviser, endedOrg, today) == 422);
    assertThat(recordToday(adviser, resignedOrg, today)).isEqualTo(201);
  }

  private static JsonPath agreement(String id) {
    return Polite.send(() -> platform.as(Tokens.coordinator()).get("/api/v1/agreements/" + id))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static int recordToday(String token, String org, java.time.LocalDate today) {
    return Polite.send(
            () ->
                platform
                    .as(token)
                    .contentType(ContentType.JSON)
                    .body(Deliveries.direct(org, "SYSTEM", today.toString()))
                    .post("/api/v1/deliveries"))
        .statusCode();
  }

  @Test
  void aBatchMayBeLargerThanOneItemMayThroughTheGatewayAndOneItemThatLargeIs413() {
    // Three items with 200,000-character notes: about 600 KB, over the 512 KB of one item and
    // within
    // the 4 MB of a batch. The service answers per item (each note is too long), so the body went
    // through the gateway and was read.
    List<Map<String, Object>> items = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> item = Deliveries.direct("974760673", "SYSTEM", "2024-05-14");
      item.put("adviser", "Z991234");
      item.put("idempotencyKey", "e2e-large-batch-" + i);
      item.put("note", "x".repeat(200_000));
      items.add(item);
    }
    JsonPath result =
        Polite.send(
                () ->
                    platform
                        .as(Tokens.system("e2e-large-batch"))
                        .contentType(ContentType.JSON)
                        .body(items)
                        .post("/api/v1/deliveries/batch"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(result.getInt("failed")).isEqualTo(3);
    assertThat(result.getList("results.code")).containsOnly("VALIDATION_FAILED");
    assertThat(result.getList("results[2].errors.field")).containsExactly("note");

    Polite.send(
            () ->
                platform
                    .as(Tokens.system("e2e-large-batch"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("note", "x".repeat(600_000)))
                    .post("/api/v1/deliveries"))
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("code", equalTo("PAYLOAD_TOO_LARGE"));
  }

  @Test
  void theGatewayServesOneOpenApiDocumentForEveryPublicPath() {
    String body =
        given()
            .baseUri(platform.gatewayUrl())
            .get("/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonPath doc = new JsonPath(body);
    assertThat(doc.getMap("paths"))
        .containsKeys(
            "/api/v1/agreements",
            "/api/v1/resigning-campaigns/{id}/progress",
            "/api/v1/deliveries",
            "/api/v1/deliveries/batch",
            "/api/v1/scorecards/counties/{code}",
            "/api/v1/counties");
    assertThat(doc.getMap("paths")).doesNotContainKey("/internal/rebuild");
    assertThat(doc.getMap("paths")).containsKey("/api/v1/events/asyncapi");
    assertThat(doc.getMap("components.schemas"))
        .containsKeys("RecordDeliveryRequest", "RegisterAgreementRequest", "Problem")
        .as("the schema of an internal path stays out")
        .doesNotContainKey("Result");
    assertThat(doc.getMap("paths.'/api/v1/deliveries'.post.responses")).containsKey("429");
    given().baseUri(platform.gatewayUrl()).get("/q/swagger-ui/").then().statusCode(200);

    // A client generating code from the document gets types for every answer, and the answers
    // through the gateway fit them.
    JsonNode document;
    try {
      // The body as served: JsonPath's prettify turned an escaped "\\u0000" of a pattern into a
      // control character.
      document = new ObjectMapper().readTree(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(ApiContracts.gaps(document)).isEmpty();
    // A program branches on a problem's code: one list of every code a client can meet, the
    // services' own and the gateway's, each with its status and what to do.
    assertThat(ApiContracts.codes(document))
        .contains(
            "AGREEMENT_NOT_FOUND",
            "NO_ACTIVE_AGREEMENT",
            "DEADLINE_EXCEEDED",
            "SECTIONS_MISSING",
            "UPSTREAM_TIMEOUT",
            "FORBIDDEN_COUNTY",
            "MALFORMED_BODY");
    assertThat(document.at("/components/schemas/Problem/properties/code/description").asText())
        .contains("- `NO_ACTIVE_AGREEMENT`: 422: ", "- `UPSTREAM_TIMEOUT`: 504: ");
    ApiContracts.assertFits(
        document,
        "GET",
        "/api/v1/counties",
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(Tokens.coordinator())
            .get("/api/v1/counties?date=2012-01-01"));
    ApiContracts.assertFits(
        document,
        "GET",
        "/api/v1/scorecards/counties/{code}",
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(Tokens.coordinator())
            .get("/api/v1/scorecards/counties/03?period=2015"));
    ApiContracts.assertFits(
        document,
        "GET",
        "/api/v1/agreements",
        given().baseUri(platform.gatewayUrl()).get("/api/v1/agreements"));
  }

  @Test
  void theGatewayTurnsAwayMissingTokensAndTokensWithoutAPlatformRole() {
    given()
        .baseUri(platform.gatewayUrl())
        .get("/api/v1/agreements")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("Nav-Call-Id", notNullValue());
    String noRole =
        Tokens.issue("Z999999", Map.of("roles", List.of("tourist")), "ia-platform", 600);
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(noRole)
        .get("/api/v1/agreements")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }
}
