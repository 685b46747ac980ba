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
   * Applies the newly recorded events of a poll (never empty), in the transaction that recorded
   * their ids: partition by partition, each partition's in record order, so the events of one key
   * come in the order they were published. By default one by one with {@link #handle}, each under
   * its own call id; a handler that can apply a batch set-wise (fewer statements than one set per
   * event) overrides this. Throwing rolls the whole batch back; the consumer then applies its
   * events in smaller parts, down to one by one with {@link #handle}, so that only a failing one is
   * parked.
   */
  default void handleAll(List<EventEnvelope> events) {
    for (EventEnvelope event : events) {
      Envelopes.withCallId(event.callId(), () -> handle(event));
    }
  }

  /**
   * Called once per transaction, after {@link #handleAll} or {@link #handle} of its newly applied
   * events (never empty): bookkeeping that would serialise concurrent consumers if written per
   * event, such as the time of the newest event, is written here once per batch.
   */
  default void applied(List<EventEnvelope> events) {}
}
