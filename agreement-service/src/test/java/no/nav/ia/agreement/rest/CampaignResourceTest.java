package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.LogLines;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class CampaignResourceTest {

  @jakarta.inject.Inject javax.sql.DataSource dataSource;

  static String agreement(String county, int employees, String groupOrgNumber) {
    Map<String, Object> body = Fixtures.agreement(Fixtures.orgNumber(), county);
    body.put("employees", employees);
    if (groupOrgNumber != null) {
      body.put("groupOrgNumber", groupOrgNumber);
    }
    return Api.register(body);
  }

  @Test
  void aCountyWithSixOfEightAgreementsReSignedStandsAtSeventyFivePercent() {
    List<String> vestAgder = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      vestAgder.add(agreement("10", 10 + i * 10, null));
    }
    String campaign = Api.startCampaign();
    String adviser = Tokens.adviser("10");
    LocalDate today = NorwegianTime.today();
    for (int i = 0; i < 6; i++) {
      Api.status(adviser, campaign, vestAgder.get(i), "RESIGNED", today)
          .statusCode(200)
          .body("status", equalTo("RESIGNED"));
    }
    Api.status(adviser, campaign, vestAgder.get(6), "DECLINED", today).statusCode(200);
    Api.status(adviser, campaign, vestAgder.get(7), "CONTACTED", today).statusCode(200);

    JsonPath progress = progress(Tokens.manager("10"), campaign, "");
    assertThat(progress.getInt("counties[0].due")).isEqualTo(8);
    assertThat(progress.getInt("counties[0].resigned")).isEqualTo(6);
    assertThat(progress.getInt("counties[0].declined")).isEqualTo(1);
    assertThat(progress.getInt("counties[0].contacted")).isEqualTo(1);
    assertThat(progress.getDouble("counties[0].rate")).isEqualTo(0.75);
    assertThat(progress.getList("counties")).hasSize(1);
    // The national counts name no enterprise: a manager compares the county with them.
    assertThat(progress.getString("national.countyCode")).isNull();
    assertThat(progress.getInt("national.due")).isGreaterThanOrEqualTo(8);
    assertThat(progress.getInt("national.resigned")).isGreaterThanOrEqualTo(6);
    assertThat(progress.getList("largestOutstanding.items.agreementId"))
        .containsExactly(vestAgder.get(7));

    JsonPath national = progress(Tokens.coordinator(), campaign, "?county=10");
    assertThat(national.getInt("national.due")).isGreaterThanOrEqualTo(8);
    assertThat(national.getLong("daysToDeadline")).isBetween(85L, 93L);

    // A county with nothing due is a row of zeros (its card says due 0), not left out.
    JsonPath none = progress(Tokens.coordinator(), campaign, "?county=56");
    assertThat(none.getList("counties.countyCode")).containsExactly("56");
    assertThat(none.getInt("counties[0].due")).isZero();
    assertThat(none.getString("counties[0].rate")).isNull();
  }

  @Test
  void anAdvisersListShowsEachAgreementsReSigningCaseAndFindsThemByItsStatus() {
    List<String> ids = new ArrayList<>();
    for (String name : List.of("Qxcase Kontaktet AS", "Qxcase Venter AS", "Qxcase Avsluttet AS")) {
      Map<String, Object> body = Fixtures.agreement(Fixtures.orgNumber(), "14");
      body.put("name", name);
      ids.add(Api.register(body));
    }
    String campaign = Api.startCampaign();
    String adviser = Tokens.adviser("14");
    LocalDate today = NorwegianTime.today();
    Api.status(adviser, campaign, ids.get(0), "CONTACTED", today).statusCode(200);
    Api.terminate(ids.get(2), today, "Lagt ned");

    assertThat(names(adviser, "resigningStatus=CONTACTED")).containsExactly("Qxcase Kontaktet AS");
    assertThat(names(adviser, "resigningStatus=PENDING")).containsExactly("Qxcase Venter AS");
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/agreements?county=14&q=qxcase&sort=name")
        .then()
        .statusCode(200)
        .body(
            "items.name",
            equalTo(List.of("Qxcase Avsluttet AS", "Qxcase Kontaktet AS", "Qxcase Venter AS")))
        .body(
            "items.collect { it.resigning?.status }",
            equalTo(java.util.Arrays.asList(null, "CONTACTED", "PENDING")))
        .body("items[1].resigning.campaignId", equalTo(campaign))
        .body("items[1].resigning.statusOn", equalTo(today.toString()))
        .body("items[1].resigning.deadline", equalTo(today.plusMonths(3).toString()));
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/agreements/" + ids.get(1))
        .then()
        .statusCode(200)
        .body("resigning.status", equalTo("PENDING"));
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/agreements?county=14&resigningStatus=MAYBE")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("resigningStatus"));

    // Once the campaign is closed, no case is under way.
    Api.noCampaignOpen();
    assertThat(names(adviser, "resigningStatus=CONTACTED")).isEmpty();
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/agreements/" + ids.get(0))
        .then()
        .statusCode(200)
        .body("resigning", equalTo(null));
  }

  /** The names of county 14's agreements named Qxcase, as the token's caller lists them. */
  static List<String> names(String token, String query) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/agreements?county=14&q=qxcase&sort=name&" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.name");
  }

  /** A campaign's progress as the token's caller reads it ({@code query}: "" or "?county=10"). */
  static JsonPath progress(String token, String campaign, String query) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/resigning-campaigns/" + campaign + "/progress" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void unitsWaitingForTheirGroupFollowTheGroupsSigning() {
    String groupOrg = Fixtures.orgNumber();
    Map<String, Object> groupBody = Fixtures.agreement(groupOrg, "09");
    groupBody.put("employees", 5000);
    String group = Api.register(groupBody);
    String unit = agreement("09", 40, groupOrg);
    given()
        .auth()
        .oauth2(Tokens.adviser("09"))
        .get("/api/v1/agreements/" + unit)
        .then()
        .body("groupAgreementId", equalTo(group));
    String campaign = Api.startCampaign();
    String adviser = Tokens.adviser("09");
    Api.status(adviser, campaign, unit, "AWAITING_GROUP", NorwegianTime.today()).statusCode(200);
    // The group's signing recorded with its real day, before the unit's last status: the unit
    // follows on its own day, and the group's request is not refused for it.
    Api.status(adviser, campaign, group, "RESIGNED", NorwegianTime.today().minusDays(2))
        .statusCode(200);

    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/resigning-campaigns/" + campaign + "/agreements/" + unit + "/history")
        .then()
        .statusCode(200)
        .body("to", equalTo(List.of("AWAITING_GROUP", "RESIGNED")))
        .body("from", equalTo(List.of("PENDING", "AWAITING_GROUP")))
        .body(
            "on",
            equalTo(List.of(NorwegianTime.today().toString(), NorwegianTime.today().toString())))
        .body("changedBy", equalTo(List.of("Z990001", "Z990001")));
  }

  /**
   * A group, a unit of it that is the group of another unit, and that unit (county 17), due in a
   * campaign.
   */
  record GroupOfAGroup(String campaign, String group, String middle, String unit) {
    static GroupOfAGroup due() {
      String groupOrg = Fixtures.orgNumber();
      String middleOrg = Fixtures.orgNumber();
      String group = Api.register(Fixtures.agreement(groupOrg, "17"));
      Map<String, Object> middle = Fixtures.agreement(middleOrg, "17");
      middle.put("groupOrgNumber", groupOrg);
      String middleId = Api.register(middle);
      String unit = agreement("17", 20, middleOrg);
      return new GroupOfAGroup(Api.startCampaign(), group, middleId, unit);
    }

    io.restassured.response.ValidatableResponse status(String agreement, String to, int daysAgo) {
      return Api.status(
              Tokens.adviser("17"),
              campaign,
              agreement,
              to,
              NorwegianTime.today().minusDays(daysAgo))
          .statusCode(200);
    }

    void reSignedWithItsGroup(String agreement, int daysAgo) {
      List<Map<String, Object>> history = Api.caseHistory(campaign, agreement);
      assertThat(history.get(history.size() - 1))
          .containsEntry("to", "RESIGNED")
          .containsEntry("on", NorwegianTime.today().minusDays(daysAgo).toString());
      assertThat((String) history.get(history.size() - 1).get("note"))
          .startsWith("Re-signed with the group agreement");
    }

    long count(String what) {
      return progress(Tokens.manager("17"), campaign).getLong("counties[0]." + what);
    }
  }

  @Test
  void theGroupCascadeReachesTheUnitsOfAUnit() {
    GroupOfAGroup tree = GroupOfAGroup.due();
    tree.status(tree.unit(), "AWAITING_GROUP", 4);
    tree.status(tree.group(), "RESIGNED", 2);

    tree.reSignedWithItsGroup(tree.middle(), 2);
    tree.reSignedWithItsGroup(tree.unit(), 2);
    assertThat(tree.count("resigned")).isEqualTo(3);
    assertThat(tree.count("awaitingGroup")).isZero();
  }

  @Test
  void aUnitReSignedWithItsGroupLaterTakesItsOwnUnitsAlong() {
    GroupOfAGroup tree = GroupOfAGroup.due();
    tree.status(tree.middle(), "DECLINED", 5);
    tree.status(tree.unit(), "AWAITING_GROUP", 5);
    // The group signs; the unit that declined is passed by, and so is the one waiting for it.
    tree.status(tree.group(), "RESIGNED", 3);
    assertThat(tree.count("awaitingGroup")).isEqualTo(1);

    tree.status(tree.middle(), "CONTACTED", 1).body("status", equalTo("RESIGNED"));
    tree.reSignedWithItsGroup(tree.unit(), 1);
    assertThat(tree.count("resigned")).isEqualTo(3);
  }

  static long statusEvents(String org) {
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                            .createNativeQuery(
                                "select count(*) from outbox_event where event_key = :org"
                                    + " and event_type = 'ResigningStatusChanged'")
                            .setParameter("org", org)
                            .getSingleResult())
                    .longValue());
  }

  static io.restassured.response.ValidatableResponse status(
      String campaign, String agreement, String status, LocalDate on, String note) {
    return Api.status(Tokens.adviser("17"), campaign, agreement, status, on, note);
  }

  @Test
  void theSameChangeAgainIsAnsweredAsItStandsAndRecordsNothing() {
    String contactedOrg = Fixtures.orgNumber();
    String contacted = Api.register(Fixtures.agreement(contactedOrg, "17"));
    String resignedOrg = Fixtures.orgNumber();
    String resigned = Api.register(Fixtures.agreement(resignedOrg, "17"));
    String campaign = Api.startCampaign();
    LocalDate today = NorwegianTime.today();
    for (int i = 0; i < 2; i++) {
      status(campaign, contacted, "CONTACTED", today.minusDays(1), "Ringt daglig leder")
          .statusCode(200)
          .body("status", equalTo("CONTACTED"));
      status(campaign, resigned, "RESIGNED", today, "Signert")
          .statusCode(200)
          .body("status", equalTo("RESIGNED"));
    }
    assertThat(Api.caseHistory(campaign, contacted)).hasSize(1);
    assertThat(Api.caseHistory(campaign, resigned)).hasSize(1);
    assertThat(statusEvents(contactedOrg)).isEqualTo(1);
    assertThat(statusEvents(resignedOrg)).isEqualTo(1);

    // Another day or another note is another change: a new contact, and RESIGNED stays final.
    status(campaign, contacted, "CONTACTED", today, "Ringt daglig leder").statusCode(200);
    status(campaign, contacted, "CONTACTED", today, "Sendt e-post").statusCode(200);
    assertThat(Api.caseHistory(campaign, contacted)).hasSize(3);
    status(campaign, resigned, "RESIGNED", today, "Signert på nytt")
        .statusCode(422)
        .body("code", equalTo("RESIGNING_TRANSITION_NOT_ALLOWED"));
  }

  @Test
  void theSameChangeSentTwiceAtOnceIsARetryToo() throws Exception {
    // A client retrying while its first request is still running, each to another replica: the
    // later of the two was 409 CONCURRENT_UPDATE.
    String org = Fixtures.orgNumber();
    String agreement = Api.register(Fixtures.agreement(org, "17"));
    String campaign = Api.startCampaign();
    var contacted = contact(campaign, agreement, "Ringt");
    assertThat(HeldRow.answers(dataSource, holdCase(agreement), List.of(contacted, contacted)))
        .containsExactly(200, 200);
    assertThat(Api.caseHistory(campaign, agreement)).hasSize(1);
    assertThat(statusEvents(org)).isEqualTo(1);

    // Another change meeting it is made after it, as if sent after it (no If-Match here): two
    // contacts with their own notes, both kept, whichever came first.
    assertThat(
            HeldRow.answers(
                dataSource,
                holdCase(agreement),
                List.of(
                    contact(campaign, agreement, "Ringt igjen"),
                    contact(campaign, agreement, "Sendt e-post"))))
        .containsExactly(200, 200);
    assertThat(Api.caseHistory(campaign, agreement)).hasSize(3);
  }

  @Test
  void aChangeThatFindsItsCaseRemovedMeanwhileIs404() throws Exception {
    // A termination dated before the start takes the case out while the change waits for it: the
    // change was 500 (the case it had read could not be read again).
    String agreement = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "17"));
    String campaign = Api.startCampaign();
    assertThat(
            HeldRow.answers(
                dataSource,
                holdCase(agreement),
                "delete from resigning_case where agreement_id = '" + agreement + "'",
                List.of(contact(campaign, agreement, "Ringt"))))
        .containsExactly(404);
  }

  /** A request that records a contact made today, answering its status code. */
  private static java.util.concurrent.Callable<Integer> contact(
      String campaign, String agreement, String note) {
    return () ->
        status(campaign, agreement, "CONTACTED", NorwegianTime.today(), note)
            .extract()
            .statusCode();
  }

  private static String holdCase(String agreement) {
    return "select 1 from resigning_case where agreement_id = '" + agreement + "' for update";
  }

  @Test
  void theRulesOfTheCampaignAreEnforcedWithClearErrors() {
    String agreement = agreement("05", 12, null);
    Map<String, Object> recentBody = Fixtures.agreement(Fixtures.orgNumber(), "34");
    recentBody.put("signedOn", NorwegianTime.today().minusDays(10).toString());
    String recent = Api.register(recentBody);
    String campaign = Api.startCampaign();
    // A status day before the agreement was signed: the closing would make it its new period's
    // start (resignedOn).
    Api.status(
            Tokens.coordinator(), campaign, recent, "RESIGNED", NorwegianTime.today().minusDays(11))
        .statusCode(400)
        .body("errors.field", hasItem("on"));
    Api.status(
            Tokens.coordinator(),
            campaign,
            recent,
            "CONTACTED",
            NorwegianTime.today(),
            "ring\u0007")
        .statusCode(400)
        .body("errors.field", hasItem("note"));
    assertThat(Api.caseHistory(campaign, recent)).isEmpty();
    Api.status(Tokens.coordinator(), campaign, recent, "CONTACTED", NorwegianTime.today())
        .statusCode(200);
    String adviser = Tokens.adviser("05");
    Api.status(adviser, campaign, agreement, "RESIGNED", NorwegianTime.today()).statusCode(200);
    Api.status(adviser, campaign, agreement, "CONTACTED", NorwegianTime.today())
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("RESIGNING_TRANSITION_NOT_ALLOWED"));
    Api.status(adviser, campaign, agreement, "PENDING", NorwegianTime.today())
        .statusCode(400)
        .body("errors.field", hasItem("status"))
        .body(
            "errors.message",
            hasItem("must be one of CONTACTED, RESIGNED, DECLINED, AWAITING_GROUP, NO_RESPONSE"));
    Api.status(adviser, campaign, agreement, "MAYBE", NorwegianTime.today())
        .statusCode(400)
        .body("errors.field", hasItem("status"));
    Api.status(adviser, campaign, agreement, "CONTACTED", NorwegianTime.today().plusDays(1))
        .statusCode(400);
    Api.status(Tokens.adviser("04"), campaign, agreement, "CONTACTED", NorwegianTime.today())
        .statusCode(403);
    // Another county's manager, as another county's adviser (the county's own moves it: the
    // authorization matrix).
    Api.status(Tokens.manager("04"), campaign, agreement, "CONTACTED", NorwegianTime.today())
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    Api.status(
            adviser,
            "00000000-0000-0000-0000-000000000000",
            agreement,
            "CONTACTED",
            NorwegianTime.today())
        .statusCode(404)
        .body("code", equalTo("CAMPAIGN_NOT_FOUND"));
    // Signed since the campaign started: the new period's, not due (one signed before it and
    // registered since is: LateRegistrationDueTest).
    // (05 is no county today: Innlandet, 34, took it over.)
    Map<String, Object> laterBody = Fixtures.agreement(Fixtures.orgNumber(), "34");
    laterBody.put("signedOn", NorwegianTime.today().toString());
    String later = Api.register(laterBody);
    Api.status(Tokens.adviser("34"), campaign, later, "CONTACTED", NorwegianTime.today())
        .statusCode(404)
        .body("code", equalTo("AGREEMENT_NOT_DUE"));

    Api.status(
            adviser,
            campaign,
            later,
            "CONTACTED",
            NorwegianTime.today(),
            "Snakket med 01.01.90 10046")
        .statusCode(400)
        .body("errors.field", hasItem("note"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Too late", "deadline", "2011-07-01"))
        .post("/api/v1/resigning-campaigns")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("deadline"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "Oppfølging 010190-10046",
                "deadline",
                NorwegianTime.today().plusMonths(3).toString()))
        .post("/api/v1/resigning-campaigns")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("name"));
  }

  /**
   * A campaign review: the name's and the note's limits counted an emoji twice and were said as
   * "size must be between 0 and 200"; a name could hold a line break; another county's agreement
   * was 404 when not due and 403 when due, so an adviser could tell which of them were due.
   */
  @Test
  void textLimitsCountCharactersAndAnotherCountysAgreementIsForbiddenDueOrNot() {
    String campaign = Api.startCampaign();
    String due = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "18"));
    Map<String, Object> laterBody = Fixtures.agreement(Fixtures.orgNumber(), "18");
    laterBody.put("signedOn", NorwegianTime.today().toString());
    String notDue = Api.register(laterBody);
    String emoji = "\uD83D\uDE00";
    String adviser = Tokens.adviser("18");
    Api.status(adviser, campaign, due, "CONTACTED", NorwegianTime.today(), "ø".repeat(1001))
        .statusCode(400)
        .body("errors.field", hasItem("note"))
        .body("errors.message", hasItem("must be at most 1000 characters"));
    Api.status(adviser, campaign, due, "CONTACTED", NorwegianTime.today(), emoji.repeat(1000))
        .statusCode(200);
    // An override turns the text after it around wherever the history shows the note.
    Api.status(adviser, campaign, due, "CONTACTED", NorwegianTime.today(), "ring \u202e000 021")
        .statusCode(400)
        .body("errors.field", hasItem("note"))
        .body("errors[0].message", containsString("nor direction overrides or isolates"));
    // A case is never set back to PENDING: an unknown status lists the values a change takes.
    Api.status(adviser, campaign, due, "DONE", NorwegianTime.today())
        .statusCode(400)
        .body(
            "errors[0].message",
            equalTo(
                "has an unknown value: must be one of CONTACTED, RESIGNED, DECLINED,"
                    + " AWAITING_GROUP, NO_RESPONSE"));
    assertThat(startCampaign("IA-avtalen\n2027", "name"))
        .contains(AgreementRequests.ONE_LINE_MESSAGE);
    assertThat(startCampaign(emoji.repeat(201), "name")).contains("must be at most 200 characters");
    // 200 characters are a name: the campaign already open is the answer.
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name", emoji.repeat(200),
                "deadline", NorwegianTime.today().plusMonths(3).toString()))
        .post("/api/v1/resigning-campaigns")
        .then()
        .statusCode(409)
        .body("code", equalTo("CAMPAIGN_ALREADY_OPEN"));

    String other = Tokens.adviser("15");
    Api.status(other, campaign, due, "CONTACTED", NorwegianTime.today())
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    Api.status(other, campaign, notDue, "CONTACTED", NorwegianTime.today())
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    Api.status(adviser, campaign, notDue, "CONTACTED", NorwegianTime.today())
        .statusCode(404)
        .body("code", equalTo("AGREEMENT_NOT_DUE"));
    Api.status(
            adviser,
            campaign,
            java.util.UUID.randomUUID().toString(),
            "CONTACTED",
            NorwegianTime.today())
        .statusCode(404)
        .body("code", equalTo("AGREEMENT_NOT_FOUND"));
  }

  /** The messages of a refused campaign start for the field. */
  private static List<String> startCampaign(String name, String field) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "deadline", NorwegianTime.today().plusMonths(3).toString()))
        .post("/api/v1/resigning-campaigns")
        .then()
        .statusCode(400)
        .extract()
        .jsonPath()
        .getList("errors.findAll { it.field == '" + field + "' }.message");
  }

  /** An agreement in {@code county} of {@code employees} under the enterprise name given. */
  static String named(String county, int employees, String name) {
    Map<String, Object> body = Fixtures.agreement(Fixtures.orgNumber(), county);
    body.put("employees", employees);
    body.put("name", name);
    return Api.register(body);
  }

  @Test
  void enterprisesContactedTwoWeeksAgoWithoutAnswerAreDueAReminder() {
    String old = named("07", 300, "Gamle Bakeri AS");
    String fresh = named("07", 500, "Ferske Fisk AS");
    String campaign = Api.startCampaign();
    String adviser = Tokens.adviser("07");
    given()
        .auth()
        .oauth2(Tokens.manager("07"))
        .contentType(ContentType.JSON)
        .body(Map.of("navIdent", "Z990071"))
        .put("/api/v1/agreements/" + old + "/contact-person")
        .then()
        .statusCode(200);
    // The answer names the enterprise and who to chase, as the lists below do.
    Api.status(adviser, campaign, old, "CONTACTED", NorwegianTime.today().minusDays(20))
        .statusCode(200)
        .body("name", equalTo("Gamle Bakeri AS"))
        .body("contactPerson", equalTo("Z990071"));
    Api.status(adviser, campaign, fresh, "CONTACTED", NorwegianTime.today().minusDays(3))
        .statusCode(200);
    try (LogLines audit = LogLines.of("auditLogger")) {
      String org =
          given()
              .auth()
              .oauth2(Tokens.person("manager", "07", "Z990072"))
              .get("/api/v1/resigning-campaigns/" + campaign + "/reminders")
              .then()
              .statusCode(200)
              .body("items.agreementId", equalTo(List.of(old)))
              .body("items[0].daysSinceContact", equalTo(20))
              .body("items[0].name", equalTo("Gamle Bakeri AS"))
              .body("items[0].contactPerson", equalTo("Z990071"))
              .body("total", equalTo(1))
              .extract()
              .path("items[0].orgNumber");
      // Read as the agreements' working list reads it: an audit line per agreement listed.
      assertThat(audit.lines)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains("|audit:access|")
                      .contains("suid=Z990072 duid=" + org)
                      .contains("/reminders"));
      // A case's history holds its notes: a read of the agreement too.
      given()
          .auth()
          .oauth2(Tokens.person("manager", "07", "Z990073"))
          .get("/api/v1/resigning-campaigns/" + campaign + "/agreements/" + old + "/history")
          .then()
          .statusCode(200);
      assertThat(audit.lines)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains("|audit:access|")
                      .contains("suid=Z990073 duid=" + org)
                      .contains("/history"));
    }
    given()
        .auth()
        .oauth2(Tokens.manager("07"))
        .get("/api/v1/resigning-campaigns/" + campaign + "/reminders?days=2")
        .then()
        .statusCode(200)
        .body("items.agreementId", equalTo(List.of(fresh, old)));
    // A page at a time, as every list: a county with thousands contacted is not one answer.
    given()
        .auth()
        .oauth2(Tokens.manager("07"))
        .get("/api/v1/resigning-campaigns/" + campaign + "/reminders?days=2&size=1&page=1")
        .then()
        .statusCode(200)
        .body("items.agreementId", equalTo(List.of(old)))
        .body("total", equalTo(2))
        .body("page", equalTo(1))
        .body("size", equalTo(1));
    // Found not answering 16 days ago: due a reminder too, after its contact of 30 days ago (a
    // campaign review found the non-responders in no reminder).
    String silent = named("07", 400, "Stille Sag AS");
    Api.status(adviser, campaign, silent, "CONTACTED", NorwegianTime.today().minusDays(30))
        .statusCode(200);
    Api.status(adviser, campaign, silent, "NO_RESPONSE", NorwegianTime.today().minusDays(16))
        .statusCode(200);
    given()
        .auth()
        .oauth2(Tokens.manager("07"))
        .get("/api/v1/resigning-campaigns/" + campaign + "/reminders")
        .then()
        .statusCode(200)
        .body("items.agreementId", equalTo(List.of(silent, old)))
        .body("items.status", equalTo(List.of("NO_RESPONSE", "CONTACTED")))
        .body("items[0].daysSinceContact", equalTo(16));
    given()
        .auth()
        .oauth2(Tokens.manager("07"))
        .get("/api/v1/resigning-campaigns/" + campaign + "/reminders?size=0")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(Tokens.manager("07"))
        .get("/api/v1/resigning-campaigns/" + campaign + "/reminders?county=08")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.manager("07"))
        .get("/api/v1/resigning-campaigns/" + campaign + "/reminders?days=0")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/resigning-campaigns/" + campaign + "/progress?county=07")
        .then()
        .statusCode(200)
        .body("largestOutstanding.items[0].agreementId", equalTo(fresh))
        .body("largestOutstanding.items[0].name", equalTo("Ferske Fisk AS"))
        .body("largestOutstanding.items[0].contactPerson", nullValue())
        .body(
            "largestOutstanding.items.find { it.agreementId == '" + old + "' }.name",
            equalTo("Gamle Bakeri AS"))
        .body(
            "largestOutstanding.items.find { it.agreementId == '" + old + "' }.contactPerson",
            equalTo("Z990071"))
        .body("national", not(nullValue()));
  }

  private static JsonPath progress(String token, String campaign) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/resigning-campaigns/" + campaign + "/progress")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void anAgreementEndedDuringTheCampaignCanNoLongerMoveAndLeavesTheFollowUpList() {
    String bankrupt = agreement("08", 900, null);
    String open = agreement("08", 20, null);
    String campaign = Api.startCampaign();
    String adviser = Tokens.adviser("08");
    LocalDate today = NorwegianTime.today();
    Api.status(adviser, campaign, bankrupt, "CONTACTED", today).statusCode(200);
    Api.terminate(bankrupt, today, "Konkurs");

    Api.status(adviser, campaign, bankrupt, "RESIGNED", today)
        .statusCode(422)
        .body("code", equalTo("AGREEMENT_ENDED"));
    JsonPath progress = progress(Tokens.manager("08"), campaign);
    assertThat(progress.getInt("counties[0].resigned")).isZero();
    assertThat(progress.getList("largestOutstanding.items.agreementId")).containsExactly(open);
  }

  /**
   * An agreement that re-signed and then ended stays counted as re-signed, and the list and the
   * agreement say so (a campaign review counted 6 re-signed, found 5 in the list and the ended one
   * with no re-signing at all); one ended while still worked on is counted and shown as neither.
   */
  @Test
  void anAgreementThatReSignedAndThenEndedIsListedAndShownAsTheProgressCountsIt() {
    String closed = agreement("18", 70, null);
    String worked = agreement("18", 30, null);
    String campaign = Api.startCampaign();
    String adviser = Tokens.adviser("18");
    LocalDate today = NorwegianTime.today();
    Api.status(adviser, campaign, closed, "RESIGNED", today).statusCode(200);
    Api.status(adviser, campaign, worked, "CONTACTED", today).statusCode(200);
    Api.terminate(closed, today, "Avdelingen lagt ned");
    Api.terminate(worked, today, "Konkurs");

    JsonPath progress = progress(Tokens.manager("18"), campaign);
    assertThat(progress.getInt("counties[0].resigned")).isEqualTo(1);
    assertThat(progress.getInt("counties[0].contacted")).isZero();
    assertThat(agreementIds(adviser, "resigningStatus=RESIGNED")).containsExactly(closed);
    assertThat(agreementIds(adviser, "resigningStatus=CONTACTED")).isEmpty();
    assertThat(Api.agreement(adviser, closed).getString("resigning.status")).isEqualTo("RESIGNED");
    assertThat(Api.agreement(adviser, worked).getMap("resigning")).isNull();
  }

  private static List<String> agreementIds(String token, String query) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/agreements?county=18&" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id");
  }

  @Test
  void aUnitThatMovesOnAfterItsGroupReSignedIsReSignedWithIt() {
    String groupOrg = Fixtures.orgNumber();
    String group = Api.register(Fixtures.agreement(groupOrg, "06"));
    String unit = agreement("06", 30, groupOrg);
    String alone = agreement("06", 30, null);
    String campaign = Api.startCampaign();
    String adviser = Tokens.adviser("06");
    LocalDate today = NorwegianTime.today();
    Api.status(adviser, campaign, unit, "DECLINED", today.minusDays(5)).statusCode(200);
    Api.status(adviser, campaign, group, "RESIGNED", today.minusDays(3)).statusCode(200);
    // Declined: passed by when the group signed. Contacted again, it is open once more, and the
    // group's signing that is already done counts for it at once, on its own day (as the closing
    // would count it), rather than leaving it outstanding until then.
    Api.status(adviser, campaign, unit, "CONTACTED", today.minusDays(1))
        .statusCode(200)
        .body("status", equalTo("RESIGNED"))
        .body("statusOn", equalTo(today.minusDays(1).toString()));
    JsonPath progress = progress(Tokens.manager("06"), campaign);
    assertThat(progress.getInt("counties[0].contacted")).isZero();
    assertThat(progress.getInt("counties[0].resigned")).isEqualTo(2);
    // An enterprise outside any group has no group to wait for.
    Api.status(adviser, campaign, alone, "AWAITING_GROUP", today)
        .statusCode(422)
        .body("code", equalTo("NO_GROUP_AGREEMENT"));
  }

  @Test
  void theLargestOutstandingAreRankedByTheirSizeToday() {
    String large = agreement("01", 500, null);
    String corrected = agreement("01", 50, null);
    String campaign = Api.startCampaign();
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(Map.of("employees", 2000))
        .patch("/api/v1/agreements/" + corrected)
        .then()
        .statusCode(200);
    JsonPath progress = progress(Tokens.manager("01"), campaign);
    assertThat(progress.getList("largestOutstanding.items.agreementId"))
        .containsExactly(corrected, large);
    assertThat(progress.getList("largestOutstanding.items.employees", Integer.class))
        .containsExactly(2000, 500);
  }
}
