package no.nav.ia.platform.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.time.Timestamps;

/**
 * The producing side of the transactional outbox: an event is stored in the same transaction as the
 * change it reports, so there is no event without its commit and no commit without its event. The
 * row is written with one plain INSERT on the transaction's connection, not as an entity: nothing
 * is left in the persistence context for the flush to check.
 */
@ApplicationScoped
public class Outbox {

  @Inject ObjectMapper json;
  @Inject OutboxRows rows;
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
   * Binds a change's parameters, from the first, on the statement that writes it with its event;
   * returns how many it bound.
   */
  @FunctionalInterface
  public interface Change {
    int bind(Connection connection, PreparedStatement statement) throws SQLException;
  }

  /**
   * Writes a change and the event that reports it in one statement (one round trip instead of one
   * per row), in the caller's transaction: {@code changeSql} is one or more SQL statements joined
   * by semicolons whose parameters {@code change} binds. Either both are written or neither.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID publishWith(
      EventTopic topic, String key, Record payload, String changeSql, Change change) {
    return publish(topic.name(), key, topic.typeOf(payload).name(), payload, changeSql, change);
  }

  /**
   * Stores the event; must run inside the caller's transaction. Producers name their topic's
   * contract instead ({@link #publish(EventTopic, String, Record)}), so that no type goes out that
   * the AsyncAPI document does not describe.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID publish(String topic, String key, String type, Object payload) {
    return publish(topic, key, type, payload, null, null);
  }

  private UUID publish(
      String topic, String key, String type, Object payload, String changeSql, Change change) {
    UUID eventId = UUID.randomUUID();
    String callId = CallId.current();
    // To the microsecond, as the stored times the REST answers carry (a review saw nanoseconds).
    OffsetDateTime createdAt = Timestamps.now();
    rows.insertWith(
        changeSql,
        change,
        new OutboxRows.Written(
            eventId,
            topic,
            key,
            type,
            envelope(eventId, type, createdAt, callId, payload),
            callId,
            createdAt));
    written.fire(new OutboxWritten(topic));
    return eventId;
  }

  /**
   * The envelope as {@link EventEnvelope} reads it, with the payload written straight into it (the
   * payload is serialised once, not to a tree first).
   */
  private String envelope(
      UUID eventId, String type, OffsetDateTime occurredAt, String callId, Object payload) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = json.getFactory().createGenerator(out)) {
      g.setCodec(json);
      g.writeStartObject();
      g.writeStringField("eventId", eventId.toString());
      g.writeStringField("type", type);
      g.writeFieldName("occurredAt");
      json.writeValue(g, occurredAt);
      g.writeStringField("callId", callId);
      g.writeFieldName("payload");
      json.writeValue(g, payload);
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("event " + type + " cannot be written as JSON", e);
    }
    return out.toString();
  }
}
