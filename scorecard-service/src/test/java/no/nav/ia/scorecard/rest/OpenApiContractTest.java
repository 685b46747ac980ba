package no.nav.ia.scorecard.rest;

import static io.restassured.RestAssured.given;
import static no.nav.ia.test.ApiContracts.assertFits;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import no.nav.ia.scorecard.ScorecardErrors;
import no.nav.ia.test.ApiContracts;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/** The OpenAPI document as a client generating code from it reads it, against real answers. */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "scorecard"))
class OpenApiContractTest {

  @Test
  void theDocumentListsEveryCodeTheServiceAnswers() {
    ApiContracts.assertListsEveryCode(ApiContracts.served(), ScorecardErrors.values());
  }

  @Test
  void theDocumentLeavesAClientNothingToGuess() {
    JsonNode document = ApiContracts.served();
    assertThat(ApiContracts.gaps(document)).isEmpty();
    assertThat(
            document
                .path("paths")
                .path("/api/v1/scorecards/counties/{code}")
                .path("get")
                .path("parameters")
                .findValuesAsText("required"))
        .as("period is required")
        .contains("true");
    JsonNode target = document.path("components").path("schemas").path("Target").path("properties");
    assertThat(target.path("met").path("description").asText())
        .as("a client is told to use met, which compares exactly")
        .contains("exactly");
    assertThat(target.path("systemShareMin").path("description").asText()).contains("rounded");
    // An answer's fields are all there (null where the schema allows it): a generated client may
    // rely on them. The report's sections are a request's body too, whose fields are optional.
    JsonNode schemas = document.path("components").path("schemas");
    java.util.List<String> report = new java.util.ArrayList<>();
    schemas.path("ReportView").path("required").forEach(n -> report.add(n.asText()));
    assertThat(report).contains("status", "figures", "sections", "submittedBy", "submittedAt");
    java.util.List<String> card = new java.util.ArrayList<>();
    schemas.path("Card").path("required").forEach(n -> card.add(n.asText()));
    assertThat(card).contains("systemShare", "asOf", "byForm", "trend");
    assertThat(schemas.path("Sections").has("required")).isFalse();
    assertThat(schemas.path("Sections").path("properties").path("funds").path("maxLength").asInt())
        .isEqualTo(10_000);
  }

  @Test
  void realAnswersFitTheDocument() {
    JsonNode document = ApiContracts.served();
    // A card of a period without deliveries has shares and changes of null; the trend's months are
    // text.
    assertFits(
        document,
        "GET",
        "/api/v1/scorecards/counties/{code}",
        manager().get(CARDS + "counties/03?period=2009"));
    assertFits(document, "GET", "/api/v1/scorecards", manager().get(CARDS + "?period=2009-Q2"));
    assertFits(
        document,
        "GET",
        "/api/v1/scorecards/regions/{grouping}",
        manager().get(CARDS + "regions/proposal-2016?period=2009"));
    assertFits(
        document,
        "GET",
        "/api/v1/scorecards/counties/{code}/advisers",
        manager().get(CARDS + "counties/03/advisers?period=2009"));
    fitsAs(
        200,
        document,
        "GET",
        "/api/v1/reports/counties/{code}/{period}",
        manager().get("/api/v1/reports/counties/03/2009-H1"));
    assertFits(document, "GET", "/api/v1/reports", manager().get("/api/v1/reports?period=2009-H1"));

    assertFits(
        document,
        "GET",
        "/api/v1/scorecards/counties/{code}",
        manager().get(CARDS + "counties/03"));
    assertFits(
        document,
        "PUT",
        "/api/v1/reports/counties/{code}/{period}/sections",
        manager()
            .body(Map.of("iaCouncil", "Møte i mars"))
            .put("/api/v1/reports/counties/03/2009-H1/sections"));
    assertFits(
        document,
        "GET",
        "/api/v1/scorecards/counties/{code}",
        manager().get(CARDS + "counties/46?period=2009"));
    // A report without its sections is refused, as the document describes the refusal.
    fitsAs(
        422,
        document,
        "POST",
        "/api/v1/reports/counties/{code}/{period}/submission",
        manager().post("/api/v1/reports/counties/03/2009-H2/submission"));
  }

  /** The answer fits the document, and it is the answer meant ({@code status}). */
  private static void fitsAs(
      int status, JsonNode document, String method, String path, Response answer) {
    assertThat(assertFits(document, method, path, answer).statusCode()).isEqualTo(status);
  }

  private static final String CARDS = "/api/v1/scorecards/";

  private static RequestSpecification manager() {
    return given().auth().oauth2(Tokens.manager("03")).contentType(ContentType.JSON);
  }
}
