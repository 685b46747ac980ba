package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.agreement.events.AgreementEvents;
import no.nav.ia.platform.events.asyncapi.AsyncApiDocument;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.EventContracts;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Due in a re-signing campaign is what was active when it started: an agreement signed on the start
 * day belongs to the new period, and one whose end is dated back before the start was not active
 * then, so it is not due after all.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class NotDueAfterAllTest {

  private static final String COUNTY = "15";

  @Inject EntityManager em;

  private static JsonNode progress(String campaign) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/resigning-campaigns/" + campaign + "/progress?county=" + COUNTY)
        .then()
        .statusCode(200)
        .extract()
        .as(JsonNode.class)
        .get("counties")
        .get(0);
  }

  private static int due(String campaign) {
    return progress(campaign).get("due").asInt();
  }

  @Test
  void anAgreementSignedOnTheDayTheCampaignStartsIsNotDue() {
    Api.register(Fixtures.agreement(Fixtures.orgNumber(), COUNTY));
    Map<String, Object> today = Fixtures.agreement(Fixtures.orgNumber(), COUNTY);
    today.put("signedOn", NorwegianTime.today().toString());
    String signedToday = Api.register(today);

    String campaign = Api.startCampaign();

    Api.status(Tokens.adviser(COUNTY), campaign, signedToday, "CONTACTED", NorwegianTime.today())
        .statusCode(404)
        .body("code", equalTo("AGREEMENT_NOT_DUE"));
    // Those active and signed (or re-signed) before today, and no other.
    long activeBeforeToday =
        count(
            "select count(*) from agreement where status = 'ACTIVE' and county_code = ?1"
                + " and greatest(signed_on, resigned_on) < ?2",
            COUNTY,
            NorwegianTime.today());
    assertThat((long) due(campaign)).isEqualTo(activeBeforeToday).isPositive();
  }

  @Test
  void anAgreementReSignedOnTheDayANewCampaignStartsIsNotDueInIt() {
    String resignedToday = Api.register(Fixtures.agreement(Fixtures.orgNumber(), COUNTY));
    String resignedBefore = Api.register(Fixtures.agreement(Fixtures.orgNumber(), COUNTY));
    // As the closing of a campaign closed today, and of one closed before, left them.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update agreement set resigned_on = case id when cast(?1 as uuid) then cast(?3 as date)"
                            + " else cast(?4 as date) end where id in (cast(?1 as uuid), cast(?2 as uuid))")
                    .setParameter(1, resignedToday)
                    .setParameter(2, resignedBefore)
                    .setParameter(3, NorwegianTime.today())
                    .setParameter(4, NorwegianTime.today().minusDays(1))
                    .executeUpdate());

    String campaign = Api.startCampaign();

    Api.status(Tokens.adviser(COUNTY), campaign, resignedToday, "CONTACTED", NorwegianTime.today())
        .statusCode(404)
        .body("code", equalTo("AGREEMENT_NOT_DUE"));
    Api.status(Tokens.adviser(COUNTY), campaign, resignedBefore, "CONTACTED", NorwegianTime.today())
        .statusCode(200);
  }

  @Test
  void anAgreementEndedWithADayBeforeTheStartIsNotDueAfterAllAndTheScorecardIsTold() {
    String org = Fixtures.orgNumber();
    Map<String, Object> body = Fixtures.agreement(org, COUNTY);
    body.put("employees", 312);
    String agreement = Api.register(body);
    String campaign = Api.startCampaign();
    LocalDate start = NorwegianTime.today();
    Api.status(Tokens.adviser(COUNTY), campaign, agreement, "CONTACTED", start).statusCode(200);
    JsonNode before = progress(campaign);

    Api.terminate(agreement, start.minusDays(5), "Feilregistrert: nedlagt før kampanjen");

    JsonNode after = progress(campaign);
    assertThat(after.get("due").asInt()).isEqualTo(before.get("due").asInt() - 1);
    assertThat(after.get("contacted").asInt()).isEqualTo(before.get("contacted").asInt() - 1);
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/resigning-campaigns/" + campaign + "/agreements/" + agreement + "/history")
        .then()
        .statusCode(404)
        .body("code", equalTo("AGREEMENT_NOT_DUE"));
    JsonNode removed = AgreementEventsTest.awaitEvent("ResigningCaseRemoved", org);
    JsonNode payload = removed.get("payload");
    assertThat(payload.get("campaignId").asText()).isEqualTo(campaign);
    assertThat(payload.get("agreementId").asText()).isEqualTo(agreement);
    assertThat(payload.get("countyCode").asText()).isEqualTo(COUNTY);
    assertThat(payload.get("employees").asInt()).isEqualTo(312);
    assertThat(payload.get("status").asText()).isEqualTo("CONTACTED");
    assertThat(payload.get("endedOn").asText()).isEqualTo(start.minusDays(5).toString());
    assertThat(
            EventContracts.violations(
                AsyncApiDocument.of(List.of(AgreementEvents.CONTRACT)), removed))
        .isEmpty();
  }

  @Test
  void anAgreementEndedOnTheStartDayOrLaterWasDueAndStaysDue() {
    String agreement = Api.register(Fixtures.agreement(Fixtures.orgNumber(), COUNTY));
    String campaign = Api.startCampaign();
    LocalDate start = NorwegianTime.today();
    Api.status(Tokens.adviser(COUNTY), campaign, agreement, "CONTACTED", start).statusCode(200);
    JsonNode before = progress(campaign);

    Api.terminate(agreement, start, "Virksomheten er lagt ned");

    // Still due, but no longer contacted and waiting: ended, out of the outstanding list.
    JsonNode after = progress(campaign);
    assertThat(after.get("due").asInt()).isEqualTo(before.get("due").asInt());
    assertThat(after.get("contacted").asInt()).isEqualTo(before.get("contacted").asInt() - 1);
    assertThat(after.get("ended").asInt()).isEqualTo(before.get("ended").asInt() + 1);
    assertThat(Api.caseHistory(campaign, agreement))
        .singleElement()
        .satisfies(change -> assertThat(change).containsEntry("to", "CONTACTED"));
  }

  @Test
  void anEnterpriseWhoseAgreementEndedBeforeTheStartIsDueWithTheOneThatWasActive() {
    String org = Fixtures.orgNumber();
    String first = Api.register(Fixtures.agreement(org, COUNTY));
    String campaign = Api.startCampaign();
    int dueAtStart = due(campaign);
    // Ended dated back before the campaign started, and signed again before it too.
    LocalDate start = NorwegianTime.today();
    Api.terminate(first, start.minusDays(20), "Feilregistrert");
    Map<String, Object> again = Fixtures.agreement(org, COUNTY);
    again.put("signedOn", start.minusDays(10).toString());
    String second = Api.register(again);

    assertThat(due(campaign)).isEqualTo(dueAtStart);
    Api.status(Tokens.adviser(COUNTY), campaign, first, "CONTACTED", start)
        .statusCode(404)
        .body("code", equalTo("AGREEMENT_NOT_DUE"));
    Api.status(Tokens.adviser(COUNTY), campaign, second, "CONTACTED", start)
        .statusCode(200)
        .body("status", equalTo("CONTACTED"));
  }

  /**
   * V18 removes, once, the cases of agreements ended with a day before the open campaign started
   * (before this version they stayed due), with an event of the contract's shape.
   */
  @Test
  void theMigrationRemovesThoseEndedBeforeTheStartBeforeThisVersionOnce() throws Exception {
    String org = Fixtures.orgNumber();
    String agreement = Api.register(Fixtures.agreement(org, COUNTY));
    String campaign = Api.startCampaign();
    LocalDate start = NorwegianTime.today();
    Api.status(Tokens.adviser(COUNTY), campaign, agreement, "RESIGNED", start).statusCode(200);
    int dueAtStart = due(campaign);
    // Ended as a termination before this version did: the agreement only.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update agreement set status = 'ENDED', ended_on = ?1, end_reason = 'x',"
                            + " version = version + 1 where id = cast(?2 as uuid)")
                    .setParameter(1, start.minusDays(1))
                    .setParameter(2, agreement)
                    .executeUpdate());
    // Signed on the start day and made due, as a start before this version did.
    String sameDayOrg = Fixtures.orgNumber();
    Map<String, Object> sameDay = Fixtures.agreement(sameDayOrg, COUNTY);
    sameDay.put("signedOn", start.toString());
    String signedOnTheDay = Api.register(sameDay);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into resigning_case (campaign_id, agreement_id, org_number,"
                            + " county_code, employees, status, status_on, version)"
                            + " select cast(?1 as uuid), id, org_number, county_code, employees,"
                            + " 'PENDING', signed_on, 0 from agreement where id = cast(?2 as uuid)")
                    .setParameter(1, campaign)
                    .setParameter(2, signedOnTheDay)
                    .executeUpdate());
    int dueWithIt = due(campaign);
    assertThat(dueWithIt).isEqualTo(dueAtStart + 1);
    String migration;
    try (var in =
        getClass().getResourceAsStream("/db/migration/V18__ended_before_the_start_not_due.sql")) {
      migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (int run = 0; run < 2; run++) {
      QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(migration).executeUpdate());
    }

    assertThat(due(campaign)).isEqualTo(dueAtStart - 1);
    JsonNode removed = AgreementEventsTest.awaitEvent("ResigningCaseRemoved", org);
    assertThat(removed.get("payload").get("agreementId").asText()).isEqualTo(agreement);
    assertThat(removed.get("payload").get("status").asText()).isEqualTo("RESIGNED");
    assertThat(removed.get("payload").get("endedOn").asText())
        .isEqualTo(start.minusDays(1).toString());
    JsonNode sameDayRemoved = AgreementEventsTest.awaitEvent("ResigningCaseRemoved", sameDayOrg);
    assertThat(sameDayRemoved.get("payload").get("status").asText()).isEqualTo("PENDING");
    assertThat(sameDayRemoved.get("payload").get("endedOn").isNull()).isTrue();
    assertThat(
            EventContracts.violations(
                AsyncApiDocument.of(List.of(AgreementEvents.CONTRACT)), sameDayRemoved))
        .isEmpty();
    assertThat(
            count(
                "select count(*) from resigning_status_change where campaign_id = cast(?1 as uuid)"
                    + " and agreement_id = cast(?2 as uuid)",
                campaign,
                agreement))
        .as("its status changes went with it")
        .isZero();
    assertThat(
            count(
                "select count(*) from audit_event where action = 'RESIGNING_NOT_DUE'"
                    + " and entity_id in (?1, ?2)",
                agreement,
                signedOnTheDay))
        .isEqualTo(2);
    assertThat(
            EventContracts.violations(
                AsyncApiDocument.of(List.of(AgreementEvents.CONTRACT)), removed))
        .isEmpty();
    long events =
        count(
            "select count(*) from outbox_event where event_type = 'ResigningCaseRemoved'"
                + " and event_key = ?1",
            org);
    assertThat(events).as("one event for the two runs").isEqualTo(1);
  }

  /**
   * A group re-signs while one of its units is ended with a day before the start: whichever comes
   * first, both are answered (no deadlock, no 500) and the unit is not due afterwards.
   */
  @Test
  void aGroupReSigningWhileItsUnitIsEndedBeforeTheStartAnswersBothAndTheUnitIsNotDue()
      throws Exception {
    int pairs = 6;
    String[][] pair = new String[pairs][];
    for (int i = 0; i < pairs; i++) {
      String groupOrg = Fixtures.orgNumber();
      String group = Api.register(Fixtures.agreement(groupOrg, COUNTY));
      Map<String, Object> unitBody = Fixtures.agreement(Fixtures.orgNumber(), COUNTY);
      unitBody.put("groupOrgNumber", groupOrg);
      pair[i] = new String[] {group, Api.register(unitBody)};
    }
    String campaign = Api.startCampaign();
    LocalDate start = NorwegianTime.today();
    String adviser = Tokens.adviser(COUNTY);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (String[] p : pair) {
        var ready = new java.util.concurrent.CountDownLatch(1);
        var resigned =
            pool.submit(
                () -> {
                  ready.await();
                  return Api.status(adviser, campaign, p[0], "RESIGNED", start)
                      .extract()
                      .statusCode();
                });
        var ended =
            pool.submit(
                () -> {
                  ready.await();
                  return terminate(
                          p[1],
                          "\"0\"",
                          Map.of("endedOn", start.minusDays(3).toString(), "reason", "Nedlagt"))
                      .extract()
                      .statusCode();
                });
        ready.countDown();
        assertThat(resigned.get()).as("the group's re-signing").isEqualTo(200);
        assertThat(ended.get()).as("the unit's termination").isEqualTo(200);
        Api.status(adviser, campaign, p[1], "CONTACTED", start)
            .statusCode(404)
            .body("code", equalTo("AGREEMENT_NOT_DUE"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTerminationWithIfMatchIsRefusedWhenTheAgreementChangedSinceAndAnsweredWhenRetried() {
    String agreement = Api.register(Fixtures.agreement(Fixtures.orgNumber(), COUNTY));
    LocalDate on = NorwegianTime.today().minusDays(1);
    Map<String, Object> ended = Map.of("endedOn", on.toString(), "reason", "Lagt ned");
    // Someone corrected it since version 0 was read.
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(Map.of("employees", 50))
        .patch("/api/v1/agreements/" + agreement)
        .then()
        .statusCode(200);

    terminate(agreement, "\"0\"", ended).statusCode(412).body("code", equalTo("STALE_VERSION"));
    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + agreement)
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));

    terminate(agreement, "W/\"1\"", ended).statusCode(200).body("status", equalTo("ENDED"));
    // A retry of it, with the version its first attempt read: answered as it stands.
    terminate(agreement, "\"1\"", ended)
        .statusCode(200)
        .header("ETag", equalTo("W/\"2\""))
        .body("endedOn", equalTo(on.toString()));
    // Another termination with an old version: the version is what the client must hear of.
    terminate(agreement, "\"1\"", Map.of("endedOn", on.toString(), "reason", "Annen grunn"))
        .statusCode(412);
  }

  private long count(String sql, Object... params) {
    return Api.count(em, sql, params);
  }

  private static io.restassured.response.ValidatableResponse terminate(
      String agreement, String ifMatch, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .header("If-Match", ifMatch)
        .body(body)
        .post("/api/v1/agreements/" + agreement + "/termination")
        .then();
  }
}
