package no.nav.ia.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The consuming side: one poll loop per instance, in order per partition (so per org number). A
 * poll's records are applied in one transaction with their ids ({@link BatchApplier}, {@link
 * Inbox}); a redelivered event is skipped; one that keeps failing is parked ({@link Parking}); a
 * database outage stops progress (offsets are not committed) instead of parking everything ({@link
 * RetryPolicy}). This class is the loop: subscribe, poll, commit what was applied, restart after an
 * unexpected failure, and report its health.
 */
@ApplicationScoped
public class EventConsumer {

  private static final Logger LOG = Logger.getLogger(EventConsumer.class);

  @Inject Instance<EventHandler> handlers;
  @Inject KafkaClients clients;
  @Inject EventsConfig config;
  @Inject BatchApplier applier;
  @Inject MeterRegistry registry;

  private final Map<String, EventHandler> byTopic = new HashMap<>();
  private volatile boolean running;
  private volatile Instant lastPoll = Instant.EPOCH;
  private volatile Instant startedAt = Instant.EPOCH;
  private Thread thread;
  private KafkaConsumer<String, String> consumer;
  private KafkaClientMetrics metrics;
  private PollProcessor polls;

  void start(@Observes StartupEvent event) {
    handlers.forEach(h -> h.topics().forEach(t -> byTopic.put(t, h)));
    if (byTopic.isEmpty() || !config.consumerEnabled()) {
      return;
    }
    polls = new PollProcessor(applier, byTopic);
    consumer = newConsumer();
    running = true;
    startedAt = Instant.now();
    thread = new Thread(this::loop, "event-consumer");
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
      try {
        // Within NAIS' 30 s with the preStop pause and the requests' 20 s: a batch being applied
        // commits or rolls back in less, and the loop closes the consumer (leaving its group).
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Whether the loop is running and has polled recently (a loop that has not polled yet, within a
   * minute of its start: liveness was DOWN for the first seconds while the instance already took
   * traffic); backs the liveness check.
   */
  public boolean healthy() {
    Instant seen = lastPoll.equals(Instant.EPOCH) ? startedAt : lastPoll;
    return byTopic.isEmpty()
        || !config.consumerEnabled()
        || (running && thread.isAlive() && seen.isAfter(Instant.now().minusSeconds(60)));
  }

  /** When the loop last polled (the epoch before its first poll). */
  public Instant lastPoll() {
    return lastPoll;
  }

  public boolean enabled() {
    return !byTopic.isEmpty() && config.consumerEnabled();
  }

  /**
   * Applies a parked event again (DeadLetterReplay): empty if applied now or before, else why it
   * still fails.
   */
  Optional<String> replay(DeadLetterEvent parked) {
    return applier.replay(byTopic, parked);
  }

  /** Closes the consumer; a failure to close must not end the loop (the thread would be gone). */
  private void close() {
    try {
      consumer.close(Duration.ofSeconds(3));
    } catch (RuntimeException e) {
      LOG.warnf("event consumer not closed cleanly: %s", e.toString());
    }
  }

  /**
   * A consumer with its client metrics (lag, fetch rates) bound, also for one made after a restart.
   */
  private KafkaConsumer<String, String> newConsumer() {
    KafkaConsumer<String, String> created = clients.consumer();
    if (metrics != null) {
      metrics.close();
    }
    metrics = new KafkaClientMetrics(created);
    metrics.bindTo(registry);
    return created;
  }

  /** Polls until shutdown; an unexpected failure restarts the consumer after a pause. */
  private void loop() {
    while (running) {
      try {
        consumer.subscribe(List.copyOf(byTopic.keySet()), new Rebalances(polls));
        while (running) {
          ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
          lastPoll = Instant.now();
          if (records.isEmpty()) {
            polls.commitKept(consumer);
          } else if (!polls.process(consumer, records)) {
            BatchApplier.sleep(1000);
          }
        }
      } catch (WakeupException e) {
        // shutting down
      } catch (Exception e) {
        LOG.error("event consumer failed; restarting it in 5 s", e);
        close();
        BatchApplier.sleep(5000);
        consumer = newConsumer();
      }
    }
    close();
    if (metrics != null) {
      metrics.close();
    }
  }

  /**
   * Says in the log which partitions this instance takes and gives up: with two replicas in the
   * group, which one applies a partition, and when the other took over after a crash (the session
   * timeout later), was nowhere to be read.
   */
  private static final class Rebalances implements ConsumerRebalanceListener {

    private final PollProcessor polls;

    Rebalances(PollProcessor polls) {
      this.polls = polls;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        LOG.infof("event consumer took partitions %s", partitions);
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      polls.forget(partitions);
      if (!partitions.isEmpty()) {
        LOG.infof("event consumer gave up partitions %s", partitions);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      polls.forget(partitions);
      if (!partitions.isEmpty()) {
        LOG.warnf("event consumer lost partitions %s (its session ended)", partitions);
      }
    }
  }
}
