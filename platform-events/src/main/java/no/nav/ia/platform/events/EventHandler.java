package no.nav.ia.platform.events;

import java.util.List;
import java.util.Set;

/**
 * Applies events of some topics to this service's state. Called inside the transaction that also
 * records the event id, so an event is applied exactly once however often Kafka redelivers it.
 */
public interface EventHandler {

  Set<String> topics();

  /** Applies one event; throwing rolls the transaction back and, after retries, parks the event. */
  void handle(EventEnvelope event);

  /**
   * Called once per transaction, after {@link #handle} for each of its newly applied events (never
   * empty): bookkeeping that would serialise concurrent consumers if written per event, such as the
   * time of the newest event, is written here once per batch.
   */
  default void applied(List<EventEnvelope> events) {}
}
