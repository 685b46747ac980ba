package no.nav.ia.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
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
import no.nav.ia.platform.callid.CallId;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order, and marks them published only after the
 * broker acknowledged them (acks=all). A crash between the two publishes again: consumers dedupe by
 * event id. One relay thread per instance; {@code FOR UPDATE SKIP LOCKED} keeps instances apart.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  @Inject EntityManager em;
  @Inject KafkaClients clients;
  @Inject EventsConfig config;
  @Inject MeterRegistry registry;

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile KafkaProducer<String, String> producer;
  private Counter published;

  /** Wakes the relay as soon as a transaction with an event has committed. */
  void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
    wake();
  }

  /** Catches up on anything a wake-up missed (e.g. rows left by a crash or a broker outage). */
  @Scheduled(every = "${ia.events.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    wake();
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

  /** Publishes until nothing is pending; returns how many rows it published. */
  public int drain() {
    queued.set(false);
    int total = 0;
    try {
      int sent;
      do {
        sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
        total += sent;
      } while (sent == config.relayBatchSize());
    } catch (Exception e) {
      LOG.warnf("outbox relay round failed, will retry: %s", e.toString());
    }
    return total;
  }

  @SuppressWarnings("unchecked")
  private int publishBatch() throws Exception {
    List<OutboxEvent> batch =
        em.createNativeQuery(
                "select * from outbox_event where published_at is null order by seq"
                    + " limit :n for update skip locked",
                OutboxEvent.class)
            .setParameter("n", config.relayBatchSize())
            .getResultList();
    if (batch.isEmpty()) {
      return 0;
    }
    KafkaProducer<String, String> kafka = producer();
    List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
    for (OutboxEvent row : batch) {
      ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.key, row.envelope);
      record.headers().add("eventId", row.eventId.toString().getBytes(StandardCharsets.UTF_8));
      record.headers().add("eventType", row.type.getBytes(StandardCharsets.UTF_8));
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
      published = Counter.builder("ia.outbox.published").description("Events published from the outbox").register(registry);
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
