package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.test.Infra;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.RawHttp;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class AgreementResourceTest {

  @jakarta.inject.Inject javax.sql.DataSource dataSource;

  @Test
  void registersAnAgreementAndReturnsItWithLocation() {
    String org = Fixtures.orgNumber();
    var created =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .contentType(ContentType.JSON)
            .body(Fixtures.agreement(org, "03"))
            .post("/api/v1/agreements")
            .then()
            .statusCode(201)
            .body("orgNumber", equalTo(org))
            .body("status", equalTo("ACTIVE"))
            .body("countyCode", equalTo("03"))
            .body("id", notNullValue())
            .extract();
    // The answer shows the moment as it is stored: every later read shows the same createdAt.
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .body("orgNumber", equalTo(org))
        .body("createdAt", equalTo(created.path("createdAt")));
  }

  @ParameterizedTest
  @MethodSource("countyClaimsThatAreNoCounty")
  void anAdviserWhoseCountyClaimIsNoCountyCodeIsRefusedNotServedAnEmptyList(Object county) {
    String token =
        Tokens.issue(
            "Z990077",
            Map.of("roles", List.of("adviser"), "NAVident", "Z990077", "county", county),
            Infra.AUDIENCE,
            600);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/agreements")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/agreements?county=03")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("FORBIDDEN_COUNTY"));
  }

  @Test
  void aListingFilteredByACodeThatWasNeverACountyIs400NotEmpty() {
    for (String token : List.of(Tokens.coordinator(), Tokens.adviser("03"))) {
      given()
          .auth()
          .oauth2(token)
          .get("/api/v1/agreements?county=99")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("county"));
    }
  }

  static List<Object> countyClaimsThatAreNoCounty() {
    return List.of(3, "3", "003", "99", "Oslo", List.of("03"));
  }

  @Test
  void aNameOrSearchWithTheNulCharacterIsA400AndNothingIsStored() {
    String org = Fixtures.orgNumber();
    Map<String, Object> body = new java.util.HashMap<>(Fixtures.agreement(org, "03"));
    body.put("name", "Bedrift\u0000 AS");
    Api.post(body)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("name")));
    Api.register(Fixtures.agreement(org, "03"));
    // A working list's name words, in the URL.
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .urlEncodingEnabled(false)
        .get("/api/v1/agreements?q=Bedrift%00")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("q")));
  }

  @Test
  void aPathWithParametersIsA400AndChangesNothing() {
    // The REST layer would drop ";..." and serve the agreement, while the audit trail recorded the
    // path as sent: the client's text, an identity number too, in an audit record.
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    for (String path : List.of(id + ";01019010046", id + "%3B01019010046", id + ";")) {
      given()
          .auth()
          .oauth2(Tokens.coordinator())
          .urlEncodingEnabled(false)
          .get("/api/v1/agreements/" + path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", equalTo(List.of("path")));
    }
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .urlEncodingEnabled(false)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(Map.of("employees", 4242))
        .patch("/api/v1/agreements/" + id + ";x")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/agreements/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(0))
        .body("employees", org.hamcrest.Matchers.not(equalTo(4242)));
    // A semicolon in the query is a value like any other.
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .queryParam("q", "a;b")
        .get("/api/v1/agreements")
        .then()
        .statusCode(200);
  }

  @Test
  void aNulCharacterUnderAParameterNameThatIsNoNameIsReportedAsTheQuery() {
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .urlEncodingEnabled(false)
        .get("/api/v1/agreements?01019010046=%00")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("query")))
        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("01019010046")));
  }

  @Test
  void aRegistrationWithoutAHostIsA400ProblemAndNothingIsStored() throws Exception {
    // HTTP/1.0 allows a request without Host; its Location could not be built, so the agreement
    // used to be committed and answered with a 500.
    String org = Fixtures.orgNumber();
    byte[] body =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsBytes(Fixtures.agreement(org, "03"));
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      RawHttp.Answer answer =
          http.headWithoutHost(
                  "POST /api/v1/agreements HTTP/1.0",
                  "Authorization: Bearer " + Tokens.coordinator(),
                  "Content-Type: application/json",
                  "Content-Length: " + body.length)
              .body(body)
              .answer();
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(answer.body()).contains("\"code\":\"BAD_REQUEST\"", "Host header");
      assertThat(answer.header("Nav-Call-Id")).isNotBlank();
    }
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      RawHttp.Answer answer =
          http.headWithoutHost(
                  "GET /api/v1/agreements HTTP/1.1",
                  "Authorization: Bearer " + Tokens.coordinator(),
                  "Connection: close")
              .answer();
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(answer.body()).contains("\"code\":\"BAD_REQUEST\"", "Host header");
    }
    // Nothing was stored: the same enterprise registers now.
    Api.register(Fixtures.agreement(org, "03"));
  }

  @Test
  void aNameOrReasonHoldingAnIdentityNumberInAnyWrittenFormIsRefusedAndNothingIsStored() {
    String org = Fixtures.orgNumber();
    Map<String, Object> body = new java.util.HashMap<>(Fixtures.agreement(org, "03"));
    body.put("name", "Kontakt 01.01.90 10046");
    Api.post(body)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("name"))
        .body(not(containsString("10046")));
    // Nothing was stored: the same enterprise registers now (a stored agreement would make this
    // 409).
    String id = Api.register(Fixtures.agreement(org, "03"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("endedOn", "2013-01-01", "reason", "Daglig leder 010190/10046 sluttet"))
        .post("/api/v1/agreements/" + id + "/termination")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("reason"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/agreements/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));
  }

  @Test
  void registrationsOfOneEnterpriseAtTheSameMomentAreOne201AndTheRestNameIt() throws Exception {
    for (int round = 0; round < 3; round++) {
      Map<String, Object> body = Fixtures.agreement(Fixtures.orgNumber(), "03");
      var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
      try {
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<io.restassured.response.Response>> answers =
            new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return given()
                        .auth()
                        .oauth2(Tokens.coordinator())
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/agreements");
                  }));
        }
        start.countDown();
        List<io.restassured.response.Response> all = new java.util.ArrayList<>();
        for (var answer : answers) {
          all.add(answer.get());
        }
        List<String> created =
            all.stream()
                .filter(r -> r.statusCode() == 201)
                .map(r -> r.path("id").toString())
                .toList();
        assertThat(created).hasSize(1);
        for (var r : all) {
          if (r.statusCode() != 201) {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
            assertThat(r.path("detail").toString()).as("names it").contains(created.get(0));
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void concurrentChangesOfOneAgreementAreServedOrRefusedWith409NeverA500() throws Exception {
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    String adviser = Tokens.adviser("03");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<io.restassured.response.Response>> answers =
          new java.util.ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String navIdent = String.format("Z99%04d", 5100 + i);
        answers.add(
            pool.submit(
                () ->
                    given()
                        .auth()
                        .oauth2(adviser)
                        .contentType(ContentType.JSON)
                        .body(Map.of("navIdent", navIdent))
                        .put("/api/v1/agreements/" + id + "/contact-person")));
      }
      int served = 0;
      for (var answer : answers) {
        io.restassured.response.Response r = answer.get();
        assertThat(r.statusCode()).as(r.asString()).isIn(200, 409);
        if (r.statusCode() == 409) {
          r.then()
              .contentType("application/problem+json")
              .body("code", equalTo("CONCURRENT_UPDATE"));
        } else {
          served++;
        }
      }
      assertThat(served).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsASecondActiveAgreementForTheSameEnterpriseNamingTheFirstToThoseWhoMayReadIt() {
    String enterprise = Fixtures.orgNumber();
    String first = Api.register(Fixtures.agreement(enterprise, "03"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Fixtures.agreement(enterprise, "03"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("AGREEMENT_EXISTS"))
        .body("detail", org.hamcrest.Matchers.containsString(first))
        .body("existing", equalTo("/api/v1/agreements/" + first));
    // An adviser of another county registering it there is not told another county's record.
    given()
        .auth()
        .oauth2(Tokens.adviser("15"))
        .contentType(ContentType.JSON)
        .body(Fixtures.agreement(enterprise, "15"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(409)
        .body("code", equalTo("AGREEMENT_EXISTS"))
        .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(first)))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("existing")));
  }

  @Test
  void rejectsAWrongCheckDigitWithAFieldErrorThatDoesNotEchoTheValue() {
    Map<String, Object> body = Fixtures.agreement("974760674", "03");
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/agreements")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.field", hasItem("orgNumber"))
        .body(org.hamcrest.Matchers.not(containsString("974760674")));
  }

  @Test
  void rejectsACountyThatDidNotExistOnTheSigningDate() {
    Map<String, Object> body = Fixtures.agreement(Fixtures.orgNumber(), "50");
    body.put("signedOn", "2012-01-01");
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/agreements")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("countyCode"));
  }

  @Test
  void rejectsNegativeEmployeesAndMalformedJson() {
    Map<String, Object> body = Fixtures.agreement(Fixtures.orgNumber(), "03");
    body.put("employees", -1);
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/agreements")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("employees"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body("{\"orgNumber\": ")
        .post("/api/v1/agreements")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("MALFORMED_BODY"));
  }

  @Test
  void requiresATokenAndTheRightRole() {
    given()
        .contentType(ContentType.JSON)
        .body(Fixtures.agreement(Fixtures.orgNumber(), "03"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("Nav-Call-Id", notNullValue());
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .body(Fixtures.agreement(Fixtures.orgNumber(), "12"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void echoesTheCallIdOnResponsesAndProblems() {
    given()
        .header("Nav-Call-Id", "test-call-123")
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/agreements/00000000-0000-0000-0000-000000000000")
        .then()
        .statusCode(404)
        .header("Nav-Call-Id", "test-call-123")
        .body("code", equalTo("AGREEMENT_NOT_FOUND"))
        .body("callId", equalTo("test-call-123"));
  }

  @Test
  void servesTheCountiesValidOnADate() {
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .get("/api/v1/counties?date=2016-06-01")
        .then()
        .statusCode(200)
        .body("code", hasItem("16"))
        .body("code", org.hamcrest.Matchers.not(hasItem("50")))
        .body("size()", equalTo(19));
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .get("/api/v1/counties?date=2024-01-01")
        .then()
        .statusCode(200)
        .body("size()", equalTo(15));
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .get("/api/v1/counties?date=not-a-date")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("date"));
  }

  @Test
  void theOpenApiDocumentListsEveryEndpointWithItsErrorResponses() {
    io.restassured.path.json.JsonPath doc =
        given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    assertThat(doc.getMap("paths"))
        .containsKeys(
            "/api/v1/counties",
            "/api/v1/regions",
            "/api/v1/agreements",
            "/api/v1/agreements/{id}",
            "/api/v1/agreements/{id}/contact-person",
            "/api/v1/agreements/{id}/termination",
            "/api/v1/resigning-campaigns",
            "/api/v1/resigning-campaigns/{id}/agreements/{agreementId}/status",
            "/api/v1/resigning-campaigns/{id}/progress",
            "/api/v1/resigning-campaigns/{id}/reminders");
    assertThat(doc.getMap("paths.'/api/v1/agreements'.post.responses"))
        .containsKeys("201", "400", "409");
    assertThat(
            doc.getMap(
                "paths.'/api/v1/resigning-campaigns/{id}/agreements/{agreementId}/status'.post.responses"))
        .containsKeys("200", "400", "403", "404", "422");
  }

  @Test
  void servesTheElevenRegionsOfTheProposal() {
    given()
        .auth()
        .oauth2(Tokens.manager("03"))
        .get("/api/v1/regions")
        .then()
        .statusCode(200)
        .body("size()", equalTo(11))
        .body(
            "find { it.code == 'nord-og-sor-trondelag' }.counties",
            equalTo(java.util.List.of("16", "17")));
    given()
        .auth()
        .oauth2(Tokens.manager("03"))
        .get("/api/v1/regions?grouping=nope")
        .then()
        .statusCode(404)
        .body("code", equalTo("GROUPING_NOT_FOUND"));
  }

  @Test
  void theSameEnterpriseRegisteredAtTheSameMomentIsOneAgreementAndConflictsNeverAServerError()
      throws Exception {
    String org = Fixtures.orgNumber();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            pool.submit(() -> Api.post(Fixtures.agreement(org, "03")).extract().statusCode()));
      }
      List<Integer> codes = new java.util.ArrayList<>();
      for (var answer : answers) {
        codes.add(answer.get());
      }
      assertThat(codes).containsOnly(201, 409);
      assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aNewAgreementCannotStartInsideThePeriodOfTheEnterprisesEndedOne() {
    String org = Fixtures.orgNumber();
    String first = Api.register(Fixtures.agreement(org, "03"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("endedOn", "2015-01-01", "reason", "Flyttet"))
        .post("/api/v1/agreements/" + first + "/termination")
        .then()
        .statusCode(200);
    Map<String, Object> overlapping = Fixtures.agreement(org, "03");
    overlapping.put("signedOn", "2015-01-01");
    Api.post(overlapping)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("AGREEMENT_PERIODS_OVERLAP"));
    Map<String, Object> after = Fixtures.agreement(org, "03");
    after.put("signedOn", "2015-01-02");
    Api.post(after).statusCode(201);
  }

  @Test
  void aFractionOfAnEmployeeOrANumberForANameIsRefusedAndNothingIsStored() {
    String org = Fixtures.orgNumber();
    Map<String, Object> fraction = Fixtures.agreement(org, "03");
    fraction.put("employees", 1.5);
    Api.post(fraction)
        .statusCode(400)
        .body("code", equalTo("MALFORMED_BODY"))
        .body("detail", equalTo("The body does not fit this request (see errors)"))
        .body("errors.field", hasItem("employees"));
    Map<String, Object> numberName = Fixtures.agreement(org, "03");
    numberName.put("name", 5);
    Api.post(numberName).statusCode(400).body("errors.field", hasItem("name"));
    noneStoredFor(org);
  }

  @Test
  void aBodyWithAnythingAfterItsJsonATextNumberOrADateWithATimeIsRefusedAndChangesNothing() {
    String org = Fixtures.orgNumber();
    String valid =
        "{\"orgNumber\":\""
            + org
            + "\",\"name\":\"Halen AS\",\"countyCode\":\"03\",\"employees\":12,"
            + "\"signedOn\":\"2011-03-01\"}";
    // Before, the first value was stored and the rest ignored: 201.
    for (String body : List.of(valid + " garbage", valid + " {\"employees\":99}")) {
      Api.postJson(body)
          .statusCode(400)
          .contentType("application/problem+json")
          .body("code", equalTo("MALFORMED_BODY"))
          .body("errors[0].field", equalTo("body"));
    }
    Api.postJson(valid + "]")
        .statusCode(400)
        .body("code", equalTo("MALFORMED_BODY"))
        .body("detail", equalTo("The body is not well-formed JSON"));
    for (String[] wrong :
        List.of(
            new String[] {"\"employees\":12", "\"employees\":\"12\"", "employees"},
            new String[] {
              "\"signedOn\":\"2011-03-01\"", "\"signedOn\":\"2011-03-01T23:30:00\"", "signedOn"
            })) {
      Api.postJson(valid.replace(wrong[0], wrong[1]))
          .statusCode(400)
          .body("errors.field", hasItem(wrong[2]));
    }
    noneStoredFor(org);

    String id = Api.register(Fixtures.agreement(org, "03"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body("{\"employees\":22} {\"employees\":99}")
        .patch("/api/v1/agreements/" + id)
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_BODY"));
    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + id)
        .statusCode(200)
        .header("ETag", "W/\"0\"")
        .body("employees", equalTo(42));
  }

  /** No agreement of the enterprise was stored (a refused request changed nothing). */
  private static void noneStoredFor(String org) {
    Api.get(Tokens.coordinator(), "/api/v1/agreements?orgNumber=" + org)
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @Test
  void aTerminationsReasonIsOneLineAndNotTheOneACampaignsClosingGives() {
    // NOT_RESIGNED by hand read exactly like a closing's outcome; a bell stayed in the reason.
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    for (String reason :
        List.of(
            "NOT_RESIGNED",
            " not resigned ",
            "NOT-RESIGNED.",
            "Not  resigned",
            "Linje1\nLinje2",
            "Slutt\u0007",
            "Slutt\u2028")) {
      given()
          .auth()
          .oauth2(Tokens.coordinator())
          .contentType(ContentType.JSON)
          .body(Map.of("endedOn", "2013-06-30", "reason", reason))
          .post("/api/v1/agreements/" + id + "/termination")
          .then()
          .statusCode(400)
          .body("errors.field", hasItem("reason"));
    }
    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + id)
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));
    Api.terminate(id, LocalDate.of(2013, 6, 30), "Ikke re-signert, lagt ned");
  }

  @Test
  void aNameOfInvisibleCharactersOrWithDirectionMarksIsRefused() {
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    for (String name :
        List.of(
            "\u200b\u200b",
            "\u00a0\u00a0",
            "\u2060",
            "\u3000",
            "Bygg \u202eSA gnalagoR",
            // A re-check's: blank letters, a direction mark, a zero-width space before the name.
            "\u2800",
            "\u3164\u3164",
            "\u034f",
            "Firma \u200eAS",
            "\u200b Firma AS")) {
      given()
          .auth()
          .oauth2(Tokens.coordinator())
          .contentType(ContentType.JSON)
          .header("If-Match", "\"0\"")
          .body(Map.of("name", name))
          .patch("/api/v1/agreements/" + id)
          .then()
          .statusCode(400)
          .body("errors.field", hasItem("name"));
    }
    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + id)
        .statusCode(200)
        .body("name", equalTo("Testbedrift AS"))
        .body("version", equalTo(0));
  }

  @Test
  void aNameAsLongAsTheRegisterKeepsIsTakenAndEditedBackUnchanged() {
    // The register keeps names of up to 500 characters and an agreement registered from it took
    // one; its own PATCH with the same name was refused (at most 200).
    Map<String, Object> body = Fixtures.agreement(Fixtures.orgNumber(), "03");
    String longName = "Langt Navn AS ".repeat(35).strip() + "x".repeat(500 - 489);
    assertThat(longName).hasSize(500);
    body.put("name", longName);
    String id = Api.register(body);
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(Map.of("name", longName))
        .patch("/api/v1/agreements/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(0));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(Map.of("name", longName + "x"))
        .patch("/api/v1/agreements/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("name"));
  }

  @Test
  void aPastedNamesNoBreakSpacesAroundItGoAndItSortsUnderItsFirstLetter() {
    // A review's "\u00a0Kantmellomrom AS\u00a0" was kept so and listed before every other name.
    Map<String, Object> body = Fixtures.agreement(Fixtures.orgNumber(), "03");
    body.put("name", "\u00a0Qxkant Mellomrom AS\u202f");
    String id = Api.register(body);
    assertThat(Api.agreement(Tokens.coordinator(), id).getString("name"))
        .isEqualTo("Qxkant Mellomrom AS");
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(Map.of("name", "\u00a0Qxkant Mellomrom AS\u00a0"))
        .patch("/api/v1/agreements/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Qxkant Mellomrom AS"))
        .body("version", equalTo(0));
  }

  @Test
  void theSameTerminationSentTwiceAtOnceIsARetryToo() throws Exception {
    // A system retrying while its first request is still running: the later of the two was 409.
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    assertThat(
            twoAtOnce(
                id,
                "POST",
                "/termination",
                Map.of("endedOn", "2014-03-31", "reason", "Sammenslått")))
        .containsExactly(200, 200);
    assertThat(Api.history(id)).hasSize(2);
  }

  @Test
  void theSameContactPersonAssignedTwiceAtOnceIsARetryToo() throws Exception {
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    assertThat(twoAtOnce(id, "PUT", "/contact-person", Map.of("navIdent", "Z990031")))
        .containsExactly(200, 200);
    assertThat(Api.history(id)).hasSize(2);
  }

  /**
   * The answers of two coordinators' requests to the agreement's {@code path} that both read it
   * before either could write it: its row is held by another transaction until both have had a
   * second to get there.
   */
  private List<Integer> twoAtOnce(
      String agreement, String method, String path, Map<String, Object> body) throws Exception {
    java.util.concurrent.Callable<Integer> request =
        () ->
            given()
                .auth()
                .oauth2(Tokens.coordinator())
                .contentType(ContentType.JSON)
                .body(body)
                .request(method, "/api/v1/agreements/" + agreement + path)
                .then()
                .extract()
                .statusCode();
    return HeldRow.answers(
        dataSource,
        "select 1 from agreement where id = '" + agreement + "' for update",
        List.of(request, request));
  }

  @Test
  void anAdviserEndingAnAgreementIsToldWhoseRoleItIs() {
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .body(Map.of("endedOn", "2013-06-30", "reason", "Virksomheten er lagt ned"))
        .post("/api/v1/agreements/" + id + "/termination")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("FORBIDDEN"))
        .body(
            "detail",
            equalTo("Your roles do not allow this; it takes the role manager or coordinator"));
    // A person's token without a valid NAV-ident has no role: it is told so, not that the operation
    // takes the role it names.
    String noIdent =
        Tokens.issue(
            "no-ident",
            Map.of("roles", List.of("adviser"), "county", "03", "NAVident", ""),
            Infra.AUDIENCE,
            600);
    given()
        .auth()
        .oauth2(noIdent)
        .get("/api/v1/agreements/" + id)
        .then()
        .statusCode(403)
        .body("detail", startsWith("Your token gives no role of this platform"));
    assertThat(Api.history(id)).hasSize(1);
  }

  @Test
  void aRefusalForAnotherCountysAgreementNamesTheEnterpriseInTheAuditTrail() {
    String org = Fixtures.orgNumber();
    String id = Api.register(Fixtures.agreement(org, "03"));
    try (no.nav.ia.test.LogLines log = no.nav.ia.test.LogLines.of("auditLogger")) {
      given()
          .auth()
          .oauth2(Tokens.adviser("46", "Z994661"))
          .get("/api/v1/agreements/" + id)
          .then()
          .statusCode(403)
          .body("code", equalTo("FORBIDDEN_COUNTY"));
      given()
          .auth()
          .oauth2(Tokens.adviser("46", "Z994661"))
          .contentType(ContentType.JSON)
          .body(Fixtures.agreement(Fixtures.orgNumber(), "03"))
          .post("/api/v1/agreements")
          .then()
          .statusCode(403);
      // A privacy review could not find who tried to reach an enterprise's data by its number:
      // the Deny lines named no one's data.
      assertThat(log.lines)
          .filteredOn(l -> l.contains("suid=Z994661") && l.endsWith("flexString1=Deny"))
          .hasSize(2)
          .anySatisfy(l -> assertThat(l).contains("duid=" + org))
          .allSatisfy(l -> assertThat(l).containsPattern("duid=\\d{9} "));
    }
  }

  @Test
  void theSameTerminationSentAgainIsARetryNotAConflict() {
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    Api.terminate(id, LocalDate.of(2013, 6, 30), "Virksomheten er lagt ned");
    // A system whose answer was lost sends it again: 200, and one termination in the history.
    Api.terminate(id, LocalDate.of(2013, 6, 30), "Virksomheten er lagt ned");
    assertThat(Api.history(id)).hasSize(2);
    // The history says why it ended, as the agreement does; the version before it has no reason.
    assertThat(Api.history(id).get(1))
        .containsEntry("action", "ENDED")
        .containsEntry("endedOn", "2013-06-30")
        .containsEntry("endReason", "Virksomheten er lagt ned");
    assertThat(Api.history(id).get(0)).containsEntry("endReason", null);
    // Its first version is of the moment the agreement says it was made.
    assertThat(
            java.time.OffsetDateTime.parse((String) Api.history(id).get(0).get("changedAt"))
                .toInstant())
        .isEqualTo(
            java.time.OffsetDateTime.parse(
                    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + id)
                        .extract()
                        .<String>path("createdAt"))
                .toInstant());
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("endedOn", "2013-07-31", "reason", "Virksomheten er lagt ned"))
        .post("/api/v1/agreements/" + id + "/termination")
        .then()
        .statusCode(409)
        .body("code", equalTo("AGREEMENT_ALREADY_ENDED"));
  }

  @Test
  void anEditNamingAFieldItCannotChangeIsA400AndChangesNothing() {
    // Before, the size was stored and the county skipped without a word: 200.
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body("{\"employees\":310,\"countyCode\":\"11\"}")
        .patch("/api/v1/agreements/" + id)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("countyCode")))
        .body("errors.message", equalTo(List.of("is not a field of this request")));
    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + id)
        .statusCode(200)
        .body("version", equalTo(0))
        .body("countyCode", equalTo("03"))
        .body("employees", org.hamcrest.Matchers.not(equalTo(310)));
  }

  @Test
  void assigningTheSameContactPersonOrTheSameSizeAgainIsNoNewVersion() {
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    for (int i = 0; i < 2; i++) {
      given()
          .auth()
          .oauth2(Tokens.adviser("03"))
          .contentType(ContentType.JSON)
          .body(Map.of("navIdent", "Z990001"))
          .put("/api/v1/agreements/" + id + "/contact-person")
          .then()
          .statusCode(200)
          .body("version", equalTo(1));
    }
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Map.of("employees", 42))
        .patch("/api/v1/agreements/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
    assertThat(Api.history(id)).hasSize(2);
  }

  @Test
  void anAdviserTakesAnAgreementOnAsMeAndAMachineCannot() {
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    given()
        .auth()
        .oauth2(Tokens.adviser("03", "Z990077"))
        .contentType(ContentType.JSON)
        .body(Map.of("navIdent", "me"))
        .put("/api/v1/agreements/" + id + "/contact-person")
        .then()
        .statusCode(200)
        .body("contactPerson", equalTo("Z990077"));
    given()
        .auth()
        .oauth2(Tokens.system("crm"))
        .contentType(ContentType.JSON)
        .body(Map.of("navIdent", "me"))
        .put("/api/v1/agreements/" + id + "/contact-person")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("navIdent"));
    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + id)
        .statusCode(200)
        .body("contactPerson", equalTo("Z990077"));
  }

  @Test
  void aContactPersonChangeMayNameTheVersionReadAndAnOlderOneIsRefused() {
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    // Two advisers read version 0; the first assigns herself (If-Match optional, ETag answered).
    assign(id, "\"0\"", "Z990001")
        .statusCode(200)
        .header("ETag", equalTo("W/\"1\""))
        .body("contactPerson", equalTo("Z990001"));
    // The first one's retry after a lost answer: the change is there, so 200, no new version.
    assign(id, "\"0\"", "Z990001").statusCode(200).header("ETag", equalTo("W/\"1\""));
    // The second one, on what she read: 412, and the first one's assignment stands.
    assign(id, "\"0\"", "Z990002")
        .statusCode(412)
        .contentType("application/problem+json")
        .body("code", equalTo("STALE_VERSION"));
    Api.get(Tokens.adviser("03"), "/api/v1/agreements/" + id)
        .statusCode(200)
        .header("ETag", equalTo("W/\"1\""))
        .body("contactPerson", equalTo("Z990001"));
    // The termination's answer carries the version too, for a client that goes on from it.
    Api.terminate(id, LocalDate.of(2013, 6, 30), "Virksomheten er lagt ned")
        .header("ETag", equalTo("W/\"2\""));
    assertThat(Api.history(id)).hasSize(3);
  }

  @Test
  void aUnitRegisteredBeforeItsGroupsAgreementIsLinkedToItWhenTheGroupsComes() {
    String groupOrg = Fixtures.orgNumber();
    Map<String, Object> unitBody = Fixtures.agreement(Fixtures.orgNumber(), "03");
    unitBody.put("groupOrgNumber", groupOrg);
    String unit = Api.register(unitBody);
    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + unit)
        .statusCode(200)
        .header("ETag", "W/\"0\"")
        .body("groupAgreementId", equalTo(null));
    String group = Api.register(Fixtures.agreement(groupOrg, "03"));
    // Before, the unit kept null for good. The link is derived, not a change: no new version.
    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + unit)
        .statusCode(200)
        .header("ETag", "W/\"0\"")
        .body("groupAgreementId", equalTo(group));
  }

  @Test
  void groupsDoNotFormALoop() {
    // X under Y, Y under Z, then Z under X was 201: a re-signing of any carried the whole loop.
    String x = Fixtures.orgNumber();
    String y = Fixtures.orgNumber();
    String z = Fixtures.orgNumber();
    Api.register(underGroup(x, y));
    Api.register(underGroup(y, z));
    Api.post(underGroup(z, x))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("GROUP_CYCLE"));
    noneStoredFor(z);
    // Two that name each other, and a chain that ends, are told apart.
    String a = Fixtures.orgNumber();
    String b = Fixtures.orgNumber();
    Api.register(underGroup(a, b));
    Api.post(underGroup(b, a)).statusCode(422).body("code", equalTo("GROUP_CYCLE"));
    Api.register(underGroup(z, Fixtures.orgNumber()));
  }

  @Test
  void registrationsNamingEachOtherAtTheSameMomentTakeTurns() throws Exception {
    // Each read the chain before the other's commit and both were 201: a loop of two groups.
    String a = Fixtures.orgNumber();
    String b = Fixtures.orgNumber();
    try (java.sql.Connection other = dataSource.getConnection();
        java.sql.Statement s = other.createStatement()) {
      other.setAutoCommit(false);
      // Another replica registering A under B, its check done and its row written, not committed.
      s.execute(
          "select pg_advisory_xact_lock(" + no.nav.ia.agreement.Agreement.GROUP_CHAIN_LOCK + ")");
      s.execute(
          "insert into agreement (id, org_number, name, search_words, county_code, employees,"
              + " signed_on, group_org_number, status, created_at, created_by, version) values"
              + " (gen_random_uuid(), '"
              + a
              + "', 'Enhet A', 'enhet a', '03', 10, current_date, '"
              + b
              + "', 'ACTIVE', now(), 'test', 0)");
      var bUnderA =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> Api.post(underGroup(b, a)).extract().statusCode());
      Thread.sleep(1_000);
      assertThat(bUnderA).as("B under A answered while A under B was not committed").isNotDone();
      other.commit();
      assertThat(bUnderA.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(422);
      noneStoredFor(b);
    } finally {
      try (java.sql.Connection c = dataSource.getConnection();
          java.sql.Statement s = c.createStatement()) {
        s.execute("delete from agreement where org_number = '" + a + "'");
      }
    }
  }

  private static Map<String, Object> underGroup(String org, String group) {
    Map<String, Object> body = Fixtures.agreement(org, "03");
    body.put("groupOrgNumber", group);
    return body;
  }

  @Test
  void aManagerOrASystemMayChangeTheContactPersonAsTheyMayRegisterOneWithIt() {
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    // Before, only advisers and coordinators could: 403 for the county's manager.
    for (var who :
        List.of(
            List.of(Tokens.manager("03"), "Z990011"), List.of(Tokens.system("crm"), "Z990012"))) {
      given()
          .auth()
          .oauth2(who.get(0))
          .contentType(ContentType.JSON)
          .body(Map.of("navIdent", who.get(1)))
          .put("/api/v1/agreements/" + id + "/contact-person")
          .then()
          .statusCode(200);
    }
    given()
        .auth()
        .oauth2(Tokens.manager("11"))
        .contentType(ContentType.JSON)
        .body(Map.of("navIdent", "Z990013"))
        .put("/api/v1/agreements/" + id + "/contact-person")
        .then()
        .statusCode(403);
    Api.get(Tokens.coordinator(), "/api/v1/agreements/" + id)
        .statusCode(200)
        .body("contactPerson", equalTo("Z990012"));
  }

  @Test
  void anAdviserRegistersAnAgreementWithThemselvesAsContactPersonByMe() {
    Map<String, Object> body = Fixtures.agreement(Fixtures.orgNumber(), "03");
    body.put("contactPerson", "me");
    given()
        .auth()
        .oauth2(Tokens.adviser("03", "Z990031"))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/agreements")
        .then()
        .statusCode(201)
        .body("contactPerson", equalTo("Z990031"));
    // A system has no NAV-ident of its own: it names the adviser.
    body.put("orgNumber", Fixtures.orgNumber());
    given()
        .auth()
        .oauth2(Tokens.system("crm"))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/agreements")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("contactPerson"));
  }

  private static ValidatableResponse assign(String id, String ifMatch, String navIdent) {
    return given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .contentType(ContentType.JSON)
        .header("If-Match", ifMatch)
        .body(Map.of("navIdent", navIdent))
        .put("/api/v1/agreements/" + id + "/contact-person")
        .then();
  }

  @Test
  void vestlandsCentreWorksOnAnAgreementSignedInHordalandBeforeTheMerger() {
    String org = Fixtures.orgNumber();
    String hordaland = Api.register(Fixtures.agreement(org, "12"));
    given()
        .auth()
        .oauth2(Tokens.adviser("46"))
        .get("/api/v1/agreements/" + hordaland)
        .then()
        .statusCode(200)
        .body("countyCode", equalTo("12"));
    given()
        .auth()
        .oauth2(Tokens.manager("46"))
        .get("/api/v1/agreements?orgNumber=" + org)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(hordaland));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/agreements?county=46&orgNumber=" + org)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(hordaland));
    given()
        .auth()
        .oauth2(Tokens.adviser("11"))
        .get("/api/v1/agreements/" + hordaland)
        .then()
        .statusCode(403);
  }

  @Test
  void refusalsTheFrameworkMakesStillSayWhatToDo() {
    String id = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "03"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/agreements/not-an-id")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", notNullValue());
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .delete("/api/v1/agreements/" + id)
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .header("Allow", "GET, HEAD, OPTIONS, PATCH")
        .body("detail", containsString("method"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .delete("/api/v1/agreements")
        .then()
        .statusCode(405)
        .header("Allow", "GET, HEAD, OPTIONS, POST");
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType("text/plain")
        .body("x")
        .post("/api/v1/agreements")
        .then()
        .statusCode(415)
        .body("detail", notNullValue());
    // A body with a Content-Encoding was read as if it had none: a plain one labelled gzip was
    // registered. It is 415 now, and nothing is registered; identity is no coding.
    String encoded = Fixtures.orgNumber();
    for (String coding : List.of("gzip", "br")) {
      given()
          .auth()
          .oauth2(Tokens.coordinator())
          .contentType(ContentType.JSON)
          .header("Content-Encoding", coding)
          .body(Fixtures.agreement(encoded, "03"))
          .post("/api/v1/agreements")
          .then()
          .statusCode(415)
          .contentType("application/problem+json")
          .body("code", org.hamcrest.Matchers.equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/agreements?orgNumber=" + encoded)
        .then()
        .statusCode(200)
        .body("total", org.hamcrest.Matchers.equalTo(0));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .header("Content-Encoding", "identity")
        .body(Fixtures.agreement(encoded, "03"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(201);
    // An empty body is about the body, not about a Java parameter's name.
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .post("/api/v1/agreements")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.contains("body"));
  }
}
