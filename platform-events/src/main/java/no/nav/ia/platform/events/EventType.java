package no.nav.ia.platform.events;

/**
 * One event type of a topic: its name on the wire (the envelope's {@code type}, the record's simple
 * name), the record its payload is written from, its Kafka key and what happened.
 */
public record EventType(
    String name, Class<? extends Record> payload, EventKey key, String description) {

  public static EventType of(Class<? extends Record> payload, EventKey key, String description) {
    return new EventType(payload.getSimpleName(), payload, key, description);
  }
}
