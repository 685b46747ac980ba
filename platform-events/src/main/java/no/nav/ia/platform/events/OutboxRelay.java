package no.nav.ia.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
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
import no.nav.ia.platform.events.OutboxRows.Pending;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
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
 *
 * <p>A commit wakes the relay, which waits {@link EventsConfig#relayLinger()} before it reads, so
 * that the commits meanwhile share its round; a scheduled round every second catches up on anything
 * a wake-up missed. A batch is one transaction: take the lock, read up to {@link
 * EventsConfig#relayBatchSize()} rows (only the columns a send needs), send them, wait for every
 * acknowledgement, mark them all published with one statement, commit. The lock has to cover the
 * send and the mark: were it released between them, another replica could read the same rows as
 * still pending and send them again, interleaved with ours. It is held by the transaction rather
 * than by the session, so it cannot outlive the batch on a pooled connection, and it goes with the
 * connection if the instance dies. Keeping that transaction open while Kafka answers costs little:
 * under READ COMMITTED an idle transaction holds no snapshot, and until the closing UPDATE it has
 * no transaction id and no row lock, so it neither holds back vacuum nor blocks a writer; the row
 * locks live from the UPDATE to the commit. Anything that need not be under the lock (counting,
 * measuring, purging) runs outside it. The send is bounded by the producer's timeouts
 * (max.block.ms, delivery.timeout.ms), well inside the transaction timeout. A holder that stops
 * answering without closing its connection (its machine gone, its process frozen) would keep the
 * lock until the server noticed; PostgreSQL ends its session after {@link
 * EventsConfig#relayHolderIdleLimit()} idle in the transaction instead.
 *
 * <p>A failed round leaves its batch pending for the next. After an error that leaves a Kafka
 * producer unable to send again (the idempotent write refused, authentication failed while it asked
 * for its producer id), the producer is closed and the next round makes a new one ({@link
 * RelayProducer}, {@code ia_outbox_producer_replaced_total}), so the relay resumes once the cause
 * is gone instead of failing every round until the instance restarts.
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

  /**
   * Takes the relay lock ({@code ?2}) if it is free, and bounds how long this transaction may then
   * sit idle ({@code ?1}, e.g. {@code 60000ms}; {@link EventsConfig#relayHolderIdleLimit()}) for
   * this transaction only: a holder that stopped answering loses the lock with its session.
   */
  public static final String LOCK_SQL =
      "select set_config('idle_in_transaction_session_timeout', ?, true),"
          + " pg_try_advisory_xact_lock(?)";

  /** How often, and how far apart, a relay tries again when another replica holds the lock. */
  private static final int LOCK_TRIES = 40;

  private static final long LOCK_PAUSE_MILLIS = 25;
  private static final int LOCKED = -1;

  @Inject OutboxRows rows;
  @Inject KafkaClients clients;
  @Inject EventsConfig config;
  @Inject MeterRegistry registry;

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
  private final AtomicBoolean queued = new AtomicBoolean();
  // A lambda, not clients::producer: the injected field is read when the first producer is made.
  private final RelayProducer producer = new RelayProducer(() -> measured(clients.producer()));
  private Counter published;
  private Counter replaced;
  private KafkaClientMetrics producerMetrics;

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
    // At 0 from the start: an increase() or rate() over a series that appears with its first
    // replacement never sees that one (an operations review found the series missing).
    replaced =
        Counter.builder("ia.outbox.producer.replaced")
            .description("Outbox producers closed after an error they may not recover from")
            .register(registry);
    publishedCounter();
  }

  /**
   * A new producer with its Kafka client metrics ({@code kafka_producer_*}: send errors, retries,
   * latency, buffer) in place of the last one's: without them a producer that fails its sends
   * showed only as the outbox's age, minutes later.
   */
  private synchronized KafkaProducer<String, String> measured(KafkaProducer<String, String> made) {
    if (producerMetrics != null) {
      producerMetrics.close();
    }
    producerMetrics = new KafkaClientMetrics(made);
    producerMetrics.bindTo(registry);
    return made;
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
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void poll() {
    wake();
    try {
      oldestPending.set(QuarkusTransaction.requiringNew().call(rows::oldestPendingSeconds));
    } catch (RuntimeException databaseAway) {
      LOG.debugf("outbox age not measured: %s", databaseAway.toString());
    }
  }

  /** Deletes published rows older than the retention. */
  @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void purge() {
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.outboxRetention());
    QuarkusTransaction.requiringNew().call(() -> rows.purgePublishedBefore(before));
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
    int total = 0;
    try {
      linger();
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
        publishedCounter().increment(sent);
        total += sent;
        if (sent < config.relayBatchSize()) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warnf("outbox relay round failed, will retry: %s", e.toString());
      if (producer.failed(e)) {
        replaced.increment();
      }
    }
    return total;
  }

  /**
   * Waits {@link EventsConfig#relayLinger()} before a round reads the outbox; wake-ups meanwhile
   * join this round instead of queueing another.
   */
  private void linger() throws InterruptedException {
    try {
      long millis = config.relayLinger().toMillis();
      if (millis > 0) {
        Thread.sleep(millis);
      }
    } finally {
      queued.set(false);
    }
  }

  /**
   * One batch under the relay lock: the number published, or {@link #LOCKED} when another relay
   * holds it.
   */
  private int publishBatch() throws Exception {
    if (!rows.tryLock(LOCK_KEY, config.relayHolderIdleLimit())) {
      return LOCKED;
    }
    List<Pending> batch = rows.pending(config.relayBatchSize());
    if (batch.isEmpty()) {
      return 0;
    }
    send(batch);
    rows.markPublished(batch, OffsetDateTime.now(ZoneOffset.UTC));
    return batch.size();
  }

  /**
   * Sends the batch in seq order and returns once the broker acknowledged every record; throws at
   * the first failure, leaving the whole batch pending. A record the producer refuses at once (too
   * large, no metadata in time) stops the batch there, so no later event of its key overtakes it.
   */
  private void send(List<Pending> batch) throws Exception {
    Producer<String, String> kafka = producer.get();
    List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
    for (Pending row : batch) {
      Future<RecordMetadata> ack = kafka.send(record(row));
      if (ack.isDone()) {
        ack.get();
      }
      acks.add(ack);
    }
    kafka.flush();
    for (Future<RecordMetadata> ack : acks) {
      ack.get(30, TimeUnit.SECONDS);
    }
  }

  private static ProducerRecord<String, String> record(Pending row) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(row.topic(), row.key(), row.envelope());
    record
        .headers()
        .add(EVENT_ID_HEADER, row.eventId().toString().getBytes(StandardCharsets.UTF_8));
    record.headers().add(EVENT_TYPE_HEADER, row.type().getBytes(StandardCharsets.UTF_8));
    if (row.callId() != null) {
      record.headers().add(CallId.HEADER, row.callId().getBytes(StandardCharsets.UTF_8));
    }
    return record;
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
      // What is not published by then is published by the next replica or start (the outbox
      // keeps it); a pod waited for longer is killed by NAIS after 30 s.
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(java.time.Duration.ofSeconds(2));
    synchronized (this) {
      if (producerMetrics != null) {
        producerMetrics.close();
      }
    }
  }
}
