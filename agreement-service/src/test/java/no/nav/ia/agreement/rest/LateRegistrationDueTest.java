package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.agreement.events.AgreementEvents;
import no.nav.ia.platform.events.asyncapi.AsyncApiDocument;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.EventContracts;
import no.nav.ia.test.Infra;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * An agreement recorded while a re-signing campaign is open, but signed before the campaign
 * started, was active when it started: it is due like those the start found.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class LateRegistrationDueTest {

  @Inject EntityManager em;

  private static int due(String campaign, String county) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/resigning-campaigns/" + campaign + "/progress?county=" + county)
        .then()
        .statusCode(200)
        .extract()
        .path("counties[0].due");
  }

  @Test
  void anAgreementSignedBeforeTheCampaignStartedAndRegisteredSinceIsDueInIt() {
    Api.register(Fixtures.agreement(Fixtures.orgNumber(), "15"));
    String campaign = Api.startCampaign();
    int dueAtStart = due(campaign, "15");

    String org = Fixtures.orgNumber();
    Map<String, Object> late = Fixtures.agreement(org, "15");
    late.put("signedOn", NorwegianTime.today().minusDays(1).toString());
    late.put("employees", 77);
    String agreement = Api.register(late);

    assertThat(due(campaign, "15")).isEqualTo(dueAtStart + 1);
    JsonNode added = AgreementEventsTest.awaitEvent("ResigningCaseAdded", org);
    assertThat(added.get("payload").get("campaignId").asText()).isEqualTo(campaign);
    assertThat(added.get("payload").get("agreementId").asText()).isEqualTo(agreement);
    assertThat(added.get("payload").get("countyCode").asText()).isEqualTo("15");
    assertThat(added.get("payload").get("employees").asInt()).isEqualTo(77);
    // It moves through the campaign as any due agreement does.
    Api.status(Tokens.adviser("15"), campaign, agreement, "CONTACTED", NorwegianTime.today())
        .statusCode(200)
        .body("status", equalTo("CONTACTED"))
        .body("orgNumber", equalTo(org));
  }

  @Test
  void anAgreementSignedOnTheDayTheCampaignStartedOrLaterBelongsToTheNewPeriod() {
    Api.register(Fixtures.agreement(Fixtures.orgNumber(), "15"));
    String campaign = Api.startCampaign();
    int dueAtStart = due(campaign, "15");
    Map<String, Object> fresh = Fixtures.agreement(Fixtures.orgNumber(), "15");
    LocalDate today = NorwegianTime.today();
    fresh.put("signedOn", today.toString());
    String agreement = Api.register(fresh);

    assertThat(due(campaign, "15")).isEqualTo(dueAtStart);
    Api.status(Tokens.adviser("15"), campaign, agreement, "CONTACTED", today)
        .statusCode(404)
        .body("code", equalTo("AGREEMENT_NOT_DUE"));
  }

  @Test
  void aUnitRegisteredLateWhoseGroupHasReSignedFollowsItAtOnce() {
    String groupOrg = Fixtures.orgNumber();
    Map<String, Object> groupBody = Fixtures.agreement(groupOrg, "15");
    String group = Api.register(groupBody);
    String campaign = Api.startCampaign();
    LocalDate today = NorwegianTime.today();
    Api.status(Tokens.adviser("15"), campaign, group, "RESIGNED", today).statusCode(200);

    Map<String, Object> unitBody = Fixtures.agreement(Fixtures.orgNumber(), "15");
    unitBody.put("groupOrgNumber", groupOrg);
    String unit = Api.register(unitBody);

    assertThat(Api.caseHistory(campaign, unit))
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change).containsEntry("from", "PENDING").containsEntry("to", "RESIGNED");
              assertThat(change.get("note").toString()).contains(groupOrg);
            });
  }

  @Test
  void aUnitRegisteredWhileItsGroupReSignsFollowsIt() throws Exception {
    String groupOrg = Fixtures.orgNumber();
    String group = Api.register(Fixtures.agreement(groupOrg, "15"));
    String campaign = Api.startCampaign();
    LocalDate today = NorwegianTime.today();
    Map<String, Object> unitBody = Fixtures.agreement(Fixtures.orgNumber(), "15");
    unitBody.put("groupOrgNumber", groupOrg);
    unitBody.put("signedOn", today.minusDays(1).toString());
    var background = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (java.sql.Connection change = Infra.connection("agreement")) {
      // The group's re-signing under way on the other replica: its case moved, its units (none
      // yet) looked for, not committed.
      change.setAutoCommit(false);
      try (var moved =
          change.prepareStatement(
              "update resigning_case set status = 'RESIGNED', status_on = ?, version = version + 1"
                  + " where campaign_id = ?::uuid and agreement_id = ?::uuid")) {
        moved.setObject(1, today);
        moved.setString(2, campaign);
        moved.setString(3, group);
        assertThat(moved.executeUpdate()).isEqualTo(1);
      }
      var registered = background.submit(() -> Api.register(unitBody));
      // The registration waits for the group's change, or (as before) went on without it.
      java.time.Instant until = java.time.Instant.now().plusSeconds(30);
      while (!registered.isDone() && !waiting(change) && java.time.Instant.now().isBefore(until)) {
        Thread.sleep(100);
      }
      change.commit();
      String unit = registered.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(Api.caseHistory(campaign, unit))
          .as("the unit re-signed with its group")
          .singleElement()
          .satisfies(c -> assertThat(c).containsEntry("to", "RESIGNED"));
    } finally {
      background.shutdownNow();
    }
  }

  private static boolean waiting(java.sql.Connection c) throws java.sql.SQLException {
    return Infra.lockWaits(c, "%") > 0;
  }

  /**
   * V17 makes due, once, the agreements registered late into the campaign open when it runs (before
   * this version they were not), with an event of the contract's shape that the relay publishes.
   */
  @Test
  void theMigrationMakesDueThoseRegisteredLateBeforeThisVersionOnce() throws Exception {
    Api.register(Fixtures.agreement(Fixtures.orgNumber(), "15"));
    String campaign = Api.startCampaign();
    int dueAtStart = due(campaign, "15");
    String org = Fixtures.orgNumber();
    UUID agreement = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into agreement (id, org_number, name, county_code, employees,"
                            + " signed_on, status, created_at, created_by, version, search_words)"
                            + " values (:id, :org, 'Sen AS', '15', 64, date '2011-03-01', 'ACTIVE',"
                            + " now(), 'Z990003', 0, 'sen')")
                    .setParameter("id", agreement)
                    .setParameter("org", org)
                    .executeUpdate());
    String migration;
    try (var in = getClass().getResourceAsStream("/db/migration/V17__late_registrations_due.sql")) {
      migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (int run = 0; run < 2; run++) {
      QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(migration).executeUpdate());
    }

    assertThat(due(campaign, "15")).isEqualTo(dueAtStart + 1);
    JsonNode added = AgreementEventsTest.awaitEvent("ResigningCaseAdded", org);
    assertThat(added.get("payload").get("agreementId").asText()).isEqualTo(agreement.toString());
    assertThat(added.get("payload").get("signedOn").asText()).isEqualTo("2011-03-01");
    assertThat(
            EventContracts.violations(
                AsyncApiDocument.of(java.util.List.of(AgreementEvents.CONTRACT)), added))
        .isEmpty();
  }
}
