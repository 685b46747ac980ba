package no.nav.ia.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One poll through Kafka's {@code MockConsumer}: which offsets get committed, and what the next
 * poll hands back, for each outcome of applying the poll together, per partition and per record.
 * The applier is scripted; what it does with the database is covered by the services' consumer
 * tests.
 */
class PollProcessorTest {

  static final TopicPartition A0 = new TopicPartition("a", 0);
  static final TopicPartition A1 = new TopicPartition("a", 1);
  static final TopicPartition B0 = new TopicPartition("b", 0);

  final CommitsThatFail consumer = new CommitsThatFail();
  final ScriptedApplier applier = new ScriptedApplier();
  final PollProcessor processor = new PollProcessor(applier, Map.of());

  @BeforeEach
  void assign() {
    List<TopicPartition> all = List.of(A0, A1, B0);
    consumer.assign(all);
    Map<TopicPartition, Long> beginning = new HashMap<>();
    all.forEach(p -> beginning.put(p, 0L));
    consumer.updateBeginningOffsets(beginning);
  }

  @Test
  void aPollAppliedTogetherIsCommittedAsAWholeInOneCall() {
    add(A1, 3);
    add(A0, 2);
    add(B0, 1);

    assertThat(processor.process(consumer, poll())).isTrue();

    assertThat(applier.together).hasSize(1);
    assertThat(names(applier.together.get(0)))
        .as("partitions in (topic, number) order, each in offset order")
        .containsExactly("a-0@0", "a-0@1", "a-1@0", "a-1@1", "a-1@2", "b-0@0");
    assertThat(committed()).containsExactlyInAnyOrderEntriesOf(Map.of(A0, 2L, A1, 3L, B0, 1L));
    assertThat(consumer.commits).isEqualTo(1);
  }

  @Test
  void aDatabaseAwayCommitsNothingAndSetsEveryPartitionBackToItsFirstRecord() {
    add(A0, 2);
    add(B0, 2);
    applier.outcome = batch -> BatchApplier.Together.UNAVAILABLE;

    assertThat(processor.process(consumer, poll())).isFalse();

    assertThat(committed()).isEmpty();
    assertThat(positions()).containsExactlyInAnyOrderEntriesOf(Map.of(A0, 0L, A1, 0L, B0, 0L));
  }

  @Test
  void aFailedPollFallsBackToPartitionsAndOnlyTheFailingPartitionGoesRecordByRecord() {
    add(A0, 2);
    add(B0, 3);
    // The whole poll fails, a-0 alone applies, b-0 alone fails; its records apply one by one.
    applier.outcome =
        batch ->
            batch.size() == 2 && batch.get(0).topic().equals("a")
                ? BatchApplier.Together.APPLIED
                : BatchApplier.Together.FAILED;

    assertThat(processor.process(consumer, poll())).isTrue();

    assertThat(applier.together).hasSize(3);
    assertThat(names(applier.alone)).containsExactly("b-0@0", "b-0@1", "b-0@2");
    assertThat(committed()).containsExactlyInAnyOrderEntriesOf(Map.of(A0, 2L, B0, 3L));
  }

  @Test
  void aRecordToTryAgainStopsItsPartitionThereAndTheOthersGoOn() {
    add(A0, 4);
    add(B0, 2);
    applier.outcome =
        batch ->
            batch.get(0).topic().equals("b")
                ? BatchApplier.Together.APPLIED
                : BatchApplier.Together.FAILED;
    // a-0@2 has to be tried later (contention, the database away for it): a-0@3 must not go past.
    applier.aloneApplies = record -> !(record.topic().equals("a") && record.offset() == 2);

    assertThat(processor.process(consumer, poll())).isFalse();

    assertThat(names(applier.alone)).containsExactly("a-0@0", "a-0@1", "a-0@2");
    assertThat(committed()).containsExactlyInAnyOrderEntriesOf(Map.of(A0, 2L, B0, 2L));
    assertThat(positions()).containsEntry(A0, 2L).containsEntry(B0, 2L);
  }

  @Test
  void aPollOfOnePartitionIsTriedOnceTogetherThenRecordByRecord() {
    add(A1, 3);
    applier.outcome = batch -> BatchApplier.Together.FAILED;

    assertThat(processor.process(consumer, poll())).isTrue();

    assertThat(applier.together).hasSize(1);
    assertThat(names(applier.alone)).containsExactly("a-1@0", "a-1@1", "a-1@2");
    assertThat(committed()).containsExactlyEntriesOf(Map.of(A1, 3L));
  }

  @Test
  void nothingAppliedMeansNothingCommittedAndThePartitionSetBack() {
    add(A0, 1);
    applier.outcome = batch -> BatchApplier.Together.FAILED;
    applier.aloneApplies = record -> false;

    assertThat(processor.process(consumer, poll())).isFalse();

    assertThat(committed()).isEmpty();
    assertThat(positions()).containsEntry(A0, 0L);
  }

