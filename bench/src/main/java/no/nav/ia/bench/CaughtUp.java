package no.nav.ia.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code harness caught-up [kafka=HOST:PORT] [seconds=300]}: waits until every consumer group has
 * committed the end of every partition it reads, so that what is measured next runs on a quiet
 * platform (bench/run, after loading history: scorecard-service's projection may hold it all while
 * agreement-service, reading the same topic, still works through it on the same two cores). Prints
 * {@code caught_up_s} (how long it waited) and {@code behind} (events not yet committed, 0 when it
 * caught up); fails when the time runs out.
 */
final class CaughtUp {

  private final Main.Config config;

  CaughtUp(Main.Config config) {
    this.config = config;
  }

  void run() throws Exception {
    long started = System.nanoTime();
    long deadline = started + TimeUnit.SECONDS.toNanos(config.integer("seconds", 300));
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka", "127.0.0.1:9092"));
    try (Admin admin = Admin.create(props)) {
      long behind;
      while ((behind = behind(admin)) > 0) {
        if (System.nanoTime() > deadline) {
          System.out.println("behind=" + behind);
          throw new IllegalStateException(behind + " events not yet applied by every consumer");
        }
        Thread.sleep(250);
      }
      System.out.println("behind=0");
      System.out.printf(
          java.util.Locale.ROOT,
          "caught_up_s=%.1f%n",
          (System.nanoTime() - started) / 1_000_000_000.0);
    }
  }

  /**
   * Events between the platform's groups' committed offsets (a service's group is its name: {@code
   * agreement-service}, ...) and the ends of those partitions, summed. Other groups (a harness's
   * own, left behind) are not waited for.
   */
  static long behind(Admin admin) throws Exception {
    List<String> groups =
        admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
            .map(ConsumerGroupListing::groupId)
            .filter(group -> group.endsWith("-service"))
            .toList();
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
    Set<TopicPartition> partitions = new HashSet<>();
    for (String group : groups) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      committed.put(group, offsets);
      partitions.addAll(offsets.keySet());
    }
    if (partitions.isEmpty()) {
      return 0;
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
        .all()
        .get(10, TimeUnit.SECONDS)
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    long behind = 0;
    for (Map<TopicPartition, OffsetAndMetadata> offsets : committed.values()) {
      for (Map.Entry<TopicPartition, OffsetAndMetadata> at : offsets.entrySet()) {
        long offset = at.getValue() == null ? 0 : at.getValue().offset();
        behind += Math.max(0, ends.getOrDefault(at.getKey(), 0L) - offset);
      }
    }
    return behind;
  }
}
