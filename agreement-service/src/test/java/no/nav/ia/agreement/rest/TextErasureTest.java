package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.LogLines;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What a person wrote where no person's data belongs can be taken out again: a re-signing case's
 * notes (the case and every status change of it) and the reason an agreement was ended with (the
 * agreement and every version of it). Nothing of the text is left in the service's tables.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class TextErasureTest {

  static final String COUNTY = "18";

  @Inject EntityManager em;

  static String noteOf(String campaign, String agreement) {
    return "/api/v1/resigning-campaigns/" + campaign + "/agreements/" + agreement + "/note";
  }

  long rowsHolding(String table, String column, String text) {
    return Api.count(
        em, "select count(*) from " + table + " where " + column + " like ?1", "%" + text + "%");
  }

  long auditRows(String action, String agreement) {
    return Api.count(
        em,
        "select count(*) from audit_event where action = ?1 and entity_id = ?2",
        action,
        agreement);
  }

  @Test
  void aCasesNotesGoFromTheCaseAndItsHistoryWhoErasedThemStaysAndTheCaseMovesOn() {
    String erased = Api.register(Fixtures.agreement(Fixtures.orgNumber(), COUNTY));
    String kept = Api.register(Fixtures.agreement(Fixtures.orgNumber(), COUNTY));
    String campaign = Api.startCampaign();
    String adviser = Tokens.adviser(COUNTY);
    LocalDate today = NorwegianTime.today();
    Api.status(adviser, campaign, erased, "CONTACTED", today, "Kari Nordmann, tlf 99887766")
        .statusCode(200);
    Api.status(adviser, campaign, erased, "CONTACTED", today, "Kari Nordmann er sykmeldt")
        .statusCode(200);
    Api.status(adviser, campaign, kept, "CONTACTED", today, "Ringes igjen i januar")
        .statusCode(200);

    // Another county's adviser may not, and changes nothing.
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .delete(noteOf(campaign, erased))
        .then()
        .statusCode(403);
    assertThat(rowsHolding("resigning_status_change", "note", "Kari Nordmann")).isEqualTo(2);

    try (LogLines audit = LogLines.of("auditLogger")) {
      given()
          .auth()
          .oauth2(Tokens.adviser(COUNTY, "Z990077"))
          .delete(noteOf(campaign, erased))
          .then()
          .statusCode(204);
      assertThat(audit.lines)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains("audit:delete", "Z990077", "/agreements/" + erased + "/note"));
    }

    List<Map<String, Object>> history = Api.caseHistory(campaign, erased);
    assertThat(history).hasSize(2);
    for (Map<String, Object> change : history) {
      assertThat(change.get("note")).isNull();
      assertThat(change.get("noteErasedBy")).isEqualTo("Z990077");
      assertThat(change.get("noteErasedAt")).isNotNull();
      assertThat(change.get("changedBy")).isEqualTo("Z990001");
      assertThat(change.get("to")).isEqualTo("CONTACTED");
    }
    assertThat(rowsHolding("resigning_status_change", "note", "Kari Nordmann")).isZero();
    assertThat(rowsHolding("resigning_case", "note", "Kari Nordmann")).isZero();
    // Nor did it go anywhere else: no event carries a note, no audit row its text.
    assertThat(rowsHolding("outbox_event", "envelope", "Kari Nordmann")).isZero();
    assertThat(rowsHolding("audit_event", "detail", "Kari Nordmann")).isZero();
    assertThat(auditRows("RESIGNING_NOTE_ERASED", erased)).isEqualTo(1);
    // The other case keeps its note.
    assertThat(Api.caseHistory(campaign, kept).get(0).get("note"))
        .isEqualTo("Ringes igjen i januar");

    // The last change sent again after the erasure (a client's late retry, with the note it had)
    // is refused, and so is a note written afresh on it, which the erasure cannot tell apart: the
    // note is not written back, nor a fresh one lost with a 200. Without the note it is a retry.
    for (String note : List.of("Kari Nordmann er sykmeldt", "Ringes igjen neste uke")) {
      Api.status(adviser, campaign, erased, "CONTACTED", today, note)
          .statusCode(409)
          .contentType("application/problem+json")
          .body("code", equalTo("RESIGNING_NOTE_WAS_ERASED"));
    }
    Api.status(adviser, campaign, erased, "CONTACTED", today)
        .statusCode(200)
        .body("status", equalTo("CONTACTED"))
        .body("note", equalTo(null));
    assertThat(Api.caseHistory(campaign, erased)).hasSize(2);
    assertThat(rowsHolding("resigning_status_change", "note", "Kari Nordmann")).isZero();
    assertThat(rowsHolding("resigning_case", "note", "Kari Nordmann")).isZero();

    // Again: nothing left to erase, the same answer, who erased it first stays.
    given().auth().oauth2(adviser).delete(noteOf(campaign, erased)).then().statusCode(204);
    assertThat(Api.caseHistory(campaign, erased).get(0).get("noteErasedBy")).isEqualTo("Z990077");

    // The case moves on, with a note of its own that nobody erased.
    Api.status(adviser, campaign, erased, "RESIGNED", today, "Signert")
        .statusCode(200)
        .body("note", equalTo("Signert"));
    Map<String, Object> last = Api.caseHistory(campaign, erased).get(2);
    assertThat(last.get("note")).isEqualTo("Signert");
    assertThat(last.get("noteErasedBy")).isNull();

    // A closed campaign's notes are erased as well (its history is kept for years).
    Api.noCampaignOpen();
    given()
        .auth()
        .oauth2(Tokens.manager(COUNTY))
        .delete(noteOf(campaign, kept))
        .then()
        .statusCode(204);
    assertThat(Api.caseHistory(campaign, kept).get(0).get("note")).isNull();
    assertThat(Api.caseHistory(campaign, kept).get(0).get("noteErasedBy")).isEqualTo("Z990002");
  }

  @Test
  void theReasonAnAgreementEndedWithGoesFromItAndItsHistoryAndCannotBeWrittenBack() {
    String agreement = Api.register(Fixtures.agreement(Fixtures.orgNumber(), COUNTY));
    LocalDate endedOn = NorwegianTime.today().minusDays(2);
    String reason = "Daglig leder Ola Hansen er langtidssykmeldt";
    long version =
        Api.terminate(agreement, endedOn, reason).extract().jsonPath().getLong("version");
    String path = "/api/v1/agreements/" + agreement + "/end-reason";

    // Those who may not end it may not erase its reason: an adviser, another county's manager.
    given().auth().oauth2(Tokens.adviser(COUNTY)).delete(path).then().statusCode(403);
    given().auth().oauth2(Tokens.manager("03")).delete(path).then().statusCode(403);
    assertThat(rowsHolding("agreement", "end_reason", "Ola Hansen")).isEqualTo(1);

    given().auth().oauth2(Tokens.manager(COUNTY)).delete(path).then().statusCode(204);

    Api.get(Tokens.manager(COUNTY), "/api/v1/agreements/" + agreement)
        .statusCode(200)
        .body("status", equalTo("ENDED"))
        .body("endReason", equalTo("ERASED"))
        .body("endedOn", equalTo(endedOn.toString()))
        .body("version", equalTo((int) version));
    List<Map<String, Object>> history = Api.history(agreement);
    assertThat(history).extracting(v -> v.get("action")).containsExactly("REGISTERED", "ENDED");
    assertThat(history.get(1).get("endReason")).isEqualTo("ERASED");
    assertThat(rowsHolding("agreement", "end_reason", "Ola Hansen")).isZero();
    assertThat(rowsHolding("agreement_change", "end_reason", "Ola Hansen")).isZero();
    assertThat(rowsHolding("outbox_event", "envelope", "Ola Hansen")).isZero();
    assertThat(rowsHolding("audit_event", "detail", "Ola Hansen")).isZero();
    assertThat(auditRows("END_REASON_ERASED", agreement)).isEqualTo(1);

    // The same termination sent again does not write the reason back: the agreement has ended.
    Api.termination(agreement, endedOn, reason)
        .statusCode(409)
        .body("code", equalTo("AGREEMENT_ALREADY_ENDED"));
    assertThat(rowsHolding("agreement", "end_reason", "Ola Hansen")).isZero();

    // Erasing again, and erasing where there is nothing to erase, change nothing.
    given().auth().oauth2(Tokens.coordinator()).delete(path).then().statusCode(204);
    String active = Api.register(Fixtures.agreement(Fixtures.orgNumber(), COUNTY));
    int activeVersion = Api.agreement(Tokens.coordinator(), active).getInt("version");
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .delete("/api/v1/agreements/" + active + "/end-reason")
        .then()
        .statusCode(204);
    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + active)
        .body("status", equalTo("ACTIVE"))
        .body("endReason", equalTo(null))
        .body("version", equalTo(activeVersion));
  }

  @Test
  void erasedIsNotAReasonToEndAnAgreementWithNorAreSpacesOfAnyKind() {
    String agreement = Api.register(Fixtures.agreement(Fixtures.orgNumber(), COUNTY));
    // Spaces only, of any kind: stripped, they were an empty reason (a diff review).
    for (String reason : List.of("ERASED", "Erased.", " erased ", "\u00a0\u00a0", "\u3000")) {
      Api.termination(agreement, NorwegianTime.today(), reason)
          .statusCode(400)
          .body("errors.field", hasItem("reason"));
    }
    // Blank as two constraints see it is said once (a re-check saw "must not be blank" twice).
    Api.termination(agreement, NorwegianTime.today(), "   ")
        .statusCode(400)
        .body("errors.size()", equalTo(1));
    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + agreement)
        .body("status", equalTo("ACTIVE"));
    Api.noCampaignOpen();
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name", "\u00a0\u202f", "deadline", NorwegianTime.today().plusMonths(1).toString()))
        .post("/api/v1/resigning-campaigns")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("name"));
  }
}
