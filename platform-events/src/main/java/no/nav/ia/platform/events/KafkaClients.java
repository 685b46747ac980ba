package no.nav.ia.platform.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds Kafka clients from the service's {@code kafka.*} configuration. */
@ApplicationScoped
public class KafkaClients {

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  @Inject EventsConfig config;

  @ConfigProperty(name = "quarkus.application.name")
  String applicationName;

  /** An idempotent producer that waits for all in-sync replicas: nothing acknowledged is lost. */
  public KafkaProducer<String, String> producer() {
    Map<String, Object> props = base();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-" + instance());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  /** A consumer in the application's own group, committing offsets only after processing. */
  public KafkaConsumer<String, String> consumer() {
    return consumer(applicationName);
  }

  /** The same consumer in the group given (a test's own group). */
  public KafkaConsumer<String, String> consumer(String group) {
    Map<String, Object> props = base();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    // Incremental rebalancing: a replica that joins or leaves moves only the partitions that
    // change hands. With the default eager protocol every member gave up all its partitions at
    // each join, so after a crash the surviving replica applied nothing either until the dead
    // one's session ended (an operations drill saw a card stand still for 30 s). Members of the
    // release before (the client's default list, range then cooperative-sticky) agree on it.
    props.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    // The instance in the name: two replicas' members of the group, their log lines at the broker
    // and their metrics' client_id are told apart (an operations review could not).
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationName + "-consumer-" + instance());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // A poll hands over what has arrived, up to max-poll-records, and it is applied as one batch.
    // The broker answers a fetch once it has fetch-min-bytes for it or fetch-max-wait has passed:
    // under a steady stream a batch of events per poll instead of one or two (each poll costs a
    // transaction and an offset commit), at the price of at most that wait added to an event's lag.
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
    props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, config.fetchMinBytes());
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) config.fetchMaxWait().toMillis());
    props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, config.fetchMaxBytes());
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, config.maxPartitionFetchBytes());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(props);
  }

  /** This instance: its host (the pod's name on NAIS) and process. */
  static String instance() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e) {
        host = "host";
      }
    }
    return host.replaceAll("[^A-Za-z0-9._-]", "") + "-" + ProcessHandle.current().pid();
  }

  private Map<String, Object> base() {
    Map<String, Object> props = new HashMap<>();
    // Only real client settings: the map also carries Quarkus' own kafka.* keys.
    kafkaConfig.forEach(
        (k, v) -> {
          if (!k.startsWith("devservices") && !k.startsWith("health") && !k.startsWith("snappy")) {
            props.put(k, v);
          }
        });
    return props;
  }
}
