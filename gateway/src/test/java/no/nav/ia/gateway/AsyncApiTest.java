package no.nav.ia.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.nav.ia.test.EventContracts;
import no.nav.ia.test.EventSamples;
import no.nav.ia.test.Infra;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/events/asyncapi}: the producers' documents (UpstreamStubs serves the committed
 * ones, each only to a token for its own service) merged into one.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class AsyncApiTest {

  static final String PATH = "/api/v1/events/asyncapi";
  static final String PRODUCER_PATH = "/internal/events/asyncapi";
  static final String DELIVERY_SERVICE_DOWN = "asyncapi-delivery-service-down";

  static final List<String> PRODUCERS = List.of("agreement-service", "delivery-service");

  /**
   * The callers here are this class's own: the document counts against the caller's rate limit
   * (ClientAdmission), which the test profile sets low, and other classes' requests must not use it
   * up.
   */
  static String coordinator() {
    return Tokens.person("coordinator", null, "Z995003");
  }

  static JsonNode read(String token) throws Exception {
    String body =
        given()
            .auth()
            .oauth2(token)
            .get(PATH)
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .asString();
    return new ObjectMapper().readTree(body);
  }

  @Test
  void everyRoleReadsOneDocumentWithBothTopicsAndEveryEventType() throws Exception {
    Set<String> types = new TreeSet<>();
    PRODUCERS.forEach(p -> types.addAll(EventContracts.types(EventContracts.committed(p))));
    assertThat(types)
        .hasSize(12)
        .contains(
            "AgreementRegistered", "DeliveryVoided", "ResigningCaseAdded", "ResigningCaseRemoved");
    for (String token :
        List.of(
            Tokens.adviser("03", "Z995001"),
            Tokens.person("manager", "12", "Z995002"),
            coordinator(),
            Tokens.system("arena-asyncapi"))) {
      JsonNode document = read(token);
      assertThat(document.get("asyncapi").asText()).isEqualTo("3.0.0");
      assertThat(document.get("channels").fieldNames())
          .toIterable()
          .containsExactlyInAnyOrder("ia.agreement-events-v1", "ia.delivery-events-v1");
      assertThat(EventContracts.types(document)).isEqualTo(types);
      assertThat(document.get("operations")).hasSize(2);
      for (String type : types) {
        assertThat(EventContracts.violations(document, EventSamples.sample(type)))
            .as(type)
            .isEmpty();
      }
    }
  }

  @Test
  void eachTopicsKeyIsDescribedPerEventType() throws Exception {
    JsonNode messages = read(coordinator()).get("components").get("messages");
    assertThat(messages.at("/DeliveryRecorded/bindings/kafka/key/pattern").asText())
        .isEqualTo("^[0-9]{9}$");
    assertThat(messages.at("/AgreementRegistered/bindings/kafka/key/pattern").asText())
        .isEqualTo("^[0-9]{9}$");
    assertThat(messages.at("/CampaignStarted/bindings/kafka/key/format").asText())
        .isEqualTo("uuid");
  }

  @Test
  void withoutATokenItIs401AndWithoutAPlatformRole403() {
    given()
        .get(PATH)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("UNAUTHENTICATED"));
    String tourist =
        Tokens.issue("Z990001", Map.of("roles", List.of("tourist")), Infra.AUDIENCE, 3600);
    given().auth().oauth2(tourist).get(PATH).then().statusCode(403);
  }

  @Test
  void aProducerThatCannotBeAskedMakesItA503ProblemNotHalfADocument() {
    given()
        .auth()
        .oauth2(coordinator())
        .header("Nav-Call-Id", DELIVERY_SERVICE_DOWN)
        .get(PATH)
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("code", equalTo("SERVICE_UNAVAILABLE"))
        .body("callId", equalTo(DELIVERY_SERVICE_DOWN));
  }
}