  @Test
  void aCommitTheGroupRefusesIsDroppedAndTheSameConsumerGoesOn() {
    add(A0, 2);
    consumer.refusals.add(new CommitFailedException());

    assertThat(processor.process(consumer, poll()))
        .as("the poll was applied; only its commit was refused")
        .isTrue();
    assertThat(committed()).isEmpty();

    add(A0, 1);
    assertThat(processor.process(consumer, poll())).isTrue();
    assertThat(committed()).containsExactlyEntriesOf(Map.of(A0, 3L));
  }

  /**
   * A rebalance under way (another replica joining, this one keeping its partitions) refuses a
   * commit: the offsets are kept and made with the next commit, of another partition's poll or of
   * an empty poll, for the partitions still held.
   */
  @Test
  void offsetsARebalanceRefusedAreCommittedNextForThePartitionsStillHeld() {
    add(A0, 2);
    add(A1, 1);
    consumer.refusals.add(new RebalanceInProgressException("rebalancing"));
    assertThat(processor.process(consumer, poll())).isTrue();
    assertThat(committed()).isEmpty();

    add(B0, 1);
    assertThat(processor.process(consumer, poll())).isTrue();
    assertThat(committed()).containsExactlyInAnyOrderEntriesOf(Map.of(A0, 2L, A1, 1L, B0, 1L));

    add(A0, 1);
    consumer.refusals.add(new RebalanceInProgressException("rebalancing"));
    assertThat(processor.process(consumer, poll())).isTrue();
    // A1 moved to the other replica meanwhile: only what this member still holds is committed.
    consumer.assign(Set.of(A0, B0));
    processor.commitKept(consumer);
    assertThat(committed()).containsEntry(A0, 3L);

    // What was kept for a partition given up is not committed when it comes back: the other
    // member's commit of it stands.
    add(B0, 1);
    consumer.refusals.add(new RebalanceInProgressException("rebalancing"));
    assertThat(processor.process(consumer, poll())).isTrue();
    processor.forget(Set.of(B0));
    consumer.commitSync(Map.of(B0, new OffsetAndMetadata(5)));
    processor.commitKept(consumer);
    assertThat(committed()).containsEntry(B0, 5L);
  }

  private final Map<TopicPartition, Integer> next = new HashMap<>();

  private void add(TopicPartition partition, int count) {
    for (int i = 0; i < count; i++) {
      int offset = next.merge(partition, 1, Integer::sum) - 1;
      consumer.addRecord(
          new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "key", "value"));
    }
  }

  private ConsumerRecords<String, String> poll() {
    return consumer.poll(Duration.ZERO);
  }

  private Map<TopicPartition, Long> committed() {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    consumer
        .committed(Set.of(A0, A1, B0))
        .forEach(
            (p, o) -> {
              if (o != null) {
                offsets.put(p, o.offset());
              }
            });
    return offsets;
  }

  /** Where the next fetch of each partition starts. */
  private Map<TopicPartition, Long> positions() {
    Map<TopicPartition, Long> positions = new HashMap<>();
    consumer.assignment().forEach(p -> positions.put(p, consumer.position(p)));
    return positions;
  }

  private static List<String> names(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(r -> r.topic() + "-" + r.partition() + "@" + r.offset()).toList();
  }

  /** A mock consumer whose next commits fail with the given exceptions, as a group's would. */
  static class CommitsThatFail extends MockConsumer<String, String> {
    final Deque<KafkaException> refusals = new ArrayDeque<>();
    int commits;

    CommitsThatFail() {
      super("earliest");
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      commits++;
      if (!refusals.isEmpty()) {
        throw refusals.poll();
      }
      super.commitSync(offsets);
    }
  }

  /** An applier with scripted outcomes that remembers what it was given. */
  static class ScriptedApplier extends BatchApplier {
    final List<List<ConsumerRecord<String, String>>> together = new ArrayList<>();
    final List<ConsumerRecord<String, String>> alone = new ArrayList<>();
    Function<List<ConsumerRecord<String, String>>, Together> outcome = batch -> Together.APPLIED;
    Predicate<ConsumerRecord<String, String>> aloneApplies = record -> true;

    @Override
    Together applyTogether(
        Map<String, EventHandler> byTopic, List<ConsumerRecord<String, String>> batch) {
      together.add(List.copyOf(batch));
      return outcome.apply(batch);
    }

    @Override
    boolean applyAlone(Map<String, EventHandler> byTopic, ConsumerRecord<String, String> record) {
      alone.add(record);
      return aloneApplies.test(record);
    }
  }
}
