package no.nav.ia.scorecard.rest;

import static io.restassured.RestAssured.given;
import static no.nav.ia.scorecard.rest.TestEvents.event;
import static no.nav.ia.scorecard.rest.TestEvents.send;
import static no.nav.ia.scorecard.rest.TestEvents.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Half-year reports (API.md): who reads and writes, versions, the frozen submission and the
 * difference a later correction makes, the coordinators' overview and CSV, the printable page.
 * Counties 54, 11 and 15 in 2023, which no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "scorecard"))
class ReportsTest {

  @jakarta.inject.Inject javax.sql.DataSource dataSource;

  static final Map<String, Object> SECTIONS =
      Map.of(
          "iaCouncil", "Fire møter i IA-rådet.\nRisikovurdering av bygg.",
          "industries", "Bygg og anlegg; helse",
          "effects", "Lavere fravær hos tre virksomheter",
          "funds", "Kr 200 000 til bransjeseminar");

  /**
   * Writing one section alone where another has text was a 200 that erased it (an adviser's review
   * lost the IA council's text so): a section left out that has text is refused, and null erases
   * one on purpose.
   */
  @Test
  void aSectionLeftOutThatHasTextIsRefusedNotErased() {
    String manager = Tokens.manager("15");
    String path = report("15", "2021-H1") + "/sections";
    edit(manager, 0, Map.of("iaCouncil", "Fire møter i IA-rådet."), path).statusCode(200);
    edit(manager, 1, Map.of("industries", "Helse og omsorg"), path)
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.field", equalTo(List.of("iaCouncil")))
        .body("errors.message[0]", containsString("null erases it on purpose"));
    // Direction overrides would reorder what the page shows after them (a review's "120 000").
    edit(manager, 1, Map.of("iaCouncil", "Fire møter \u202E000 021 kr"), path)
        .statusCode(400)
        .body("errors.field", equalTo(List.of("iaCouncil")))
        .body("errors.message[0]", containsString("direction overrides"));
    assertThat(read("15", "2021-H1").getString("sections.iaCouncil"))
        .isEqualTo("Fire møter i IA-rådet.");
    assertThat(read("15", "2021-H1").getInt("version")).isEqualTo(1);
    // Sent with it, or with null to erase it, the edit is made.
    Map<String, Object> erasing = new java.util.HashMap<>();
    erasing.put("iaCouncil", null);
    erasing.put("industries", "Helse og omsorg");
    edit(manager, 1, erasing, path)
        .statusCode(200)
        .body("sections.iaCouncil", nullValue())
        .body("sections.industries", equalTo("Helse og omsorg"));
  }

