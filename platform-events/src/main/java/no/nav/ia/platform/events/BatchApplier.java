package no.nav.ia.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies the records of a poll (or of one of its partitions): all in one transaction (one commit
 * instead of one per event); if that fails for another reason than the database being away, one by
 * one, so that only the failing event is parked ({@link Attempts}, {@link Parking}).
 */
@ApplicationScoped
class BatchApplier {

  private static final Logger LOG = Logger.getLogger(BatchApplier.class);

  /** What became of the records taken together. */
  enum Together {
    APPLIED,
    UNAVAILABLE,
    FAILED
  }

  @Inject Inbox inbox;
  @Inject Parking parking;
  @Inject EventsConfig config;
  @Inject ObjectMapper json;
  @Inject MeterRegistry registry;

  /**
   * Applies the records in one transaction: all of them, or none. Their ids are recorded in one
   * statement, and each handler gets its newly recorded events together, in record order ({@link
   * EventHandler#handleAll}), under the call id they share if they share one.
   */
  Together applyTogether(
      Map<String, EventHandler> byTopic, List<ConsumerRecord<String, String>> batch) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                List<EventEnvelope> envelopes = new ArrayList<>(batch.size());
                for (ConsumerRecord<String, String> record : batch) {
                  envelopes.add(Envelopes.read(record, json));
                }
                Set<UUID> recorded = inbox.recordNew(batch, envelopes);
                Map<EventHandler, List<EventEnvelope>> fresh = new LinkedHashMap<>();
                for (int i = 0; i < batch.size(); i++) {
                  // An id twice in one poll (published twice) is applied at its first record.
                  if (recorded.remove(envelopes.get(i).eventId())) {
                    fresh
                        .computeIfAbsent(byTopic.get(batch.get(i).topic()), h -> new ArrayList<>())
                        .add(envelopes.get(i));
                  }
                }
                fresh.forEach(
                    (handler, events) ->
                        Envelopes.withCallId(
                            Envelopes.sharedCallId(events),
                            () -> {
                              handler.handleAll(events);
                              handler.applied(events);
                            }));
              });
      return Together.APPLIED;
    } catch (Exception e) {
      if (RetryPolicy.isTransient(e)) {
        LOG.warnf(
            "database unavailable or locked while applying %d events, will retry: %s",
            batch.size(), e);
        return Together.UNAVAILABLE;
      }
      LOG.infof(
          "a batch of %d events failed (%s); applying them in smaller parts",
          batch.size(), RetryPolicy.describe(e));
      return Together.FAILED;
    }
  }

  /** Applies one record on its own; false means try again later, do not go past it. */
  boolean applyAlone(Map<String, EventHandler> byTopic, ConsumerRecord<String, String> record) {
    EventEnvelope envelope;
    try {
      envelope = Envelopes.read(record, json);
    } catch (Envelopes.Unreadable e) {
      return parking.park(record, "unreadable envelope: " + e.getMessage());
    }
    EventHandler handler = byTopic.get(record.topic());
    Attempts.Outcome outcome =
        Attempts.run(
            () -> applyInOwnTransaction(handler, record, envelope),
            config.maxAttempts(),
            BatchApplier::sleep,
            new Attempts.Listener() {
              @Override
              public void contentionRetried() {
                Counter.builder("ia.events.contention.retried")
                    .description(
                        "Tries of an event repeated at once after meeting a concurrent writer (one"
                            + " per retry; ia_events_contention_deferred counts those left for"
                            + " later)")
                    .tag("topic", record.topic())
                    .register(registry)
                    .increment();
              }

              @Override
              public void contentionDeferred(Exception last) {
                LOG.warnf(
                    "event %s (%s) still meets concurrent writers, will retry: %s",
                    envelope.eventId(), envelope.type(), RetryPolicy.describe(last));
                Counter.builder("ia.events.contention.deferred")
                    .description(
                        "Times an event was left for a later poll after meeting concurrent writers"
                            + " at every try")
                    .tag("topic", record.topic())
                    .register(registry)
                    .increment();
              }

              @Override
              public void unavailable(Exception e) {
                LOG.warnf(
                    "database unavailable or locked while applying %s, will retry: %s",
                    envelope.type(), e);
              }
            });
    return switch (outcome.kind()) {
      case APPLIED -> true;
      case RETRY_LATER -> false;
      case PARK -> {
        LOG.errorf(
            "event %s (%s) parked after %d attempts: %s",
            envelope.eventId(), envelope.type(), config.maxAttempts(), outcome.reason());
        yield parking.park(record, outcome.reason());
      }
    };
  }

  /**
   * Applies a parked event again (the dead letter's replay): empty if it is applied now or was
   * applied already (its id is in the processed-event log), else why it still fails.
   */
  Optional<String> replay(Map<String, EventHandler> byTopic, DeadLetterEvent parked) {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>(
            parked.topic, parked.partition, parked.offset, parked.key, parked.value);
    EventHandler handler = byTopic.get(record.topic());
    if (handler == null) {
      return Optional.of("no handler for topic " + record.topic());
    }
    try {
      applyInOwnTransaction(handler, record, Envelopes.read(record, json));
      return Optional.empty();
    } catch (Envelopes.Unreadable e) {
      return Optional.of("unreadable envelope: " + e.getMessage());
    } catch (Exception e) {
      return Optional.of(RetryPolicy.describe(e));
    }
  }

  /** One record in its own transaction, with the handler's per-batch bookkeeping. */
  private void applyInOwnTransaction(
      EventHandler handler, ConsumerRecord<String, String> record, EventEnvelope envelope) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Envelopes.withCallId(
                    record,
                    envelope,
                    () -> {
                      if (inbox.applyOnce(handler, envelope, record)) {
                        handler.applied(List.of(envelope));
                      }
                    }));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
