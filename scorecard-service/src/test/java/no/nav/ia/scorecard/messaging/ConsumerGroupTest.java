package no.nav.ia.scorecard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.nav.ia.platform.events.KafkaClients;
import no.nav.ia.test.PlatformTestResource;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' consumers in one group, as the platform's consumers are built: when the second
 * joins (a replica back after a crash, or a rolling deploy), the first gives up only the partitions
 * that move and goes on applying the others. With the default eager protocol it gave up all of them
 * until the group had settled, which an operations drill saw as a card standing still for 30 s
 * after a replica came back.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "scorecard"))
class ConsumerGroupTest {

  static final List<String> TOPICS = List.of("ia.delivery-events-v1", "ia.agreement-events-v1");

  @Inject KafkaClients clients;

  /** What a member was given and gave up, in order. */
  static final class Seen implements ConsumerRebalanceListener {
    final List<Set<TopicPartition>> revoked = new ArrayList<>();

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        revoked.add(Set.copyOf(partitions));
      }
    }
  }

  @Test
  void aMemberThatJoinsTakesPartitionsWithoutTheOtherGivingUpThoseItKeeps() {
    String group = "consumer-group-test-" + UUID.randomUUID();
    Seen first = new Seen();
    try (KafkaConsumer<String, String> a = clients.consumer(group);
        KafkaConsumer<String, String> b = clients.consumer(group)) {
      a.subscribe(TOPICS, first);
      Instant until = Instant.now().plusSeconds(60);
      while (a.assignment().isEmpty() && Instant.now().isBefore(until)) {
        a.poll(Duration.ofMillis(200));
      }
      Set<TopicPartition> all = new HashSet<>(a.assignment());
      assertThat(all).hasSizeGreaterThan(1);

      b.subscribe(TOPICS, new Seen());
      List<Integer> heldWhileJoining = new ArrayList<>();
      while (!(b.assignment().size() + a.assignment().size() == all.size()
              && !b.assignment().isEmpty())
          && Instant.now().isBefore(until)) {
        a.poll(Duration.ofMillis(100));
        heldWhileJoining.add(a.assignment().size());
        b.poll(Duration.ofMillis(100));
      }
      assertThat(b.assignment()).isNotEmpty();
      assertThat(a.assignment()).isNotEmpty().doesNotContainAnyElementsOf(b.assignment());
      // The first never held nothing while the second joined, and gave up only what moved.
      assertThat(heldWhileJoining).doesNotContain(0);
      assertThat(first.revoked).isNotEmpty().allSatisfy(r -> assertThat(r).isNotEqualTo(all));
      assertThat(first.revoked.stream().flatMap(Set::stream))
          .containsExactlyInAnyOrderElementsOf(b.assignment());
    }
  }
}
