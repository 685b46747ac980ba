package no.nav.ia.platform.events;

import java.util.List;

/**
 * A topic a service produces and every event type on it: the outbox publishes under these types
 * only ({@link Outbox#publish(EventTopic, String, Record)}), and the service's AsyncAPI document is
 * made from them. A service offers its topic as a CDI bean.
 */
public record EventTopic(String name, String producer, String description, List<EventType> types) {

  public EventTopic {
    types = List.copyOf(types);
  }

  /** The type of {@code payload}; an event that is not in the topic's contract is refused. */
  public EventType typeOf(Record payload) {
    return types.stream()
        .filter(t -> t.payload() == payload.getClass())
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    payload.getClass().getSimpleName()
                        + " is not an event type of "
                        + name
                        + ": add it to the topic's contract, with a committed sample"));
  }
}
