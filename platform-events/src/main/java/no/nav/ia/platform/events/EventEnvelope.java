package no.nav.ia.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The fixed wire envelope of every platform event (API.md, Events). */
public record EventEnvelope(
    @EventField(description = "Unique per event: a consumer skips an id it has applied before.")
        UUID eventId,
    @EventField(description = "The event type: it says what the payload is.") String type,
    @EventField(
            description =
                "When the change was made (UTC, to the microsecond as the REST answers' times), in"
                    + " the transaction that made it: the moment its event was written, which may"
                    + " be some milliseconds after the time the change's own record carries"
                    + " (createdAt, changedAt). Where the payload carries a version (a delivery's"
                    + " events, AgreementCorrected), match the event to a history row by it, not by"
                    + " time; the other agreement events carry the agreement's state, in order per"
                    + " key.")
        OffsetDateTime occurredAt,
    @EventField(
            description =
                "The Nav-Call-Id of the request that made the change: the calling system's own"
                    + " id as it sent it, or the platform's UUID (an id holding a national identity"
                    + " number or other characters than letters, digits and ._:- is replaced);"
                    + " opaque, to correlate with logs, never to be parsed.")
        String callId,
    @EventField(description = "The facts of the event, by type.") JsonNode payload) {

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
