package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static no.nav.ia.agreement.rest.Closings.DEADLINE;
import static no.nav.ia.agreement.rest.Closings.TODAY;
import static no.nav.ia.agreement.rest.Closings.agreementJson;
import static no.nav.ia.agreement.rest.Closings.campaignPastItsDeadline;
import static no.nav.ia.agreement.rest.Closings.close;
import static no.nav.ia.agreement.rest.Closings.closeAndWait;
import static no.nav.ia.agreement.rest.Closings.endAndResignEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The re-signing outcome (API.md version 2): POST /resigning-campaigns/{id}/closing on the real
 * database and broker; the outcome comes in the background and GET .../closing says when it is in.
 * The campaigns closed here are due yesterday ({@link Closings}).
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class CampaignClosingTest {

  static final String COUNTY = "14";

  static String agreement(String org, String groupOrg) {
    Map<String, Object> body = Fixtures.agreement(org, COUNTY);
    if (groupOrg != null) {
      body.put("groupOrgNumber", groupOrg);
    }
    return Api.register(body);
  }

  static ValidatableResponse status(String campaign, String agreement, String to, int daysAgo) {
    return Api.status(Tokens.adviser(COUNTY), campaign, agreement, to, TODAY.minusDays(daysAgo));
  }

  @Test
  void closingEndsWhatWasNotReSignedOnTheDeadlineAndGivesTheReSignedTheirNewPeriod() {
    String groupOrg = Fixtures.orgNumber();
    String otherGroupOrg = Fixtures.orgNumber();
    String resigned = agreement(Fixtures.orgNumber(), null);
    String declined = agreement(Fixtures.orgNumber(), null);
    String contacted = agreement(Fixtures.orgNumber(), null);
    String pending = agreement(Fixtures.orgNumber(), null);
    String group = agreement(groupOrg, null);
    String unitWaiting = agreement(Fixtures.orgNumber(), groupOrg);
    String unitCascaded = agreement(Fixtures.orgNumber(), groupOrg);
    String otherGroup = agreement(otherGroupOrg, null);
    String unitOfOther = agreement(Fixtures.orgNumber(), otherGroupOrg);
    String endedBefore = agreement(Fixtures.orgNumber(), null);
    List<String> ended = List.of(declined, contacted, pending, otherGroup, unitOfOther);
    Map<String, LocalDate> newPeriods =
        Map.of(
            resigned, TODAY.minusDays(30),
            group, TODAY.minusDays(40),
            unitCascaded, TODAY.minusDays(40),
            unitWaiting, TODAY.minusDays(25));
    List<String> due = new ArrayList<>(ended);
    due.addAll(newPeriods.keySet());
    due.add(endedBefore);
    String campaign = campaignPastItsDeadline(due);

    status(campaign, resigned, "RESIGNED", 30).statusCode(200);
    status(campaign, declined, "DECLINED", 30).statusCode(200);
    status(campaign, contacted, "CONTACTED", 30).statusCode(200);
    status(campaign, unitWaiting, "DECLINED", 45).statusCode(200);
    // The group signs; the unit that had declined is passed by, the other follows (the cascade).
    status(campaign, group, "RESIGNED", 40).statusCode(200);
    // The unit that declined is contacted again after its group signed: the group's signing
    // counts for it at once (as the closing would count it), on the unit's own day.
    status(campaign, unitWaiting, "CONTACTED", 25)
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("RESIGNED"))
        .body("statusOn", org.hamcrest.Matchers.equalTo(TODAY.minusDays(25).toString()));
    status(campaign, unitWaiting, "AWAITING_GROUP", 20).statusCode(422);
    status(campaign, otherGroup, "CONTACTED", 30).statusCode(200);
    status(campaign, unitOfOther, "AWAITING_GROUP", 30).statusCode(200);
    Api.terminate(endedBefore, TODAY.minusDays(10), "Lagt ned");

    JsonPath closed = closeAndWait(campaign);
    assertThat(closed.getString("deadline")).isEqualTo(DEADLINE.toString());
    assertThat(closed.getString("closedOn")).isEqualTo(TODAY.toString());
    assertThat(closed.getString("closedBy")).isEqualTo("Z990003");
    assertThat(closed.getInt("due")).isEqualTo(10);
    assertThat(closed.getInt("ended")).isEqualTo(5);
    assertThat(closed.getInt("resigned")).isEqualTo(4);
    assertThat(closed.getInt("unchanged")).isEqualTo(1);
    assertThat(closed.getInt("pending")).isZero();
    // The progress agrees: nothing is outstanding, what ended unsigned is counted as ended (the
    // one ended before the closing too), the declined one stays declined.
    JsonPath progress =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .get("/api/v1/resigning-campaigns/" + campaign + "/progress")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(progress.getInt("national.due")).isEqualTo(10);
    assertThat(progress.getInt("national.resigned")).isEqualTo(4);
    assertThat(progress.getInt("national.declined")).isEqualTo(1);
    assertThat(progress.getInt("national.ended")).isEqualTo(5);
    assertThat(
            progress.getInt("national.pending")
                + progress.getInt("national.contacted")
                + progress.getInt("national.awaitingGroup")
                + progress.getInt("national.noResponse"))
        .isZero();
    assertThat(progress.getLong("largestOutstanding.total")).isZero();

    for (String id : ended) {
      JsonPath a = agreementJson(id);
      assertThat(a.getString("status")).as(id).isEqualTo("ENDED");
      assertThat(a.getString("endedOn")).isEqualTo(DEADLINE.toString());
      assertThat(a.getString("endReason")).isEqualTo("NOT_RESIGNED");
      assertThat(a.getString("resignedOn")).isNull();
    }
    newPeriods.forEach(
        (id, on) -> {
          JsonPath a = agreementJson(id);
          assertThat(a.getString("status")).as(id).isEqualTo("ACTIVE");
          assertThat(a.getString("resignedOn")).as(id).isEqualTo(on.toString());
        });
    assertThat(Api.history(declined))
        .extracting(h -> h.get("action"))
        .containsExactly("REGISTERED", "ENDED");
    assertThat(Api.history(declined).get(1))
        .containsEntry("status", "ENDED")
        .containsEntry("endedOn", DEADLINE.toString())
        .containsEntry("endReason", "NOT_RESIGNED")
        .containsEntry("changedBy", "Z990003");
    assertThat(Api.history(resigned))
        .extracting(h -> h.get("action"))
        .containsExactly("REGISTERED", "RESIGNED");
    // The history says what the re-signing changed: the new period's start (it read as the
    // version before it, field for field).
    assertThat(Api.history(resigned).get(0)).containsEntry("resignedOn", null);
    assertThat(Api.history(resigned).get(1))
        .containsEntry("resignedOn", newPeriods.get(resigned).toString());
    JsonPath before = agreementJson(endedBefore);
    assertThat(before.getString("endedOn")).isEqualTo(TODAY.minusDays(10).toString());
    assertThat(before.getString("endReason")).isEqualTo("Lagt ned");
    given()
        .auth()
        .oauth2(Tokens.manager(COUNTY))
        .get("/api/v1/resigning-campaigns/" + campaign + "/agreements/" + unitWaiting + "/history")
        .then()
        .statusCode(200)
        .body("to[-1]", equalTo("RESIGNED"))
        .body("on[-1]", equalTo(TODAY.minusDays(25).toString()))
        .body("changedBy[-1]", equalTo("Z990001"));

    Map<String, List<String>> events = endAndResignEvents(due);
    for (String id : ended) {
      assertThat(events.get(id)).as(id).containsExactly("AgreementTerminated");
    }
    for (String id : newPeriods.keySet()) {
      assertThat(events.get(id)).as(id).containsExactly("AgreementResigned");
    }
    assertThat(events.get(endedBefore))
        .as("its own termination only")
        .containsExactly("AgreementTerminated");
    // A consumer tells a closing's end from a centre's termination without asking back.
    for (String id : ended) {
      assertThat(
              AgreementEventsTest.awaitEvent(
                      "AgreementTerminated", agreementJson(id).getString("orgNumber"))
                  .at("/payload/campaignId")
                  .asText())
          .as(id)
          .isEqualTo(campaign);
    }
    assertThat(
            AgreementEventsTest.awaitEvent(
                    "AgreementTerminated", agreementJson(endedBefore).getString("orgNumber"))
                .at("/payload/campaignId")
                .isNull())
        .as("its own termination names no campaign")
        .isTrue();
    JsonNode event =
        AgreementEventsTest.awaitEvent(
            "AgreementResigned", agreementJson(unitWaiting).getString("orgNumber"));
    assertThat(event.at("/payload/resignedOn").asText()).isEqualTo(TODAY.minusDays(25).toString());
    assertThat(event.at("/payload/campaignId").asText()).isEqualTo(campaign);
    assertThat(event.get("callId").asText())
        .as("the closing's call, also on its worker thread")
        .isEqualTo("closing-" + campaign);
  }

  @Test
  void aClosedCampaignTakesNoMoreStatusChangesAndIsNotClosedTwice() {
    String org = Fixtures.orgNumber();
    String open = agreement(org, null);
    String campaign = campaignPastItsDeadline(List.of(open));
    status(campaign, open, "CONTACTED", 5).statusCode(200);
    Fixtures.inTheRegister(org, "STENGT ETTER FRISTEN AS", COUNTY);
    assertThat(enterprisePage(org).getString("resigning.status")).isEqualTo("CONTACTED");
    assertThat(closeAndWait(campaign).getInt("ended")).isEqualTo(1);
    assertThat(enterprisePage(org).getMap("resigning"))
        .as("a closed campaign is no open re-signing case")
        .isNull();

    status(campaign, open, "RESIGNED", 0)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("CAMPAIGN_CLOSED"));
    close(Tokens.coordinator(), campaign)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("CAMPAIGN_ALREADY_CLOSED"));
    given()
        .auth()
        .oauth2(Tokens.adviser(COUNTY))
        .get("/api/v1/resigning-campaigns/" + campaign)
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"))
        .body("closedOn", equalTo(TODAY.toString()));
  }

  @Test
  void aGroupThatEndedAndSignedAgainDuringTheCampaignTakesItsWaitingUnitAlong() {
    String groupOrg = Fixtures.orgNumber();
    String group = agreement(groupOrg, null);
    String unit = agreement(Fixtures.orgNumber(), groupOrg);
    String campaign = campaignPastItsDeadline(List.of(group, unit));
    status(campaign, unit, "AWAITING_GROUP", 40).statusCode(200);
    Api.terminate(group, TODAY.minusDays(30), "Omorganisert");
    Map<String, Object> again = Fixtures.agreement(groupOrg, "46");
    again.put("signedOn", TODAY.minusDays(20).toString());
    Api.register(again);
    status(campaign, group, "RESIGNED", 10)
        .statusCode(422)
        .body("code", equalTo("AGREEMENT_ENDED"));

    JsonPath closed = closeAndWait(campaign);
    assertThat(closed.getInt("resigned")).isEqualTo(1);
    assertThat(closed.getInt("unchanged")).isEqualTo(1);
    assertThat(closed.getInt("ended")).isZero();
    assertThat(agreementJson(unit).getString("status")).isEqualTo("ACTIVE");
    assertThat(agreementJson(unit).getString("resignedOn"))
        .isEqualTo(TODAY.minusDays(20).toString());
    assertThat(Api.caseHistory(campaign, unit).get(1))
        .containsEntry("to", "RESIGNED")
        .containsEntry("on", TODAY.minusDays(20).toString());
  }

  static JsonPath enterprisePage(String org) {
    return Api.enterprise(Tokens.adviser(COUNTY), org);
  }

  @Test
  void onlyACoordinatorClosesACampaignAndNotBeforeItsDeadline() {
    String due = agreement(Fixtures.orgNumber(), null);
    String campaign = Api.startCampaign();
    for (String token :
        List.of(Tokens.adviser(COUNTY), Tokens.manager(COUNTY), Tokens.system("arena"))) {
      close(token, campaign).statusCode(403);
    }
    close(Tokens.coordinator(), campaign)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("CAMPAIGN_DEADLINE_NOT_REACHED"));
    close(Tokens.coordinator(), UUID.randomUUID().toString())
        .statusCode(404)
        .body("code", equalTo("CAMPAIGN_NOT_FOUND"));
    // Refused, so still open.
    status(campaign, due, "CONTACTED", 0).statusCode(200);
    assertThat(agreementJson(due).getString("status")).isEqualTo("ACTIVE");
  }
}
