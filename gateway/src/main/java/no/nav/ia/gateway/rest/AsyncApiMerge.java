package no.nav.ia.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The platform's AsyncAPI document from the producing services' own: their channels, operations and
 * components side by side under the platform's info. Names do not collide: a channel is its topic's
 * name and a message its event type's, and what two documents share (the envelope's schema) is the
 * same in both.
 */
final class AsyncApiMerge {

  private static final Logger LOG = Logger.getLogger(AsyncApiMerge.class);

  static final String DESCRIPTION =
      "The platform's Kafka topics, for other NAV systems. Every event is a JSON envelope {eventId,"
          + " type, occurredAt, callId, payload}; each message below is one event type, its"
          + " payload schema the whole envelope with that type's payload, and its Kafka key in"
          + " bindings.kafka.key. Events of one enterprise are keyed by its org number and keep"
          + " their order. Delivery is at least once: a consumer skips an eventId it has applied."
          + " Consumers are tolerant readers: fields may be added, never removed or renamed in a"
          + " -v1 topic (that takes a -v2 topic), and new event types may come on a topic: a"
          + " consumer skips a type it does not know. Free text stays off the topics (a delivery's"
          + " note; an enterprise's name, which for a sole proprietorship is a person's): a"
          + " consumer that needs it reads the delivery or agreement over REST, and a"
          + " DeliveryCorrected whose before equals its after, or an AgreementCorrected with no"
          + " other change, changed only those. On NAIS the topics keep every event for good, so"
          + " a consumer can rebuild from the start. Read access to a topic is granted in its"
          + " NAIS topic manifest (deploy/nais/topics).";

  private AsyncApiMerge() {}

  static ObjectNode merge(ObjectMapper json, List<JsonNode> parts) {
    ObjectNode merged = json.createObjectNode();
    merged.put("asyncapi", parts.isEmpty() ? "3.0.0" : parts.get(0).path("asyncapi").asText());
    merged
        .putObject("info")
        .put("title", "IA platform events")
        .put("version", "1")
        .put("description", DESCRIPTION);
    merged.put("defaultContentType", "application/json");
    ObjectNode channels = merged.putObject("channels");
    ObjectNode operations = merged.putObject("operations");
    ObjectNode components = merged.putObject("components");
    for (JsonNode part : parts) {
      copy(part.path("channels"), channels, "channel");
      copy(part.path("operations"), operations, "operation");
      for (Map.Entry<String, JsonNode> section : part.path("components").properties()) {
        ObjectNode into =
            components.has(section.getKey())
                ? (ObjectNode) components.get(section.getKey())
                : components.putObject(section.getKey());
        copy(section.getValue(), into, section.getKey());
      }
    }
    return merged;
  }

  private static void copy(JsonNode from, ObjectNode into, String what) {
    for (Map.Entry<String, JsonNode> entry : from.properties()) {
      JsonNode present = into.get(entry.getKey());
      if (present == null) {
        into.set(entry.getKey(), entry.getValue());
      } else if (!present.equals(entry.getValue())) {
        // Two producers on different platform versions, mid-deployment: the first one stands.
        LOG.warnf(
            "two AsyncAPI documents differ in %s %s; keeping the first", what, entry.getKey());
      }
    }
  }
}
