package no.nav.ia.scorecard.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import no.nav.ia.test.EventSamples;
import no.nav.ia.test.Infra;
import no.nav.ia.test.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Delivery events made from the committed samples, sent to the real broker. */
final class TestEvents {

  static final String TOPIC = "ia.delivery-events-v1";
  private static final List<String> FACTS = List.of("delivery", "before", "after");

  private TestEvents() {}

  /**
   * A sample event of the type for one delivery, moved to a county and the 14th of a month; the
   * direction is set on the version it records (not on a correction's {@code before}).
   */
  static ObjectNode event(
      String type, UUID deliveryId, String county, String month, String direction) {
    ObjectNode e = EventSamples.sample(type);
    ObjectNode p = (ObjectNode) e.get("payload");
    p.put("deliveryId", deliveryId.toString());
    for (String part : FACTS) {
      if (p.has(part)) {
        ObjectNode facts = (ObjectNode) p.get(part);
        facts.put("countyCode", county);
        facts.put("deliveredOn", month + "-14");
        if (!part.equals("before")) {
          facts.put("direction", direction);
        }
      }
    }
    return e;
  }

  static ObjectNode forOrg(ObjectNode event, String org) {
    return with(event, "orgNumber", org);
  }

  /** Sets one fact on every version the event carries. */
  static ObjectNode with(ObjectNode event, String fact, String value) {
    ObjectNode p = (ObjectNode) event.get("payload");
    for (String part : FACTS) {
      if (p.has(part)) {
        ObjectNode facts = (ObjectNode) p.get(part);
        if (value == null) {
          facts.remove(fact);
        } else {
          facts.put(fact, value);
        }
      }
    }
    return event;
  }

  /** Sets the version of the event. */
  static ObjectNode version(ObjectNode event, long version) {
    ((ObjectNode) event.get("payload")).put("version", version);
    return event;
  }

  static void send(ObjectNode event) {
    TestKafka.send(TOPIC, "974760673", EventSamples.write(event));
  }

  /**
   * Sends the events with one producer and one flush, on one partition: the consumer gets them in
   * one poll, as one batch (or in a few, never out of order).
   */
  static void sendTogether(List<ObjectNode> events) {
    sendTogether(events, e -> "974760673");
  }

  /**
   * Sends the events with one producer and one flush, each keyed as the platform keys it (by its
   * org number, {@code key}), so events of different enterprises go to different partitions and the
   * consumer gets several partitions in one poll.
   */
  static void sendTogether(
      List<ObjectNode> events, java.util.function.Function<ObjectNode, String> key) {
    Properties props = new Properties();
    props.put("bootstrap.servers", Infra.kafkaBootstrapServers());
    props.put("linger.ms", 50);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (ObjectNode event : events) {
        producer.send(new ProducerRecord<>(TOPIC, key.apply(event), EventSamples.write(event)));
      }
      producer.flush();
    }
  }

  private static int partitions;

  /** The partition of the events topic a key goes to, as Kafka's default partitioner places it. */
  static synchronized int partitionOf(String key) {
    if (partitions == 0) {
      Properties props = new Properties();
      props.put("bootstrap.servers", Infra.kafkaBootstrapServers());
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
        partitions = producer.partitionsFor(TOPIC).size();
      }
    }
    return org.apache.kafka.common.utils.Utils.toPositive(
            org.apache.kafka.common.utils.Utils.murmur2(
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        % partitions;
  }
}
