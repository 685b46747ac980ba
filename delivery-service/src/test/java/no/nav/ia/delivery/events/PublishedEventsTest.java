package no.nav.ia.delivery.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.test.EventContracts;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.TestKafka;
import no.nav.ia.test.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What the topic really carries, not a hand-written sample: every event a delivery's life puts on
 * it fits its message in the published AsyncAPI document, under the key the document names.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class PublishedEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyEventOfADeliverysLifeFitsTheDocumentAndIsKeyedByItsEnterprise() throws Exception {
    String first = Fixtures.enterpriseIn("03");
    String second = Fixtures.enterpriseIn("03");
    String token = Tokens.adviser("03");
    Map<String, Object> body = Fixtures.delivery(first);
    body.put("form", "INFORMATION");
    body.put("note", "Informasjonsmøte om sykefravær");
    String id = Fixtures.post(token, body).statusCode(201).extract().path("id");
    Map<String, Object> moved = Fixtures.delivery(second);
    moved.put("subGoals", List.of(3, 1));
    given()
        .auth()
        .oauth2(token)
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body(moved)
        .put("/api/v1/deliveries/" + id)
        .then()
        .statusCode(200);
    given().auth().oauth2(token).delete("/api/v1/deliveries/" + id).then().statusCode(204);

    List<ConsumerRecord<String, String>> records = recordsHolding(id, 3);
    JsonNode document = EventContracts.committed("delivery-service");
    List<String> types = new ArrayList<>();
    Set<String> registeredAt = new java.util.HashSet<>();
    for (ConsumerRecord<String, String> record : records) {
      JsonNode envelope = JSON.readTree(record.value());
      types.add(envelope.path("type").asText());
      assertThat(EventContracts.violations(document, envelope)).as(record.value()).isEmpty();
      // The note is never put on a topic.
      assertThat(record.value()).doesNotContain("Informasjonsmøte");
      String key =
          switch (envelope.path("type").asText()) {
            case "DeliveryRecorded" -> first;
            default -> second;
          };
      assertThat(record.key()).as(envelope.path("type").asText()).isEqualTo(key);
      // What the recording says is on every event of the delivery: the correction, keyed by the
      // other enterprise, may be read first, and its DeliveryRecorded then skipped (a review).
      assertThat(envelope.at("/payload/groupId").isNull()).as("one enterprise's").isTrue();
      assertThat(envelope.at("/payload/recordedBy").asText()).isEqualTo("Z990001");
      registeredAt.add(envelope.at("/payload/registeredAt").asText());
      // To the microsecond at most, as the REST answers' times (a review saw nanoseconds).
      assertThat(envelope.path("occurredAt").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d{1,6})?)?Z");
    }
    assertThat(registeredAt).hasSize(1).doesNotContain("");
    assertThat(Set.copyOf(types))
        .containsExactlyInAnyOrder("DeliveryRecorded", "DeliveryCorrected", "DeliveryVoided");
    assertThat(types).hasSize(3);
  }

  @Test
  void theDeliveriesOfOneCourseForSeveralEnterprisesNameTheirGroupOnTheTopic() throws Exception {
    String a = Fixtures.enterpriseIn("03");
    String b = Fixtures.enterpriseIn("03");
    Map<String, Object> body = new java.util.HashMap<>(Fixtures.delivery(a));
    body.remove("orgNumber");
    body.put("orgNumbers", List.of(a, b));
    body.put("form", "COURSE");
    String groupId =
        given()
            .auth()
            .oauth2(Tokens.adviser("03"))
            .header("Idempotency-Key", "course-" + a)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/deliveries/group")
            .then()
            .statusCode(200)
            .body("created", org.hamcrest.Matchers.equalTo(2))
            .extract()
            .path("groupId");
    // One of them is voided: its event names the meeting too.
    String first =
        given()
            .auth()
            .oauth2(Tokens.adviser("03"))
            .get("/api/v1/deliveries?orgNumber=" + a)
            .then()
            .statusCode(200)
            .extract()
            .path("items[0].id");
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .delete("/api/v1/deliveries/" + first)
        .then()
        .statusCode(204);

    List<ConsumerRecord<String, String>> records = recordsHolding(groupId, 3);
    JsonNode document = EventContracts.committed("delivery-service");
    assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(a, b, a);
    List<String> types = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      JsonNode envelope = JSON.readTree(record.value());
      types.add(envelope.path("type").asText());
      assertThat(envelope.at("/payload/groupId").asText()).isEqualTo(groupId);
      JsonNode facts = envelope.at("/payload/delivery");
      String form =
          (facts.isMissingNode() ? envelope.at("/payload/before") : facts).path("form").asText();
      assertThat(form).isEqualTo("COURSE");
      assertThat(EventContracts.violations(document, envelope)).as(record.value()).isEmpty();
    }
    assertThat(types)
        .containsExactlyInAnyOrder("DeliveryRecorded", "DeliveryRecorded", "DeliveryVoided");
  }

  @Test
  void aDeliveryASystemRecordedNamesTheSystemAsWhoRecordedItAndTheAdviserAsWhoDelivered()
      throws Exception {
    String org = Fixtures.enterpriseIn("03");
    Map<String, Object> body = Fixtures.delivery(org);
    body.put("adviser", "Z990311");
    String id =
        given()
            .auth()
            .oauth2(Tokens.system("arena"))
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/deliveries")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    List<ConsumerRecord<String, String>> records = recordsHolding(id, 1);
    assertThat(records).hasSize(1);
    JsonNode envelope = JSON.readTree(records.get(0).value());
    assertThat(envelope.at("/payload/recordedBy").asText()).isEqualTo("arena");
    assertThat(envelope.at("/payload/delivery/adviser").asText()).isEqualTo("Z990311");
    assertThat(EventContracts.violations(EventContracts.committed("delivery-service"), envelope))
        .isEmpty();
  }

  /** The topic's records that hold the text, once there are at least {@code count} (or 20 s). */
  private static List<ConsumerRecord<String, String>> recordsHolding(String text, int count) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    for (int tries = 0; tries < 20 && records.size() < count; tries++) {
      records =
          TestKafka.readAll(
              DeliveryEvents.TOPIC,
              r -> r.value() != null && r.value().contains(text),
              Duration.ofSeconds(1));
    }
    return records;
  }
}
