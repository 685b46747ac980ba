package no.nav.ia.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.problem.Causes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * The consuming side: one poll loop per instance, in order per partition (so per org number).
 * Each event is applied and its id recorded in the same transaction (one per partition and poll);
 * a redelivered event is skipped; an event that keeps failing is parked in {@code dead_letter_event};
 * a database outage stops progress (offsets are not committed) instead of parking everything.
 */
@ApplicationScoped
public class EventConsumer {

  private static final Logger LOG = Logger.getLogger(EventConsumer.class);
  /** Tries of one event against a deadlock or serialization failure before it waits for the next poll. */
  static final int CONTENTION_TRIES = 8;

  @Inject Instance<EventHandler> handlers;
  @Inject KafkaClients clients;
  @Inject EventsConfig config;
  @Inject ObjectMapper json;
  @Inject EntityManager em;
  @Inject MeterRegistry registry;

  private final Map<String, EventHandler> byTopic = new HashMap<>();
  private volatile boolean running;
  private volatile Instant lastPoll = Instant.EPOCH;
  private Thread thread;
  private KafkaConsumer<String, String> consumer;

  void start(@Observes StartupEvent event) {
    handlers.forEach(h -> h.topics().forEach(t -> byTopic.put(t, h)));
    if (byTopic.isEmpty() || !config.consumerEnabled()) {
      return;
    }
    consumer = clients.consumer();
    new KafkaClientMetrics(consumer).bindTo(registry);
    running = true;
    thread = new Thread(this::loop, "event-consumer");
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether the loop is running and has polled recently; backs the readiness check. */
  public boolean healthy() {
    return byTopic.isEmpty() || !config.consumerEnabled()
        || (running && thread.isAlive() && lastPoll.isAfter(Instant.now().minusSeconds(60)));
  }

  public boolean enabled() {
    return !byTopic.isEmpty() && config.consumerEnabled();
  }

  /** Polls until shutdown; an unexpected failure restarts the consumer after a pause. */
  private void loop() {
    while (running) {
      try {
        consumer.subscribe(List.copyOf(byTopic.keySet()));
        while (running) {
          ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
          lastPoll = Instant.now();
          if (!records.isEmpty() && !processAll(records)) {
            sleep(1000);
          }
        }
      } catch (WakeupException e) {
        // shutting down
      } catch (Exception e) {
        LOG.error("event consumer failed; restarting it in 5 s", e);
        consumer.close(Duration.ofSeconds(5));
        sleep(5000);
        consumer = clients.consumer();
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  /**
   * Processes a poll partition by partition, each partition's records in one transaction (one commit
   * instead of one per event). If that fails for another reason than an unavailable database, the
   * partition's records are applied one by one so that only the failing event is parked. Returns
   * false if some partition has to be retried.
   */
  private boolean processAll(ConsumerRecords<String, String> records) {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    boolean allDone = true;
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, String>> batch = records.records(partition);
      Outcome together = applyTogether(batch);
      if (together == Outcome.APPLIED) {
        done.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
        continue;
      }
      if (together == Outcome.UNAVAILABLE) {
        consumer.seek(partition, batch.get(0).offset());
        allDone = false;
        continue;
      }
      for (ConsumerRecord<String, String> record : batch) {
        if (!process(record)) {
          consumer.seek(partition, record.offset());
          allDone = false;
          break;
        }
        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
      }
    }
    if (!done.isEmpty()) {
      consumer.commitSync(done);
    }
    return allDone;
  }

  private enum Outcome { APPLIED, UNAVAILABLE, FAILED }

  /** Applies records of one partition in one transaction: all of them, or none. */
  Outcome applyTogether(List<ConsumerRecord<String, String>> batch) {
    try {
      QuarkusTransaction.requiringNew().run(() -> {
        Map<EventHandler, List<EventEnvelope>> applied = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
          EventEnvelope envelope = read(record);
          EventHandler handler = byTopic.get(record.topic());
          withCallId(record, envelope, () -> {
            if (applyOnce(handler, envelope, record)) {
              applied.computeIfAbsent(handler, h -> new ArrayList<>()).add(envelope);
            }
          });
        }
        applied.forEach(EventHandler::applied);
      });
      return Outcome.APPLIED;
    } catch (Exception e) {
      if (isTransient(e)) {
        LOG.warnf("database unavailable while applying %d events, will retry: %s", batch.size(), e);
        return Outcome.UNAVAILABLE;
      }
      LOG.infof("a batch of %d events failed (%s); applying them one by one", batch.size(), describe(e));
      return Outcome.FAILED;
    }
  }

  /** The record's envelope; {@link Unreadable} if it is not one. */
  private EventEnvelope read(ConsumerRecord<String, String> record) {
    EventEnvelope envelope;
    try {
      envelope = json.readValue(record.value(), EventEnvelope.class);
    } catch (Exception e) {
      throw new Unreadable(e.getClass().getSimpleName());
    }
    if (envelope == null || envelope.eventId() == null || envelope.type() == null) {
      throw new Unreadable("envelope lacks eventId or type");
    }
    return envelope;
  }

  private static final class Unreadable extends RuntimeException {
    Unreadable(String reason) {
      super(reason, null, false, false);
    }
  }

  private static void withCallId(ConsumerRecord<String, String> record, EventEnvelope envelope, Runnable work) {
    String callId = header(record, CallId.HEADER);
    if (callId == null) {
      callId = envelope.callId();
    }
    if (callId != null) {
      CallId.set(callId);
    }
    try {
      work.run();
    } finally {
      CallId.clear();
    }
  }

  /** Applies one record; false means a transient failure: try again later, do not skip it. */
  boolean process(ConsumerRecord<String, String> record) {
    EventEnvelope envelope;
    try {
      envelope = read(record);
    } catch (Unreadable e) {
      return park(record, "unreadable envelope: " + e.getMessage());
    }
    Exception last = null;
    int contended = 0;
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      try {
        applyAlone(record, envelope);
        return true;
      } catch (Exception e) {
        if (isTransient(e)) {
          LOG.warnf("database unavailable while applying %s, will retry: %s", envelope.type(), e);
          return false;
        }
        if (isContention(e)) {
          // A deadlock or serialization failure says nothing about the event: wait and try again,
          // without spending an attempt; if it persists, leave it for the next poll instead of parking.
          if (++contended > CONTENTION_TRIES) {
            LOG.warnf("event %s (%s) still meets concurrent writers, will retry: %s", envelope.eventId(), envelope.type(), describe(e));
            registry.counter("ia.events.contention.deferred", "topic", record.topic()).increment();
            return false;
          }
          registry.counter("ia.events.contention.retried", "topic", record.topic()).increment();
          sleep(contentionBackoffMillis(contended));
          attempt--;
          continue;
        }
        last = e;
      }
    }
    LOG.errorf(last, "event %s (%s) parked after %d attempts", envelope.eventId(), envelope.type(), config.maxAttempts());
    return park(record, describe(last));
  }

  /** Applies one record in its own transaction, with the handler's per-batch bookkeeping. */
  private void applyAlone(ConsumerRecord<String, String> record, EventEnvelope envelope) {
    EventHandler handler = byTopic.get(record.topic());
    QuarkusTransaction.requiringNew().run(() -> withCallId(record, envelope, () -> {
      if (applyOnce(handler, envelope, record)) {
        handler.applied(List.of(envelope));
      }
    }));
  }

  /**
   * Applies a parked event again (the dead letter's replay): empty if it is applied now or was applied
   * already (its id is in the processed-event log), else why it still fails.
   */
  Optional<String> replay(DeadLetterEvent parked) {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>(parked.topic, parked.partition, parked.offset, parked.key, parked.value);
    if (!byTopic.containsKey(record.topic())) {
      return Optional.of("no handler for topic " + record.topic());
    }
    try {
      applyAlone(record, read(record));
      return Optional.empty();
    } catch (Unreadable e) {
      return Optional.of("unreadable envelope: " + e.getMessage());
    } catch (Exception e) {
      return Optional.of(describe(e));
    }
  }

  /** Deadlock (40P01) and serialization failure (40001): two writers met; trying again helps. */
  static boolean isContention(Throwable e) {
    return Causes.any(e, t -> t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())));
  }

  /** 50, 100, 200 ... ms, at most 2 s, with jitter so that two replicas do not meet again in step. */
  static long contentionBackoffMillis(int tries) {
    long base = Math.min(2000, 50L << Math.min(tries - 1, 6));
    return base / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(base / 2 + 1);
  }

  /** Records the event id; true (and the handler applied it) if the id was new. */
  private boolean applyOnce(EventHandler handler, EventEnvelope envelope, ConsumerRecord<String, String> record) {
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

  private boolean park(ConsumerRecord<String, String> record, String reason) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                DeadLetterEvent parked = new DeadLetterEvent();
                parked.topic = record.topic();
                parked.partition = record.partition();
                parked.offset = record.offset();
                parked.key = record.key();
                parked.value = record.value();
                parked.reason = reason;
                parked.parkedAt = OffsetDateTime.now(ZoneOffset.UTC);
                parked.persist();
              });
      registry.counter("ia.events.parked", "topic", record.topic()).increment();
      return true;
    } catch (Exception e) {
      LOG.warnf("could not park event at %s-%d@%d, will retry: %s", record.topic(), record.partition(), record.offset(), e);
      return false;
    }
  }

  static boolean isTransient(Throwable e) {
    return Causes.any(e, t -> t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
        || t instanceof java.net.ConnectException
        || t.getClass().getName().contains("AcquisitionTimeout")
        || t instanceof org.hibernate.exception.JDBCConnectionException);
  }

  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    String reason = root.getClass().getSimpleName() + message;
    return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
