package no.nav.ia.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Parks an event that cannot be applied in {@code dead_letter_event}, counted per topic
 * (ia_events_parked), and says how many wait there to be replayed (ia_events_parked_waiting: what
 * the alert watches, since a counter's first increase after a start is no increase to Prometheus).
 */
@ApplicationScoped
class Parking {

  private static final Logger LOG = Logger.getLogger(Parking.class);

  @Inject MeterRegistry registry;

  private final AtomicLong waiting = new AtomicLong();

  /** How often the parked events are counted unless ia.events.parked-count-interval says. */
  static final String COUNT_INTERVAL = "30s";

  @PostConstruct
  void registerMetrics() {
    Gauge.builder("ia.events.parked.waiting", waiting, AtomicLong::get)
        .description("Events parked in dead_letter_event and not yet replayed")
        .register(registry);
  }

  /** Counts the parked events (every replica sees the same table). */
  @Scheduled(
      every = "${ia.events.parked-count-interval:" + Parking.COUNT_INTERVAL + "}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void countWaiting() {
    try {
      // A lambda: Panache enhances the call DeadLetterEvent.count(), not a method reference to it.
      waiting.set(QuarkusTransaction.requiringNew().call(() -> DeadLetterEvent.count()));
    } catch (RuntimeException databaseAway) {
      LOG.debugf("parked events not counted: %s", databaseAway.toString());
    }
  }

  /** True if parked (the consumer may go past it); false if even that failed (try again later). */
  boolean park(ConsumerRecord<String, String> record, String reason) {
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
      Counter.builder("ia.events.parked")
          .description("Events parked in dead_letter_event because they could not be applied")
          .tag("topic", record.topic())
          .register(registry)
          .increment();
      return true;
    } catch (Exception e) {
      LOG.warnf(
          "could not park event at %s-%d@%d, will retry: %s",
          record.topic(), record.partition(), record.offset(), e);
      return false;
    }
  }
}
