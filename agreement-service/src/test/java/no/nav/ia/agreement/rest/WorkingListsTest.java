package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.test.LogLines;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The adviser's working lists on GET /agreements and the correction of an agreement with its
 * history (API.md, "Agreements: lifecycle and working lists"). County 15 with names no other test
 * uses.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class WorkingListsTest {

  static String register(String name, int employees) {
    Map<String, Object> body = Fixtures.agreement(Fixtures.orgNumber(), "15");
    body.put("name", name);
    body.put("employees", employees);
    return Api.register(body);
  }

  static void contact(String agreement, String navIdent) {
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("navIdent", navIdent))
        .put("/api/v1/agreements/" + agreement + "/contact-person")
        .then()
        .statusCode(200);
  }

  @Test
  void byNameIsInNorwegianAlphabeticalOrderWhateverTheCase() {
    for (String name :
        List.of(
            "Øst Qxsort AS",
            "Åsen Qxsort AS",
            "bakeri Qxsort AS",
            "Ære Qxsort AS",
            "Zeta Qxsort AS",
            "alfa Qxsort AS",
            "Beta Qxsort AS")) {
      register(name, 5);
    }
    assertThat(names(Tokens.coordinator(), "q=qxsort&sort=name"))
        .containsExactly(
            "alfa Qxsort AS",
            "bakeri Qxsort AS",
            "Beta Qxsort AS",
            "Zeta Qxsort AS",
            "Ære Qxsort AS",
            "Øst Qxsort AS",
            "Åsen Qxsort AS");
  }

  static List<String> names(String token, String query) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/agreements?county=15&" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.name");
  }

  @Test
  void theAgreementsWhoseEnterpriseTheRegisterHasDeletedAreListedToBeEnded() {
    String closed = register("Qxdel Nedlagt AS", 12);
    String open = register("Qxdel Drift AS", 30);
    String org = Api.agreement(Tokens.adviser("15"), closed).getString("orgNumber");
    Fixtures.deletedInTheRegister(org, "QXDEL NEDLAGT AS", "15", "2026-11-30");
    String adviser = Tokens.adviser("15");

    assertThat(names(adviser, "q=qxdel&enterpriseDeleted=true"))
        .containsExactly("Qxdel Nedlagt AS");
    assertThat(names(adviser, "q=qxdel&enterpriseDeleted=false")).containsExactly("Qxdel Drift AS");
    assertThat(names(adviser, "q=qxdel&sort=name"))
        .containsExactly("Qxdel Drift AS", "Qxdel Nedlagt AS");
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/agreements?county=15&q=qxdel&sort=name")
        .then()
        .statusCode(200)
        .body("items.enterpriseDeletedOn", equalTo(java.util.Arrays.asList(null, "2026-11-30")));
    assertThat(Api.agreement(adviser, closed).getString("enterpriseDeletedOn"))
        .isEqualTo("2026-11-30");
    assertThat(Api.agreement(adviser, open).getString("enterpriseDeletedOn")).isNull();
    // Once ended it is off the list of those to end; a blank value is no filter.
    String endedToo = register("Qxdel Avsluttet AS", 3);
    Fixtures.deletedInTheRegister(
        Api.agreement(adviser, endedToo).getString("orgNumber"),
        "QXDEL AVSLUTTET AS",
        "15",
        "2026-11-02");
    Api.terminate(endedToo, java.time.LocalDate.of(2026, 11, 2), "Nedlagt").statusCode(200);
    assertThat(names(adviser, "q=qxdel&enterpriseDeleted=true"))
        .containsExactly("Qxdel Nedlagt AS");
    assertThat(names(adviser, "q=qxdel&enterpriseDeleted=&sort=name")).hasSize(3);
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/agreements?county=15&enterpriseDeleted=yes")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("enterpriseDeleted"));
  }

  @Test
  void aColleaguesWorkingListIsAReadOfThatColleagueEvenWhenEmpty() {
    String agreement = register("Herøy Kolleg Verft AS", 40);
    contact(agreement, "Z991511");
    String reader = Tokens.adviser("15", "Z991512");
    try (LogLines audit = LogLines.of("auditLogger")) {
      assertThat(names(reader, "contactPerson=Z991511")).containsExactly("Herøy Kolleg Verft AS");
      assertThat(names(reader, "contactPerson=Z991513")).isEmpty();
      assertThat(names(reader, "contactPerson=me")).isEmpty();
      assertThat(names(reader, "contactPerson=Z991512")).isEmpty();
      // A privacy review: the trail named the enterprises of a colleague's list but not the
      // colleague, and an empty list left no line at all (a list of a colleague's deliveries names
      // them). One's own list is no read of anyone.
      assertThat(audit.lines)
          .filteredOn(l -> l.contains("|audit:access|") && l.contains("suid=Z991512 duid=Z99151"))
          .extracting(l -> l.replaceAll(".* duid=(Z\\d{6}) .*", "$1"))
          .containsExactly("Z991511", "Z991513");
    }
  }

  @Test
  void anAdviserListsMineThoseWithoutAContactPersonByNameWordsAndLargestFirst() {
    String fisk = register("Ålesund Fisk og Sjømat AS", 10);
    String bygg = register("ÅLESUND BYGG OG ANLEGG AS", 50);
    register("Molde Fiskebåt AS", 200);
    String havbruk = register("Kristiansund Havbruk AS", 5);
    contact(fisk, "Z991501");
    contact(havbruk, "Z991501");
    contact(bygg, "Z991502");
    String me = Tokens.adviser("15", "Z991501");

    assertThat(names(me, "contactPerson=me&sort=name"))
        .containsExactly("Kristiansund Havbruk AS", "Ålesund Fisk og Sjømat AS");
    assertThat(names(me, "contactPerson=Z991502")).containsExactly("ÅLESUND BYGG OG ANLEGG AS");
    assertThat(names(me, "contactPerson=none&q=molde")).containsExactly("Molde Fiskebåt AS");
    assertThat(names(me, "q=ålesund&sort=employees"))
        .containsExactly("ÅLESUND BYGG OG ANLEGG AS", "Ålesund Fisk og Sjømat AS");
    assertThat(names(me, "q=aalesund anl")).containsExactly("ÅLESUND BYGG OG ANLEGG AS");
    // Without å and ø on the keyboard.
    assertThat(names(me, "q=alesund sjomat")).containsExactly("Ålesund Fisk og Sjømat AS");
    assertThat(names(me, "q=fiskebat")).containsExactly("Molde Fiskebåt AS");
    assertThat(names(me, "q=fisk&sort=employees"))
        .containsExactly("Molde Fiskebåt AS", "Ålesund Fisk og Sjømat AS");
    assertThat(names(me, "q=isk")).isEmpty();
  }

  @Test
  void pagingLargestFirstShowsEachAgreementOnceWhenAnEnterprisesTwoAgreementsTie() {
    // An enterprise's ended agreement and its new one: the same name, size and org number.
    java.util.Set<String> all = new java.util.HashSet<>();
    for (int i = 0; i < 10; i++) {
      String org = Fixtures.orgNumber();
      Map<String, Object> old = Fixtures.agreement(org, "15");
      old.put("name", "Likt Qxtie AS");
      old.put("employees", 40);
      String ended = Api.register(old);
      Api.terminate(ended, java.time.LocalDate.of(2015, 12, 31), "Ny avtale");
      Map<String, Object> renewed = new java.util.HashMap<>(old);
      renewed.put("signedOn", "2016-01-04");
      all.add(ended);
      all.add(Api.register(renewed));
    }
    List<String> paged = new java.util.ArrayList<>();
    for (int page = 0; page < 7; page++) {
      paged.addAll(
          given()
              .auth()
              .oauth2(Tokens.manager("15"))
              .get("/api/v1/agreements?county=15&q=qxtie&sort=employees&size=3&page=" + page)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("items.id", String.class));
    }
    // Before, one came on two pages and the other of its pair on none.
    assertThat(paged).hasSize(20).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void anActiveAgreementWithoutALiveDeliveryOnOrAfterTheDateIsSleeping() {
    Map<String, String> orgs = new java.util.LinkedHashMap<>();
    for (String name :
        List.of(
            "Sykkylven Vaken AS",
            "Sykkylven Sovande AS",
            "Sykkylven Annullert AS",
            "Sykkylven Slutt AS",
            "Sykkylven Flytta AS")) {
      String org = Fixtures.orgNumber();
      Map<String, Object> body = Fixtures.agreement(org, "15");
      body.put("name", name);
      String id = Api.register(body);
      orgs.put(name, org + "/" + id);
    }
    String awake = orgs.get("Sykkylven Vaken AS").split("/")[0];
    Api.deliveryEvent(
        "DeliveryRecorded", java.util.UUID.randomUUID(), 1, awake, "15", "2024-03-14");
    Api.deliveryEvent(
        "DeliveryRecorded",
        java.util.UUID.randomUUID(),
        1,
        orgs.get("Sykkylven Sovande AS").split("/")[0],
        "15",
        "2023-12-31");
    // Delivered to by another county's centre (before it moved here): that is not this centre's
    // delivery, so its agreement here is asleep all the same.
    Api.deliveryEvent(
        "DeliveryRecorded",
        java.util.UUID.randomUUID(),
        1,
        orgs.get("Sykkylven Flytta AS").split("/")[0],
        "46",
        "2024-04-02");
    java.util.UUID voided = java.util.UUID.randomUUID();
    String voidedOrg = orgs.get("Sykkylven Annullert AS").split("/")[0];
    Api.deliveryEvent("DeliveryRecorded", voided, 1, voidedOrg, "15", "2024-05-02");
    Api.deliveryEvent("DeliveryVoided", voided, 2, voidedOrg, "15", "2024-05-02");
    // An ended agreement is not on a working list of sleeping ones.
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("endedOn", "2024-01-01", "reason", "Lagt ned"))
        .post("/api/v1/agreements/" + orgs.get("Sykkylven Slutt AS").split("/")[1] + "/termination")
        .then()
        .statusCode(200);
    org.awaitility.Awaitility.await("the delivery events reach the working list")
        .atMost(java.time.Duration.ofSeconds(20))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(
            () ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                            .call(
                                () ->
                                    no.nav.ia.agreement.DeliverySeen.count(
                                        "orgNumber", orgs.get("Sykkylven Flytta AS").split("/")[0]))
                        == 1
                    && names(Tokens.adviser("15"), "sleepingSince=2024-01-01&q=sykkylven&sort=name")
                        .equals(
                            List.of(
                                "Sykkylven Annullert AS",
                                "Sykkylven Flytta AS",
                                "Sykkylven Sovande AS")));
    assertThat(names(Tokens.adviser("15"), "sleepingSince=2023-12-31&q=sykkylven&sort=name"))
        .containsExactly("Sykkylven Annullert AS", "Sykkylven Flytta AS");
  }

  @Test
  void badWorkingListParametersAreAClearProblem() {
    Map<String, String> bad =
        Map.of(
            // Tomorrow listed an agreement served today as sleeping.
            "sleepingSince=" + no.nav.ia.platform.time.NorwegianTime.today().plusDays(1),
            "sleepingSince",
            "contactPerson=someone",
            "contactPerson",
            "sort=size",
            "sort",
            "sleepingSince=yesterday",
            "sleepingSince",
            "q=" + "x".repeat(201),
            "q",
            // Before, a query of punctuation only answered every agreement, as if left out.
            "q=!!!",
            "q");
    bad.forEach(
        (query, field) ->
            given()
                .auth()
                .oauth2(Tokens.adviser("15"))
                .get("/api/v1/agreements?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
    given().auth().oauth2(Tokens.adviser("15")).get("/api/v1/agreements?q=").then().statusCode(200);
    given()
        .auth()
        .oauth2(Tokens.system("crm"))
        .get("/api/v1/agreements?contactPerson=me")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("contactPerson"));
  }

  @Test
  void aCorrectionNeedsTheVersionReadAndEveryChangeIsKept() {
    String id = register("Stranda Møbler AS", 30);
    String path = "/api/v1/agreements/" + id;
    String etag =
        given()
            .auth()
            .oauth2(Tokens.manager("15"))
            .get(path)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    given()
        .auth()
        .oauth2(Tokens.manager("15"))
        .contentType(ContentType.JSON)
        .body(Map.of("employees", 31))
        .patch(path)
        .then()
        .statusCode(428);
    given()
        .auth()
        .oauth2(Tokens.manager("15"))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Stranda Møbelfabrikk AS", "employees", 31))
        .patch(path)
        .then()
        .statusCode(200)
        .body("name", equalTo("Stranda Møbelfabrikk AS"))
        .body("employees", equalTo(31));
    given()
        .auth()
        .oauth2(Tokens.manager("15"))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("employees", 99))
        .patch(path)
        .then()
        .statusCode(412)
        .body("code", equalTo("STALE_VERSION"));
    String current =
        given().auth().oauth2(Tokens.manager("15")).get(path).then().extract().header("ETag");
    for (Map<String, Object> body :
        List.<Map<String, Object>>of(
            Map.of(),
            Map.of("employees", -1),
            Map.of("name", " "),
            Map.of("name", "gjelder 01019010046"))) {
      given()
          .auth()
          .oauth2(Tokens.manager("15"))
          .header("If-Match", current)
          .contentType(ContentType.JSON)
          .body(body)
          .patch(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    given()
        .auth()
        .oauth2(Tokens.manager("11"))
        .header("If-Match", current)
        .contentType(ContentType.JSON)
        .body(Map.of("employees", 5))
        .patch(path)
        .then()
        .statusCode(403);
    List<Map<String, Object>> history =
        given()
            .auth()
            .oauth2(Tokens.adviser("15"))
            .get(path + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("");
    assertThat(history).extracting(h -> h.get("action")).containsExactly("REGISTERED", "EDITED");
    assertThat(history.get(0))
        .containsEntry("name", "Stranda Møbler AS")
        .containsEntry("employees", 30);
    assertThat(history.get(1))
        .containsEntry("name", "Stranda Møbelfabrikk AS")
        .containsEntry("changedBy", "Z990002");
    assertThat(history.get(1).get("version")).isNotEqualTo(history.get(0).get("version"));
    assertThat(
            given()
                .auth()
                .oauth2(Tokens.manager("15"))
                .get(path)
                .then()
                .extract()
                .path("employees")
                .toString())
        .isEqualTo("31");
  }
}
