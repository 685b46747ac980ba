package no.nav.ia.scorecard.rest;

import static io.restassured.RestAssured.given;
import static no.nav.ia.scorecard.rest.TestEvents.event;
import static no.nav.ia.scorecard.rest.TestEvents.forOrg;
import static no.nav.ia.scorecard.rest.TestEvents.send;
import static no.nav.ia.scorecard.rest.TestEvents.version;
import static no.nav.ia.scorecard.rest.TestEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Version 2 of the cards (API.md, "Scorecards (changes the rules above)"): the form split, the 2/3
 * share over direct deliveries, the trend, the per-adviser breakdown and who reads what. Counties
 * 30 and 38 in 2021-2022, which no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "scorecard"))
class CardsByFormTest {

  static ObjectNode delivery(
      String county, String month, String direction, String form, String adviser) {
    ObjectNode e = event("DeliveryRecorded", UUID.randomUUID(), county, month, direction);
    with(e, "form", form);
    return with(e, "adviser", adviser);
  }

  static JsonPath get(String token, String path) {
    return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
  }

  static JsonPath awaitJson(String path, Predicate<JsonPath> done) {
    AtomicReference<JsonPath> last = new AtomicReference<>();
    await(path)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last.set(get(Tokens.coordinator(), path));
              return done.test(last.get());
            });
    return last.get();
  }

  static JsonPath awaitCard(String county, String period, Predicate<JsonPath> done) {
    return awaitJson("/api/v1/scorecards/counties/" + county + "?period=" + period, done);
  }

  @Test
  void coursesAndInformationCountInTheTotalsButTheShareIsOverDirectDeliveriesOnly() {
    send(delivery("38", "2022-03", "SYSTEM", "DIRECT", "Z990101"));
    send(delivery("38", "2022-03", "INDIVIDUAL", "DIRECT", "Z990101"));
    send(delivery("38", "2022-03", "SYSTEM", null, "Z990101"));
    send(delivery("38", "2022-03", "INDIVIDUAL", "COURSE", "Z990101"));
    send(delivery("38", "2022-03", "INDIVIDUAL", "COURSE", "Z990101"));
    send(delivery("38", "2022-03", "SYSTEM", "INFORMATION", "Z990101"));
    JsonPath card = awaitCard("38", "2022-03", c -> c.getInt("deliveries.total") == 6);
    // Over all six, 3 of 6 are system-directed; over the three direct ones, 2 of 3.
    assertThat(card.getInt("deliveries.system")).isEqualTo(3);
    assertThat(card.getInt("deliveries.individual")).isEqualTo(3);
    assertThat(card.getMap("byForm", String.class, Integer.class))
        .isEqualTo(Map.of("DIRECT", 3, "COURSE", 2, "INFORMATION", 1));
    assertThat(card.getDouble("systemShare"))
        .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(card.getBoolean("target.met")).isTrue();
  }

  @Test
  void aCorrectionThatChangesTheFormMovesTheDeliveryAndAVoidRemovesIt() {
    UUID id = UUID.randomUUID();
    send(with(event("DeliveryRecorded", id, "38", "2022-05", "SYSTEM"), "form", "DIRECT"));
    awaitCard("38", "2022-05", c -> c.getInt("byForm.DIRECT") == 1);
    ObjectNode corrected = event("DeliveryCorrected", id, "38", "2022-05", "SYSTEM");
    ((ObjectNode) corrected.get("payload").get("after")).put("form", "COURSE");
    send(corrected);
    JsonPath card = awaitCard("38", "2022-05", c -> c.getInt("byForm.COURSE") == 1);
    assertThat(card.getInt("byForm.DIRECT")).isZero();
    assertThat(card.getInt("deliveries.total")).isEqualTo(1);
    assertThat(card.<Object>get("systemShare")).isNull();
    assertThat(card.<Object>get("target.met")).isNull();
    ObjectNode voided = event("DeliveryVoided", id, "38", "2022-05", "SYSTEM");
    ((ObjectNode) voided.get("payload").get("before")).put("form", "COURSE");
    send(voided);
    awaitCard("38", "2022-05", c -> c.getInt("deliveries.total") == 0);
  }

  @Test
  void theTrendHasTheTwelveMonthsEndingWithThePeriod() {
    send(delivery("30", "2021-03", "SYSTEM", "DIRECT", "Z990201"));
    send(delivery("30", "2021-04", "INDIVIDUAL", "DIRECT", "Z990201"));
    send(delivery("30", "2022-03", "SYSTEM", "DIRECT", "Z990201"));
    send(delivery("30", "2022-03", "SYSTEM", "COURSE", "Z990201"));
    send(delivery("30", "2022-03", "INDIVIDUAL", "DIRECT", "Z990201"));
    JsonPath card = awaitCard("30", "2022-Q1", c -> c.getInt("deliveries.total") == 3);
    List<Map<String, Object>> trend = card.getList("trend");
    assertThat(trend).hasSize(12);
    assertThat(trend.get(0))
        .containsEntry("month", "2021-04")
        .containsEntry("total", 1)
        .containsEntry("direct", 1)
        .containsEntry("systemShare", 0.0f);
    assertThat(trend.get(5)).containsEntry("month", "2021-09").containsEntry("total", 0);
    assertThat(trend.get(5).get("systemShare")).isNull();
    assertThat(trend.get(11))
        .containsEntry("month", "2022-03")
        .containsEntry("total", 3)
        .containsEntry("direct", 2)
        .containsEntry("systemShare", 0.5f);
    // A month's card ends its own trend; a year's trend is its own twelve months.
    assertThat(card("30", "2021").getList("trend.month")).startsWith("2021-01").endsWith("2021-12");
  }

  static JsonPath card(String county, String period) {
    return get(Tokens.coordinator(), "/api/v1/scorecards/counties/" + county + "?period=" + period);
  }

  @Test
  void aCountysManagerSeesItsDeliveriesPerAdviserAndARebuildGivesTheSame() {
    send(forOrg(delivery("30", "2022-06", "SYSTEM", "DIRECT", "Z990301"), "974760673"));
    send(forOrg(delivery("30", "2022-06", "INDIVIDUAL", "COURSE", "Z990301"), "889640782"));
    send(forOrg(delivery("30", "2022-06", "SYSTEM", "DIRECT", "Z990301"), "889640782"));
    send(forOrg(delivery("30", "2022-06", "INDIVIDUAL", "DIRECT", "Z990302"), "974760673"));
    UUID voided = UUID.randomUUID();
    send(
        with(
            with(
                event("DeliveryRecorded", voided, "30", "2022-06", "SYSTEM"), "adviser", "Z990303"),
            "form",
            "DIRECT"));
    send(
        version(
            with(event("DeliveryVoided", voided, "30", "2022-06", "SYSTEM"), "adviser", "Z990303"),
            2));
    String path = "/api/v1/scorecards/counties/30/advisers?period=2022-06";
    JsonPath advisers =
        awaitJson(
            path,
            a ->
                a.getList("advisers.navIdent").equals(List.of("Z990301", "Z990302"))
                    && a.getInt("advisers[0].total") == 3);
    assertThat(advisers.getMap("advisers[0]"))
        .containsEntry("navIdent", "Z990301")
        .containsEntry("total", 3)
        .containsEntry("system", 2)
        .containsEntry("individual", 1)
        .containsEntry("direct", 2)
        .containsEntry("systemShare", 1.0f)
        .containsEntry("enterprises", 2);
    assertThat(advisers.getMap("advisers[1]"))
        .containsEntry("navIdent", "Z990302")
        .containsEntry("total", 1)
        .containsEntry("systemShare", 0.0f)
        .containsEntry("enterprises", 1);
    assertThat(advisers.getString("scope.code")).isEqualTo("30");
    // An adviser of the county sees their own row only, to hold their share against the target.
    assertThat(get(Tokens.adviser("30", "Z990302"), path).getList("advisers"))
        .singleElement()
        .isEqualTo(advisers.getMap("advisers[1]"));
    assertThat(get(Tokens.adviser("30", "Z990309"), path).getList("advisers")).isEmpty();
    try (var log = no.nav.ia.test.LogLines.of("auditLogger")) {
      assertThat(get(Tokens.manager("30"), path).getList("advisers")).hasSize(2);
      // Whose figures were read, by whom: a line per adviser.
      assertThat(log.lines)
          .filteredOn(l -> l.contains("|audit:access|"))
          .satisfiesExactlyInAnyOrder(
              l -> assertThat(l).contains("duid=Z990301").contains("request=/api/v1/scorecards"),
              l -> assertThat(l).contains("duid=Z990302"));
    }
    String csv =
        given()
            .auth()
            .oauth2(Tokens.manager("30"))
            .accept("text/csv")
            .get(path)
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            // A browser saves it under what it holds, not the URL's "advisers".
            .header("Content-Disposition", "attachment; filename=\"radgivere-30-2022-06.csv\"")
            .extract()
            .asString();
    assertThat(csv.lines().toList())
        .hasSize(3)
        .first()
        .isEqualTo(
            "county_code,county_name,period,nav_ident,deliveries,system,individual,direct,"
                + "system_share,enterprises,as_of");
    assertThat(csv.lines().skip(1).toList())
        .satisfiesExactly(
            l -> assertThat(l).startsWith("30,\"Viken\",2022-06,Z990301,3,2,1,2,1.0000,2,"),
            l -> assertThat(l).startsWith("30,\"Viken\",2022-06,Z990302,1,0,1,1,0.0000,1,"));
    String card = given().auth().oauth2(Tokens.coordinator()).get(cardPath()).asString();

    given().auth().oauth2(Tokens.coordinator()).post("/internal/rebuild").then().statusCode(200);
    assertThat(get(Tokens.coordinator(), path).getList("advisers"))
        .isEqualTo(advisers.getList("advisers"));
    assertThat(given().auth().oauth2(Tokens.coordinator()).get(cardPath()).asString())
        .isEqualTo(card);
  }

  private static String cardPath() {
    return "/api/v1/scorecards/counties/30?period=2022";
  }

  /**
   * Who reads the per-adviser breakdown: the county's manager and coordinators; an adviser of the
   * county their own row (above), of another county nothing.
   */
  @Test
  void thePerAdviserBreakdownIsForTheCountysManagerAndCoordinators() {
    String path = "/api/v1/scorecards/counties/30/advisers?period=2022";
    Map<String, Integer> expected =
        Map.of(
            Tokens.manager("30"), 200,
            Tokens.coordinator(), 200,
            Tokens.manager("38"), 403,
            Tokens.adviser("30"), 200,
            Tokens.adviser("38"), 403,
            Tokens.system("other-system"), 403);
    expected.forEach(
        (token, status) ->
            given().auth().oauth2(token).get(path).then().statusCode(status.intValue()));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/scorecards/counties/30/advisers?period=2022-H3")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("period"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/scorecards/counties/99/advisers?period=2022")
        .then()
        .statusCode(404)
        .body("code", equalTo("COUNTY_NOT_FOUND"));
    given().get(path).then().statusCode(401);
  }

  @Test
  void everyRoleReadsTheNationalAndRegionCardsButOnlyItsOwnCounty() {
    for (String token : List.of(Tokens.adviser("38"), Tokens.manager("38"))) {
      JsonPath overview = get(token, "/api/v1/scorecards?period=2022");
      assertThat(overview.getString("national.scope.type")).isEqualTo("NATIONAL");
      assertThat(overview.getList("counties.scope.code")).isEqualTo(List.of("38"));
      assertThat(
              get(token, "/api/v1/scorecards/regions/proposal-2016?period=2022").getList("regions"))
          .hasSize(11);
      given()
          .auth()
          .oauth2(token)
          .get("/api/v1/scorecards/counties/30?period=2022")
          .then()
          .statusCode(403);
    }
    // An adviser whose token names no county still reads the nation, and no county.
    JsonPath unbound =
        get(Tokens.person("adviser", null, "Z993801"), "/api/v1/scorecards?period=2022");
    assertThat(unbound.getString("national.scope.type")).isEqualTo("NATIONAL");
    assertThat(unbound.getList("counties")).isEmpty();
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .accept("text/csv")
        .get("/api/v1/scorecards/counties/38?period=2022")
        .then()
        .statusCode(200)
        .header("Content-Disposition", "attachment; filename=\"malekort-38-2022.csv\"")
        .body(containsString(",form_direct,form_course,form_information,"));
  }
}
