package no.nav.ia.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import no.nav.ia.platform.callid.CallId;

/**
 * The producing side of the transactional outbox: an event is stored in the same transaction as the
 * change it reports, so there is no event without its commit and no commit without its event.
 */
@ApplicationScoped
public class Outbox {

  @Inject ObjectMapper json;
  @Inject Event<OutboxWritten> written;

  /**
   * Stores the event under its type in the topic's contract; must run inside the caller's
   * transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public EventEnvelope publish(EventTopic topic, String key, Record payload) {
    return publish(topic.name(), key, topic.typeOf(payload).name(), payload);
  }

  /**
   * Stores the event; must run inside the caller's transaction. Producers name their topic's
   * contract instead ({@link #publish(EventTopic, String, Record)}), so that no type goes out that
   * the AsyncAPI document does not describe.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public EventEnvelope publish(String topic, String key, String type, Object payload) {
    EventEnvelope envelope =
        new EventEnvelope(
            UUID.randomUUID(),
            type,
            OffsetDateTime.now(ZoneOffset.UTC),
            CallId.current(),
            json.valueToTree(payload));
    OutboxEvent row = new OutboxEvent();
    row.eventId = envelope.eventId();
    row.topic = topic;
    row.key = key;
    row.type = type;
    row.callId = envelope.callId();
    row.createdAt = envelope.occurredAt();
    try {
      row.envelope = json.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event " + type + " cannot be written as JSON", e);
    }
    row.persist();
    written.fire(new OutboxWritten(topic));
    return envelope;
  }
}
