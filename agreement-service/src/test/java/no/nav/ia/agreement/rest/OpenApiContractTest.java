package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static no.nav.ia.test.ApiContracts.assertFits;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.agreement.AgreementErrors;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.ApiContracts;
import no.nav.ia.test.ApiContracts.Limit;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/** The OpenAPI document as a client generating code from it reads it, against real answers. */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class OpenApiContractTest {

  @Test
  void theDocumentListsEveryCodeTheServiceAnswers() {
    ApiContracts.assertListsEveryCode(ApiContracts.served(), AgreementErrors.values());
  }

  @Test
  void anAcceptTheOperationCannotAnswerIsTheDocumented406() {
    Response refused =
        assertFits(
            ApiContracts.served(),
            "GET",
            "/api/v1/agreements",
            coordinator().accept("application/xml").get("/api/v1/agreements"));
    assertThat(refused.statusCode()).isEqualTo(406);
    assertThat(refused.path("code").toString()).isEqualTo("NOT_ACCEPTABLE");
  }

  /** A client generated from the document keeps the path a 409 names (a re-check found none). */
  @Test
  void theProblemSchemaHasTheExistingResourcesPath() {
    assertThat(ApiContracts.served().at("/components/schemas/Problem/properties").has("existing"))
        .isTrue();
  }

  /** The service's own document says how the contract changes, as the gateway's (a re-check). */
  @Test
  void theDocumentSaysHowTheContractChanges() {
    assertThat(ApiContracts.served().at("/info/description").asText())
        .startsWith("Cooperation agreements (samarbeidsavtaler)")
        .contains("an answer may gain fields")
        .contains("400 MALFORMED_BODY");
  }

  @Test
  void theDocumentLeavesAClientNothingToGuess() {
    assertThat(ApiContracts.gaps(ApiContracts.served())).isEmpty();
  }

  @Test
  void realAnswersFitTheDocument() {
    JsonNode document = ApiContracts.served();
    Response created =
        assertFits(
            document,
            "POST",
            "/api/v1/agreements",
            coordinator().body(Fixtures.agreement(Fixtures.orgNumber(), "03")).post(AGREEMENTS));
    assertThat(created.statusCode()).isEqualTo(201);
    String etag = created.header("ETag");
    assertThat(etag).isEqualTo("W/\"" + created.path("version") + "\"");
    String id = created.path("id");

    assertFits(document, "GET", "/api/v1/agreements/{id}", coordinator().get(AGREEMENTS + id));
    Response edited =
        assertFits(
            document,
            "PATCH",
            "/api/v1/agreements/{id}",
            coordinator()
                .header("If-Match", etag)
                .body(Map.of("employees", 43))
                .patch(AGREEMENTS + id));
    assertThat(edited.statusCode()).isEqualTo(200);
    assertFits(
        document, "GET", "/api/v1/agreements", coordinator().get("/api/v1/agreements?county=03"));
    // Counties of 2012: the oldest have no validFrom, the ones of the time no validTo.
    assertFits(
        document, "GET", "/api/v1/counties", coordinator().get("/api/v1/counties?date=2012-01-01"));
    assertFits(document, "GET", "/api/v1/regions", coordinator().get("/api/v1/regions"));

    Response invalid =
        assertFits(
            document,
            "POST",
            "/api/v1/agreements",
            coordinator().body(Map.of("orgNumber", "123")).post("/api/v1/agreements"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertFits(
        document,
        "GET",
        "/api/v1/agreements/{id}",
        coordinator().get(AGREEMENTS + UUID.randomUUID()));
    assertFits(
        document,
        "PATCH",
        "/api/v1/agreements/{id}",
        coordinator().body(Map.of("employees", 44)).patch(AGREEMENTS + id));
    assertFits(document, "GET", "/api/v1/agreements", given().get("/api/v1/agreements"));
  }

  @Test
  void campaignAndRegisterAnswersFitTheDocument() {
    JsonNode document = ApiContracts.served();
    String org = Fixtures.orgNumber();
    String id = Api.register(Fixtures.agreement(org, "03"));
    assertFits(
        document,
        "GET",
        "/api/v1/agreements/{id}/history",
        coordinator().get(AGREEMENTS + id + "/history"));
    // The register search: entities without an agreement, or with one of another county.
    assertFits(
        document,
        "GET",
        "/api/v1/enterprises",
        coordinator().get("/api/v1/enterprises?q=testbedrift"));
    assertFits(
        document,
        "GET",
        "/api/v1/enterprises",
        given().auth().oauth2(Tokens.adviser("46")).get("/api/v1/enterprises?q=a&county=03"));
    // An enterprise whose agreement ended: its page and its item show the ended one.
    String endedOrg = Fixtures.orgNumber();
    Fixtures.inTheRegister(endedOrg, "AVSLUTTET AS", "03");
    Api.terminate(
        Api.register(Fixtures.agreement(endedOrg, "03")), LocalDate.of(2015, 6, 30), "Slutt");
    assertFits(
        document,
        "GET",
        "/api/v1/enterprises/{orgNumber}",
        coordinator().get("/api/v1/enterprises/" + endedOrg));
    assertFits(
        document,
        "GET",
        "/api/v1/enterprises",
        coordinator().get("/api/v1/enterprises?q=" + endedOrg));
    // An enterprise the register copy does not have (yet): its page comes from its agreement.
    Response fromAgreement =
        assertFits(
            document,
            "GET",
            "/api/v1/enterprises/{orgNumber}",
            coordinator().get("/api/v1/enterprises/" + org));
    assertThat(fromAgreement.statusCode()).isEqualTo(200);

    String campaign = Api.startCampaign();
    String path = "/api/v1/resigning-campaigns/";
    assertFits(
        document, "GET", "/api/v1/resigning-campaigns/{id}", coordinator().get(path + campaign));
    assertFits(document, "GET", "/api/v1/resigning-campaigns", coordinator().get(path));
    // A county with nothing due has no rate; an open campaign no closing.
    assertFits(
        document,
        "GET",
        "/api/v1/resigning-campaigns/{id}/progress",
        coordinator().get(path + campaign + "/progress"));
    assertFits(
        document,
        "GET",
        "/api/v1/resigning-campaigns/{id}/closing",
        coordinator().get(path + campaign + "/closing"));
    Response contacted =
        Api.status(Tokens.coordinator(), campaign, id, "CONTACTED", NorwegianTime.today())
            .extract()
            .response();
    assertFits(
        document,
        "POST",
        "/api/v1/resigning-campaigns/{id}/agreements/{agreementId}/status",
        contacted);
    assertFits(
        document,
        "GET",
        "/api/v1/resigning-campaigns/{id}/agreements/{agreementId}/history",
        coordinator().get(path + campaign + "/agreements/" + id + "/history"));
    assertFits(
        document,
        "GET",
        "/api/v1/resigning-campaigns/{id}/reminders",
        coordinator().get(path + campaign + "/reminders"));
  }

  /**
   * The limits the document gives a parameter are the ones the service keeps: a value the document
   * refuses is 400 at the service, one it takes is not (a generated client validates by them).
   */
  @Test
  void theDocumentRefusesWhatTheServiceRefuses() {
    JsonNode document = ApiContracts.served();
    String tooLong = "a".repeat(201);
    ApiContracts.assertLimitsKept(
        document,
        Tokens.manager("03"),
        List.of(
            Limit.taken("/api/v1/agreements", "contactPerson", "Z990001"),
            Limit.taken("/api/v1/agreements", "contactPerson", "me"),
            Limit.taken("/api/v1/agreements", "contactPerson", "none"),
            Limit.refused("/api/v1/agreements", "contactPerson", "z990001"),
            Limit.refused("/api/v1/agreements", "contactPerson", "Z9900012"),
            Limit.refused("/api/v1/agreements", "contactPerson", "ME"),
            Limit.taken("/api/v1/agreements", "q", "a".repeat(200)),
            Limit.refused("/api/v1/agreements", "q", tooLong),
            Limit.taken("/api/v1/agreements", "county", "03"),
            Limit.refused("/api/v1/agreements", "county", "3"),
            Limit.refused("/api/v1/agreements", "orgNumber", "12345678"),
            Limit.taken("/api/v1/agreements", "size", "500"),
            Limit.refused("/api/v1/agreements", "size", "0"),
            Limit.taken("/api/v1/enterprises", "industry", "47"),
            Limit.taken("/api/v1/enterprises", "industry", "47.1"),
            Limit.taken("/api/v1/enterprises", "industry", "47.111"),
            Limit.refused("/api/v1/enterprises", "industry", "4"),
            Limit.refused("/api/v1/enterprises", "industry", "47."),
            Limit.refused("/api/v1/enterprises", "industry", "47.1111"),
            Limit.refused("/api/v1/enterprises", "industry", "47,1"),
            Limit.refused("/api/v1/enterprises", "q", tooLong),
            Limit.refused("/api/v1/enterprises", "county", "034")));
    // The status a case may be moved to: PENDING is where it starts, refused as a move.
    String statusPath = "/api/v1/resigning-campaigns/{id}/agreements/{agreementId}/status";
    assertThat(
            ApiContracts.requestViolations(
                document,
                "POST",
                statusPath,
                json("{\"status\": \"CONTACTED\", \"on\": \"2014-03-10\"}")))
        .isEmpty();
    assertThat(
            ApiContracts.requestViolations(
                document,
                "POST",
                statusPath,
                json("{\"status\": \"PENDING\", \"on\": \"2014-03-10\"}")))
        .isNotEmpty();
    // Bodies too: an org number of eight digits, a termination without a reason (both 400).
    assertThat(
            ApiContracts.requestViolations(
                document,
                "POST",
                "/api/v1/agreements",
                json("{\"orgNumber\": \"12345678\", \"signedOn\": \"2014-03-10\"}")))
        .isNotEmpty();
    assertThat(terminationViolations(document, "")).isNotEmpty();
    assertThat(terminationViolations(document, "Nedlagt")).isEmpty();
  }

  private static List<String> terminationViolations(JsonNode document, String reason) {
    return ApiContracts.requestViolations(
        document,
        "POST",
        "/api/v1/agreements/{id}/termination",
        json("{\"endedOn\": \"2014-03-10\", \"reason\": \"" + reason + "\"}"));
  }

  private static JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static final String AGREEMENTS = "/api/v1/agreements/";

  private static io.restassured.specification.RequestSpecification coordinator() {
    return given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON);
  }
}
