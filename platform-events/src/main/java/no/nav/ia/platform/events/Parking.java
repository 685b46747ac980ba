package no.nav.ia.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Parks an event that cannot be applied in {@code dead_letter_event}, counted per topic
 * (ia_events_parked).
 */
@ApplicationScoped
class Parking {

  private static final Logger LOG = Logger.getLogger(Parking.class);

  @Inject MeterRegistry registry;

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
      registry.counter("ia.events.parked", "topic", record.topic()).increment();
      return true;
    } catch (Exception e) {
      LOG.warnf(
          "could not park event at %s-%d@%d, will retry: %s",
          record.topic(), record.partition(), record.offset(), e);
      return false;
    }
  }
}
