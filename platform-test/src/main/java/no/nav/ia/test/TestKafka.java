package no.nav.ia.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends to and reads from the test broker's topics, as another service would. */
public final class TestKafka {

  private TestKafka() {}

  public static void send(String topic, String key, String value) {
    Properties props = new Properties();
    props.put("bootstrap.servers", Infra.kafkaBootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every record of the topic that {@code keep} accepts, from the start, in each partition's order
   * (so in order per key); reads until no record came for {@code quiet}.
   */
  public static List<ConsumerRecord<String, String>> readAll(
      String topic, Predicate<ConsumerRecord<String, String>> keep, Duration quiet) {
    Properties props = new Properties();
    props.put("bootstrap.servers", Infra.kafkaBootstrapServers());
    props.put("group.id", "test-" + UUID.randomUUID());
    props.put("auto.offset.reset", "earliest");
    List<ConsumerRecord<String, String>> kept = new java.util.ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      // The quiet time counts from when the partitions are ours: joining the group can take a
      // while.
      Instant joinBy = Instant.now().plusSeconds(60);
      while (consumer.assignment().isEmpty() && Instant.now().isBefore(joinBy)) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (keep.test(r)) {
            kept.add(r);
          }
        }
      }
      Instant lastRecord = Instant.now();
      while (Instant.now().isBefore(lastRecord.plus(quiet))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          lastRecord = Instant.now();
          if (keep.test(r)) {
            kept.add(r);
          }
        }
      }
    }
    return kept;
  }

  /** Reads the topic from the start until a record matches, or fails after the timeout. */
  public static ConsumerRecord<String, String> await(
      String topic, Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
    Properties props = new Properties();
    props.put("bootstrap.servers", Infra.kafkaBootstrapServers());
    props.put("group.id", "test-" + UUID.randomUUID());
    props.put("auto.offset.reset", "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      Instant until = Instant.now().plus(timeout);
      while (Instant.now().isBefore(until)) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (match.test(r)) {
            return r;
          }
        }
      }
    }
    throw new AssertionError("no matching record on " + topic + " within " + timeout);
  }
}
