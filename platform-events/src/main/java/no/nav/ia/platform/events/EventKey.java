package no.nav.ia.platform.events;

/**
 * The Kafka key an event type is published under, as the AsyncAPI document describes it: a string
 * with a pattern or a format.
 */
public record EventKey(String description, String pattern, String format) {

  /** The enterprise's org number: the events of one enterprise keep their order. */
  public static final EventKey ORG_NUMBER =
      new EventKey(
          "The enterprise's org number: the events of one enterprise go to one partition and keep"
              + " their order.",
          EventField.ORG_NUMBER,
          null);

  /** A UUID, for events that concern no single enterprise. */
  public static EventKey uuid(String description) {
    return new EventKey(description, null, "uuid");
  }
}
