package no.nav.ia.platform.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import no.nav.ia.platform.events.EventKey;
import no.nav.ia.platform.events.EventTopic;
import no.nav.ia.platform.events.EventType;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

  record Opened(UUID id, String orgNumber) {}

  record Planned(UUID id) {}

  record Unlisted(UUID id) {}

  static final EventTopic TOPIC =
      new EventTopic(
          "ia.test-events-v1",
          "test-service",
          "Things that happen in tests.",
          List.of(
              EventType.of(Opened.class, EventKey.ORG_NUMBER, "Something was opened."),
              EventType.of(Planned.class, EventKey.uuid("The plan's id."), "A plan was made.")));

  final JsonNode document = AsyncApiDocument.of(List.of(TOPIC));

  /** The node a local {@code $ref} points at. */
  JsonNode resolve(JsonNode reference) {
    String ref = reference.get("$ref").asText();
    assertThat(ref).startsWith("#/");
    return document.at(ref.substring(1));
  }

  @Test
  void theTopicIsAChannelWithAMessagePerTypeAndTheProducersSendOperation() {
    assertThat(document.get("asyncapi").asText()).isEqualTo("3.0.0");
    JsonNode channel = document.get("channels").get("ia.test-events-v1");
    assertThat(channel.get("address").asText()).isEqualTo("ia.test-events-v1");
    assertThat(channel.get("messages").fieldNames())
        .toIterable()
        .containsExactly("Opened", "Planned");
    JsonNode operation = document.get("operations").elements().next();
    assertThat(operation.get("action").asText()).isEqualTo("send");
    assertThat(resolve(operation.get("channel"))).isSameAs(channel);
    for (JsonNode message : operation.get("messages")) {
      JsonNode resolved = resolve(resolve(message));
      assertThat(resolved.get("name").asText()).isIn("Opened", "Planned");
    }
  }

  @Test
  void aMessageIsTheEnvelopeWithItsTypeFixedItsPayloadsSchemaAndItsKey() {
    JsonNode opened = document.get("components").get("messages").get("Opened");
    JsonNode envelope = opened.get("payload").get("properties");
    assertThat(envelope.get("type").get("const").asText()).isEqualTo("Opened");
    assertThat(envelope.get("eventId").get("format").asText()).isEqualTo("uuid");
    assertThat(envelope.get("payload").get("title").asText()).isEqualTo("Opened");
    assertThat(envelope.get("payload").get("description").asText())
        .startsWith("Something was opened.");
    assertThat(opened.at("/bindings/kafka/key/pattern").asText()).isEqualTo("^[0-9]{9}$");
    assertThat(opened.at("/headers/properties/eventType/const").asText()).isEqualTo("Opened");
    JsonNode planned = document.get("components").get("messages").get("Planned");
    assertThat(planned.at("/bindings/kafka/key/format").asText()).isEqualTo("uuid");
  }

  @Test
  void anEventOutsideItsTopicsContractIsRefused() {
    assertThat(TOPIC.typeOf(new Planned(UUID.randomUUID())).name()).isEqualTo("Planned");
    assertThatThrownBy(() -> TOPIC.typeOf(new Unlisted(UUID.randomUUID())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unlisted is not an event type of ia.test-events-v1");
  }
}
