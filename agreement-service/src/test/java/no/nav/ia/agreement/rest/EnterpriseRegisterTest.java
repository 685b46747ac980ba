package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.agreement.config.RegisterConfig;
import no.nav.ia.platform.rest.Params;
import no.nav.ia.test.LogLines;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The register copy (API.md, "Enterprises"): a fixture in the bulk file's exact format (gzip JSON
 * array of "enheter", with malformed entries) imported through the API, run again, then replaced by
 * a later file; and the search over it. The tests run in order: each builds on the import before.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnterpriseRegisterTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String AERLIG = Fixtures.orgNumber();
  static final String FJORD = Fixtures.orgNumber();
  static final String FJORDVIK = Fixtures.orgNumber();
  static final String KAFE = Fixtures.orgNumber();
  static final String SMAA = Fixtures.orgNumber();
  static final String AAS_HAGE = Fixtures.orgNumber();
  static final String BOR_HAGE = Fixtures.orgNumber();
  static final String GONE_LATER = Fixtures.orgNumber();
  static final String DELETED = Fixtures.orgNumber();

  @Inject RegisterConfig config;
  @Inject EntityManager em;

  static ObjectNode entity(
      String org, String name, String nace, Integer employees, String municipality) {
    ObjectNode e = JSON.createObjectNode();
    e.put("organisasjonsnummer", org);
    e.put("navn", name);
    e.putObject("organisasjonsform").put("kode", "AS").put("beskrivelse", "Aksjeselskap");
    if (nace != null) {
      e.putObject("naeringskode1").put("kode", nace).put("beskrivelse", "næring");
    }
    if (employees != null) {
      e.put("antallAnsatte", employees);
    }
    e.putObject("forretningsadresse")
        .put("kommunenummer", municipality)
        .put("land", "Norge")
        .putArray("adresse")
        .add("Storgata 1");
    e.putObject("postadresse").put("kommunenummer", municipality);
    e.put("registreringsdatoEnhetsregisteret", "1995-02-20");
    return e;
  }

  /** The first file: six good entities, one deleted in the register, five malformed entries. */
  static ArrayNode first() {
    ArrayNode all = JSON.createArrayNode();
    all.add(entity(AERLIG, "ÆRLIG BYGG AS", "41.200", 120, "0301"));
    all.add(entity(FJORD, "FJORD TRANSPORT AS", "49.410", 40, "4601"));
    all.add(entity(FJORDVIK, "FJORDVIK SJØMAT OG TRANSPORT AS", "10.200", 15, "4601"));
    all.add(entity(KAFE, "KAFÉ ØSTRE AS", "56.101", 8, "0301"));
    all.add(entity(SMAA, "SMÅ BYGG OG ANLEGG AS", "41.200", 3, "3401"));
    all.add(entity(BOR_HAGE, "BOR HAGE AS", "81.300", 4, "3401"));
    all.add(entity(AAS_HAGE, "ÅS HAGE AS", "81.300", 4, "3401"));
    all.add(entity(GONE_LATER, "FORSVINNER AS", "47.111", 12, "0301"));
    ObjectNode deleted = entity(DELETED, "NEDLAGT BYGG AS", "41.200", 0, "0301");
    deleted.put("slettedato", "2019-05-02");
    all.add(deleted);
    all.add(JSON.createObjectNode().put("organisasjonsnummer", "123").put("navn", "FEIL AS"));
    all.add(JSON.createObjectNode().put("organisasjonsnummer", Fixtures.orgNumber()));
    all.add(
        entity(Fixtures.orgNumber(), "MANGE AS", null, null, "0301").put("antallAnsatte", "mange"));
    all.add(entity(Fixtures.orgNumber(), "KORT KOMMUNE AS", null, 1, "301"));
    all.add(42);
    return all;
  }

  /** The second file: the first without GONE_LATER, FJORD with 55 employees. */
  static ArrayNode later() {
    ArrayNode later = JSON.createArrayNode();
    for (var e : first()) {
      if (e.isObject() && GONE_LATER.equals(e.path("organisasjonsnummer").asText())) {
        continue;
      }
      if (e.isObject() && FJORD.equals(e.path("organisasjonsnummer").asText())) {
        ((ObjectNode) e).put("antallAnsatte", 55);
      }
      later.add(e);
    }
    return later;
  }

  String write(String name, ArrayNode entities) throws Exception {
    Files.createDirectories(config.importDir());
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(config.importDir().resolve(name)))) {
      JSON.writeValue(out, entities);
    }
    return name;
  }

  static JsonPath importOf(String source) {
    return importOf(source, no.nav.ia.platform.callid.CallId.generate());
  }

  /** The import of the source, asked for in the call, once it has ended. */
  static JsonPath importOf(String source, String callId) {
    String location =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .header("Nav-Call-Id", callId)
            .contentType(ContentType.JSON)
            .body(Map.of("source", source))
            .post("/api/v1/enterprises/imports")
            .then()
            .statusCode(202)
            .body("status", equalTo("RUNNING"))
            .extract()
            .header("Location");
    JsonPath[] last = new JsonPath[1];
    await("the import of " + source)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last[0] =
                  given()
                      .auth()
                      .oauth2(Tokens.coordinator())
                      .get(location)
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              return !"RUNNING".equals(last[0].getString("status"));
            });
    return last[0];
  }

  static JsonPath search(String token, String query) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/enterprises?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static List<String> orgs(String token, String query) {
    return search(token, query).getList("items.orgNumber");
  }

  @Test
  @Order(1)
  void theBulkFileIsImportedMalformedEntriesRejectedAndCountedAndARunAgainChangesNothing()
      throws Exception {
    String file = write("enheter-1-" + AERLIG + ".json.gz", first());
    JsonPath done = importOf(file);
    assertThat(done.getString("status")).isEqualTo("DONE");
    assertThat(done.getInt("read")).isEqualTo(14);
    assertThat(done.getInt("created")).isEqualTo(9);
    assertThat(done.getInt("rejected")).isEqualTo(5);
    assertThat(done.getList("reasons", String.class))
        .hasSize(5)
        .anyMatch(r -> r.contains("organisasjonsnummer is not a valid org number"))
        .anyMatch(r -> r.contains("navn is missing"))
        .anyMatch(r -> r.contains("antallAnsatte is not a count"))
        .anyMatch(r -> r.contains("kommunenummer is not four digits"))
        .anyMatch(r -> r.contains("not an object"));
    assertThat(done.getString("finishedAt")).isNotNull();

    JsonPath again = importOf(file);
    assertThat(again.getString("status")).isEqualTo("DONE");
    assertThat(again.getInt("created")).isZero();
    assertThat(again.getInt("updated")).isZero();
    assertThat(again.getInt("unchanged")).isEqualTo(9);
    assertThat(again.getInt("gone")).isZero();
  }

  @Test
  @Order(2)
  void nameWordsArePrefixesInAnyCaseWithNorwegianLettersBestMatchFirst() {
    String coordinator = Tokens.coordinator();
    assertThat(orgs(coordinator, "q=ærlig")).containsExactly(AERLIG);
    assertThat(orgs(coordinator, "q=ÆRL")).containsExactly(AERLIG);
    assertThat(orgs(coordinator, "q=aerlig bygg")).containsExactly(AERLIG);
    assertThat(orgs(coordinator, "q=kafe østre")).containsExactly(KAFE);
    assertThat(orgs(coordinator, "q=små")).containsExactly(SMAA);
    // Typed on a keyboard without æ, ø and å (a review: "bjork" found none of 69 Bjørk names).
    assertThat(orgs(coordinator, "q=arlig")).containsExactly(AERLIG);
    assertThat(orgs(coordinator, "q=kafe ostre")).containsExactly(KAFE);
    assertThat(orgs(coordinator, "q=oestre")).containsExactly(KAFE);
    assertThat(orgs(coordinator, "q=sma bygg")).containsExactly(SMAA);
    assertThat(orgs(coordinator, "q=smaa")).containsExactly(SMAA);
    // Both match "fjord transport"; the one whose words are exactly these comes first.
    assertThat(orgs(coordinator, "q=fjord transport")).containsExactly(FJORD, FJORDVIK);
    assertThat(orgs(coordinator, "q=" + FJORDVIK)).containsExactly(FJORDVIK);
    // As an invoice prints it for VAT, or with dots (a review found neither).
    assertThat(orgs(coordinator, "q=NO " + FJORDVIK + " MVA")).containsExactly(FJORDVIK);
    assertThat(
            orgs(
                coordinator,
                "q="
                    + FJORDVIK.substring(0, 3)
                    + "."
                    + FJORDVIK.substring(3, 6)
                    + "."
                    + FJORDVIK.substring(6)))
        .containsExactly(FJORDVIK);
    assertThat(orgs(coordinator, "q=byggmester")).isEmpty();
    // The shorter name first, as written: "ÅS" is two letters like "BO" (folded, "aas" was longer
    // than "bor" and came after it).
    assertThat(orgs(coordinator, "q=hage")).containsExactly(AAS_HAGE, BOR_HAGE);
    // Two to four letters are looked up as indexed prefixes, longer ones as prefix matches: the
    // same
    // answer, and a word's middle is no match.
    assertThat(orgs(coordinator, "q=fj")).containsExactly(FJORD, FJORDVIK);
    assertThat(orgs(coordinator, "q=FJOR tra")).containsExactly(FJORD, FJORDVIK);
    assertThat(orgs(coordinator, "q=fjordv")).containsExactly(FJORDVIK);
    assertThat(orgs(coordinator, "q=sm")).containsExactly(SMAA);
    assertThat(orgs(coordinator, "q=Æ")).containsExactly(AERLIG);
    assertThat(orgs(coordinator, "q=Ø")).containsExactly(KAFE);
    assertThat(orgs(coordinator, "q=ord")).isEmpty();
    assertThat(orgs(coordinator, "q=rlig")).isEmpty();
    JsonPath item = search(coordinator, "q=ærlig");
    assertThat(item.getMap("items[0]"))
        .containsEntry("name", "ÆRLIG BYGG AS")
        .containsEntry("organisationForm", "AS")
        .containsEntry("industry", "41.200")
        .containsEntry("employees", 120)
        .containsEntry("municipality", "0301")
        .containsEntry("countyCode", "03")
        .containsEntry("deleted", false);
    assertThat(item.getInt("total")).isEqualTo(1);
    assertThat(item.getBoolean("totalExact")).isTrue();
  }

  @Test
  @Order(3)
  void filtersByCountyIndustrySizeAndAgreement() {
    String coordinator = Tokens.coordinator();
    // Of this file's enterprises (county 46 takes in what other classes put in 12 and 14 too).
    assertThat(orgs(coordinator, "county=46&size=500"))
        .contains(FJORD, FJORDVIK)
        .doesNotContain(AERLIG, KAFE, SMAA, BOR_HAGE, AAS_HAGE, GONE_LATER, DELETED);
    assertThat(orgs(coordinator, "industry=41&q=bygg")).containsExactly(AERLIG, SMAA, DELETED);
    assertThat(orgs(coordinator, "industry=41.2&minEmployees=100")).containsExactly(AERLIG);
    assertThat(orgs(coordinator, "q=bygg&maxEmployees=3")).containsExactly(SMAA, DELETED);
    Api.register(Fixtures.agreement(KAFE, "03"));
    assertThat(orgs(coordinator, "county=03&agreement=ACTIVE")).containsExactly(KAFE);
    assertThat(orgs(coordinator, "q=kafe&agreement=NONE")).isEmpty();
    assertThat(search(coordinator, "q=kafe").getMap("items[0].agreement"))
        .containsEntry("status", "ACTIVE");
    // An adviser searches the own county unless naming another.
    assertThat(orgs(Tokens.adviser("46"), "q=transport")).containsExactly(FJORD, FJORDVIK);
    assertThat(orgs(Tokens.adviser("46"), "q=tra")).containsExactly(FJORD, FJORDVIK);
    assertThat(orgs(Tokens.adviser("46"), "q=ærlig")).isEmpty();
    assertThat(orgs(Tokens.adviser("46"), "q=ærlig&county=03")).containsExactly(AERLIG);
    given()
        .auth()
        .oauth2(coordinator)
        .get("/api/v1/enterprises?county=99")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("county"));
    // Paging.
    JsonPath page = search(coordinator, "q=bygg&size=1&page=1");
    assertThat(page.getInt("total")).isEqualTo(3);
    assertThat(page.getList("items.orgNumber")).containsExactly(SMAA);
    JsonPath beyond = search(coordinator, "q=bygg&size=2&page=4");
    assertThat(beyond.getList("items")).isEmpty();
    assertThat(beyond.getInt("total")).isEqualTo(3);
    // The last page one may ask for is empty; one further is a field error, not a 500.
    assertThat(search(coordinator, "q=bygg&size=500&page=" + Params.MAX_PAGE).getList("items"))
        .isEmpty();
    given()
        .auth()
        .oauth2(coordinator)
        .get("/api/v1/enterprises?q=bygg&size=500&page=" + (Params.MAX_PAGE + 1))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("page"));
  }

  @Test
  @Order(4)
  void anEnterprisesPageHasItsAgreementAndAnUnknownOneIs404() {
    try (LogLines audit = LogLines.of("auditLogger")) {
      String agreement =
          given()
              .auth()
              .oauth2(Tokens.person("manager", "03", "Z990341"))
              .get("/api/v1/enterprises/" + KAFE)
              .then()
              .statusCode(200)
              .body("name", equalTo("KAFÉ ØSTRE AS"))
              .body("agreement.status", equalTo("ACTIVE"))
              .extract()
              .path("agreement.id");
      search(Tokens.person("manager", "03", "Z990342"), "q=kafe&county=03");
      given()
          .auth()
          .oauth2(Tokens.person("manager", "03", "Z990343"))
          .get("/api/v1/agreements/" + agreement + "/history")
          .then()
          .statusCode(200);
      search(Tokens.person("adviser", "46", "Z994644"), "q=kafe&county=03");
      // The page, a search item and the history show the agreement and its contact person: each a
      // read of it in the audit trail, as GET /agreements/{id} is (a security review found none).
      // Another county's centre sees none of that, and reads nothing of it.
      assertThat(audit.lines)
          .filteredOn(l -> l.contains("|audit:access|") && l.contains("duid=" + KAFE))
          .anySatisfy(l -> assertThat(l).contains("suid=Z990341"))
          .anySatisfy(l -> assertThat(l).contains("suid=Z990342"))
          .anySatisfy(l -> assertThat(l).contains("suid=Z990343").contains("/history"))
          .noneSatisfy(l -> assertThat(l).contains("suid=Z994644"));
    }
    // Another county's centre finds the enterprise in the register, but not Oslo's records of it:
    // which agreement, whose contact person, what was delivered.
    given()
        .auth()
        .oauth2(Tokens.adviser("46"))
        .get("/api/v1/enterprises/" + KAFE)
        .then()
        .statusCode(200)
        .body("name", equalTo("KAFÉ ØSTRE AS"))
        .body("agreement", nullValue())
        .body("latestDelivery", nullValue())
        .body("resigning", nullValue());
    assertThat(search(Tokens.adviser("46"), "q=kafe&county=03").getList("items.agreement"))
        .containsOnlyNulls()
        .hasSize(1);
    given()
        .auth()
        .oauth2(Tokens.manager("46"))
        .get("/api/v1/enterprises?county=03&agreement=ACTIVE")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    given()
        .auth()
        .oauth2(Tokens.manager("03"))
        .get("/api/v1/enterprises/" + Fixtures.orgNumber())
        .then()
        .statusCode(404)
        .body("code", equalTo("ENTERPRISE_NOT_FOUND"));
    given()
        .auth()
        .oauth2(Tokens.manager("03"))
        .get("/api/v1/enterprises/123")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  @Order(4)
  void anAdviserRegistersAnEnterpriseOfTheOwnCountyFromTheRegister() {
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .body(Map.of("orgNumber", AERLIG, "signedOn", "2024-05-02"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(201)
        .body("name", equalTo("ÆRLIG BYGG AS"))
        .body("countyCode", equalTo("03"))
        .body("employees", equalTo(120));
    // Fjord Transport is in Vestland (4601): not an Oslo adviser's to register.
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .body(Map.of("orgNumber", FJORD, "signedOn", "2024-05-02"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.manager("46"))
        .contentType(ContentType.JSON)
        .body(Map.of("orgNumber", FJORD, "signedOn", "2024-05-02", "employees", 41))
        .post("/api/v1/agreements")
        .then()
        .statusCode(201)
        .body("countyCode", equalTo("46"))
        .body("employees", equalTo(41));
  }

  @Test
  @Order(4)
  void aCountyAgainstTheRegisterOrADeletedEnterpriseIs422AndAnUnknownOneNeedsItsFacts() {
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("orgNumber", SMAA, "countyCode", "03", "signedOn", "2024-05-02"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(422)
        .body("code", equalTo("COUNTY_CONTRADICTS_REGISTER"));
    // A code that is no county is the field's error, as without the register, for any role.
    for (String token : List.of(Tokens.coordinator(), Tokens.adviser("03"))) {
      given()
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body(Map.of("orgNumber", SMAA, "countyCode", "99", "signedOn", "2024-05-02"))
          .post("/api/v1/agreements")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem("countyCode"));
    }
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("orgNumber", DELETED, "signedOn", "2024-05-02"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(422)
        .body("code", equalTo("ENTERPRISE_DELETED"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("orgNumber", Fixtures.orgNumber(), "signedOn", "2024-05-02"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            org.hamcrest.Matchers.containsInAnyOrder("name", "countyCode", "employees"));
    assertThat(orgs(Tokens.coordinator(), "q=små&agreement=ACTIVE")).isEmpty();
  }

  @Test
  @Order(4)
  void anEnterprisesPageShowsItsLatestLiveDeliveryFromTheDeliveryEvents() {
    Api.deliveryEvent("DeliveryRecorded", java.util.UUID.randomUUID(), 1, KAFE, "2024-01-15");
    java.util.UUID later = java.util.UUID.randomUUID();
    Api.deliveryEvent("DeliveryRecorded", later, 1, KAFE, "2024-06-03");
    Api.deliveryEvent("DeliveryRecorded", java.util.UUID.randomUUID(), 1, KAFE, "2024-04-20");
    awaitLatestDelivery(KAFE, "2024-06-03");
    // Voided, the latest is the one before.
    Api.deliveryEvent("DeliveryVoided", later, 3, KAFE, "2024-06-03");
    awaitLatestDelivery(KAFE, "2024-04-20");
  }

  static void awaitLatestDelivery(String org, String day) {
    await("the enterprise's latest delivery is " + day)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                day.equals(
                    given()
                        .auth()
                        .oauth2(Tokens.manager("03"))
                        .get("/api/v1/enterprises/" + org)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("latestDelivery.deliveredOn")));
  }

  @Test
  @Order(5)
  void theAgreementFilterSeesOnlyTheCallersCountysAgreements() {
    // FJORDVIK's address is in Vestland (46), its agreement kept by Oslo's centre (03): it moved.
    Api.register(Map.of("orgNumber", FJORDVIK, "signedOn", "2024-05-02"));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update agreement set county_code = '03' where org_number = ?1"
                            + " and status = 'ACTIVE'")
                    .setParameter(1, FJORDVIK)
                    .executeUpdate());
    try {
      assertThat(orgs(Tokens.coordinator(), "q=fjordvik&agreement=ACTIVE"))
          .containsExactly(FJORDVIK);
      // Oslo's own agreement is in Oslo's list of agreements, wherever the enterprise moved
      // (before, the register's county 46 left it out of Oslo's).
      assertThat(orgs(Tokens.adviser("03"), "q=fjordvik&agreement=ACTIVE"))
          .containsExactly(FJORDVIK);
      assertThat(orgs(Tokens.coordinator(), "county=03&q=fjordvik&agreement=ACTIVE"))
          .containsExactly(FJORDVIK);
      assertThat(orgs(Tokens.coordinator(), "county=46&q=fjordvik&agreement=ACTIVE")).isEmpty();
      // Which enterprises have an agreement is the keeping county's record: Vestland's centre
      // neither learns of Oslo's agreement through the filter nor misses the enterprise in NONE.
      assertThat(orgs(Tokens.adviser("46"), "q=fjordvik&agreement=ACTIVE")).isEmpty();
      assertThat(orgs(Tokens.adviser("46"), "q=fjordvik&agreement=NONE")).containsExactly(FJORDVIK);
      assertThat(orgs(Tokens.adviser("46"), "q=fjordvik")).containsExactly(FJORDVIK);
    } finally {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "update agreement set status = 'ENDED', ended_on = current_date"
                              + " where org_number = ?1 and status = 'ACTIVE'")
                      .setParameter(1, FJORDVIK)
                      .executeUpdate());
    }
  }

  @Test
  @Order(5)
  void anEnterprisesLatestDeliveryIsShownToTheCountyItWasRecordedUnder() {
    // SMÅ BYGG (Innlandet, 34) was served by Innlandet's centre, then by Oslo's (03) later on.
    Api.deliveryEvent("DeliveryRecorded", java.util.UUID.randomUUID(), 1, SMAA, "34", "2024-02-01");
    Api.deliveryEvent("DeliveryRecorded", java.util.UUID.randomUUID(), 1, SMAA, "03", "2024-05-01");
    await("both deliveries seen")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "2024-05-01".equals(latestDelivery(Tokens.coordinator(), SMAA)));
    assertThat(latestDelivery(Tokens.adviser("03"), SMAA)).isEqualTo("2024-05-01");
    assertThat(latestDelivery(Tokens.adviser("34"), SMAA)).isEqualTo("2024-02-01");
    assertThat(latestDelivery(Tokens.adviser("46"), SMAA)).isNull();
  }

  private static String latestDelivery(String token, String org) {
    return Api.enterprise(token, org).getString("latestDelivery.deliveredOn");
  }

  @Test
  @Order(5)
  void badParametersAreAClearProblem() {
    Map<String, String> bad =
        Map.of(
            "county=3",
            "county",
            "industry=4",
            "industry",
            "industry=47.1234",
            "industry",
            "minEmployees=-1",
            "minEmployees",
            "minEmployees=many",
            "minEmployees",
            "minEmployees=10&maxEmployees=5",
            "maxEmployees",
            "agreement=MAYBE",
            "agreement",
            "size=0",
            "size",
            "q=" + "a".repeat(201),
            "q",
            "q=!!!",
            "q");
    bad.forEach(
        (query, field) ->
            given()
                .auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/enterprises?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
  }

  @Test
  @Order(6)
  void onlyCoordinatorsAndSystemsImportAndOnlyFilesOfTheImportFolder() {
    for (String token : List.of(Tokens.adviser("03"), Tokens.manager("03"))) {
      given()
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body(Map.of("source", "x.json.gz"))
          .post("/api/v1/enterprises/imports")
          .then()
          .statusCode(403);
    }
    for (String source :
        List.of(
            "../../etc/passwd",
            "/etc/passwd",
            "missing.json.gz",
            "https://example.com/x",
            config.urlPrefix() + "a b",
            config.urlPrefix() + "%zz",
            // Under the prefix as written, out of it as the server reads it (was 202).
            config.urlPrefix() + "../../x",
            config.urlPrefix() + "%2e%2e/x",
            "enheter\u0000.json.gz")) {
      given()
          .auth()
          .oauth2(Tokens.system("register-sync"))
          .contentType(ContentType.JSON)
          .body(Map.of("source", source))
          .post("/api/v1/enterprises/imports")
          .then()
          .statusCode(400)
          .body("errors.field", hasItem("source"));
    }
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/enterprises/imports/999999")
        .then()
        .statusCode(404);
  }

  @Test
  @Order(7)
  void aSecondImportWhileOneRunsIs409() throws Exception {
    String file = write("enheter-busy.json.gz", first());
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into enterprise_import (source, status, started_by, started_at, progress_at)"
                            + " values ('other', 'RUNNING', 'test', now(), now())")
                    .executeUpdate());
    try {
      given()
          .auth()
          .oauth2(Tokens.coordinator())
          .contentType(ContentType.JSON)
          .body(Map.of("source", file))
          .post("/api/v1/enterprises/imports")
          .then()
          .statusCode(409)
          .body("code", equalTo("IMPORT_RUNNING"));
    } finally {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "update enterprise_import set status = 'FAILED' where source = 'other'")
                      .executeUpdate());
    }
  }

  @Test
  @Order(8)
  void aLaterFileUpdatesWhatChangedMarksWhatIsGoneAndACutFileFailsMarkingNothing()
      throws Exception {
    ArrayNode later = later();
    JsonPath done = importOf(write("enheter-2-" + AERLIG + ".json.gz", later));
    assertThat(done.getString("status")).isEqualTo("DONE");
    assertThat(done.getInt("updated")).isEqualTo(1);
    assertThat(done.getInt("unchanged")).isEqualTo(7);
    assertThat(done.getInt("gone")).isEqualTo(1);
    // Fjord's agreement was registered with 41 employees, not the register's 40: the centre's own.
    assertThat(done.getInt("agreementsUpdated")).isZero();
    JsonPath gone = search(Tokens.coordinator(), "q=" + GONE_LATER);
    assertThat(gone.getBoolean("items[0].deleted")).isTrue();
    assertThat(search(Tokens.coordinator(), "q=" + FJORD).getInt("items[0].employees"))
        .isEqualTo(55);

    // A file cut off in the middle: what was read stays, nothing is marked gone.
    byte[] whole =
        Files.readAllBytes(config.importDir().resolve("enheter-2-" + AERLIG + ".json.gz"));
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
    Path cutFile = config.importDir().resolve("enheter-cut-" + AERLIG + ".json.gz");
    Files.write(cutFile, cut);
    JsonPath failed = importOf(cutFile.getFileName().toString());
    assertThat(failed.getString("status")).isEqualTo("FAILED");
    // Its first half is the file imported last: the note says that nothing changed.
    assertThat(failed.getString("note"))
        .startsWith("the file could not be read: ")
        .endsWith("; nothing was changed");
    assertThat(failed.getInt("gone")).isZero();
    assertThat(search(Tokens.coordinator(), "q=" + AERLIG).getBoolean("items[0].deleted"))
        .isFalse();

    // Something after the array: not the file as published, so not taken as read to its end
    // (before, DONE, and what was there written).
    Path trailing = config.importDir().resolve("enheter-trailing-" + AERLIG + ".json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(trailing))) {
      out.write((JSON.writeValueAsString(later) + " [{}]").getBytes(StandardCharsets.UTF_8));
    }
    JsonPath trailed = importOf(trailing.getFileName().toString());
    assertThat(trailed.getString("status")).isEqualTo("FAILED");
    assertThat(trailed.getString("note")).contains("more after its array");
    assertThat(trailed.getInt("gone")).isZero();
  }

  @Test
  @Order(9)
  void aFileOfManyBatchesIsCountedWholeAndOfAnEntityGivenTwiceTheFirstEntryStays()
      throws Exception {
    // Tests import in batches of four (application.properties) written by two writers at once; an
    // entry of the file, good or not, takes one place in its batch.
    int size = config.batchSize();
    assertThat(size).isBetween(2, 9);
    assertThat(config.writers()).isEqualTo(2);
    ArrayNode file = later();
    List<String> fresh = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      fresh.add(Fixtures.orgNumber());
      file.add(entity(fresh.get(i), "MANGE BATCHER " + i + " AS", "41.200", i, "0301"));
    }
    // The same entity in the next batch (a shared org number: written after the first) ...
    int twice = indexOf(file, fresh.get(2));
    file.insert(
        (twice / size + 1) * size, entity(fresh.get(2), "ANDRE NAVN AS", "41.200", 2, "0301"));
    // ... and twice in one batch, at a batch's first two places: the first entry is kept and the
    // later counted rejected.
    String inOneBatch =
        fresh.stream().skip(50).filter(o -> indexOf(file, o) % size == 0).findFirst().orElseThrow();
    file.insert(
        indexOf(file, inOneBatch), entity(inOneBatch, "TREDJE NAVN AS", "41.200", 7, "0301"));
    int secondPlace = indexOf(file, inOneBatch) + 2; // from 1, as a reason names it
    // ... and rejected in one batch, good in a later one: the good entry counts as any other, and
    // the rejection keeps its own reason (it is not rejected again as "appears again").
    String rejectedFirst = Fixtures.orgNumber();
    file.add(
        entity(rejectedFirst, "FORKASTET FØRST AS", "41.200", 1, "0301")
            .put("antallAnsatte", "mange"));
    for (int i = 1; i < size; i++) {
      file.add(entity(Fixtures.orgNumber(), "FYLL " + i + " AS", "41.200", i, "0301"));
    }
    file.add(entity(rejectedFirst, "GODKJENT SIDEN AS", "41.200", 1, "0301"));

    JsonPath done = importOf(write("enheter-batches-" + AERLIG + ".json.gz", file));
    assertThat(done.getString("status")).isEqualTo("DONE");
    assertThat(done.getInt("read")).isEqualTo(file.size());
    // Counted as in one batch: the first entry created, the later one rejected and not written.
    assertThat(done.getInt("created")).isEqualTo(300 + size);
    assertThat(done.getInt("updated")).isZero();
    assertThat(done.getInt("rejected")).isEqualTo(2 + 1 + 5);
    assertThat(done.getInt("read"))
        .isEqualTo(
            done.getInt("created")
                + done.getInt("updated")
                + done.getInt("unchanged")
                + done.getInt("rejected"));
    assertThat(done.getInt("gone")).isZero();
    // Each reason names the entity's place in the file, where a person finds it.
    assertThat(done.getList("reasons", String.class))
        .contains(
            String.format(
                "entity %,d of the file: %s: appears again; its first entry was kept",
                secondPlace, inOneBatch))
        .anyMatch(r -> r.endsWith(fresh.get(2) + ": appears again; its first entry was kept"))
        .anyMatch(r -> r.contains(rejectedFirst) && r.contains("antallAnsatte is not a count"))
        .noneMatch(r -> r.contains(rejectedFirst + ": appears again"))
        .allMatch(r -> r.matches("entity [0-9,]+ of the file: .*"));
    long stored =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "select count(*) from enterprise where org_number in (:orgs)")
                                .setParameter("orgs", fresh)
                                .getSingleResult())
                        .longValue());
    assertThat(stored).isEqualTo(300);
    assertThat(search(Tokens.coordinator(), "q=" + fresh.get(2)).getString("items[0].name"))
        .isEqualTo("MANGE BATCHER 2 AS");
    assertThat(search(Tokens.coordinator(), "q=" + inOneBatch).getString("items[0].name"))
        .isEqualTo("TREDJE NAVN AS");

    // The same file again changes nothing (a review saw an entity given twice updated each time,
    // and its copy show the first entry's value while the import ran).
    JsonPath again = importOf(write("enheter-batches-again-" + AERLIG + ".json.gz", file));
    assertThat(again.getString("status")).isEqualTo("DONE");
    assertThat(again.getInt("created")).isZero();
    assertThat(again.getInt("updated")).isZero();
    assertThat(again.getInt("rejected")).isEqualTo(done.getInt("rejected"));
    assertThat(again.getInt("unchanged"))
        .isEqualTo(done.getInt("created") + done.getInt("unchanged"));
  }

  @Test
  @Order(10)
  void anEntityInTheFileThatCannotBeKeptIsNotTakenForGoneAndItsCopyStaysAsItWas() throws Exception {
    ArrayNode file = later();
    ((ObjectNode) file.get(indexOf(file, FJORD))).put("antallAnsatte", "mange");
    JsonPath done = importOf(write("enheter-rejected-" + AERLIG + ".json.gz", file));
    assertThat(done.getString("status")).isEqualTo("DONE");
    assertThat(done.getList("reasons", String.class))
        .anyMatch(r -> r.contains(FJORD + ": antallAnsatte is not a count"));
    JsonPath fjord = search(Tokens.coordinator(), "q=" + FJORD);
    assertThat(fjord.getBoolean("items[0].deleted")).isFalse();
    assertThat(fjord.getInt("items[0].employees")).isEqualTo(55);
  }

  // The enterprises below are written straight into the register copy, after this class's last
  // import: an import would take them for gone.

  @Test
  @Order(11)
  void aCountyFindsWhatARegisterCopyPlacesInACountyMergedIntoIt() {
    // Municipality 0403 (Hamar before 2020) is in Hedmark, 04, merged into Innlandet, 34: an
    // adviser of 34 did not find it by name, nor with county=34 (only with agreement=ACTIVE).
    String org = Fixtures.orgNumber();
    Fixtures.inTheRegister(org, "GAMMEL KOMMUNEKODE QXHAMAR AS", "04");
    assertThat(orgs(Tokens.adviser("34"), "q=qxhamar")).containsExactly(org);
    assertThat(orgs(Tokens.coordinator(), "q=qxhamar&county=34")).containsExactly(org);
    assertThat(orgs(Tokens.coordinator(), "q=qxhamar&county=04")).containsExactly(org);
    assertThat(orgs(Tokens.adviser("46"), "q=qxhamar")).isEmpty();
  }

  @Test
  @Order(11)
  void anEnterpriseWhoseAgreementEndedShowsTheOneThatEndedLastToTheCountyThatKeptIt() {
    String org = Fixtures.orgNumber();
    endedInOslo(org, "AVSLUTTET SAMARBEID AS", LocalDate.of(2015, 6, 30));
    Map<String, Object> second = Fixtures.agreement(org, "03");
    second.put("signedOn", "2016-01-04");
    second.put("contactPerson", "Z990001");
    String last = Api.register(second);
    Api.terminate(last, LocalDate.of(2023, 12, 31), "Slutt");

    assertThat(agreementShown(Tokens.adviser("03"), org, "03"))
        .isEqualTo(
            Map.of(
                "id",
                last,
                "status",
                "ENDED",
                "contactPerson",
                "Z990001",
                "endedOn",
                "2023-12-31"));
    // Another county's centre finds the enterprise in the register, not Oslo's records of it.
    assertThat(agreementShown(Tokens.adviser("46"), org, "03")).isNull();
    assertThat(Api.enterprise(Tokens.adviser("46"), org).getString("name"))
        .isEqualTo("AVSLUTTET SAMARBEID AS");
  }

  @Test
  @Order(11)
  void anEndedAgreementIsTheRecordOfItsOwnCountyAlsoWhenTheRegisterHasMovedTheEnterprise() {
    // Innlandet's centre kept the agreement; since it ended, the register places the enterprise in
    // Oslo.
    String org = Fixtures.orgNumber();
    Fixtures.inTheRegister(org, "FLYTTET FRA INNLANDET AS", "34");
    Map<String, Object> body = Fixtures.agreement(org, "34");
    body.put("signedOn", "2021-03-01");
    String ended = Api.register(body);
    Api.terminate(ended, LocalDate.of(2024, 2, 29), "Flyttet");
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update enterprise set county_code = '03', municipality = '0301'"
                            + " where org_number = ?1")
                    .setParameter(1, org)
                    .executeUpdate());

    assertThat(agreementShown(Tokens.adviser("34"), org, "03"))
        .containsEntry("id", ended)
        .containsEntry("endedOn", "2024-02-29");
    assertThat(agreementShown(Tokens.adviser("03"), org, "03")).isNull();
    assertThat(Api.enterprise(Tokens.adviser("03"), org).getString("countyCode")).isEqualTo("03");

    // Oslo's centre signs it: Oslo sees its active agreement, Innlandet still its own ended one
    // (an adviser's review found it gone from Innlandet's page then), never Oslo's.
    Map<String, Object> oslo = Fixtures.agreement(org, "03");
    oslo.put("signedOn", "2024-06-03");
    String active = Api.register(oslo);
    assertThat(agreementShown(Tokens.adviser("03"), org, "03"))
        .containsEntry("id", active)
        .containsEntry("status", "ACTIVE");
    assertThat(agreementShown(Tokens.adviser("34"), org, "03"))
        .containsEntry("id", ended)
        .containsEntry("status", "ENDED")
        .containsEntry("endedOn", "2024-02-29");
    assertThat(Api.enterprise(Tokens.adviser("34"), org).getMap("resigning")).isNull();
    assertThat(agreementShown(Tokens.coordinator(), org, "03")).containsEntry("id", active);
  }

  @Test
  @Order(11)
  void anEnterpriseWhoseAgreementEndedHasNoneForTheFilterAndItsItemShowsTheEndedOne() {
    String org = Fixtures.orgNumber();
    String ended = endedInOslo(org, "TIDLIGERE IA AS", LocalDate.of(2019, 12, 31));
    // An adviser's filter asks for the own counties' agreements, a coordinator's for any.
    for (String token : List.of(Tokens.adviser("03"), Tokens.coordinator())) {
      JsonPath none = search(token, "q=" + org + "&county=03&agreement=NONE");
      assertThat(none.getList("items.orgNumber")).containsExactly(org);
      assertThat(none.getMap("items[0].agreement"))
          .containsEntry("id", ended)
          .containsEntry("status", "ENDED")
          .containsEntry("endedOn", "2019-12-31");
      assertThat(orgs(token, "q=" + org + "&county=03&agreement=ACTIVE")).isEmpty();
    }
  }

  @Test
  @Order(11)
  void aNewActiveAgreementTakesThePlaceOfTheEndedOne() {
    String org = Fixtures.orgNumber();
    String ended = endedInOslo(org, "SIGNERER IGJEN AS", LocalDate.of(2020, 6, 30));
    assertThat(agreementShown(Tokens.adviser("03"), org, "03")).containsEntry("id", ended);

    Map<String, Object> again = Fixtures.agreement(org, "03");
    again.put("signedOn", "2021-01-04");
    String active = Api.register(again);
    Map<String, Object> shown = new java.util.HashMap<>();
    shown.put("id", active);
    shown.put("status", "ACTIVE");
    shown.put("contactPerson", null);
    shown.put("endedOn", null);
    assertThat(agreementShown(Tokens.adviser("03"), org, "03")).isEqualTo(shown);
    assertThat(orgs(Tokens.adviser("03"), "q=" + org + "&agreement=ACTIVE")).containsExactly(org);
    assertThat(orgs(Tokens.adviser("03"), "q=" + org + "&agreement=NONE")).isEmpty();
  }

  @Test
  @Order(11)
  void anEnterpriseNotYetInTheRegisterCopyHasAPageFromItsAgreementForItsCountyOnly() {
    // New in the register since the last import: its agreement was registered with its facts.
    String org = Fixtures.orgNumber();
    Map<String, Object> body = inOslo(org, "NYREGISTRERT AS", 17);
    body.put("contactPerson", "Z990002");
    String id = Api.register(body);
    Api.deliveryEvent("DeliveryRecorded", java.util.UUID.randomUUID(), 1, org, "03", "2024-05-01");
    await("the delivery seen")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "2024-05-01".equals(latestDelivery(Tokens.adviser("03"), org)));

    Map<String, Object> facts = new java.util.HashMap<>();
    facts.put("orgNumber", org);
    facts.put("name", "NYREGISTRERT AS");
    facts.put("organisationForm", null);
    facts.put("industry", null);
    facts.put("employees", 17);
    facts.put("municipality", null);
    facts.put("countyCode", "03");
    facts.put("deleted", false);
    facts.put("inRegister", false);
    for (String token : List.of(Tokens.adviser("03"), Tokens.coordinator())) {
      JsonPath page = Api.enterprise(token, org);
      assertThat(page.getMap("")).containsAllEntriesOf(facts);
      assertThat(page.getMap("agreement"))
          .containsEntry("id", id)
          .containsEntry("status", "ACTIVE")
          .containsEntry("contactPerson", "Z990002");
      assertThat(page.getString("latestDelivery.deliveredOn")).isEqualTo("2024-05-01");
    }
    // To another county's centre the page would tell that Oslo has an agreement with it: it is as
    // unknown as an org number nobody knows. The audit trail has the attempt all the same, a Deny
    // line naming the enterprise, where the org number nobody knows is no one's data to refuse.
    String unknown = Fixtures.orgNumber();
    try (LogLines audit = LogLines.of("auditLogger")) {
      Map<String, Object> notFound = problem(Tokens.adviser("46", "Z994662"), org);
      assertThat(notFound).containsEntry("code", "ENTERPRISE_NOT_FOUND");
      assertThat(notFound).isEqualTo(problem(Tokens.adviser("46", "Z994662"), unknown));
      assertThat(audit.lines)
          .filteredOn(l -> l.contains("suid=Z994662"))
          .singleElement()
          .satisfies(
              l ->
                  assertThat(l)
                      .contains("duid=" + org, "/api/v1/enterprises/" + org)
                      .endsWith("flexString1=Deny"));
    }
    assertThat(problem(Tokens.adviser("03"), Fixtures.orgNumber()))
        .containsEntry("code", "ENTERPRISE_NOT_FOUND");
    // The search is of the register copy.
    assertThat(orgs(Tokens.coordinator(), "q=" + org)).isEmpty();
  }

  @Test
  @Order(11)
  void anEnterpriseKnownOnlyThroughAgreementsHasThePageOfTheActiveOneElseTheOneThatEndedLast() {
    String org = Fixtures.orgNumber();
    String first = Api.register(inOslo(org, "GAMMELT NAVN AS", 42));
    Api.terminate(first, LocalDate.of(2015, 6, 30), "Slutt");
    Map<String, Object> second = inOslo(org, "NYTT NAVN AS", 9);
    second.put("signedOn", "2016-01-04");
    String last = Api.register(second);
    Api.terminate(last, LocalDate.of(2023, 12, 31), "Slutt");

    JsonPath page = Api.enterprise(Tokens.adviser("03"), org);
    assertThat(page.getString("name")).isEqualTo("NYTT NAVN AS");
    assertThat(page.getInt("employees")).isEqualTo(9);
    assertThat(page.getBoolean("inRegister")).isFalse();
    assertThat(page.getMap("agreement"))
        .containsEntry("id", last)
        .containsEntry("status", "ENDED")
        .containsEntry("endedOn", "2023-12-31");
    assertThat(problem(Tokens.adviser("46"), org)).containsEntry("code", "ENTERPRISE_NOT_FOUND");

    // An active agreement always wins.
    Map<String, Object> again = inOslo(org, "SIGNERT IGJEN AS", 11);
    again.put("signedOn", "2024-03-01");
    String active = Api.register(again);
    JsonPath signed = Api.enterprise(Tokens.adviser("03"), org);
    assertThat(signed.getString("name")).isEqualTo("SIGNERT IGJEN AS");
    assertThat(signed.getString("agreement.id")).isEqualTo(active);
    assertThat(signed.getString("agreement.status")).isEqualTo("ACTIVE");
  }

  @Test
  @Order(11)
  void aCentreFindsTheEnterpriseItsCountyKeptAnAgreementWithThoughAnotherCountyHasItNow() {
    // Not in the register copy: Hordaland's agreement (Vestland's now, 12 merged into 46) ended,
    // Oslo has the active one now.
    String org = Fixtures.orgNumber();
    Map<String, Object> vestland = Fixtures.agreement(org, "12");
    vestland.put("name", "FLYTTA AS");
    vestland.put("employees", 30);
    String ended = Api.register(vestland);
    Api.terminate(ended, LocalDate.of(2015, 6, 30), "Slutt");
    Map<String, Object> oslo = inOslo(org, "FLYTTA AS", 31);
    oslo.put("signedOn", "2016-01-04");
    String active = Api.register(oslo);

    JsonPath own = Api.enterprise(Tokens.adviser("46"), org);
    assertThat(own.getString("countyCode")).isEqualTo("12");
    assertThat(own.getString("agreement.id")).isEqualTo(ended);
    assertThat(own.getString("agreement.status")).isEqualTo("ENDED");
    assertThat(Api.enterprise(Tokens.adviser("03"), org).getString("agreement.id"))
        .isEqualTo(active);
    assertThat(Api.enterprise(Tokens.coordinator(), org).getString("agreement.id"))
        .isEqualTo(active);
  }

  @Test
  @Order(11)
  void onceInTheRegisterCopyTheEnterprisesPageShowsTheRegistersFacts() {
    String org = Fixtures.orgNumber();
    String id = Api.register(inOslo(org, "SKREVET AV SENTERET AS", 42));
    assertThat(Api.enterprise(Tokens.adviser("03"), org).getBoolean("inRegister")).isFalse();

    Fixtures.inTheRegister(org, "REGISTRERT NAVN AS", "03");
    JsonPath page = Api.enterprise(Tokens.adviser("03"), org);
    assertThat(page.getString("name")).isEqualTo("REGISTRERT NAVN AS");
    assertThat(page.getString("employees")).isNull();
    assertThat(page.getBoolean("inRegister")).isTrue();
    assertThat(page.getString("agreement.id")).isEqualTo(id);
    // Now another county's centre finds it in the register, without Oslo's records of it.
    JsonPath elsewhere = Api.enterprise(Tokens.adviser("46"), org);
    assertThat(elsewhere.getBoolean("inRegister")).isTrue();
    assertThat(elsewhere.getString("agreement")).isNull();
    assertThat(search(Tokens.coordinator(), "q=" + org).getBoolean("items[0].inRegister")).isTrue();
  }

  @Test
  @Order(11)
  void anOrgNumberAsPeopleWriteItFindsItsEnterpriseInWhateverCounty() {
    String org = Fixtures.orgNumber();
    Fixtures.inTheRegister(org, "LANGT BORTE AS", "46");
    String grouped = org.substring(0, 3) + " " + org.substring(3, 6) + "\u00a0" + org.substring(6);
    for (String q : List.of(org, grouped)) {
      // An adviser in Oslo, no county named: the org number names one enterprise wherever it is.
      assertThat(orgs(Tokens.adviser("03"), "q=" + q)).as(q).containsExactly(org);
    }
    // A county named is searched as asked.
    assertThat(orgs(Tokens.adviser("03"), "q=" + org + "&county=03")).isEmpty();
    // Whether it has an agreement is the county's own record: that filter stays in theirs.
    assertThat(orgs(Tokens.adviser("03"), "q=" + org + "&agreement=NONE")).isEmpty();
    // Not nine digits: name words, as before.
    assertThat(orgs(Tokens.adviser("03"), "q=" + org.substring(0, 8))).isEmpty();
  }

  @Test
  @Order(11)
  void theImportsAreListedNewestFirstForThoseWhoMayStartThem() {
    JsonPath list =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .get("/api/v1/enterprises/imports?size=2")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(list.getInt("size")).isEqualTo(2);
    assertThat(list.getLong("total")).isGreaterThanOrEqualTo(2);
    List<Long> ids = list.getList("items.id", Long.class);
    assertThat(ids).hasSize(2);
    assertThat(ids.get(0)).isGreaterThan(ids.get(1));
    assertThat(list.getString("items[0].status")).isNotNull();
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .get("/api/v1/enterprises/imports")
        .then()
        .statusCode(403);
  }

  @Test
  @Order(11)
  void namesOfTheSameLengthComeInNorwegianAlphabeticalOrder() {
    List<String> names =
        List.of("ÅRDAL QXTIE AS", "bakke QXTIE AS", "ØSTRE QXTIE AS", "ÆRLIG QXTIE AS");
    for (String name : names) {
      Fixtures.inTheRegister(Fixtures.orgNumber(), name, "03");
    }
    assertThat(search(Tokens.adviser("03"), "q=qxtie").getList("items.name", String.class))
        .containsExactly("bakke QXTIE AS", "ÆRLIG QXTIE AS", "ØSTRE QXTIE AS", "ÅRDAL QXTIE AS");
  }

  @Test
  @Order(11)
  void withoutNameWordsTheEnterprisesComeInNorwegianAlphabeticalOrder() {
    // Shortest name first is the best match of name words; browsing a county without any is a
    // list to read from A to Å (an adviser's review found "Ærlige ..." after "Tom Holding AS").
    List<String> names = List.of("Ærlige Åsmund Bygg AS", "Zeta AS", "Alfa Lang Navn Bygg AS");
    for (String name : names) {
      Fixtures.inTheRegister(Fixtures.orgNumber(), name, "56");
    }
    assertThat(search(Tokens.adviser("56"), "county=56").getList("items.name", String.class))
        .containsSubsequence("Alfa Lang Navn Bygg AS", "Zeta AS", "Ærlige Åsmund Bygg AS");
    assertThat(search(Tokens.adviser("56"), "q=as&county=56").getList("items.name", String.class))
        .startsWith("Zeta AS");
  }

  @Test
  @Order(11)
  void ofTwoDeliveriesOnTheLatestDayThePageShowsTheOneRecordedLast() {
    String org = Fixtures.orgNumber();
    Api.register(inOslo(org, "SAMME DAG AS", 12));
    // The first recorded has the lower id: an order by id alone shows it.
    recorded(low(), org, "RECRUITMENT", "2024-06-03T08:00:00Z");
    recorded(high(), org, "SENIOR_LIFE_PHASE", "2024-06-03T13:30:00Z");
    await("both deliveries seen")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                "SENIOR_LIFE_PHASE"
                    .equals(
                        Api.enterprise(Tokens.adviser("03"), org)
                            .getString("latestDelivery.service")));
    // Recorded in the other order, the other is the latest.
    String other = Fixtures.orgNumber();
    Api.register(inOslo(other, "ANNEN DAG AS", 12));
    recorded(high(), other, "SENIOR_LIFE_PHASE", "2024-06-03T08:00:00Z");
    recorded(low(), other, "RECRUITMENT", "2024-06-03T13:30:00Z");
    await("both deliveries seen")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                "RECRUITMENT"
                    .equals(
                        Api.enterprise(Tokens.adviser("03"), other)
                            .getString("latestDelivery.service")));
  }

  /** A delivery id that sorts before every random one. */
  private static java.util.UUID low() {
    return new java.util.UUID(0, java.util.UUID.randomUUID().getLeastSignificantBits());
  }

  /** A delivery id that sorts after every random one. */
  private static java.util.UUID high() {
    return new java.util.UUID(-1, java.util.UUID.randomUUID().getLeastSignificantBits());
  }

  /** A DeliveryRecorded event of the enterprise on 3 June 2024, recorded at the moment given. */
  private static void recorded(java.util.UUID id, String org, String service, String at) {
    ObjectNode e = no.nav.ia.test.EventSamples.sample("DeliveryRecorded");
    e.put("eventId", java.util.UUID.randomUUID().toString());
    e.put("occurredAt", at);
    ObjectNode p = (ObjectNode) e.get("payload");
    p.put("deliveryId", id.toString());
    ((ObjectNode) p.get("delivery"))
        .put("orgNumber", org)
        .put("countyCode", "03")
        .put("deliveredOn", "2024-06-03")
        .put("service", service);
    no.nav.ia.test.TestKafka.send(
        "ia.delivery-events-v1", org, no.nav.ia.test.EventSamples.write(e));
  }

  @Test
  @Order(12)
  void anActiveAgreementFollowsTheRegistersNewNameAndSizeUnlessTheCentreMadeThemItsOwn()
      throws Exception {
    // After the Order 11 tests: this class's last imports. Their files are too small to be trusted
    // to say what is gone, so the enterprises written straight into the copy stay.
    String follows = Fixtures.orgNumber();
    String corrected = Fixtures.orgNumber();
    String ended = Fixtures.orgNumber();
    ArrayNode file = later();
    file.add(entity(follows, "LUNDE BAKERI AS", "10.710", 20, "0301"));
    file.add(entity(corrected, "VIK MEKANISKE AS", "25.620", 30, "0301"));
    file.add(entity(ended, "SLUTT REGNSKAP AS", "69.201", 10, "0301"));
    assertThat(importOf(write("enheter-follow-1-" + AERLIG + ".json.gz", file)).getString("status"))
        .isEqualTo("DONE");
    Map<String, Object> fromRegister = new java.util.HashMap<>();
    fromRegister.put("signedOn", "2024-05-02");
    fromRegister.put("orgNumber", follows);
    String followsId = Api.register(fromRegister);
    fromRegister.put("orgNumber", corrected);
    String correctedId = Api.register(fromRegister);
    fromRegister.put("orgNumber", ended);
    String endedId = Api.register(fromRegister);
    Api.terminate(endedId, LocalDate.of(2024, 12, 31), "Slutt");
    // The centre writes the name its own way.
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(Map.of("name", "Vik Mekaniske Verksted"))
        .patch("/api/v1/agreements/" + correctedId)
        .then()
        .statusCode(200);

    ArrayNode next = later();
    next.add(entity(follows, "LUNDE BAKERI OG KONDITORI AS", "10.710", 25, "0301"));
    next.add(entity(corrected, "VIK MEKANISKE VERKSTED AS", "25.620", 35, "0301"));
    next.add(entity(ended, "SLUTT OG FERDIG REGNSKAP AS", "69.201", 12, "0301"));
    String callId = "import-" + AERLIG;
    JsonPath done = importOf(write("enheter-follow-2-" + AERLIG + ".json.gz", next), callId);
    assertThat(done.getString("status")).isEqualTo("DONE");
    assertThat(done.getInt("updated")).isEqualTo(3);
    assertThat(done.getInt("agreementsUpdated")).isEqualTo(2);

    JsonPath followed = Api.agreement(Tokens.adviser("03"), followsId);
    assertThat(followed.getString("name")).isEqualTo("LUNDE BAKERI OG KONDITORI AS");
    assertThat(followed.getInt("employees")).isEqualTo(25);
    assertThat(followed.getLong("version")).isEqualTo(1);
    assertThat(Api.history(followsId))
        .last()
        .satisfies(
            v -> {
              assertThat(v.get("action")).isEqualTo("EDITED");
              assertThat(v.get("changedBy")).isEqualTo("enhetsregisteret");
              assertThat(v.get("name")).isEqualTo("LUNDE BAKERI OG KONDITORI AS");
            });
    // The working lists find it by its new name.
    assertThat(
            Api.get(Tokens.adviser("03"), "/api/v1/agreements?county=03&q=konditori")
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id"))
        .containsExactly(followsId);
    // The centre's own name stays; the size it had from the register follows.
    JsonPath own = Api.agreement(Tokens.adviser("03"), correctedId);
    assertThat(own.getString("name")).isEqualTo("Vik Mekaniske Verksted");
    assertThat(own.getInt("employees")).isEqualTo(35);
    // An ended agreement is history.
    assertThat(Api.agreement(Tokens.coordinator(), endedId).getString("name"))
        .isEqualTo("SLUTT REGNSKAP AS");
    assertThat(
            count(
                "select count(*) from outbox_event where event_type = 'AgreementCorrected'"
                    + " and event_key in (?1, ?2, ?3)",
                follows,
                corrected,
                ended))
        .as("the centre's correction, and one for each agreement that followed")
        .isEqualTo(3);
    // The import's call id is on the events and audit rows of what it corrected, and the events
    // say the register corrected them.
    assertThat(
            count(
                "select count(*) from outbox_event where event_type = 'AgreementCorrected'"
                    + " and event_key in (?1, ?2) and call_id = ?3"
                    + " and envelope::jsonb -> 'payload' ->> 'correctedBy' = 'enhetsregisteret'",
                follows,
                corrected,
                callId))
        .isEqualTo(2);
    assertThat(
            count(
                "select count(*) from audit_event where org_number in (?1, ?2) and call_id = ?3"
                    + " and detail = 'from the register copy'",
                follows,
                corrected,
                callId))
        .isEqualTo(2);

    // The same file again: nothing changed in the register, so nothing follows.
    JsonPath again = importOf(write("enheter-follow-3-" + AERLIG + ".json.gz", next));
    assertThat(again.getInt("updated")).isZero();
    assertThat(again.getInt("agreementsUpdated")).isZero();
    assertThat(Api.agreement(Tokens.adviser("03"), followsId).getLong("version")).isEqualTo(1);
  }

  /**
   * A review's renames the import had counted unchanged ("AS" to "B4" kept a 64-bit hash of the
   * fields) and a name with a line break and a tab, which an agreement following it could not have
   * been edited back to.
   */
  @Test
  @Order(13)
  void everyRenameIsWrittenAndFollowedAndANameStaysOneLine() throws Exception {
    String trykk = Fixtures.orgNumber();
    String data = Fixtures.orgNumber();
    ArrayNode file = later();
    file.add(entity(trykk, "MEDIA TRYKKERI HAMAR AS", "18.120", 12, "0301"));
    file.add(entity(data, "MIDT DATA AS", "62.010", 8, "0301"));
    assertThat(importOf(write("enheter-rename-1-" + AERLIG + ".json.gz", file)).getString("status"))
        .isEqualTo("DONE");
    Map<String, Object> fromRegister = new java.util.HashMap<>();
    fromRegister.put("signedOn", "2024-05-02");
    fromRegister.put("orgNumber", trykk);
    String trykkId = Api.register(fromRegister);
    fromRegister.put("orgNumber", data);
    String dataId = Api.register(fromRegister);

    ArrayNode next = later();
    next.add(entity(trykk, "MEDIA TRYKKERI HAMAR B4", "18.120", 12, "0301"));
    next.add(entity(data, "MIDT DATA\nGJØVIK\tOG TOTEN AS", "62.010", 8, "0301"));
    JsonPath done = importOf(write("enheter-rename-2-" + AERLIG + ".json.gz", next));
    assertThat(done.getInt("updated")).isEqualTo(2);
    assertThat(done.getInt("agreementsUpdated")).isEqualTo(2);
    assertThat(Api.enterprise(Tokens.adviser("03"), trykk).getString("name"))
        .isEqualTo("MEDIA TRYKKERI HAMAR B4");
    assertThat(Api.agreement(Tokens.adviser("03"), trykkId).getString("name"))
        .isEqualTo("MEDIA TRYKKERI HAMAR B4");
    JsonPath oneLine = Api.agreement(Tokens.adviser("03"), dataId);
    assertThat(oneLine.getString("name")).isEqualTo("MIDT DATA GJØVIK OG TOTEN AS");
    // The name as the agreement has it can be sent back.
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"" + oneLine.getLong("version") + "\"")
        .body(Map.of("name", oneLine.getString("name"), "employees", 9))
        .patch("/api/v1/agreements/" + dataId)
        .then()
        .statusCode(200);
  }

  /**
   * An agreement signed while the enterprise was in the register is the centre's record, keyed in
   * late: an adviser's review could not record one signed a year before the register's deletion,
   * and neither the refusal nor the enterprise's page said when it was deleted.
   */
  @Test
  @Order(14)
  void anAgreementSignedBeforeTheRegistersDeletionIsRegisteredAndTheDayIsShown() throws Exception {
    String closed = Fixtures.orgNumber();
    ArrayNode file = later();
    ObjectNode entity = entity(closed, "LAGT NED TRANSPORT AS", "49.410", 6, "0301");
    entity.put("slettedato", "2025-06-30");
    file.add(entity);
    assertThat(importOf(write("enheter-deleted-" + AERLIG + ".json.gz", file)).getString("status"))
        .isEqualTo("DONE");
    assertThat(Api.enterprise(Tokens.adviser("03"), closed).getString("deletedOn"))
        .isEqualTo("2025-06-30");

    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .body(Map.of("orgNumber", closed, "signedOn", "2025-07-01"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(422)
        .body("code", equalTo("ENTERPRISE_DELETED"))
        .body("detail", containsString("deleted on 2025-06-30"));
    String id =
        given()
            .auth()
            .oauth2(Tokens.adviser("03"))
            .contentType(ContentType.JSON)
            .body(Map.of("orgNumber", closed, "signedOn", "2025-01-02"))
            .post("/api/v1/agreements")
            .then()
            .statusCode(201)
            .body("name", equalTo("LAGT NED TRANSPORT AS"))
            .extract()
            .path("id");
    // It is on the working list of agreements to end.
    assertThat(Api.agreement(Tokens.adviser("03"), id).getString("enterpriseDeletedOn"))
        .isEqualTo("2025-06-30");
  }

  /**
   * A name's words split by a hyphen or an apostrophe are found joined too, as an adviser types
   * them (a review: "sjomat" did not find "Sjø-Mat", nor "ohara" "O'Hara"), in the register and in
   * the working lists; a name indexed by an older release is indexed again by the next import.
   */
  @Test
  @Order(15)
  void wordsSplitByPunctuationAreFoundJoinedAndAnOlderIndexIsRenewedByTheNextImport()
      throws Exception {
    String sjomat = Fixtures.orgNumber();
    String ohara = Fixtures.orgNumber();
    ArrayNode file = later();
    file.add(entity(sjomat, "SJØ-MAT AS", "10.200", 7, "0301"));
    file.add(entity(ohara, "O'HARA BYGG A/S", "41.200", 9, "0301"));
    String name = "enheter-joined-" + AERLIG + ".json.gz";
    assertThat(importOf(write(name, file)).getString("status")).isEqualTo("DONE");
    String adviser = Tokens.adviser("03");
    for (String q : List.of("sjomat", "sjoemat", "sjømat", "sjø-mat", "sjø mat", "mat", "SJØM")) {
      assertThat(orgs(adviser, "q=" + q)).as(q).containsExactly(sjomat);
    }
    for (String q : List.of("ohara", "o'hara", "hara bygg", "ohara as")) {
      assertThat(orgs(adviser, "q=" + q)).as(q).containsExactly(ohara);
    }
    // The agreement's working list finds it so too.
    Map<String, Object> fromRegister = new java.util.HashMap<>();
    fromRegister.put("signedOn", "2024-05-02");
    fromRegister.put("orgNumber", sjomat);
    String id = Api.register(fromRegister);
    assertThat(
            given()
                .auth()
                .oauth2(adviser)
                .get("/api/v1/agreements?q=sjomat")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class))
        .contains(id);

    // As an older release indexed it: the words only. The same file again writes it anew.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update enterprise set search_words = 'o hara bygg a s' where org_number = ?1")
                    .setParameter(1, ohara)
                    .executeUpdate());
    assertThat(orgs(adviser, "q=ohara")).isEmpty();
    JsonPath again = importOf(write(name, file));
    assertThat(again.getInt("updated")).isEqualTo(1);
    assertThat(orgs(adviser, "q=ohara")).containsExactly(ohara);
    assertThat(importOf(write(name, file)).getInt("updated")).isZero();
  }

  private long count(String sql, Object... params) {
    return Api.count(em, sql, params);
  }

  /** An agreement of Oslo (signed 2011-03-01) with the enterprise's name and size given. */
  static Map<String, Object> inOslo(String org, String name, int employees) {
    Map<String, Object> body = Fixtures.agreement(org, "03");
    body.put("name", name);
    body.put("employees", employees);
    return body;
  }

  /** The problem the token's caller is answered for an enterprise's page, without its call id. */
  static Map<String, Object> problem(String token, String org) {
    Map<String, Object> problem =
        new java.util.HashMap<>(
            given()
                .auth()
                .oauth2(token)
                .get("/api/v1/enterprises/" + org)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .jsonPath()
                .getMap(""));
    problem.remove("callId");
    return problem;
  }

  /**
   * An enterprise of Oslo in the register copy with an agreement (signed 2011-03-01) that ended on
   * the day; returns the agreement's id.
   */
  static String endedInOslo(String org, String name, LocalDate endedOn) {
    Fixtures.inTheRegister(org, name, "03");
    String ended = Api.register(Fixtures.agreement(org, "03"));
    Api.terminate(ended, endedOn, "Slutt");
    return ended;
  }

  /**
   * The agreement the enterprise's page shows the token's caller, after asserting that its item in
   * a search of the county shows the same.
   */
  static Map<String, Object> agreementShown(String token, String org, String county) {
    Map<String, Object> onPage = Api.enterprise(token, org).getMap("agreement");
    JsonPath found = search(token, "q=" + org + "&county=" + county);
    assertThat(found.getList("items.orgNumber")).containsExactly(org);
    assertThat(found.getMap("items[0].agreement")).as("the search item").isEqualTo(onPage);
    return onPage;
  }

  /** The place of an org number's first entry in the file. */
  static int indexOf(ArrayNode file, String orgNumber) {
    for (int i = 0; i < file.size(); i++) {
      if (orgNumber.equals(file.get(i).path("organisasjonsnummer").asText())) {
        return i;
      }
    }
    throw new IllegalArgumentException(orgNumber + " is not in the file");
  }
}
