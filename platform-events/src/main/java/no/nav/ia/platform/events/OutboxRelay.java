package no.nav.ia.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.ia.platform.callid.CallId;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order, and marks them published only after the
 * broker acknowledged them (acks=all). A crash between the two publishes again: consumers dedupe by
 * event id. One relay thread per instance, and one relay publishing per service at a time: each
 * batch runs under a transaction-scoped PostgreSQL advisory lock, so two replicas never send the
 * events of one delivery or agreement out of order; a replica that finds the lock taken tries again
 * shortly.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  /** The Kafka headers of every event besides Nav-Call-Id: its id and its type. */
  public static final String EVENT_ID_HEADER = "eventId";

  public static final String EVENT_TYPE_HEADER = "eventType";

  /**
   * The advisory lock key of the relay (each service has its own database, so one key serves all).
   */
  public static final long LOCK_KEY = 0x1A_0B_0C_5EL;

  /** How often, and how far apart, a relay tries again when another replica holds the lock. */
  private static final int LOCK_TRIES = 40;

  private static final long LOCK_PAUSE_MILLIS = 25;
  private static final int LOCKED = -1;

  @Inject EntityManager em;
  @Inject KafkaClients clients;
  @Inject EventsConfig config;
  @Inject MeterRegistry registry;

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile KafkaProducer<String, String> producer;
  private Counter published;

  /**
   * Seconds since the oldest unpublished event was written ({@code
   * ia_outbox_oldest_pending_seconds}).
   */
  private final AtomicReference<Double> oldestPending = new AtomicReference<>(0.0);

  @PostConstruct
  void registerMetrics() {
    Gauge.builder("ia.outbox.oldest.pending", oldestPending, AtomicReference::get)
        .baseUnit("seconds")
        .description("Age of the oldest event not yet published to Kafka")
        .register(registry);
  }

  /** Wakes the relay as soon as a transaction with an event has committed. */
  void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
    wake();
  }

  /**
   * Catches up on anything a wake-up missed (e.g. rows left by a crash or a broker outage), and
   * measures how old the oldest unpublished event is ({@code ia_outbox_oldest_pending_seconds}):
   * while the broker is away the API goes on writing into the outbox, and this figure, not
   * readiness, says so.
   */
  @Scheduled(
      every = "${ia.events.relay-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    wake();
    try {
      Number age =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      (Number)
                          em.createNativeQuery(
                                  "select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_event where published_at is null")
                              .getSingleResult());
      oldestPending.set(age.doubleValue());
    } catch (RuntimeException databaseAway) {
      LOG.debugf("outbox age not measured: %s", databaseAway.toString());
    }
  }

  /** Deletes published rows older than the retention. */
  @Scheduled(every = "1h", delayed = "1m")
  void purge() {
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.outboxRetention());
    QuarkusTransaction.requiringNew()
        .run(() -> OutboxEvent.delete("publishedAt is not null and publishedAt < ?1", before));
  }

  public void wake() {
    if (!worker.isShutdown() && queued.compareAndSet(false, true)) {
      try {
        worker.submit(this::drain);
      } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
        queued.set(false);
      }
    }
  }

  /**
   * Publishes until nothing is pending; returns how many rows it published. While another replica
   * holds the relay lock it tries again for about a second (that replica may finish its batch
   * before our rows committed), then leaves the rest to the next wake-up.
   */
  public int drain() {
    queued.set(false);
    int total = 0;
    try {
      int tries = 0;
      while (true) {
        int sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
        if (sent == LOCKED) {
          if (++tries == LOCK_TRIES) {
            break;
          }
          Thread.sleep(LOCK_PAUSE_MILLIS);
          continue;
        }
        total += sent;
        if (sent < config.relayBatchSize()) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warnf("outbox relay round failed, will retry: %s", e.toString());
    }
    return total;
  }

  /**
   * One batch under the relay lock: the number published, or {@link #LOCKED} when another relay
   * holds it.
   */
  @SuppressWarnings("unchecked")
  private int publishBatch() throws Exception {
    boolean mine =
        (Boolean)
            em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", LOCK_KEY)
                .getSingleResult();
    if (!mine) {
      return LOCKED;
    }
    List<OutboxEvent> batch =
        em.createNativeQuery(
                "select * from outbox_event where published_at is null order by seq limit :n",
                OutboxEvent.class)
            .setParameter("n", config.relayBatchSize())
            .getResultList();
    if (batch.isEmpty()) {
      return 0;
    }
    KafkaProducer<String, String> kafka = producer();
    List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
    for (OutboxEvent row : batch) {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(row.topic, row.key, row.envelope);
      record
          .headers()
          .add(EVENT_ID_HEADER, row.eventId.toString().getBytes(StandardCharsets.UTF_8));
      record.headers().add(EVENT_TYPE_HEADER, row.type.getBytes(StandardCharsets.UTF_8));
      if (row.callId != null) {
        record.headers().add(CallId.HEADER, row.callId.getBytes(StandardCharsets.UTF_8));
      }
      acks.add(kafka.send(record));
    }
    kafka.flush();
    for (Future<RecordMetadata> ack : acks) {
      ack.get(30, TimeUnit.SECONDS);
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    batch.forEach(row -> row.publishedAt = now);
    publishedCounter().increment(batch.size());
    return batch.size();
  }

  private KafkaProducer<String, String> producer() {
    if (producer == null) {
      producer = clients.producer();
    }
    return producer;
  }

  private Counter publishedCounter() {
    if (published == null) {
      published =
          Counter.builder("ia.outbox.published")
              .description("Events published from the outbox")
              .register(registry);
    }
    return published;
  }

  void stop(@Observes ShutdownEvent event) {
    worker.shutdown();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(5));
    }
  }
}
