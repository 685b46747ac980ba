package no.nav.ia.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The fixed wire envelope of every platform event (API.md, Events). */
public record EventEnvelope(
    UUID eventId, String type, OffsetDateTime occurredAt, String callId, JsonNode payload) {

  /** The payload as the event record of its type. */
  public <T> T payloadAs(Class<T> type, ObjectMapper json) {
    try {
      return json.treeToValue(payload, type);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "payload of " + this.type + " does not fit " + type.getSimpleName(), e);
    }
  }
}
