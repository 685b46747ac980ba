package no.nav.ia.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The fault suite's order check: reads {@code ia.delivery-events-v1} from the start for one
 * enterprise (its key) and checks that every delivery's events came in version order. An event sent
 * again after a crash (the same eventId) is what consumers skip, so it is skipped here too. Prints
 * {@code event_order_deliveries} and {@code event_order_violations}.
 */
final class EventOrder {

  private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern DELIVERY_ID = Pattern.compile("\"deliveryId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

  private final Main.Config config;

  EventOrder(Main.Config config) {
    this.config = config;
  }

  void run() {
    String org = config.get("org", null);
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka", "127.0.0.1:9092"));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-event-order-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<String> envelopes = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("ia.delivery-events-v1"));
      // The quiet time counts from when the partitions are ours: joining the group can take a
      // while.
      long joinBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (consumer.assignment().isEmpty() && System.nanoTime() < joinBy) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
          if (org.equals(r.key())) {
            envelopes.add(r.value());
          }
        }
      }
      long quietUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < quietUntil) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
          quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
          if (org.equals(r.key())) {
            envelopes.add(r.value());
          }
        }
      }
    }
    Result result = check(envelopes);
    System.out.println("event_order_events=" + envelopes.size());
    System.out.println("event_order_deliveries=" + result.deliveries());
    System.out.println("event_order_violations=" + result.violations());
  }

  record Result(int deliveries, int violations) {}

  /**
   * Envelopes of one key in topic order: deliveries whose versions (first sight of each eventId) do
   * not rise.
   */
  static Result check(List<String> envelopes) {
    Set<String> seen = new HashSet<>();
    Map<String, Integer> last = new HashMap<>();
    Set<String> violated = new HashSet<>();
    for (String envelope : envelopes) {
      String eventId = first(EVENT_ID, envelope);
      String delivery = first(DELIVERY_ID, envelope);
      String version = first(VERSION, envelope);
      if (eventId == null || delivery == null || version == null || !seen.add(eventId)) {
        continue;
      }
      int v = Integer.parseInt(version);
      Integer before = last.put(delivery, v);
      if (before != null && before >= v) {
        violated.add(delivery);
      }
    }
    return new Result(last.size(), violated.size());
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
