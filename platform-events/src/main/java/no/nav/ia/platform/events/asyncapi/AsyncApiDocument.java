package no.nav.ia.platform.events.asyncapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.events.EventEnvelope;
import no.nav.ia.platform.events.EventTopic;
import no.nav.ia.platform.events.EventType;
import no.nav.ia.platform.events.OutboxRelay;

/**
 * The AsyncAPI 3.0 document of the topics a service produces, made from their contracts: a channel
 * per topic, the producer's send operation, and a message per event type whose payload schema is
 * the whole envelope with that type's payload, so a record on the topic validates against it as it
 * is. The gateway merges the producers' documents into the platform's.
 */
public final class AsyncApiDocument {

  public static final String ASYNCAPI_VERSION = "3.0.0";
  static final String KAFKA_BINDING_VERSION = "0.5.0";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AsyncApiDocument() {}

  public static ObjectNode of(List<EventTopic> topics) {
    ObjectNode document = JSON.objectNode();
    document.put("asyncapi", ASYNCAPI_VERSION);
    document
        .putObject("info")
        .put("title", String.join(", ", topics.stream().map(EventTopic::name).toList()))
        .put("version", "1")
        .put("description", "Events of " + producers(topics) + ".");
    document.put("defaultContentType", "application/json");
    ObjectNode channels = document.putObject("channels");
    ObjectNode operations = document.putObject("operations");
    ObjectNode components = document.putObject("components");
    components.putObject("schemas").set("EventEnvelope", RecordSchemas.of(EventEnvelope.class));
    ObjectNode messages = components.putObject("messages");
    for (EventTopic topic : topics) {
      ObjectNode channel = channels.putObject(topic.name());
      channel.put("address", topic.name());
      channel.put("description", topic.description());
      ObjectNode channelMessages = channel.putObject("messages");
      ObjectNode operation = operations.putObject(topic.producer() + "-publishes-" + topic.name());
      operation.put("action", "send");
      operation.putObject("channel").put("$ref", "#/channels/" + topic.name());
      operation.put(
          "description",
          topic.producer()
              + " publishes every change through a transactional outbox: no event without its"
              + " commit, no commit without its event; delivered at least once (consumers skip an"
              + " eventId they have applied).");
      ArrayNode operationMessages = operation.putArray("messages");
      for (EventType type : topic.types()) {
        messages.set(type.name(), message(type));
        channelMessages.putObject(type.name()).put("$ref", "#/components/messages/" + type.name());
        operationMessages
            .addObject()
            .put("$ref", "#/channels/" + topic.name() + "/messages/" + type.name());
      }
      channel
          .putObject("bindings")
          .putObject("kafka")
          .put("topic", topic.name())
          .put("bindingVersion", KAFKA_BINDING_VERSION);
    }
    return document;
  }

  /** The message of one event type: its envelope (as payload), headers and key. */
  static ObjectNode message(EventType type) {
    ObjectNode message = JSON.objectNode();
    message.put("name", type.name());
    message.put("title", type.name());
    message.put("summary", type.description());
    message.put("contentType", "application/json");
    message.set("headers", headers(type));
    ObjectNode envelope = RecordSchemas.of(EventEnvelope.class);
    envelope.put("title", type.name() + "Envelope");
    ObjectNode properties = (ObjectNode) envelope.get("properties");
    ((ObjectNode) properties.get("type")).put("const", type.name());
    ObjectNode payload = RecordSchemas.of(type.payload());
    payload.put("description", type.description() + " " + RecordSchemas.TOLERANT);
    properties.set("payload", payload);
    message.set("payload", envelope);
    ObjectNode key = message.putObject("bindings").putObject("kafka").putObject("key");
    key.put("type", "string");
    key.put("description", type.key().description());
    putIfSet(key, "pattern", type.key().pattern());
    putIfSet(key, "format", type.key().format());
    ((ObjectNode) message.get("bindings").get("kafka"))
        .put("bindingVersion", KAFKA_BINDING_VERSION);
    return message;
  }

  /** The Kafka headers OutboxRelay writes (UTF-8 strings). */
  private static ObjectNode headers(EventType type) {
    ObjectNode headers = JSON.objectNode().put("type", "object");
    ObjectNode properties = headers.putObject("properties");
    properties
        .putObject(OutboxRelay.EVENT_ID_HEADER)
        .put("type", "string")
        .put("format", "uuid")
        .put("description", "The envelope's eventId.");
    properties
        .putObject(OutboxRelay.EVENT_TYPE_HEADER)
        .put("type", "string")
        .put("const", type.name())
        .put("description", "The envelope's type.");
    properties
        .putObject(CallId.HEADER)
        .put("type", "string")
        .put("description", "The envelope's callId.");
    headers
        .putArray("required")
        .add(OutboxRelay.EVENT_ID_HEADER)
        .add(OutboxRelay.EVENT_TYPE_HEADER);
    return headers;
  }

  private static String producers(List<EventTopic> topics) {
    return String.join(", ", topics.stream().map(EventTopic::producer).distinct().toList());
  }

  private static void putIfSet(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
