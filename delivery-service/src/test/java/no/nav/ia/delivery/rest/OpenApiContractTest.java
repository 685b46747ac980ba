package no.nav.ia.delivery.rest;

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
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.DeliveryErrors;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.delivery.config.DeliveryConfig;
import no.nav.ia.test.ApiContracts;
import no.nav.ia.test.ApiContracts.Limit;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/** The OpenAPI document as a client generating code from it reads it, against real answers. */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class OpenApiContractTest {

  @Test
  void theDocumentListsEveryCodeTheServiceAnswers() {
    ApiContracts.assertListsEveryCode(ApiContracts.served(), DeliveryErrors.values());
  }

  @Test
  void theDocumentLeavesAClientNothingToGuess() {
    JsonNode document = ApiContracts.served();
    assertThat(ApiContracts.gaps(document)).isEmpty();
    JsonNode batch =
        document
            .path("paths")
            .path("/api/v1/deliveries/batch")
            .path("post")
            .path("requestBody")
            .path("content")
            .path("application/json")
            .path("schema");
    assertThat(batch.path("items").path("$ref").asText())
        .as("a batch's items are deliveries with their own key")
        .isEqualTo("#/components/schemas/BatchDeliveryItem");
    // A note's limit, in characters as JSON Schema counts them (DeliveryResourceTest sends them),
    // on every request that takes one.
    java.util.Map<String, Integer> noteLimits = new java.util.TreeMap<>();
    document
        .path("components")
        .path("schemas")
        .fields()
        .forEachRemaining(
            schema -> {
              JsonNode note = schema.getValue().path("properties").path("note");
              if (!note.isMissingNode() && !schema.getKey().endsWith("Response")) {
                noteLimits.put(schema.getKey(), note.path("maxLength").asInt());
              }
            });
    assertThat(noteLimits)
        .containsEntry("RecordDeliveryRequest", 2000)
        .containsEntry("RecordGroupDeliveryRequest", 2000)
        .allSatisfy((schema, limit) -> assertThat(limit).as(schema).isEqualTo(2000));
  }

  @Inject DeliveryConfig config;

  /**
   * Keys are forgotten after their retention (IdempotencyKeys' purge): a client retrying later
   * records the delivery twice unless the document tells it how long a key holds.
   */
  @Test
  void everyIdempotencyKeySaysHowLongItIsRemembered() {
    assertThat(config.idempotencyRetention()).isEqualTo(Duration.ofHours(48));
    JsonNode document = ApiContracts.served();
    List<String> descriptions = new java.util.ArrayList<>();
    for (String path : List.of("/api/v1/deliveries", "/api/v1/deliveries/group")) {
      for (JsonNode parameter : document.path("paths").path(path).path("post").path("parameters")) {
        if (parameter.path("name").asText().equals("Idempotency-Key")) {
          descriptions.add(parameter.path("description").asText());
        }
      }
    }
    descriptions.add(
        document
            .at("/components/schemas/BatchItemKey/properties/idempotencyKey/description")
            .asText());
    assertThat(descriptions)
        .hasSize(3)
        .allSatisfy(text -> assertThat(text).contains("remembered for at least 48 hours"));
  }

  @Test
  void theDocumentRefusesWhatTheServiceRefuses() {
    ApiContracts.assertLimitsKept(
        ApiContracts.served(),
        Tokens.manager("03"),
        java.util.List.of(
            Limit.taken("/api/v1/deliveries", "county", "03"),
            Limit.refused("/api/v1/deliveries", "county", "3"),
            Limit.refused("/api/v1/deliveries", "county", "O3"),
            Limit.refused("/api/v1/deliveries", "orgNumber", "97476067"),
            Limit.taken("/api/v1/deliveries", "page", "0"),
            Limit.refused("/api/v1/deliveries", "page", "-1"),
            Limit.refused("/api/v1/deliveries", "size", "501")));
  }

  @Test
  void realAnswersFitTheDocument() {
    JsonNode document = ApiContracts.served();
    String org = Fixtures.enterpriseIn("03");
    Response recorded =
        assertFits(
            document,
            "POST",
            "/api/v1/deliveries",
            adviser()
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Fixtures.delivery(org))
                .post("/api/v1/deliveries"));
    assertThat(recorded.statusCode()).isEqualTo(201);
    String id = recorded.path("id");
    assertFits(document, "GET", "/api/v1/deliveries/{id}", adviser().get(DELIVERIES + id));
    Map<String, Object> corrected = new HashMap<>(Fixtures.delivery(org));
    corrected.remove("form"); // recorded without a form: null in the answer
    corrected.put("note", "Kurs i arbeidsmiljø");
    assertFits(
        document,
        "PUT",
        "/api/v1/deliveries/{id}",
        adviser().header("If-Match", recorded.header("ETag")).body(corrected).put(DELIVERIES + id));
    assertFits(
        document,
        "GET",
        "/api/v1/deliveries/{id}/history",
        adviser().get(DELIVERIES + id + "/history"));
    assertFits(
        document,
        "GET",
        "/api/v1/deliveries",
        adviser().get("/api/v1/deliveries?orgNumber=" + org));

    Map<String, Object> keyed = new HashMap<>(Fixtures.delivery(org));
    keyed.put("idempotencyKey", UUID.randomUUID().toString());
    Response batch =
        assertFits(
            document,
            "POST",
            "/api/v1/deliveries/batch",
            adviser()
                .body(List.of(keyed, Fixtures.delivery(org)))
                .post("/api/v1/deliveries/batch"));
    assertThat(batch.<String>path("results[1].status")).isEqualTo("ERROR");
    assertFits(
        document,
        "POST",
        "/api/v1/deliveries/group",
        adviser()
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                Map.of(
                    "orgNumbers", List.of(org),
                    "service", "SICK_LEAVE",
                    "direction", "SYSTEM",
                    "subGoals", List.of(1),
                    "deliveredOn", "2012-05-15",
                    "form", "COURSE"))
            .post("/api/v1/deliveries/group"));

    Response refused =
        assertFits(
            document,
            "PUT",
            "/api/v1/deliveries/{id}",
            adviser().body(corrected).put(DELIVERIES + id));
    assertThat(refused.statusCode()).isEqualTo(428);
    assertFits(
        document, "GET", "/api/v1/deliveries/{id}", adviser().get(DELIVERIES + UUID.randomUUID()));
    assertFits(
        document,
        "POST",
        "/api/v1/deliveries",
        adviser().body(Map.of("orgNumber", org, "service", 6)).post("/api/v1/deliveries"));
  }

  private static final String DELIVERIES = "/api/v1/deliveries/";

  private static RequestSpecification adviser() {
    return given().auth().oauth2(Tokens.adviser("03")).contentType(ContentType.JSON);
  }
}
