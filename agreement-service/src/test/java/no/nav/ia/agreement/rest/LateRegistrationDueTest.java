package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.platform.time.NorwegianTime;
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
}
