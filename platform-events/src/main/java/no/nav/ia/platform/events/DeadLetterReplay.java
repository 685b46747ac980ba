package no.nav.ia.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends parked events through the consumer again, oldest first, once the reason they were parked
 * for is gone (a fixed bug, a restored dependency). An event applied now, or applied meanwhile,
 * leaves the dead letters; one that still fails stays, with its new reason. Idempotent by event id
 * like any delivery from Kafka, so a replay never counts an event twice.
 */
@ApplicationScoped
public class DeadLetterReplay {

  private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

  @Inject EventConsumer consumer;
  @Inject MeterRegistry registry;

  /** What a replay did. */
  public record Result(int replayed, int stillParked, List<String> reasons) {}

  /** What is parked now. */
  public record Parked(
      long id, String topic, String key, String reason, java.time.OffsetDateTime parkedAt) {}

  public List<Parked> parked() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                DeadLetterEvent.<DeadLetterEvent>list("order by id").stream()
                    .map(d -> new Parked(d.id, d.topic, d.key, d.reason, d.parkedAt))
                    .toList());
  }

  public Result replayAll() {
    List<Long> ids =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    DeadLetterEvent.<DeadLetterEvent>list("order by id").stream()
                        .map(d -> d.id)
                        .toList());
    int replayed = 0;
    List<String> reasons = new java.util.ArrayList<>();
    for (Long id : ids) {
      DeadLetterEvent parked =
          QuarkusTransaction.requiringNew()
              .call(() -> DeadLetterEvent.<DeadLetterEvent>findById(id));
      if (parked == null) {
        continue; // replayed by a concurrent call
      }
      Optional<String> stillFailing = consumer.replay(parked);
      if (stillFailing.isEmpty()) {
        QuarkusTransaction.requiringNew().run(() -> DeadLetterEvent.deleteById(id));
        Counter.builder("ia.events.replayed")
            .description("Parked events replayed and applied")
            .tag("topic", parked.topic)
            .register(registry)
            .increment();
        replayed++;
      } else {
        String reason = stillFailing.get();
        QuarkusTransaction.requiringNew()
            .run(() -> DeadLetterEvent.update("reason = ?1 where id = ?2", reason, id));
        reasons.add(reason);
      }
    }
    LOG.infof("replayed %d parked events, %d still parked", replayed, reasons.size());
    return new Result(replayed, reasons.size(), reasons);
  }
}
