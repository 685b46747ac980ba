package no.nav.ia.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The processed-event log: an event's id is recorded in the transaction that applies it, so a
 * redelivered event (a retry, a rebalance, a replayed dead letter) is applied once only.
 */
@ApplicationScoped
class Inbox {

  @Inject EntityManager em;

  /** Records the event id and applies the event if the id was new; true if it was applied now. */
  boolean applyOnce(
      EventHandler handler, EventEnvelope envelope, ConsumerRecord<String, String> record) {
    int inserted =
        em.createNativeQuery(
                "insert into processed_event (event_id, event_type, topic, kafka_partition, kafka_offset, processed_at)"
                    + " values (:id, :type, :topic, :partition, :offset, now()) on conflict do nothing")
            .setParameter("id", envelope.eventId())
            .setParameter("type", envelope.type())
            .setParameter("topic", record.topic())
            .setParameter("partition", record.partition())
            .setParameter("offset", record.offset())
            .executeUpdate();
    if (inserted == 1) {
      handler.handle(envelope);
    }
    return inserted == 1;
  }
}
