package no.nav.ia.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Loads history for the card-cost benchmark through the real event path from the topic on:
 * DeliveryRecorded events, shaped as delivery-service writes them (a delivery to one enterprise:
 * without the {@code groupId} a course's deliveries carry and the {@code recordedBy} added with it,
 * which a reader takes as none), produced to {@code ia.delivery-events-v1} with an idempotent
 * producer; scorecard-service's consumer applies them as any other. Deliveries are spread over
 * 2010-2024 (one of the county codes valid in that year, 5,000 enterprises). Prints how many were
 * produced and how fast; bench/run waits until the projection has them all and computes {@code
 * bulk_load_rps} from that.
 */
final class BulkLoad {

  static final String TOPIC = "ia.delivery-events-v1";
  static final List<String> UNTIL_2017 =
      List.of(
          "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "14", "15", "16",
          "17", "18", "19", "20");
  static final List<String> Y2018 =
      List.of(
          "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "14", "15", "18",
          "19", "20", "50");
  static final List<String> Y2020 =
      List.of("03", "11", "15", "18", "30", "34", "38", "42", "46", "50", "54");
  static final List<String> Y2024 =
      List.of(
          "03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56");
  static final List<String> SERVICES =
      List.of(
          "IA_GUIDANCE",
          "GOALS_ACTION_PLAN",
          "SICK_LEAVE",
          "RECRUITMENT",
          "SENIOR_LIFE_PHASE",
          "MEASURE_EVALUATE",
          "CONTACT_PERSON");

  private final Main.Config config;

  BulkLoad(Main.Config config) {
    this.config = config;
  }

  static List<String> countiesIn(int year) {
    return year < 2018 ? UNTIL_2017 : year < 2020 ? Y2018 : year < 2024 ? Y2020 : Y2024;
  }

  void run() {
    long count = Long.parseLong(config.get("count", "10000"));
    String[] orgs = new String[5000];
    for (int i = 0; i < orgs.length; i++) {
      orgs[i] = OrgNumbers.random();
    }
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka", "127.0.0.1:9092"));
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    long started = System.nanoTime();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (long i = 0; i < count; i++) {
        int year = 2010 + random.nextInt(15);
        LocalDate deliveredOn = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        List<String> counties = countiesIn(year);
        String org = orgs[random.nextInt(orgs.length)];
        String event =
            event(
                org,
                counties.get(random.nextInt(counties.size())),
                deliveredOn,
                random.nextInt(3) == 0 ? "INDIVIDUAL" : "SYSTEM",
                SERVICES.get(random.nextInt(SERVICES.size())),
                1 + random.nextInt(3),
                random.nextInt(30));
        producer.send(new ProducerRecord<>(TOPIC, org, event));
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.println("bulk_produced=" + count);
    System.out.printf("bulk_produce_rps=%.0f%n", count / seconds);
  }

  static String event(
      String org,
      String county,
      LocalDate deliveredOn,
      String direction,
      String service,
      int subGoal,
      int lagDays) {
    LocalDate registeredOn = deliveredOn.plusDays(lagDays);
    OffsetDateTime registeredAt = registeredOn.atTime(9, 0).atOffset(ZoneOffset.UTC);
    return "{\"eventId\":\""
        + UUID.randomUUID()
        + "\",\"type\":\"DeliveryRecorded\",\"occurredAt\":\""
        + registeredAt
        + "\",\"callId\":\"bench-bulk-load\",\"payload\":{\"deliveryId\":\""
        + UUID.randomUUID()
        + "\",\"version\":1,\"registeredAt\":\""
        + registeredAt
        + "\",\"delivery\":{\"orgNumber\":\""
        + org
        + "\",\"countyCode\":\""
        + county
        + "\",\"service\":\""
        + service
        + "\",\"direction\":\""
        + direction
        + "\",\"subGoals\":["
        + subGoal
        + "],\"deliveredOn\":\""
        + deliveredOn
        + "\",\"registeredOn\":\""
        + registeredOn
        + "\",\"registrationLagDays\":"
        + lagDays
        + ",\"form\":\"DIRECT\",\"adviser\":\"Z990001\"}}}";
  }
}
