package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import no.nav.ia.agreement.ResigningCampaign;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.TestKafka;
import no.nav.ia.test.Tokens;

/**
 * The scene of the closing tests. The API starts campaigns with a deadline ahead only (and that
 * rule stays), so a campaign to close is started in the database, with the domain's own factory,
 * two months back and due yesterday.
 */
public final class Closings {

  public static final LocalDate TODAY = NorwegianTime.today();
  public static final LocalDate DEADLINE = TODAY.minusDays(1);

  private Closings() {}

  /**
   * A campaign started 60 days ago, due yesterday, in which exactly these agreements are due; any
   * campaign left open is closed first ({@link Api#noCampaignOpen}).
   */
  public static String campaignPastItsDeadline(List<String> agreements) {
    Api.noCampaignOpen();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ResigningCampaign c =
                  ResigningCampaign.start(
                      "IA-avtalen 2010-2013", DEADLINE, TODAY.minusDays(60), "Z990003");
              c.persistAndFlush();
              Panache.getEntityManager()
                  .createNativeQuery(
                      "insert into resigning_case (campaign_id, agreement_id, org_number,"
                          + " county_code, employees, group_org_number, status, status_on, version)"
                          + " select :c, id, org_number, county_code, employees, group_org_number,"
                          + " 'PENDING', :started, 0 from agreement where id in (:ids)")
                  .setParameter("c", c.id)
                  .setParameter("started", c.startedOn)
                  .setParameter("ids", agreements.stream().map(UUID::fromString).toList())
                  .executeUpdate();
              return c.id.toString();
            });
  }

  /** Asks for the closing, as the token's caller, in the call {@code closing-<campaign>}. */
  static ValidatableResponse close(String token, String campaign) {
    return given()
        .auth()
        .oauth2(token)
        .header("Nav-Call-Id", "closing-" + campaign)
        .post("/api/v1/resigning-campaigns/" + campaign + "/closing")
        .then();
  }

  /** Closes the campaign as a coordinator and waits until every due agreement has its outcome. */
  static JsonPath closeAndWait(String campaign) {
    close(Tokens.coordinator(), campaign)
        .statusCode(202)
        .header("Location", endsWith("/resigning-campaigns/" + campaign + "/closing"))
        .body("status", equalTo("CLOSING"));
    return awaitClosed(campaign);
  }

  /** Waits until the campaign's every due agreement has its outcome; returns the closing. */
  static JsonPath awaitClosed(String campaign) {
    return await("the closing done")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                given()
                    .auth()
                    .oauth2(Tokens.adviser("03"))
                    .get("/api/v1/resigning-campaigns/" + campaign + "/closing")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            closing -> "CLOSED".equals(closing.getString("status")));
  }

  public static JsonPath agreementJson(String id) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/agreements/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /**
   * The types of the AgreementTerminated and AgreementResigned events on the topic per agreement,
   * once the outbox has sent everything.
   */
  static Map<String, List<String>> endAndResignEvents(List<String> agreements) {
    await("the outbox sent")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                        .call(
                            () ->
                                ((Number)
                                        Panache.getEntityManager()
                                            .createNativeQuery(
                                                "select count(*) from outbox_event where published_at is null")
                                            .getSingleResult())
                                    .longValue())
                    == 0);
    Map<String, List<String>> byAgreement = new TreeMap<>();
    TestKafka.readAll(AgreementEventsTest.TOPIC, r -> true, Duration.ofSeconds(1)).stream()
        .map(r -> json(r.value()))
        .filter(e -> e.path("type").asText().matches("AgreementTerminated|AgreementResigned"))
        .filter(e -> agreements.contains(e.at("/payload/agreementId").asText()))
        .forEach(
            e ->
                byAgreement
                    .computeIfAbsent(e.at("/payload/agreementId").asText(), k -> new ArrayList<>())
                    .add(e.path("type").asText()));
    return byAgreement;
  }

  private static JsonNode json(String value) {
    try {
      return AgreementEventsTest.JSON.readTree(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
