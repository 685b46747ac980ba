package no.nav.ia.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;

/**
 * The processed-event log: an event's id is recorded in the transaction that applies it, so a
 * redelivered event (a retry, a rebalance, a replayed dead letter) is applied once only.
 */
@ApplicationScoped
class Inbox {

  private static final String RECORD_NEW =
      "insert into processed_event (event_id, event_type, topic, kafka_partition, kafka_offset, processed_at)"
          + " select id, type, topic, part, off, now()"
          + " from unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::bigint[])"
          + " with ordinality as r(id, type, topic, part, off, n)"
          + " order by n on conflict do nothing returning event_id";

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

  /**
   * Records the ids of a poll's records (or a partition's) in one statement; the ids that were new
   * (the others were applied before). The rows go in in the order given (partition by partition in
   * one order, each in record order), so two consumers of the same partitions (during a rebalance)
   * wait for each other instead of deadlocking.
   */
  Set<UUID> recordNew(List<ConsumerRecord<String, String>> records, List<EventEnvelope> envelopes) {
    int n = records.size();
    UUID[] ids = new UUID[n];
    String[] types = new String[n];
    String[] topics = new String[n];
    Integer[] partitions = new Integer[n];
    Long[] offsets = new Long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = envelopes.get(i).eventId();
      types[i] = envelopes.get(i).type();
      topics[i] = records.get(i).topic();
      partitions[i] = records.get(i).partition();
      offsets[i] = records.get(i).offset();
    }
    // Plain JDBC on the transaction's connection, not a Hibernate native query: Hibernate keys
    // its plan cache for a native query with a result type by a result mapping built anew on
    // every call, so every call missed and added an entry, and the lookups walked thousands of
    // entries with one hash (39 % of a consumer thread's samples under load).
    Set<UUID> inserted = new HashSet<>();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert = connection.prepareStatement(RECORD_NEW)) {
                insert.setArray(1, connection.createArrayOf("uuid", ids));
                insert.setArray(2, connection.createArrayOf("text", types));
                insert.setArray(3, connection.createArrayOf("text", topics));
                insert.setArray(4, connection.createArrayOf("int4", partitions));
                insert.setArray(5, connection.createArrayOf("int8", offsets));
                try (ResultSet rows = insert.executeQuery()) {
                  while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                  }
                }
              }
            });
    return inserted;
  }
}
