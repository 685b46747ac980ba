package no.nav.ia.platform.events;

import java.util.Set;

/**
 * Applies events of some topics to this service's state. Called inside the transaction that also
 * records the event id, so an event is applied exactly once however often Kafka redelivers it.
 */
public interface EventHandler {

  Set<String> topics();

  /** Applies one event; throwing rolls the transaction back and, after retries, parks the event. */
  void handle(EventEnvelope event);
}
