package no.nav.ia.platform.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
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
  public UUID publish(EventTopic topic, String key, Record payload) {
    return publish(topic.name(), key, topic.typeOf(payload).name(), payload);
  }

  /**
   * Stores the event; must run inside the caller's transaction. Producers name their topic's
   * contract instead ({@link #publish(EventTopic, String, Record)}), so that no type goes out that
   * the AsyncAPI document does not describe.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID publish(String topic, String key, String type, Object payload) {
    OutboxEvent row = new OutboxEvent();
    row.eventId = UUID.randomUUID();
    row.topic = topic;
    row.key = key;
    row.type = type;
    row.callId = CallId.current();
    row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    row.envelope = envelope(row, payload);
    row.persist();
    written.fire(new OutboxWritten(topic));
    return row.eventId;
  }

  /**
   * The envelope as {@link EventEnvelope} reads it, with the payload written straight into it (the
   * payload is serialised once, not to a tree first).
   */
  private String envelope(OutboxEvent row, Object payload) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = json.getFactory().createGenerator(out)) {
      g.setCodec(json);
      g.writeStartObject();
      g.writeStringField("eventId", row.eventId.toString());
      g.writeStringField("type", row.type);
      g.writeFieldName("occurredAt");
      json.writeValue(g, row.createdAt);
      g.writeStringField("callId", row.callId);
      g.writeFieldName("payload");
      json.writeValue(g, payload);
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("event " + row.type + " cannot be written as JSON", e);
    }
    return out.toString();
  }
}
