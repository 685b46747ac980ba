package no.nav.ia.platform.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.jboss.logging.Logger;

/**
 * What the consumer loop does with one poll: apply it, commit the offsets of what was applied or
 * parked, and set back the position of what has to be tried again. Apart from {@link
 * EventConsumer}'s loop so that it can be tested against Kafka's {@code MockConsumer}.
 *
 * <p>The whole poll goes in one transaction when it can, else partition by partition, and a
 * partition that fails as a whole record by record. One transaction per poll instead of one per
 * partition: under load a poll holds a few events of every partition, and the projections' shared
 * rows (a county's totals) then take one update per poll instead of one per partition. The
 * partitions go in in one order (topic, number), so two consumers briefly polling the same
 * partitions (a rebalance) wait for each other's inbox rows instead of deadlocking; a deadlock in a
 * handler's writes fails the poll, which then falls back as any failure does.
 */
class PollProcessor {

  private static final Logger LOG = Logger.getLogger(PollProcessor.class);

  private final BatchApplier applier;
  private final Map<String, EventHandler> byTopic;

  PollProcessor(BatchApplier applier, Map<String, EventHandler> byTopic) {
    this.applier = applier;
    this.byTopic = byTopic;
  }

  /**
   * Processes a poll and commits what was applied or parked. Returns false if some partition has to
   * be tried again (its position is set back to its first record not done).
   */
  boolean process(Consumer<String, String> consumer, ConsumerRecords<String, String> records) {
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
        commit(consumer, done);
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
      commit(consumer, done);
    }
    return allDone;
  }

  /**
   * Offsets a commit could not make while a rebalance was under way, for partitions this member
   * keeps (the incremental rebalance leaves it its partitions): made with the next commit.
   */
  private final Map<TopicPartition, OffsetAndMetadata> kept = new HashMap<>();

  /**
   * Commits the offsets, with those kept from a commit a rebalance refused. While a rebalance is
   * under way (another replica joining: this member keeps applying its own partitions), the offsets
   * are kept for the next commit (a drill's survivor logged a WARN per poll for the 30 s until the
   * dead member's session ended, saying events would come again that did not). If the group has
   * moved on without this member (the broker came back and its coordinator lost our session), the
   * commit is dropped and the loop goes on polling with the same consumer: its next poll rejoins
   * the group and takes up from the group's committed offsets, and the events it gets again are
   * skipped by the inbox. Closing this consumer and starting another instead would leave its member
   * behind whenever the close's leave request does not reach the coordinator, and the group would
   * wait for that member in its next rebalance.
   */
  private void commit(
      Consumer<String, String> consumer, Map<TopicPartition, OffsetAndMetadata> offsets) {
    Map<TopicPartition, OffsetAndMetadata> all = new HashMap<>();
    Set<TopicPartition> owned = consumer.assignment();
    kept.forEach(
        (partition, offset) -> {
          if (owned.contains(partition)) {
            all.put(partition, offset);
          }
        });
    kept.clear();
    all.putAll(offsets);
    try {
      consumer.commitSync(all);
    } catch (RebalanceInProgressException e) {
      kept.putAll(all);
      LOG.debugf(
          "a rebalance is under way: offsets of %d partitions kept for the next commit",
          all.size());
    } catch (CommitFailedException e) {
      LOG.warnf(
          "offsets of %d partitions not committed (%s); the events come again and are skipped",
          all.size(), e.getMessage());
    }
  }

  /**
   * Drops what was kept for partitions this member gave up or lost: another member applies them
   * from here on, and their offsets are its to commit (one of ours, older, would set the group's
   * back if the partition came back to us before our next records of it).
   */
  void forget(java.util.Collection<TopicPartition> partitions) {
    partitions.forEach(kept::remove);
  }

  /** Makes the commit a rebalance refused, when no poll has records to commit with it. */
  void commitKept(Consumer<String, String> consumer) {
    if (!kept.isEmpty()) {
      commit(consumer, Map.of());
    }
  }

  /** The offset after a partition's records of this poll. */
  private static OffsetAndMetadata next(List<ConsumerRecord<String, String>> batch) {
    return new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1);
  }
}
