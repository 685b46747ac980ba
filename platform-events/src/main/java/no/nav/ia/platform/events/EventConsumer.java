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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
  private Thread thread;
  private KafkaConsumer<String, String> consumer;
  private KafkaClientMetrics metrics;

  void start(@Observes StartupEvent event) {
    handlers.forEach(h -> h.topics().forEach(t -> byTopic.put(t, h)));
    if (byTopic.isEmpty() || !config.consumerEnabled()) {
      return;
    }
    consumer = newConsumer();
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

  /** Whether the loop is running and has polled recently; backs the liveness check. */
  public boolean healthy() {
    return byTopic.isEmpty()
        || !config.consumerEnabled()
        || (running && thread.isAlive() && lastPoll.isAfter(Instant.now().minusSeconds(60)));
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
        consumer.subscribe(List.copyOf(byTopic.keySet()));
        while (running) {
          ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
          lastPoll = Instant.now();
          if (!records.isEmpty() && !processAll(records)) {
            BatchApplier.sleep(1000);
          }
        }
      } catch (WakeupException e) {
        // shutting down
      } catch (Exception e) {
        LOG.error("event consumer failed; restarting it in 5 s", e);
        consumer.close(Duration.ofSeconds(5));
        BatchApplier.sleep(5000);
        consumer = newConsumer();
      }
    }
    consumer.close(Duration.ofSeconds(5));
    if (metrics != null) {
      metrics.close();
    }
  }

  /**
   * Processes a poll and commits the offsets of what was applied or parked: the whole poll in one
   * transaction when it can, else partition by partition, and a partition that fails as a whole
   * record by record. Returns false if some partition has to be tried again (its position is set
   * back for that).
   *
   * <p>One transaction per poll instead of one per partition: under load a poll holds a few events
   * of every partition, and the projections' shared rows (a county's totals) then take one update
   * per poll instead of one per partition. The partitions go in in one order (topic, number), so
   * two consumers briefly polling the same partitions (a rebalance) wait for each other's inbox
   * rows instead of deadlocking; a deadlock in a handler's writes fails the poll, which then falls
   * back as any failure does.
   */
  private boolean processAll(ConsumerRecords<String, String> records) {
    List<TopicPartition> partitions = new ArrayList<>(records.partitions());
    partitions.sort(
        Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    if (partitions.size() > 1) {
      List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
      partitions.forEach(p -> all.addAll(records.records(p)));
      BatchApplier.Together together = applier.applyTogether(byTopic, all);
      if (together == BatchApplier.Together.APPLIED) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        partitions.forEach(p -> done.put(p, next(records.records(p))));
        consumer.commitSync(done);
        return true;
      }
      if (together == BatchApplier.Together.UNAVAILABLE) {
        partitions.forEach(p -> consumer.seek(p, records.records(p).get(0).offset()));
        return false;
      }
    }
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    boolean allDone = true;
    for (TopicPartition partition : partitions) {
      List<ConsumerRecord<String, String>> batch = records.records(partition);
      BatchApplier.Together together = applier.applyTogether(byTopic, batch);
      if (together == BatchApplier.Together.APPLIED) {
        done.put(partition, next(batch));
        continue;
      }
      if (together == BatchApplier.Together.UNAVAILABLE) {
        consumer.seek(partition, batch.get(0).offset());
        allDone = false;
        continue;
      }
      for (ConsumerRecord<String, String> record : batch) {
        if (!applier.applyAlone(byTopic, record)) {
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

  /** The offset after a partition's records of this poll. */
  private static OffsetAndMetadata next(List<ConsumerRecord<String, String>> batch) {
    return new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1);
  }
}