  static String report(String county, String period) {
    return "/api/v1/reports/counties/" + county + "/" + period;
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token);
  }

  /** Replaces a report's sections ({@code path}: the report's sections) as the version read. */
  static ValidatableResponse edit(String token, long version, Object sections, String path) {
    return as(token)
        .header("If-Match", "\"" + version + "\"")
        .contentType(ContentType.JSON)
        .body(sections)
        .put(path)
        .then();
  }

  /**
   * Writes every section of a report nobody has written yet, as a manager does before submitting.
   */
  static void written(String manager, String county, String period) {
    edit(manager, 0, SECTIONS, report(county, period) + "/sections").statusCode(200);
  }

  /** The report's printable page, as {@code token} reads it. */
  static String page(String token, String county, String period) {
    return as(token)
        .accept("text/html")
        .get(report(county, period))
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .extract()
        .asString();
  }

  /** A report's versions, oldest first, as {@code token} reads them. */
  static List<Map<String, Object>> history(String token, String county, String period) {
    return as(token)
        .get(report(county, period) + "/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("");
  }

  /** The coordinators' overview of the half-year. */
  static JsonPath overview(String period) {
    return as(Tokens.coordinator())
        .get("/api/v1/reports?period=" + period)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static JsonPath read(String county, String period) {
    return as(Tokens.coordinator())
        .get(report(county, period))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static int liveTotal(String county, String period) {
    return as(Tokens.coordinator())
        .get("/api/v1/scorecards/counties/" + county + "?period=" + period)
        .then()
        .statusCode(200)
        .extract()
        .path("deliveries.total");
  }

  static void deliveries(String county, String month, int n) {
    for (int i = 0; i < n; i++) {
      send(event("DeliveryRecorded", UUID.randomUUID(), county, month, "SYSTEM"));
    }
  }

  @Test
  void theManagerWritesAndSubmitsAndLaterEventsShowAsADifferenceNotAChange() {
    deliveries("54", "2023-03", 2);
    await().atMost(Duration.ofSeconds(20)).until(() -> liveTotal("54", "2023-H1") == 2);
    String manager = Tokens.manager("54");

    JsonPath draft = read("54", "2023-H1");
    assertThat(draft.getString("status")).isEqualTo("DRAFT");
    assertThat(draft.getString("due")).isEqualTo("2023-09-01");
    assertThat(draft.getBoolean("overdue")).isTrue();
    assertThat(draft.getInt("version")).isZero();
    assertThat(draft.getInt("figures.deliveries.total")).isEqualTo(2);
    assertThat(draft.getString("county.name")).isEqualTo("Troms og Finnmark");
    assertThat(draft.<Object>get("sections.iaCouncil")).isNull();

    as(manager)
        .contentType(ContentType.JSON)
        .body(SECTIONS)
        .put(report("54", "2023-H1") + "/sections")
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
    edit(manager, 0, SECTIONS, report("54", "2023-H1") + "/sections")
        .statusCode(200)
        .header("ETag", "W/\"1\"")
        .body("version", equalTo(1))
        .body("sections.industries", equalTo("Bygg og anlegg; helse"));
    edit(manager, 0, Map.of("iaCouncil", "overskriver"), report("54", "2023-H1") + "/sections")
        .statusCode(412)
        .body("code", equalTo("STALE_VERSION"));

    String submittedAt =
        as(manager)
            .post(report("54", "2023-H1") + "/submission")
            .then()
            .statusCode(200)
            .body("status", equalTo("SUBMITTED"))
            .body("overdue", equalTo(false))
            .body("submittedLate", equalTo(true))
            .body("submittedBy", equalTo("Z990002"))
            .body("version", equalTo(2))
            .body("changedSinceSubmission", equalTo(List.of()))
            .extract()
            .path("submittedAt");
    // The moment as stored: a later read shows the same one (it had nanoseconds the store rounds).
    as(manager)
        .get(report("54", "2023-H1"))
        .then()
        .statusCode(200)
        .body("submittedAt", equalTo(submittedAt));
    as(manager)
        .post(report("54", "2023-H1") + "/submission")
        .then()
        .statusCode(409)
        .body("code", equalTo("REPORT_ALREADY_SUBMITTED"));
    edit(manager, 2, SECTIONS, report("54", "2023-H1") + "/sections")
        .statusCode(409)
        .body("code", equalTo("REPORT_SUBMITTED"));

    // A late delivery in the half-year moves the live card, not the submitted report.
    deliveries("54", "2023-04", 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> liveTotal("54", "2023-H1") == 3);
    JsonPath submitted = read("54", "2023-H1");
    assertThat(submitted.getInt("figures.deliveries.total")).isEqualTo(2);
    assertThat(submitted.getList("changedSinceSubmission"))
        .contains(Map.of("figure", "deliveries.total", "submitted", 2, "now", 3));
    // 2023 is over: its forecast is the year's total, a fact that moved too (a review saw it move
    // on a submitted report with nothing said).
    int yearTotal = submitted.getInt("figures.forecast.yearTotal");
    assertThat(submitted.getList("changedSinceSubmission"))
        .contains(
            Map.of("figure", "forecast.yearTotal", "submitted", yearTotal, "now", yearTotal + 1));
    // The coordinators see which submitted reports have moved without opening each (a review).
    Map<String, Object> line =
        as(Tokens.coordinator())
            .get("/api/v1/reports?period=2023-H1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("counties.find { it.county.code == '54' }");
    assertThat(line)
        .containsEntry("status", "SUBMITTED")
        .containsEntry(
            "changedSinceSubmission", submitted.getList("changedSinceSubmission").size());
    assertThat(
            as(Tokens.coordinator())
                .accept("text/csv")
                .get("/api/v1/reports?period=2023-H1")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines())
        .first()
        .asString()
        .contains(",changed_since_submission,");

    List<Map<String, Object>> history = history(Tokens.adviser("54"), "54", "2023-H1");
    assertThat(history)
        .extracting(h -> h.get("action"))
        .containsExactly("SECTIONS_EDITED", "SUBMITTED");
    assertThat(history).extracting(h -> h.get("changedBy")).containsOnly("Z990002");

    assertThat(page(manager, "54", "2023-H1"))
        .contains("Halvårsrapport for 1. halvår 2023")
        .contains("Troms og Finnmark")
        .contains("Sendt inn")
        .contains("etter fristen")
        .contains("Endret etter innsending")
        .contains("Bygg og anlegg; helse")
        .contains("1. september 2023")
        .contains("mål nådd");
  }

  @Test
  void aReportIsSubmittedOnlyWithEverySectionWrittenAndARefusalChangesNothing() {
    // Møre og Romsdal (15) in 2022, which no other test uses.
    String path = report("15", "2022-H1");
    String manager = Tokens.manager("15");
    as(manager)
        .post(path + "/submission")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("SECTIONS_MISSING"))
        .body(
            "errors.field",
            equalTo(
                List.of(
                    "sections.iaCouncil",
                    "sections.industries",
                    "sections.effects",
                    "sections.funds")))
        .body(
            "errors.message", everyItem(equalTo("must be written before the report is submitted")));
    JsonPath untouched = read("15", "2022-H1");
    assertThat(untouched.getString("status")).isEqualTo("DRAFT");
    assertThat(untouched.getInt("version")).isZero();
    assertThat(as(manager).get(path + "/history").then().extract().jsonPath().getList(""))
        .isEmpty();

    // Whitespace is nothing written; "Ingen" is a section with nothing to report.
    Map<String, Object> some = new java.util.HashMap<>();
    some.put("iaCouncil", "Fire møter i IA-rådet.");
    // Whitespace of any kind: the no-break spaces Word pastes, a web page's zero-width space.
    some.put("industries", " \n\t ");
    some.put("effects", "Ingen");
    some.put("funds", "\u00A0\u00A0\u200B\u202F");
    edit(manager, 0, some, path + "/sections").statusCode(200);
    as(manager)
        .header("If-Match", "\"1\"")
        .post(path + "/submission")
        .then()
        .statusCode(422)
        .body("code", equalTo("SECTIONS_MISSING"))
        .body("errors.field", equalTo(List.of("sections.industries", "sections.funds")));
    assertThat(read("15", "2022-H1").getInt("version")).isEqualTo(1);
    assertThat(page(manager, "15", "2022-H1"))
        .as("the draft's page says so of both")
        .containsPattern("(?s)id=\"section-industries\">Ikke skrevet.*id=\"section-funds\">Ikke");

    edit(manager, 1, SECTIONS, path + "/sections").statusCode(200);
    as(manager)
        .post(path + "/submission")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUBMITTED"));
    assertThat(page(manager, "15", "2022-H1")).doesNotContain("Ikke skrevet ennå.");
  }

  @Test
  void aLateDeliveryInTheSamePeriodAYearBeforeShowsAsADifference() {
    // Troms og Finnmark (54) in 2021 and 2020, which no other test uses. The report shows the same
    // period a year before, and a delivery registered late there moved it unlisted.
    deliveries("54", "2021-02", 1);
    deliveries("54", "2020-02", 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> liveTotal("54", "2020-H1") == 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> liveTotal("54", "2021-H1") == 1);
    written(Tokens.manager("54"), "54", "2021-H1");
    as(Tokens.manager("54"))
        .post(report("54", "2021-H1") + "/submission")
        .then()
        .statusCode(200)
        .body("changedSinceSubmission", equalTo(List.of()));
    deliveries("54", "2020-05", 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> liveTotal("54", "2020-H1") == 2);
    assertThat(read("54", "2021-H1").getList("changedSinceSubmission"))
        .containsExactly(Map.of("figure", "previousYear.total", "submitted", 1, "now", 2));
    assertThat(page(Tokens.manager("54"), "54", "2021-H1"))
        .contains("Leveranser samme periode året før");
  }

  @Test
  void aCorrectionOfADeliverysServiceOrSubGoalsAfterSubmissionShowsAsADifference() {
    // Troms og Finnmark (54) in 2022, which no other test uses.
    UUID id = UUID.randomUUID();
    var recorded = event("DeliveryRecorded", id, "54", "2022-03", "SYSTEM");
    recorded.put("eventId", UUID.randomUUID().toString());
    var facts = (com.fasterxml.jackson.databind.node.ObjectNode) recorded.at("/payload/delivery");
    facts.put("service", "SENIOR_LIFE_PHASE").putArray("subGoals").add(1);
    send(recorded);
    await().atMost(Duration.ofSeconds(20)).until(() -> liveTotal("54", "2022-H1") == 1);
    // The draft's page counts per service and sub-goal from the live card.
    String draft = page(Tokens.manager("54"), "54", "2022-H1");
    assertThat(table(draft, "by-service"))
        .contains(row("Senior- og livsfasearbeid", "1"), row("Mål- og handlingsplan", "0"))
        .contains(row("IA-veiledning", "0"), row("Kontaktpersonrollen", "0"));
    assertThat(table(draft, "by-sub-goal"))
        .contains(row("Delmål 1", "1"), row("Delmål 2", "0"), row("Delmål 3", "0"));
    written(Tokens.manager("54"), "54", "2022-H1");
    as(Tokens.manager("54"))
        .post(report("54", "2022-H1") + "/submission")
        .then()
        .statusCode(200)
        .body("changedSinceSubmission", equalTo(List.of()));

    var corrected = version(event("DeliveryCorrected", id, "54", "2022-03", "SYSTEM"), 2);
    corrected.put("eventId", UUID.randomUUID().toString());
    var after = (com.fasterxml.jackson.databind.node.ObjectNode) corrected.at("/payload/after");
    after.put("service", "GOALS_ACTION_PLAN").putArray("subGoals").add(2);
    send(corrected);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                as(Tokens.coordinator())
                    .get("/api/v1/scorecards/counties/54?period=2022-H1")
                    .then()
                    .extract()
                    .path("deliveries.byService.GOALS_ACTION_PLAN")
                    .equals(1));
    assertThat(read("54", "2022-H1").getList("changedSinceSubmission"))
        .as("the total and the direction did not move; the service and the sub-goal did")
        .containsExactlyInAnyOrder(
            Map.of("figure", "deliveries.byService.SENIOR_LIFE_PHASE", "submitted", 1, "now", 0),
            Map.of("figure", "deliveries.byService.GOALS_ACTION_PLAN", "submitted", 0, "now", 1),
            Map.of("figure", "deliveries.bySubGoal.1", "submitted", 1, "now", 0),
            Map.of("figure", "deliveries.bySubGoal.2", "submitted", 0, "now", 1));
    String submitted = page(Tokens.manager("54"), "54", "2022-H1");
    assertThat(submitted)
        .contains("Endret etter innsending")
        .contains("Leveranser, mål- og handlingsplan")
        .contains("Leveranser til delmål 2");
    // The report's own tables keep the figures as submitted.
    assertThat(table(submitted, "by-service"))
        .contains(row("Senior- og livsfasearbeid", "1"), row("Mål- og handlingsplan", "0"));
    assertThat(table(submitted, "by-sub-goal"))
        .contains(row("Delmål 1", "1"), row("Delmål 2", "0"));
  }

  /**
   * The answer in {@code type} to a GET of {@code path}: kept by no cache, and saying {@code Vary:
   * Accept} once (it was sent twice on the reports' overview).
   */
  static ValidatableResponse negotiated(String token, String type, String path) {
    ValidatableResponse answer =
        as(token)
            .accept(type)
            .get(path)
            .then()
            .statusCode(200)
            .contentType(containsString(type))
            .header("Cache-Control", "no-store");
    assertThat(answer.extract().headers().getValues("Vary")).containsExactly("Accept");
    return answer;
  }

  /** The table of the page with that id, from its start tag to its end. */
  static String table(String page, String id) {
    int start = page.indexOf("<table id=\"" + id + "\">");
    assertThat(start).as("the page has a table %s", id).isNotNegative();
    return page.substring(start, page.indexOf("</table>", start));
  }

  /** A table's row of a label and its figure, as the printable page writes it. */
  static String row(String label, String value) {
    return "<tr><th scope=\"row\">" + label + "</th><td class=\"value\">" + value + "</td></tr>";
  }

  @Test
  void noFormOfAReportOrCardIsKeptByACacheAndEachSaysOnceThatItFollowsAccept() {
    String manager = Tokens.manager("15");
    negotiated(manager, "application/json", report("15", "2023-H2"))
        .header("ETag", org.hamcrest.Matchers.notNullValue());
    negotiated(manager, "text/html", report("15", "2023-H2"))
        // The page is another representation: the JSON's tag would name it wrongly.
        .header("ETag", org.hamcrest.Matchers.nullValue());
    for (String type : List.of("application/json", "text/csv")) {
      negotiated(manager, type, "/api/v1/scorecards/counties/15?period=2023");
      // The overview negotiates with Request.selectVariant, which writes a Vary of its own.
      negotiated(Tokens.coordinator(), type, "/api/v1/reports?period=2023-H2");
    }
    // A problem too: a 403 is about this caller.
    as(Tokens.manager("11"))
        .get(report("15", "2023-H2"))
        .then()
        .statusCode(403)
        .header("Cache-Control", "no-store");
  }

  @Test
  void aCoordinatorReopensASubmittedReportForItsManagerToMendAndSubmitAgain() {
    // Nordland (18) in 2023-H1, which no other test uses.
    String path = report("18", "2023-H1");
    String manager = Tokens.manager("18");
    String coordinator = Tokens.coordinator();
    deliveries("18", "2023-02", 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> liveTotal("18", "2023-H1") == 1);
    written(manager, "18", "2023-H1");
    // A draft has nothing to reopen.
    reopen(coordinator, null, "Feil tall")
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("REPORT_NOT_SUBMITTED"));
    as(manager).post(path + "/submission").then().statusCode(200).body("version", equalTo(2));
    deliveries("18", "2023-03", 2);
    await().atMost(Duration.ofSeconds(20)).until(() -> liveTotal("18", "2023-H1") == 3);

    // Only a coordinator reopens, with a reason that is written and names nobody; each refusal
    // leaves the report submitted at its version.
    for (String token : List.of(manager, Tokens.adviser("18"), Tokens.system("other-system"))) {
      reopen(token, null, "Feil tall").statusCode(403);
    }
    reopen(coordinator, null, "\u00a0\u200b ")
        .statusCode(400)
        .body("errors.field", equalTo(List.of("reason")));
    reopen(coordinator, null, "Gjelder 010190 10046")
        .statusCode(400)
        .body("errors.field", equalTo(List.of("reason")))
        .body(not(containsString("10046")));
    reopen(coordinator, null, "x".repeat(1_001))
        .statusCode(400)
        .body("errors.field", equalTo(List.of("reason")));
    as(coordinator)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Feil tall", "notify", true))
        .post(path + "/reopening")
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_BODY"));
    as(coordinator).contentType(ContentType.JSON).post(path + "/reopening").then().statusCode(400);
    reopen(coordinator, 1L, "Feil tall").statusCode(412).body("code", equalTo("STALE_VERSION"));
    assertThat(read("18", "2023-H1").getString("status")).isEqualTo("SUBMITTED");
    assertThat(read("18", "2023-H1").getInt("version")).isEqualTo(2);

    reopen(coordinator, 2L, "  Tallene for mars mangler <b>& må</b> sendes inn på nytt.  ")
        .statusCode(200)
        .header("ETag", "W/\"3\"")
        .body("status", equalTo("DRAFT"))
        .body("version", equalTo(3))
        .body("submittedBy", equalTo(null))
        .body("submittedAt", equalTo(null))
        .body("firstSubmittedAt", org.hamcrest.Matchers.notNullValue())
        // With its manager to mend: not overdue; its first submission came after the due date.
        .body("overdue", equalTo(false))
        .body("submittedLate", equalTo(true))
        .body("figures.deliveries.total", equalTo(3))
        // What has moved since the submission it was handed back from.
        .body(
            "changedSinceSubmission.find { it.figure == 'deliveries.total' }.submitted", equalTo(1))
        .body("changedSinceSubmission.find { it.figure == 'deliveries.total' }.now", equalTo(3))
        .body("sections.industries", equalTo("Bygg og anlegg; helse"))
        .body("reopened.by", equalTo("Z990003"))
        .body(
            "reopened.reason", equalTo("Tallene for mars mangler <b>& må</b> sendes inn på nytt."));
    // The manager opening the report sees why it came back.
    assertThat(page(manager, "18", "2023-H1"))
        .contains("Utkast")
        .contains("Gjenåpnet ")
        .contains("av Z990003: Tallene for mars mangler &lt;b&gt;&amp; må&lt;/b&gt; sendes inn")
        .contains("Endret etter innsending")
        .contains("Hendelser etter forrige innsending")
        .doesNotContain("fristen er passert")
        .doesNotContain("Sendt inn ");
    // The coordinators' overview tells it from a report never sent: reopened, with the reason.
    JsonPath overview = overview("2023-H1");
    assertThat(overview.getString("counties.find { it.county.code == '18' }.status"))
        .isEqualTo("DRAFT");
    assertThat(overview.getBoolean("counties.find { it.county.code == '18' }.overdue")).isFalse();
    assertThat(overview.getString("counties.find { it.county.code == '18' }.reopened.reason"))
        .isEqualTo("Tallene for mars mangler <b>& må</b> sendes inn på nytt.");
    assertThat(overview.getInt("counties.find { it.county.code == '18' }.changedSinceSubmission"))
        .isPositive();
    assertThat(overview.getString("counties.find { it.county.code == '03' }.reopened")).isNull();
    // The coordinators' page says it too, on the report's row.
    String dashboard =
        as(coordinator)
            .get("/dashboard?period=2023-H1")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String row18 = dashboard.substring(dashboard.indexOf("data-report=\"18-2023-H1\""));
    assertThat(row18.substring(0, row18.indexOf("</tr>")))
        .containsPattern("[0-9]+ tall endret etter innsending");
    String row03 = dashboard.substring(dashboard.indexOf("data-report=\"03-2023-H1\""));
    assertThat(row03.substring(0, row03.indexOf("</tr>"))).doesNotContain("endret");
    String csv =
        as(coordinator)
            .accept("text/csv")
            .get("/api/v1/reports?period=2023-H1")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv.lines().findFirst().orElseThrow())
        .endsWith(
            ",changed_since_submission,reopened_at,reopened_by,reopened_reason,first_submitted_at"
                + ",erased_sections");
    assertThat(csv)
        .contains(",Z990003,\"Tallene for mars mangler <b>& må</b> sendes inn på nytt.\",20");
    // The first submission's time, which the submitted_at of a submission anew is not.
    assertThat(overview.getString("counties.find { it.county.code == '18' }.firstSubmittedAt"))
        .isNotNull();
    reopen(coordinator, null, "Igjen")
        .statusCode(409)
        .body("code", equalTo("REPORT_NOT_SUBMITTED"));

    // Its manager mends it and submits it again, with the figures as they stand now.
    edit(
            manager,
            3,
            Map.of(
                "iaCouncil",
                "Fem møter",
                "industries",
                "Bygg",
                "effects",
                "Ingen",
                "funds",
                "Ingen"),
            path + "/sections")
        .statusCode(200)
        .body("version", equalTo(4));
    as(manager)
        .post(path + "/submission")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUBMITTED"))
        .body("version", equalTo(5))
        .body("figures.deliveries.total", equalTo(3))
        // Submitted anew, it still says it was handed back and why.
        .body("reopened.by", equalTo("Z990003"))
        .body("changedSinceSubmission", equalTo(List.of()));
    assertThat(page(manager, "18", "2023-H1"))
        .contains("Sendt inn på nytt ")
        .contains("(først sendt inn ")
        .contains(", etter fristen)")
        .contains("Gjenåpnet ");

    // The history keeps both submissions with the figures each froze, and why it was reopened.
    List<Map<String, Object>> history = history(Tokens.adviser("18"), "18", "2023-H1");
    assertThat(history)
        .extracting(h -> h.get("action"))
        .containsExactly(
            "SECTIONS_EDITED", "SUBMITTED", "REOPENED", "SECTIONS_EDITED", "SUBMITTED");
    assertThat(history)
        .extracting(h -> h.get("changedBy"))
        .containsExactly("Z990002", "Z990002", "Z990003", "Z990002", "Z990002");
    assertThat(history.get(2))
        .containsEntry("reason", "Tallene for mars mangler <b>& må</b> sendes inn på nytt.")
        .containsEntry("figures", null);
    assertThat(totalOf(history.get(1))).isEqualTo(1);
    assertThat(totalOf(history.get(4))).isEqualTo(3);
    assertThat(history.get(3)).containsEntry("figures", null).containsEntry("reason", null);
  }

  @Test
  void aSubmissionAReplicaFromBeforeTheFiguresWereKeptInTheHistoryWroteKeepsThemWhenReopened()
      throws Exception {
    // Nordland (18) in 2022-H2, which no other test uses.
    String path = report("18", "2022-H2");
    written(Tokens.manager("18"), "18", "2022-H2");
    as(Tokens.manager("18")).post(path + "/submission").then().statusCode(200);
    // As a replica without V13's column writes the submission's history row (a rolling deploy).
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate(
          "update report_change set figures = null where action = 'SUBMITTED' and report_id ="
              + " (select id from report where county_code = '18' and period = '2022-H2')");
    }
    as(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Feil i tallene"))
        .post(path + "/reopening")
        .then()
        .statusCode(200);
    List<Map<String, Object>> history = history(Tokens.coordinator(), "18", "2022-H2");
    assertThat(history)
        .extracting(h -> h.get("action"))
        .containsExactly("SECTIONS_EDITED", "SUBMITTED", "REOPENED");
    assertThat(totalOf(history.get(1))).isEqualTo(0);

    // As if a replica without V14's column had submitted and reopened it: the submission anew
    // takes the first submission's time from the history, not its own.
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate(
          "update report set first_submitted_at = null"
              + " where county_code = '18' and period = '2022-H2'");
    }
    String first = (String) history.get(1).get("changedAt");
    String again =
        as(Tokens.manager("18"))
            .post(path + "/submission")
            .then()
            .statusCode(200)
            .extract()
            .path("firstSubmittedAt");
    assertThat(java.time.OffsetDateTime.parse(again).toInstant())
        .isEqualTo(java.time.OffsetDateTime.parse(first).toInstant());
  }

  @SuppressWarnings("unchecked")
  static Object totalOf(Map<String, Object> change) {
    return ((Map<String, Object>) ((Map<String, Object>) change.get("figures")).get("deliveries"))
        .get("total");
  }

  /** A coordinator's (or anyone's) reopening of Nordland's 2023-H1 report. */
  static ValidatableResponse reopen(String token, Long version, String reason) {
    RequestSpecification request = as(token).contentType(ContentType.JSON);
    if (version != null) {
      request = request.header("If-Match", "\"" + version + "\"");
    }
    return request
        .body(Map.of("reason", reason))
        .post(report("18", "2023-H1") + "/reopening")
        .then();
  }

  @Test
  void replacingTheSectionsWithTheSameTextIsNoNewVersionButAStaleVersionIsStill412() {
    String path = report("54", "2022-H2") + "/sections";
    String manager = Tokens.manager("54");
    edit(manager, 0, SECTIONS, path).statusCode(200).header("ETag", "W/\"1\"");
    edit(manager, 1, SECTIONS, path)
        .statusCode(200)
        .header("ETag", "W/\"1\"")
        .body("version", equalTo(1))
        .body("sections.funds", equalTo("Kr 200 000 til bransjeseminar"));
    edit(manager, 0, SECTIONS, path).statusCode(412).body("code", equalTo("STALE_VERSION"));
    // The tag is weak (the figures beside the version are read live: an HTTP review), and a client
    // that sends it back as it came edits with it.
    String tag =
        as(manager).get(report("54", "2022-H2")).then().statusCode(200).extract().header("ETag");
    assertThat(tag).isEqualTo("W/\"1\"");
    as(manager)
        .header("If-Match", tag)
        .contentType(ContentType.JSON)
        .body(SECTIONS)
        .put(path)
        .then()
        .statusCode(200)
        .header("ETag", tag);
    assertThat(
            as(manager)
                .get(report("54", "2022-H2") + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action"))
        .containsExactly("SECTIONS_EDITED");
  }

  @Test
  void aReportsReadersAreItsCountysPeopleAndTheCoordinatorsAndOnlyItsManagerWrites() {
    String path = report("15", "2023-H2");
    Map<String, Integer> reads =
        Map.of(
            Tokens.manager("15"), 200,
            Tokens.adviser("15"), 200,
            Tokens.coordinator(), 200,
            Tokens.manager("11"), 403,
            Tokens.adviser("11"), 403,
            Tokens.system("other-system"), 403);
    reads.forEach((token, status) -> as(token).get(path).then().statusCode(status.intValue()));
    Map<String, Integer> writes =
        Map.of(
            Tokens.adviser("15"), 403,
            Tokens.coordinator(), 403,
            Tokens.manager("11"), 403,
            Tokens.system("other-system"), 403);
    writes.forEach(
        (token, status) -> {
          edit(token, 0, SECTIONS, path + "/sections").statusCode(status.intValue());
          as(token).post(path + "/submission").then().statusCode(status.intValue());
        });
    // A centre's manager who is a coordinator too reads every county's report as a coordinator,
    // but writes and submits only the own centre's (a review wrote 50's as 46's manager).
    String managerAndCoordinator =
        Tokens.issue(
            "Z990019",
            Map.of(
                "roles", List.of("manager", "coordinator"), "county", "11", "NAVident", "Z990019"),
            no.nav.ia.test.Infra.AUDIENCE,
            3600);
    as(managerAndCoordinator).get(path).then().statusCode(200);
    edit(managerAndCoordinator, 0, SECTIONS, path + "/sections")
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    as(managerAndCoordinator)
        .post(path + "/submission")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    // Their own centre's they write as its manager (Rogaland, 2021-H1: no other test's).
    edit(managerAndCoordinator, 0, SECTIONS, report("11", "2021-H1") + "/sections")
        .statusCode(200)
        .body("version", equalTo(1));
    given().get(path).then().statusCode(401);
    assertThat(read("15", "2023-H2").getInt("version")).isZero();
    as(Tokens.manager("15")).get("/api/v1/reports?period=2023-H2").then().statusCode(403);
  }

  @Test
  void badInputIsAClearProblemAndChangesNothing() {
    String manager = Tokens.manager("15");
    for (String period : List.of("2023", "2023-Q1", "2023-H3", "x")) {
      as(manager)
          .get(report("15", period))
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem("period"));
    }
    as(Tokens.coordinator()).get(report("99", "2023-H1")).then().statusCode(404);
    as(Tokens.coordinator())
        .get(report("01", "2023-H1"))
        .then()
        .statusCode(404)
        .body("code", equalTo("REPORT_NOT_FOUND"))
        .body("detail", containsString("its area reported as 30 (Viken)"));
    // Troms (55), formed in 2024: its area's report of 2023 is Troms og Finnmark's (a review).
    as(Tokens.coordinator())
        .get(report("55", "2023-H2"))
        .then()
        .statusCode(404)
        .body("detail", containsString("its area reported as 54 (Troms og Finnmark)"));
    // No half-year before the first IA agreement has a report (a review submitted 2000-H1, late for
    // good), nor one that has not begun (a review wrote one half a year ahead).
    java.time.LocalDate today = no.nav.ia.platform.time.NorwegianTime.today();
    String next =
        today.getMonthValue() <= 6 ? today.getYear() + "-H2" : today.getYear() + 1 + "-H1";
    for (String none : List.of("2000-H1", "2001-H1", next)) {
      as(manager)
          .get(report("15", none))
          .then()
          .statusCode(404)
          .body("code", equalTo("REPORT_NOT_FOUND"))
          .body("detail", containsString(none));
      edit(manager, 0, Map.of("effects", "Ingen"), report("15", none) + "/sections")
          .statusCode(404);
      as(Tokens.coordinator())
          .get("/api/v1/reports?period=" + none)
          .then()
          .statusCode(200)
          .body("counties.size()", equalTo(0));
    }
    as(manager).get(report("15", "2001-H2")).then().statusCode(200);
    String path = report("15", "2023-H1") + "/sections";
    edit(manager, 0, Map.of("effects", "x".repeat(10_001), "funds", "gjelder 01019010046"), path)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("effects", "funds")))
        .body(not(containsString("01019010046")));
    edit(manager, 0, Map.of("iaCouncil", "a\u0000b"), path)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("iaCouncil")));
    // A misspelt section would empty all four (the edit replaces them); a number is no text.
    edit(manager, 0, Map.of("iaCouncilx", "Møte i IA-rådet"), path)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("MALFORMED_BODY"))
        .body("errors.field", equalTo(List.of("iaCouncilx")));
    // A name that is the client's data (an identity number in it) is not said back.
    edit(manager, 0, Map.of("iaCouncil", "Møte", "fnr 010190 10046", "x"), path)
        .statusCode(400)
        .body("code", equalTo("MALFORMED_BODY"))
        .body("errors.field", equalTo(List.of("body")))
        .body(not(containsString("10046")));
    edit(manager, 0, Map.of("iaCouncil", 5), path)
        .statusCode(400)
        .body("errors.field", equalTo(List.of("iaCouncil")));
    // An empty body would erase every section written: a slip, refused (a review).
    edit(manager, 0, Map.of(), path)
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.field", equalTo(List.of("sections")));
    edit(manager, 0, "{\"effects\": ", path)
        .statusCode(400)
        .contentType("application/problem+json");
    as(manager)
        .header("If-Match", "not-a-version")
        .contentType(ContentType.JSON)
        .body(SECTIONS)
        .put(path)
        .then()
        .statusCode(412);
    assertThat(read("15", "2023-H1").getInt("version")).isZero();
    assertThat(
            as(manager)
                .get(report("15", "2023-H1") + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList(""))
        .isEmpty();
    // The running half-year has no final figures to submit.
    String running =
        no.nav.ia.platform.time.NorwegianTime.today().getMonthValue() <= 6 ? "H1" : "H2";
    as(manager)
        .post(
            report("15", no.nav.ia.platform.time.NorwegianTime.today().getYear() + "-" + running)
                + "/submission")
        .then()
        .statusCode(422)
        .body("code", equalTo("HALF_YEAR_NOT_OVER"));
  }

  @Test
  void aSplitCountysLastReportIsWrittenAndSubmittedByACountyItBecame() {
    // Vestfold og Telemark (38) ended on 31 December 2023; its 2023-H2 report was due on 1 March
    // 2024, when Vestfold's (39) and Telemark's (40) centres were the ones left to send it.
    String telemark = Tokens.manager("40");
    as(telemark).get(report("38", "2023-H2")).then().statusCode(200);
    as(Tokens.manager("03"))
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body(SECTIONS)
        .put(report("38", "2023-H2") + "/sections")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    edit(telemark, 0, SECTIONS, report("38", "2023-H2") + "/sections").statusCode(200);
    as(telemark)
        .post(report("38", "2023-H2") + "/submission")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUBMITTED"))
        .body("submittedBy", equalTo("Z990002"));
    // Its earlier reports were due while its own centre worked: theirs, not the successors'.
    edit(telemark, 0, SECTIONS, report("38", "2023-H1") + "/sections").statusCode(403);
    // The card behind the report they submit is theirs to read, for that half-year and its parts.
    for (String period : List.of("2023-H2", "2023-Q4", "2023-07")) {
      as(telemark)
          .get("/api/v1/scorecards/counties/38?period=" + period)
          .then()
          .statusCode(200)
          .body("scope.code", equalTo("38"));
    }
    for (String period : List.of("2023-H1", "2023", "2024-H1")) {
      as(telemark).get("/api/v1/scorecards/counties/38?period=" + period).then().statusCode(403);
    }
    as(Tokens.manager("03"))
        .get("/api/v1/scorecards/counties/38?period=2023-H2")
        .then()
        .statusCode(403);
    // Their overview (and the dashboard's county list) shows it after their own county's card.
    as(telemark)
        .get("/api/v1/scorecards?period=2023-H2")
        .then()
        .statusCode(200)
        .body("counties.scope.code", equalTo(List.of("40", "38")));
    as(telemark)
        .get("/api/v1/scorecards?period=2023")
        .then()
        .statusCode(200)
        .body("counties.scope.code", equalTo(List.of("40")));
    // Trøndelag's card of 2017-H2 holds Sør- and Nord-Trøndelag, merged into it: no card of theirs.
    as(Tokens.manager("50"))
        .get("/api/v1/scorecards?period=2017-H2")
        .then()
        .statusCode(200)
        .body("counties.scope.code", equalTo(List.of("50")));
  }

  @Test
  void theCoordinatorsSeeEveryCountysStatusAndGetTheNationalCompilation() {
    String manager = Tokens.manager("11");
    edit(
            manager,
            0,
            Map.of(
                "iaCouncil",
                "=SUM(A1) \"sitat\"\nlinje to",
                "industries",
                "Ingen",
                "effects",
                "Ingen",
                "funds",
                "<script>x</script>"),
            report("11", "2023-H2") + "/sections")
        .statusCode(200);
    as(manager).post(report("11", "2023-H2") + "/submission").then().statusCode(200);

    JsonPath overview =
        as(Tokens.coordinator())
            .get("/api/v1/reports?period=2023-H2")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(overview.getString("due")).isEqualTo("2024-03-01");
    assertThat(overview.getList("counties.county.code"))
        .hasSize(11)
        .contains("03", "11", "15", "18", "30", "34", "38", "42", "46", "50", "54");
    Map<String, Object> rogaland = overview.getMap("counties.find { it.county.code == '11' }");
    // Submitted today, long after 1 March 2024: in, and late.
    assertThat(rogaland)
        .containsEntry("status", "SUBMITTED")
        .containsEntry("overdue", false)
        .containsEntry("submittedLate", true);
    Map<String, Object> oslo = overview.getMap("counties.find { it.county.code == '03' }");
    assertThat(oslo)
        .containsEntry("status", "DRAFT")
        .containsEntry("changedSinceSubmission", 0)
        .containsEntry("overdue", true)
        .containsEntry("submittedLate", false);

    String csv =
        as(Tokens.coordinator())
            .accept("text/csv")
            .get("/api/v1/reports?period=2023-H2")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    assertThat(csv)
        .startsWith(
            "report_status,due,overdue,submitted_by,submitted_at,submitted_late,"
                + "section_ia_council,")
        .contains("SUBMITTED,2024-03-01,false,Z990002,")
        .contains("\"'=SUM(A1) \"\"sitat\"\"\nlinje to\"")
        .contains(",COUNTY,11,\"Rogaland\",2023-H2,");
    assertThat(csv.lines().filter(l -> l.startsWith("DRAFT,") || l.startsWith("SUBMITTED,")))
        .hasSize(11);
    // The same for Excel set to Norwegian, from the dashboard: its words, semicolons, the
    // sections' quotes read (a review: the API's file was one column per line there).
    String excel =
        as(Tokens.coordinator())
            .get("/dashboard/reports.csv?period=2023-H2")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .header("Content-Disposition", containsString("halvarsrapporter-2023-H2.csv"))
            .extract()
            .asString();
    assertThat(excel)
        .startsWith("\uFEFFStatus;Frist;Over fristen;Sendt inn av;Sendt inn;Sendt etter fristen;")
        .contains("Sendt inn;2024-03-01;Nei;Z990002;")
        .contains("\"'=SUM(A1) \"\"sitat\"\"\nlinje to\"")
        .contains(";Fylke;\"=\"\"11\"\"\";\"Rogaland\";")
        .endsWith("\r\n");
    assertThat(excel.split("\r\n")[0])
        .endsWith(
            ";Tall endret etter innsending;Gjenåpnet;Gjenåpnet av;Grunn til gjenåpning;Først sendt"
                + " inn;Slettet tekst");
    as(Tokens.manager("11")).get("/dashboard/reports.csv?period=2023-H2").then().statusCode(403);
    as(Tokens.coordinator()).get("/dashboard/reports.csv?period=2023").then().statusCode(400);
    // The Accept header's preference decides, not the mere mention of text/csv.
    for (String prefersJson : List.of("application/json, text/csv;q=0.1", "text/csv;q=0")) {
      as(Tokens.coordinator())
          .accept(prefersJson)
          .get("/api/v1/reports?period=2023-H2")
          .then()
          .statusCode(200)
          .contentType(containsString("application/json"));
    }
    // A range is the type of its kind the compilation comes in.
    Map.of(
            "application/json;q=0.5, text/csv",
            "text/csv",
            "text/*",
            "text/csv",
            "application/*",
            "application/json")
        .forEach(
            (accept, type) ->
                as(Tokens.coordinator())
                    .accept(accept)
                    .get("/api/v1/reports?period=2023-H2")
                    .then()
                    .statusCode(200)
                    .contentType(containsString(type)));

    String page =
        as(Tokens.coordinator())
            .get("/dashboard/reports/11/2023-H2")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x");
  }
}
