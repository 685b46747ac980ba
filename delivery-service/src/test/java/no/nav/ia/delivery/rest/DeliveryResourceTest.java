package no.nav.ia.delivery.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.AgreementView;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.platform.rest.Params;
import no.nav.ia.platform.time.NorwegianClockProvider;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class DeliveryResourceTest {

  @Inject ValidatorFactory validation;

  static io.restassured.response.ValidatableResponse post(String token, Map<String, Object> body) {
    return Fixtures.post(token, body);
  }

  @Test
  void recordsADeliveryWithTheAgreementsCountyAndTheTokensAdviser() {
    String org = Fixtures.enterpriseIn("12");
    String location =
        post(Tokens.adviser("12", "Z123456"), Fixtures.delivery(org))
            .statusCode(201)
            .header("ETag", "\"1\"")
            .body("countyCode", equalTo("12"))
            .body("adviser", equalTo("Z123456"))
            .body("version", equalTo(1))
            .body("status", equalTo("LIVE"))
            .extract()
            .header("Location");
    given()
        .auth()
        .oauth2(Tokens.manager("12"))
        .get(location)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        // A delivery holds a note: no browser or proxy may keep it for the next user.
        .header("Cache-Control", "no-store")
        // When it was answered, as an HTTP date (an HTTP review found no Date at all).
        .header(
            "Date",
            matchesPattern("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));
  }

  @Test
  void aDeliveryAfterItsAgreementsCountyWasSplitIsRefusedAndOneAfterAMergerIsTheSuccessors() {
    String split = Fixtures.orgNumber();
    String merged = Fixtures.orgNumber();
    Fixtures.agreementViaKafka(split, "38", "2021-05-01");
    Fixtures.agreementViaKafka(merged, "12", "2019-05-01");
    String coordinator = Tokens.coordinator();
    Map<String, Object> delivery = Fixtures.delivery(split);
    delivery.put("deliveredOn", "2023-12-31");
    post(coordinator, delivery).statusCode(201).body("countyCode", equalTo("38"));
    // Vestfold og Telemark was split on 2024-01-01: a delivery under it from then was on the
    // national card and in no county's half-year report (a county history review).
    delivery.put("deliveredOn", "2024-01-02");
    post(coordinator, delivery)
        .statusCode(422)
        .body("code", equalTo("COUNTY_ENDED"))
        .body("detail", containsString("split after 2023-12-31"))
        .body("detail", containsString("again under Vestfold (39) or Telemark (40)"));
    // So is a batch's item (the batch answers 200, the item says why).
    Map<String, Object> item = new java.util.HashMap<>(delivery);
    item.put("idempotencyKey", "split-" + split);
    given()
        .auth()
        .oauth2(coordinator)
        .contentType(ContentType.JSON)
        .body(List.of(item))
        .post("/api/v1/deliveries/batch")
        .then()
        .statusCode(200)
        .body("results[0].status", equalTo("ERROR"))
        .body("results[0].code", equalTo("COUNTY_ENDED"));
    assertThat(recorded(split)).isEqualTo(1);
    // Vestfold (07), merged into Vestfold og Telemark, is Vestfold (39) again.
    String vestfold = Fixtures.orgNumber();
    Fixtures.agreementViaKafka(vestfold, "07", "2015-01-05");
    Map<String, Object> old = Fixtures.delivery(vestfold);
    old.put("deliveredOn", "2024-03-04");
    post(coordinator, old)
        .statusCode(422)
        .body("code", equalTo("COUNTY_ENDED"))
        .body("detail", containsString("under Vestfold (07, part of 38)"))
        .body("detail", containsString("again under Vestfold (39) signed on 2024-03-04"));
    // Hordaland (12) was merged into Vestland (46): its data is Vestland's from then.
    Map<String, Object> vestland = Fixtures.delivery(merged);
    vestland.put("deliveredOn", "2024-01-02");
    post(Tokens.adviser("46"), vestland).statusCode(201).body("countyCode", equalTo("12"));
  }

  @Test
  void aDeliveryRecordedUnderASplitCountyBeforeTheRuleIsCorrectedInPlaceOrMovedWhenRegisteredAgain()
      throws Exception {
    String org = Fixtures.orgNumber();
    UUID split = Fixtures.agreementViaKafka(org, "38", "2021-05-01");
    String coordinator = Tokens.coordinator();
    Map<String, Object> delivery = Fixtures.delivery(org);
    delivery.put("deliveredOn", "2023-12-31");
    String id = post(coordinator, delivery).statusCode(201).extract().path("id");
    // A correction onto a day after the split is refused as a recording is.
    delivery.put("deliveredOn", "2024-01-02");
    put(coordinator, id, "1", delivery).statusCode(422).body("code", equalTo("COUNTY_ENDED"));
    // A delivery of 2024 recorded under 38 before the rule (made so here in the database) ...
    try (java.sql.Connection db = no.nav.ia.test.Infra.connection("delivery");
        java.sql.PreparedStatement moved =
            db.prepareStatement(
                "update delivery set delivered_on = date '2024-01-02' where id = ?::uuid")) {
      moved.setString(1, id);
      assertThat(moved.executeUpdate()).isEqualTo(1);
      if (!db.getAutoCommit()) {
        db.commit();
      }
    }
    // ... can still have its note put right, where it is (a review: refused with COUNTY_ENDED),
    delivery.put("note", "Rettet notat");
    put(coordinator, id, "1", delivery)
        .statusCode(200)
        .body("countyCode", equalTo("38"))
        .body("note", equalTo("Rettet notat"));
    // ... and goes to the agreement registered again under Vestfold once there is one.
    Fixtures.agreementTerminatedViaKafka(org, split, "38", "2021-05-01", "2023-12-31");
    Fixtures.agreementViaKafka(org, "39", "2024-01-01");
    delivery.put("direction", "INDIVIDUAL");
    put(coordinator, id, "2", delivery)
        .statusCode(200)
        .body("countyCode", equalTo("39"))
        .body("direction", equalTo("INDIVIDUAL"));
  }

  @Test
  void aNotesLimitCountsCharactersAsAPersonDoesSoAnEmojiIsOne() {
    String org = Fixtures.enterpriseIn("12");
    String token = Tokens.adviser("12");
    // 2,000 characters, 4,000 UTF-16 units: at the limit the OpenAPI document gives (maxLength).
    String full = "\uD83D\uDC4D".repeat(2000);
    Map<String, Object> delivery = Fixtures.delivery(org);
    delivery.put("note", full);
    post(token, delivery).statusCode(201).body("note", equalTo(full));

    delivery.put("note", full + "x");
    post(token, delivery)
        .statusCode(400)
        .body("errors[0].field", equalTo("note"))
        .body("errors[0].message", equalTo("must be at most 2000 characters"));
    // Half an emoji (a client that cut one in two) is no character: it was stored as "?".
    String body =
        "{\"orgNumber\":\""
            + org
            + "\",\"service\":\"SICK_LEAVE\",\"direction\":\"SYSTEM\",\"subGoals\":[1],"
            + "\"deliveredOn\":\"2012-05-14\",\"note\":\"kurs \\ud83d\"}";
    given()
        .auth()
        .oauth2(token)
        .contentType(io.restassured.http.ContentType.JSON)
        .body(body)
        .post("/api/v1/deliveries")
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_BODY"))
        .body("errors[0].field", equalTo("note"))
        .body("errors[0].message", containsString("half of a character"));
    assertThat(recorded(org)).isEqualTo(1);
  }

  @Test
  void aPersonsTokenWhoseNavIdentIsNoNavIdentRecordsNothing() {
    String org = Fixtures.enterpriseIn("03");
    post(Tokens.adviser("03", "<i>x</i>"), Fixtures.delivery(org))
        .statusCode(403)
        .contentType("application/problem+json");
    assertThat(recorded(org)).isZero();
  }

  @Test
  void aTerminatedAgreementNoLongerCoversLaterDeliveries() {
    String org = Fixtures.orgNumber();
    UUID agreement = Fixtures.agreementViaKafka(org, "06");
    terminatedOn31January2012(org, agreement);
    // The refusal says the agreement's period, for the adviser to put the date right.
    post(Tokens.adviser("06"), Fixtures.delivery(org))
        .statusCode(422)
        .body("code", equalTo("NO_ACTIVE_AGREEMENT"))
        .body(
            "detail",
            equalTo(
                "The enterprise has no cooperation agreement active on 2012-05-14: its agreement"
                    + " period is 2010-03-01 to 2012-01-31"));
    Map<String, Object> before = Fixtures.delivery(org);
    before.put("deliveredOn", "2012-01-31");
    post(Tokens.adviser("06"), before).statusCode(201);
  }

  @Test
  void aTerminationDatedBackLeavesLaterDeliveriesCorrectableInWhatTheySay() {
    String org = Fixtures.orgNumber();
    UUID agreement = Fixtures.agreementViaKafka(org, "06");
    String token = Tokens.adviser("06");
    String id = post(token, Fixtures.delivery(org)).statusCode(201).extract().path("id");
    terminatedOn31January2012(org, agreement);
    Map<String, Object> same = Fixtures.delivery(org);
    put(token, id, "1", same).statusCode(200).header("ETag", "\"1\"");
    Map<String, Object> course = Fixtures.delivery(org);
    course.put("form", "COURSE");
    course.put("note", "Kurs, rettet");
    put(token, id, "1", course)
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("form", equalTo("COURSE"))
        .body("countyCode", equalTo("06"));
    // Moved to another day, it would need an agreement active then.
    Map<String, Object> moved = Fixtures.delivery(org);
    moved.put("deliveredOn", "2012-05-15");
    put(token, id, "2", moved).statusCode(422).body("code", equalTo("NO_ACTIVE_AGREEMENT"));
  }

  @Test
  void aFieldACorrectionDoesNotHaveIsA400AndWhatAReadAnsweredMayBeSentBack() {
    String org = Fixtures.enterpriseIn("03");
    String token = Tokens.adviser("03");
    Map<String, Object> recorded = Fixtures.delivery(org);
    recorded.put("form", "INFORMATION");
    recorded.put("note", "Informasjonsmøte");
    String id = post(token, recorded).statusCode(201).extract().path("id");
    // "Form" for "form": before, the correction was stored without a form and counted as direct.
    Map<String, Object> misspelt = Fixtures.delivery(org);
    misspelt.remove("form");
    misspelt.put("Form", "INFORMATION");
    put(token, id, "1", misspelt)
        .statusCode(400)
        .body("errors.field", hasItem("Form"))
        .body("errors.message", hasItem("is not a field of this request"));
    get(token, id).statusCode(200).body("version", equalTo(1)).body("form", equalTo("INFORMATION"));
    // A key given twice is refused, not the last one kept.
    given()
        .auth()
        .oauth2(token)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .contentType(ContentType.JSON)
        .body(
            "{\"orgNumber\":\""
                + org
                + "\",\"service\":\"IA_GUIDANCE\",\"service\":\"SICK_LEAVE\","
                + "\"direction\":\"SYSTEM\",\"subGoals\":[1],\"deliveredOn\":\"2012-05-14\"}")
        .post("/api/v1/deliveries")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("service"))
        .body("errors.message", hasItem("is given twice"));
    // What a GET answered, changed and sent back, is a correction.
    Map<String, Object> read = get(token, id).extract().as(Map.class);
    read.put("direction", "INDIVIDUAL");
    put(token, id, "1", read).statusCode(200).body("direction", equalTo("INDIVIDUAL"));
  }

  /** Agreement-service's termination of the county 06 agreement, as of 2012-01-31, applied. */
  private static void terminatedOn31January2012(String org, UUID agreement) {
    // Made now, after the deliveries the test recorded: they stay (EndedAgreements).
    Fixtures.agreementTerminatedViaKafka(org, agreement, "06", "2010-03-01", "2012-01-31");
    await("the termination applied to the read model")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                !QuarkusTransaction.requiringNew()
                    .call(
                        () -> AgreementView.activeOn(org, LocalDate.of(2012, 5, 14)).isPresent()));
  }

  private static io.restassured.response.ValidatableResponse put(
      String token, String id, String version, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(token)
        .header("If-Match", "\"" + version + "\"")
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/deliveries/" + id)
        .then();
  }

  private static io.restassured.response.ValidatableResponse get(String token, String id) {
    return given().auth().oauth2(token).get("/api/v1/deliveries/" + id).then();
  }

  @Test
  void refusesAnEnterpriseWithoutAnActiveAgreement() {
    post(Tokens.adviser("12"), Fixtures.delivery(Fixtures.orgNumber()))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("NO_ACTIVE_AGREEMENT"));
  }

  @Test
  void acceptsAnAgreementTheReadModelHasNotHeardOfYet() {
    String org = Fixtures.orgNumber();
    AgreementServiceStub.add(org, "15", "2011-01-01");
    post(Tokens.adviser("15", "Z991515"), Fixtures.delivery(org))
        .statusCode(201)
        .body("countyCode", equalTo("15"));
    // Asked as delivery-service itself with a token for agreement-service, not with the adviser's.
    assertThat(AgreementServiceStub.lastClaims())
        .contains("\"aud\":\"ia-agreement-service\"")
        .contains("\"azp\":\"ia-delivery-service\"")
        .doesNotContain("Z991515");
    assertThat(AgreementServiceStub.lastConsumer()).isNull();
  }

  @Test
  void aQueryParameterGivenTwiceIsRefusedNotCutToTheFirst() {
    // Before: county 03's deliveries only, 200, as if county 11 had not been asked for.
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/deliveries?county=03&county=11&size=5&size=6")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("county", "size")))
        .body("errors[0].message", equalTo("must be given once"));
    // Names are as JAX-RS reads them, whatever their case: COUNTY is county (an adviser of 11
    // asking for COUNTY=03 is refused), so county=11&COUNTY=03 was 200 with 11's, 403 the other
    // way.
    given()
        .auth()
        .oauth2(Tokens.adviser("11"))
        .get("/api/v1/deliveries?COUNTY=03")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.adviser("11"))
        .get("/api/v1/deliveries?county=11&size=5&COUNTY=03&Size=6")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("county", "size")));
  }

  @Test
  void theListFiltersByServiceDirectionAndFormAndADeliveryWithoutAFormIsADirectOne() {
    String org = Fixtures.enterpriseIn("03");
    String adviser = Tokens.adviser("03", "Z990311");
    Map<String, String> ids = new java.util.LinkedHashMap<>();
    for (String[] d :
        List.of(
            new String[] {"direct-system", "SICK_LEAVE", "SYSTEM", "DIRECT"},
            new String[] {"formless-individual", "SICK_LEAVE", "INDIVIDUAL", null},
            new String[] {"course-system", "SICK_LEAVE", "SYSTEM", "COURSE"},
            new String[] {"recruitment-system", "RECRUITMENT", "SYSTEM", "DIRECT"})) {
      Map<String, Object> body = Fixtures.delivery(org);
      body.put("service", d[1]);
      body.put("direction", d[2]);
      body.put("subGoals", List.of(d[1].equals("RECRUITMENT") ? 2 : 1));
      body.put("form", d[3]);
      ids.put(d[0], Fixtures.post(adviser, body).statusCode(201).extract().path("id"));
    }
    java.util.function.Function<String, List<String>> listed =
        query ->
            given()
                .auth()
                .oauth2(adviser)
                .get("/api/v1/deliveries?adviser=me&orgNumber=" + org + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    assertThat(listed.apply("&form=DIRECT"))
        .containsExactlyInAnyOrder(
            ids.get("direct-system"),
            ids.get("formless-individual"),
            ids.get("recruitment-system"));
    assertThat(listed.apply("&form=COURSE")).containsExactly(ids.get("course-system"));
    assertThat(listed.apply("&direction=INDIVIDUAL"))
        .containsExactly(ids.get("formless-individual"));
    assertThat(listed.apply("&service=SICK_LEAVE&direction=SYSTEM&form=DIRECT"))
        .containsExactly(ids.get("direct-system"));
    assertThat(listed.apply("&service=RECRUITMENT")).containsExactly(ids.get("recruitment-system"));
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/deliveries?form=direct")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors[0].field", equalTo("form"))
        .body("errors[0].message", containsString("DIRECT"));
  }

  @Test
  void aParameterTheListDoesNotTakeIsRefusedNamingTheOnesItTakes() {
    // countyCode is the agreement's field, county the filter: it was ignored, and the list held
    // every county's deliveries.
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/deliveries?countyCode=15&size=5&orgnr=974760673")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.field", equalTo(List.of("countyCode", "orgnr")))
        .body("errors[0].message", containsString("is not a parameter of this request"))
        .body("errors[0].message", containsString("county"))
        .body("errors[0].message", containsString("orgNumber"));
    // Its own parameters in any case are taken, as before.
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/deliveries?COUNTY=15&Size=5")
        .then()
        .statusCode(200);
    // An operation without parameters takes none.
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/deliveries/" + java.util.UUID.randomUUID() + "?verbose=true")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("it takes none"));
  }

  @Test
  void aDateOutsideAnotherCountysAgreementIsAs403AsOneInsideIt() {
    // Signed 2010-03-01 (Fixtures), in county 11.
    String org = Fixtures.enterpriseIn("11");
    Map<String, Object> before = Fixtures.delivery(org);
    before.put("deliveredOn", "2010-02-28");
    // Before, 422 NO_ACTIVE_AGREEMENT here and 403 on 2012-05-14: dates mapped the agreement.
    for (Map<String, Object> body : List.of(before, Fixtures.delivery(org))) {
      post(Tokens.adviser("03"), body).statusCode(403).body("code", equalTo("FORBIDDEN_COUNTY"));
    }
    post(Tokens.adviser("11"), before).statusCode(422).body("code", equalTo("NO_ACTIVE_AGREEMENT"));
  }

  @Test
  void anotherCountysAgreementTheReadModelHasNotHeardOfIsForbiddenNotMissing() {
    String org = Fixtures.orgNumber();
    AgreementServiceStub.add(org, "15", "2011-01-01");
    post(Tokens.adviser("03"), Fixtures.delivery(org))
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("FORBIDDEN_COUNTY"));
  }

  @Test
  void asksAgreementServiceForAMachineClientAsItselfNamingTheMachine() {
    String org = Fixtures.orgNumber();
    AgreementServiceStub.add(org, "15", "2011-01-01");
    Map<String, Object> body = Fixtures.delivery(org);
    body.put("adviser", "Z991616");
    post(Tokens.system("arena-fallback"), body).statusCode(201).body("adviser", equalTo("Z991616"));
    assertThat(AgreementServiceStub.lastClaims())
        .contains("\"aud\":\"ia-agreement-service\"")
        .contains("\"azp\":\"ia-delivery-service\"")
        .contains("\"system\"");
    assertThat(AgreementServiceStub.lastConsumer()).isEqualTo("arena-fallback");
  }

  @Test
  void refusesAnAgreementSignedAfterTheDeliveryDate() {
    String org = Fixtures.orgNumber();
    AgreementServiceStub.add(org, "15", "2012-06-01");
    post(Tokens.adviser("15"), Fixtures.delivery(org)).statusCode(422);
  }

  @Test
  void rejectsInvalidFieldsWithFieldErrors() {
    String org = Fixtures.enterpriseIn("03");
    Map<String, Object> future = Fixtures.delivery(org);
    future.put("deliveredOn", NorwegianTime.today().plusDays(2).toString());
    post(Tokens.adviser("03"), future).statusCode(400).body("errors.field", hasItem("deliveredOn"));

    Map<String, Object> unknownService = Fixtures.delivery(org);
    unknownService.put("service", "MASSAGE");
    post(Tokens.adviser("03"), unknownService)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("service"))
        .body(not(containsString("MASSAGE")));

    Map<String, Object> noGoals = Fixtures.delivery(org);
    noGoals.put("subGoals", List.of());
    post(Tokens.adviser("03"), noGoals).statusCode(400).body("errors.field", hasItem("subGoals"));

    Map<String, Object> goalFour = Fixtures.delivery(org);
    goalFour.put("subGoals", List.of(1, 4));
    post(Tokens.adviser("03"), goalFour)
        .statusCode(400)
        .body("errors.field", hasItem(containsString("subGoals")));

    // A number is no code (Jackson would take the constant at that position) and a fraction no
    // sub-goal (it would be cut to a whole one).
    for (Object position : List.of(6, "2")) {
      Map<String, Object> numbered = Fixtures.delivery(org);
      numbered.put("service", position);
      post(Tokens.adviser("03"), numbered).statusCode(400).body("errors.field", hasItem("service"));
    }
    Map<String, Object> fraction = Fixtures.delivery(org);
    fraction.put("subGoals", List.of(2.9));
    post(Tokens.adviser("03"), fraction)
        .statusCode(400)
        .body("errors.field", hasItem(containsString("subGoals")));
    // A sub-goal named twice is a client's slip, said as such (it was stored once, without a word).
    Map<String, Object> twice = Fixtures.delivery(org);
    twice.put("subGoals", List.of(1, 1));
    post(Tokens.adviser("03"), twice)
        .statusCode(400)
        .body("errors.field", equalTo(List.of("subGoals")))
        .body("errors.message", equalTo(List.of("must name each sub-goal once")));
    // Four (one twice) said "size must be between 0 and 3", where the schema says at least one.
    Map<String, Object> four = Fixtures.delivery(org);
    four.put("subGoals", List.of(1, 2, 3, 3));
    post(Tokens.adviser("03"), four)
        .statusCode(400)
        .body("errors.message", hasItem("must name 1 to 3 sub-goals"));
    assertThat(recorded(org)).isZero();
  }

  @Test
  void aCodeOrADateWithSpacesAroundItIsRefusedNotTrimmed() {
    String org = Fixtures.enterpriseIn("03");
    Map<String, String> padded =
        Map.of(
            "service", "SICK_LEAVE ",
            "direction", " SYSTEM",
            "form", "COURSE ",
            "deliveredOn", "2012-09-03 ");
    padded.forEach(
        (field, value) -> {
          Map<String, Object> body = Fixtures.delivery(org);
          body.put(field, value);
          post(Tokens.adviser("03"), body)
              .statusCode(400)
              .contentType("application/problem+json")
              .body("errors.field", equalTo(List.of(field)));
          Map<String, Object> fromSystem = new java.util.HashMap<>(body);
          fromSystem.put("adviser", "Z990001");
          post(Tokens.system("arena"), fromSystem)
              .statusCode(400)
              .contentType("application/problem+json")
              .body("errors.field", equalTo(List.of(field)));
          fromSystem.put("idempotencyKey", "padded-" + field + "-" + org);
          given()
              .auth()
              .oauth2(Tokens.system("arena"))
              .contentType(ContentType.JSON)
              .body(List.of(fromSystem))
              .post("/api/v1/deliveries/batch")
              .then()
              .statusCode(200)
              .body("results[0].code", equalTo("MALFORMED_ITEM"))
              .body("results[0].errors.field", equalTo(List.of(field)));
        });
    assertThat(recorded(org)).isZero();
  }

  @Test
  void batchAndGroupAllowOnlyWhatTheyTakeNotTheMethodsOfADeliverysId() {
    for (String path : List.of("/api/v1/deliveries/batch", "/api/v1/deliveries/group")) {
      for (String method : List.of("GET", "PUT", "DELETE")) {
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .contentType(ContentType.JSON)
            .body("[]")
            .request(method, path)
            .then()
            .statusCode(405)
            .contentType("application/problem+json")
            .header("Allow", "OPTIONS, POST");
      }
      given()
          .auth()
          .oauth2(Tokens.coordinator())
          .options(path)
          .then()
          .statusCode(200)
          .header("Allow", "OPTIONS, POST");
    }
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .options("/api/v1/deliveries/" + UUID.randomUUID())
        .then()
        .statusCode(200)
        .header("Allow", "DELETE, GET, HEAD, OPTIONS, PUT");
    // An id that is none is still the 404 problem it was.
    for (String id : List.of("not-an-id", "batch-1", UUID.randomUUID().toString())) {
      given()
          .auth()
          .oauth2(Tokens.coordinator())
          .get("/api/v1/deliveries/" + id)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
  }

  @Test
  void anIdempotencyKeySentEmptyOrTwiceIsRefusedRatherThanIgnored() {
    String org = Fixtures.enterpriseIn("03");
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "")
        .body(Fixtures.delivery(org))
        .post("/api/v1/deliveries")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("Idempotency-Key"));
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "first")
        .header("Idempotency-Key", "second")
        .body(Fixtures.delivery(org))
        .post("/api/v1/deliveries")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("Idempotency-Key"));
    // A key is stored: one holding a person's number is refused, not kept (a security review's).
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "v-01019010046")
        .body(Fixtures.delivery(org))
        .post("/api/v1/deliveries")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("Idempotency-Key"))
        .body("errors.message", hasItem(containsString("national identity number")))
        .body(not(containsString("01019010046")));
    assertThat(recorded(org)).isZero();
  }

  @Test
  void vestlandsAdvisersServeAnEnterpriseWhoseAgreementWasSignedInHordaland() {
    String org = Fixtures.enterpriseIn("12");
    String id =
        post(Tokens.adviser("46", "Z464601"), Fixtures.delivery(org))
            .statusCode(201)
            .body("countyCode", equalTo("12"))
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(Tokens.manager("46"))
        .get("/api/v1/deliveries?orgNumber=" + org)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    given()
        .auth()
        .oauth2(Tokens.manager("46"))
        .get("/api/v1/deliveries?county=12&orgNumber=" + org)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    post(Tokens.adviser("11"), Fixtures.delivery(org)).statusCode(403);
  }

  @Test
  void futureDatesAreJudgedByTheNorwegianCalendarNotTheServersZone() {
    // Bean Validation keeps the clock it is given when a check is first made, so the request path
    // cannot be moved to 00:30 in a test; NorwegianClockProviderTest shows that moment at a fixed
    // clock.
    assertThat(validation.getClockProvider()).isInstanceOf(NorwegianClockProvider.class);
    assertThat(validation.getClockProvider().getClock().getZone()).isEqualTo(NorwegianTime.ZONE);
  }

  @Test
  void rejectsANationalIdentityNumberInTheNoteWithoutEchoingIt() {
    String org = Fixtures.enterpriseIn("03");
    Map<String, Object> body = Fixtures.delivery(org);
    body.put("note", "Fulgte opp 010 190 10046 om tilrettelegging");
    post(Tokens.adviser("03"), body)
        .statusCode(400)
        .body("errors.field", hasItem("note"))
        .body(not(containsString("10046")));
    assertThat(recorded(org)).isZero();
  }

  @Test
  void adviserMeIsTheCallerAndAnAdviserNoDeliveryCanHaveIsA400() {
    String org = Fixtures.enterpriseIn("03");
    String adviser = Tokens.adviser("03", "Z990311");
    post(adviser, Fixtures.delivery(org)).statusCode(201);
    String list = "/api/v1/deliveries?orgNumber=" + org + "&adviser=";
    given()
        .auth()
        .oauth2(adviser)
        .get(list + "me")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].adviser", equalTo("Z990311"));
    // 01019010046: a (made-up) person's number, which no delivery names (a privacy review got 200
    // and an empty list where the agreements' contactPerson is a 400).
    for (String bad :
        new String[] {"me", "z990311", "two%20words", "%C3%A6", "a%2Fb", "01019010046"}) {
      // me from a machine, which is no person.
      refused(bad.equals("me") ? Tokens.system("arena") : adviser, list + bad, "adviser");
    }
    // A system's client id: the adviser of what systems recorded before they named one.
    given()
        .auth()
        .oauth2(adviser)
        .get(list + "arena")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @Test
  void textWithTheNulCharacterIsA400NamingTheFieldNotA500() {
    String org = Fixtures.enterpriseIn("03");
    Map<String, Object> body = Fixtures.delivery(org);
    body.put("note", "Fulgte opp\u0000");
    post(Tokens.adviser("03"), body)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(java.util.List.of("note")));
    refused(
        Tokens.coordinator(),
        "/api/v1/deliveries?orgNumber=" + org + "&adviser=Z99%000001",
        "adviser");
    refused(Tokens.coordinator(), "/api/v1/deliveries/%00", "path");
    assertThat(recorded(org)).isZero();
  }

  /** GET of an address taken as written (already encoded) is a 400 naming only {@code field}. */
  private static void refused(String token, String address, String field) {
    given()
        .auth()
        .oauth2(token)
        .urlEncodingEnabled(false)
        .get(address)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(java.util.List.of(field)));
  }

  /** How many deliveries the enterprise has, as a coordinator lists them. */
  static int recorded(String org) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/deliveries?orgNumber=" + org)
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }

  private static io.restassured.response.ValidatableResponse postKeyed(
      String token, String key, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(token)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/deliveries")
        .then();
  }

  @Test
  void aRefusedKeyedRequestLeavesTheKeyFreeAndARetryNeedsNoAgreementCheck() {
    String org = Fixtures.orgNumber();
    String adviser = Tokens.adviser("15", "Z991516");
    // Neither the read model nor agreement-service knows an agreement yet: 422, the key unused.
    postKeyed(adviser, "slow-" + org, Fixtures.delivery(org))
        .statusCode(422)
        .body("code", equalTo("NO_ACTIVE_AGREEMENT"));
    // Now agreement-service knows it (the read model not yet): the slow path records it.
    AgreementServiceStub.add(org, "15", "2011-01-01");
    String id =
        postKeyed(adviser, "slow-" + org, Fixtures.delivery(org))
            .statusCode(201)
            .header("Idempotent-Replayed", (String) null)
            .extract()
            .path("id");
    // A retry is answered from its key, even with agreement-service away.
    AgreementServiceStub.down(true);
    try {
      postKeyed(adviser, "slow-" + org, Fixtures.delivery(org))
          .statusCode(201)
          .header("Idempotent-Replayed", "true")
          .body("id", equalTo(id));
    } finally {
      AgreementServiceStub.down(false);
    }
    // A request refused for its county leaves its key free as well.
    String elsewhere = Fixtures.enterpriseIn("18");
    postKeyed(Tokens.adviser("03"), "county-" + elsewhere, Fixtures.delivery(elsewhere))
        .statusCode(403);
    postKeyed(Tokens.adviser("18"), "county-" + elsewhere, Fixtures.delivery(elsewhere))
        .statusCode(201);
  }

  @Test
  void theSameIdempotencyKeyReturnsTheFirstDeliveryAndStoresNothingNew() {
    String org = Fixtures.enterpriseIn("03");
    Map<String, Object> recorded =
        given()
            .auth()
            .oauth2(Tokens.adviser("03"))
            .header("Idempotency-Key", "k-" + org)
            .contentType(ContentType.JSON)
            .body(Fixtures.delivery(org))
            .post("/api/v1/deliveries")
            .then()
            .statusCode(201)
            .extract()
            .as(Map.class);
    String first = (String) recorded.get("id");
    // The answer is the delivery as stored: the same moment to the microsecond (the database's),
    // not the clock's nanoseconds in the first answer and the stored value after.
    get(Tokens.adviser("03"), first)
        .statusCode(200)
        .body("registeredAt", equalTo(recorded.get("registeredAt")));
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .header("Idempotency-Key", "k-" + org)
        .contentType(ContentType.JSON)
        .body(Fixtures.delivery(org))
        .post("/api/v1/deliveries")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first))
        .body("registeredAt", equalTo(recorded.get("registeredAt")));
    Map<String, Object> other = Fixtures.delivery(org);
    other.put("direction", "INDIVIDUAL");
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .header("Idempotency-Key", "k-" + org)
        .contentType(ContentType.JSON)
        .body(other)
        .post("/api/v1/deliveries")
        .then()
        .statusCode(422)
        .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    assertThat(recorded(org)).isEqualTo(1);
  }

  @Test
  void aKeyUsedAgainAfterTheDeliveryMovedToAnotherCountyDoesNotShowItToTheFirstCounty() {
    String org = Fixtures.enterpriseIn("03");
    String elsewhere = Fixtures.enterpriseIn("11");
    String adviser = Tokens.adviser("03");
    String key = UUID.randomUUID().toString();
    String id =
        Fixtures.post(adviser, key, Fixtures.delivery(org)).statusCode(201).extract().path("id");
    Map<String, Object> moved = Fixtures.delivery(elsewhere);
    moved.put("note", "Flyttet av koordinator");
    put(Tokens.coordinator(), id, "1", moved).statusCode(200);
    // Before: 201 with Idempotent-Replayed and the whole county-11 delivery, note included.
    Fixtures.post(adviser, key, Fixtures.delivery(org))
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("FORBIDDEN_COUNTY"))
        .body(not(containsString("Flyttet")));
    given().auth().oauth2(adviser).get("/api/v1/deliveries/" + id).then().statusCode(403);
  }

  @Test
  void correctionsNeedTheCurrentVersionAndVoidsLeaveTheListing() {
    String org = Fixtures.enterpriseIn("03");
    String token = Tokens.adviser("03");
    var recorded = post(token, Fixtures.delivery(org)).statusCode(201).extract();
    String id = recorded.path("id");
    String registeredAt = recorded.path("registeredAt");
    Map<String, Object> corrected = Fixtures.delivery(org);
    corrected.put("direction", "INDIVIDUAL");

    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(corrected)
        .put("/api/v1/deliveries/" + id)
        .then()
        .statusCode(428);
    put(token, id, "1", corrected)
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("direction", equalTo("INDIVIDUAL"));
    put(token, id, "1", corrected)
        .statusCode(412)
        .body("code", equalTo("STALE_VERSION"))
        // The version it is at, so the client knows what to read (an integrator's review).
        .body("detail", equalTo("The delivery is at version 2, not 1: read it again"));
    // The same correction again on the version it made (a form saved unchanged): no new version.
    put(token, id, "2", corrected)
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("version", equalTo(2));

    given().auth().oauth2(token).delete("/api/v1/deliveries/" + id).then().statusCode(204);
    // Sent again (the gateway resends a DELETE an instance lost with it in hand), with the If-Match
    // the first sending named: 204 again, and no second void (the version stays the void's).
    given()
        .auth()
        .oauth2(token)
        .header("If-Match", "\"2\"")
        .delete("/api/v1/deliveries/" + id)
        .then()
        .statusCode(204);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/deliveries/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(3));
    // A voided delivery says so, whatever the correction names (here a day without agreement).
    Map<String, Object> late = Fixtures.delivery(org);
    late.put("deliveredOn", "2005-01-02");
    put(token, id, "3", late).statusCode(409).body("code", equalTo("DELIVERY_VOIDED"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/deliveries/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("VOIDED"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/deliveries?orgNumber=" + org)
        .then()
        .body("total", equalTo(0));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/deliveries?includeVoided=true&orgNumber=" + org)
        .then()
        .body("total", equalTo(1));
    // Not a silent false: a client asking with another word would be shown less than it asked.
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/deliveries?includeVoided=yes&orgNumber=" + org)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("includeVoided"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/deliveries/" + id + "/history")
        .then()
        .statusCode(200)
        .body("change", equalTo(List.of("RECORDED", "CORRECTED", "VOIDED")))
        // The recording's version has the delivery's own moment (it was read off the clock twice).
        .body("[0].changedAt", equalTo(registeredAt));
  }

  @Test
  void anotherCountysDeliveryIsNeitherReadNorChangedByItsId() {
    String org = Fixtures.enterpriseIn("18");
    String id =
        post(Tokens.adviser("18"), Fixtures.delivery(org)).statusCode(201).extract().path("id");
    String stranger = Tokens.adviser("03");
    String path = "/api/v1/deliveries/" + id;
    for (var refused :
        List.of(
            given().auth().oauth2(stranger).get(path),
            given().auth().oauth2(stranger).get(path + "/history"),
            given()
                .auth()
                .oauth2(stranger)
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body(Fixtures.delivery(org))
                .put(path),
            given().auth().oauth2(stranger).header("If-Match", "\"1\"").delete(path))) {
      refused
          .then()
          .statusCode(403)
          .contentType("application/problem+json")
          .body("code", equalTo("FORBIDDEN_COUNTY"));
    }
    given()
        .auth()
        .oauth2(Tokens.manager("18"))
        .get(path)
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("status", equalTo("LIVE"));
  }

  @Test
  void advisersActOnlyInTheirOwnCountyAndManagersOnlyRead() {
    String org = Fixtures.enterpriseIn("18");
    post(Tokens.adviser("03"), Fixtures.delivery(org))
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    post(Tokens.manager("18"), Fixtures.delivery(org)).statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .get("/api/v1/deliveries?county=18")
        .then()
        .statusCode(403);
    // Paging past any offset a database takes is a field error, not a 500.
    given()
        .auth()
        .oauth2(Tokens.manager("18"))
        .get("/api/v1/deliveries?county=18&size=500&page=" + Params.MAX_PAGE)
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
    given()
        .auth()
        .oauth2(Tokens.manager("18"))
        .get("/api/v1/deliveries?county=18&size=500&page=5000000")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("page"));
    // A range that ends before it starts is a mistake to say, not an empty page.
    given()
        .auth()
        .oauth2(Tokens.manager("18"))
        .get("/api/v1/deliveries?county=18&from=2012-02-01&to=2012-01-31")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("to"));
    given()
        .auth()
        .oauth2(Tokens.manager("18"))
        .get("/api/v1/deliveries?county=18&from=2012-02-01&to=2012-02-01")
        .then()
        .statusCode(200);
    Map<String, Object> named = Fixtures.delivery(org);
    named.put("adviser", "Z991818");
    post(Tokens.system("arena"), named).statusCode(201).body("adviser", equalTo("Z991818"));
  }

  @Test
  void answers503WhenAgreementServiceCannotBeAsked() {
    AgreementServiceStub.down(true);
    try {
      post(Tokens.adviser("03"), Fixtures.delivery(Fixtures.orgNumber()))
          .statusCode(503)
          .body("code", equalTo("AGREEMENT_SERVICE_UNAVAILABLE"));
    } finally {
      AgreementServiceStub.down(false);
    }
  }

  @Test
  void theOpenApiDocumentShowsEveryPathWithItsErrorsAndExamples() {
    io.restassured.path.json.JsonPath doc =
        given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    assertThat(doc.getMap("paths"))
        .containsKeys(
            "/api/v1/deliveries",
            "/api/v1/deliveries/{id}",
            "/api/v1/deliveries/{id}/history",
            "/api/v1/deliveries/batch");
    assertThat(doc.getMap("paths.'/api/v1/deliveries'.post.responses"))
        .containsKeys("201", "400", "403", "422");
    assertThat(doc.getMap("paths.'/api/v1/deliveries/{id}'.put.responses"))
        .containsKeys("200", "412", "428");
    assertThat(
            doc.getString(
                "components.schemas.RecordDeliveryRequest.properties.service.examples[0]"))
        .isEqualTo("SICK_LEAVE");
  }

  @Test
  void rejectsWithoutAToken() {
    given()
        .contentType(ContentType.JSON)
        .body(Fixtures.delivery(Fixtures.orgNumber()))
        .post("/api/v1/deliveries")
        .then()
        .statusCode(401)
        .header("Nav-Call-Id", notNullValue());
    assertThat(Tokens.coordinator()).isNotBlank();
  }
}
