package no.nav.ia.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import no.nav.ia.test.OrgNumbers;
import no.nav.ia.test.TestKafka;
import no.nav.ia.test.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production-shaped: two instances of each service behind one gateway, which balances across them.
 * Under a steady load of records and corrections one instance of each service is killed (kill -9);
 * a client that sends an unanswered request again with the same Idempotency-Key (or If-Match) then
 * finds every acknowledged delivery stored exactly once, the card equal to the ledger, and each
 * delivery's events on the topic in version order.
 */
class TwoReplicasTest {

  static final String COUNTY = "12";
  static final ObjectMapper JSON = new ObjectMapper();

  static Platform platform;

  @BeforeAll
  static void start() {
    platform = Platform.start(2);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.stop();
    }
  }

  @Test
  void
      losingOneInstanceOfEachServiceUnderLoadLosesNothingDoublesNothingAndKeepsEachDeliverysEventsInOrder()
          throws Exception {
    String gateway = platform.gatewayUrl();
    List<String> orgs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String org = OrgNumbers.next(5);
      Map<String, Object> agreement =
          Map.of(
              "orgNumber",
              org,
              "name",
              "Replika " + i,
              "countyCode",
              COUNTY,
              "employees",
              30 + i,
              "signedOn",
              "2015-06-01");
      java.util.function.Supplier<io.restassured.response.Response> register =
          () ->
              given()
                  .baseUri(gateway)
                  .auth()
                  .oauth2(Tokens.coordinator())
                  .contentType(ContentType.JSON)
                  .body(agreement)
                  .post("/api/v1/agreements");
      int status = Polite.send(register).statusCode();
      if (status == 504) {
        // The first request to a just-started instance may outlast the gateway's 5 s here on a
        // busy machine, and be made all the same: sent again, it is there (409).
        status = Polite.send(register).statusCode();
        assertThat(status).as("registered after a 504").isIn(201, 409);
      } else {
        assertThat(status).isEqualTo(201);
      }
      orgs.add(org);
    }

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger resent = new AtomicInteger();
    long stopAt = System.nanoTime() + Duration.ofSeconds(24).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int client = t;
      String adviser = Tokens.adviser(COUNTY, String.format("Z99%04d", 6100 + client));
      clients.add(
          pool.submit(
              () -> {
                for (int n = 0; System.nanoTime() < stopAt; n++) {
                  String org = orgs.get((client + n) % orgs.size());
                  String id = record(gateway, adviser, org, "replicas-" + client + "-" + n, resent);
                  acknowledged.add(id);
                  correctTo(gateway, adviser, id, org, 2, resent);
                  correctTo(gateway, adviser, id, org, 3, resent);
                }
                return null;
              }));
    }
    Thread.sleep(8_000);
    platform.replicas.forEach(ServiceProcess::kill);
    for (Future<?> client : clients) {
      client.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(acknowledged).hasSizeGreaterThan(20);

    // The ledger: every acknowledged delivery once, each at its third version, nothing else.
    Map<String, Integer> ledger = new HashMap<>();
    for (int page = 0; ; page++) {
      String path =
          "/api/v1/deliveries?county="
              + COUNTY
              + "&from=2016-01-01&to=2016-12-31&size=500&page="
              + page;
      List<Map<String, Object>> items =
          Polite.send(() -> given().baseUri(gateway).auth().oauth2(Tokens.coordinator()).get(path))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("items");
      items.forEach(d -> ledger.put((String) d.get("id"), ((Number) d.get("version")).intValue()));
      if (items.size() < 500) {
        break;
      }
    }
    assertThat(ledger.keySet())
        .as("stored exactly the acknowledged deliveries")
        .isEqualTo(acknowledged);
    assertThat(ledger.values()).containsOnly(3);

    // The card comes to the ledger once the surviving instances have taken over the partitions.
    JsonPath card =
        await("the card comes to the ledger")
            .atMost(java.time.Duration.ofSeconds(120))
            .pollInterval(java.time.Duration.ofMillis(500))
            .until(
                () ->
                    Polite.send(
                            () ->
                                given()
                                    .baseUri(gateway)
                                    .auth()
                                    .oauth2(Tokens.coordinator())
                                    .get("/api/v1/scorecards/counties/" + COUNTY + "?period=2016"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                c ->
                    c.getInt("deliveries.total") == ledger.size()
                        && c.getInt("deliveries.system") == ledger.size());
    assertThat(card.getInt("deliveries.total"))
        .as("card total against the ledger")
        .isEqualTo(ledger.size());
    assertThat(card.getInt("deliveries.system"))
        .as("every delivery's last version is SYSTEM")
        .isEqualTo(ledger.size());

    // Each delivery's events in version order (a redelivered event, the same eventId again, is
    // skipped by consumers and left out here).
    Map<String, List<Integer>> versions = new HashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ConsumerRecord<String, String> record :
        TestKafka.readAll(
            "ia.delivery-events-v1", r -> orgs.contains(r.key()), Duration.ofSeconds(3))) {
      JsonNode event = JSON.readTree(record.value());
      if (!seen.add(event.path("eventId").asText())) {
        continue;
      }
      String id = event.at("/payload/deliveryId").asText();
      if (acknowledged.contains(id)) {
        versions
            .computeIfAbsent(id, k -> new ArrayList<>())
            .add(event.at("/payload/version").asInt());
      }
    }
    assertThat(versions.keySet()).isEqualTo(acknowledged);
    versions.forEach(
        (id, order) -> assertThat(order).as("events of delivery " + id).containsExactly(1, 2, 3));
    System.out.printf(
        "two replicas: %d deliveries acknowledged, %d requests sent again after a lost answer,"
            + " one instance of each service killed; ledger, card and event order hold%n",
        acknowledged.size(), resent.get());
  }

  private static Map<String, Object> delivery(String org, String direction) {
    return Deliveries.direct(org, direction, "2016-05-10");
  }

  /** The answer, or null when there was none (the instance died with the connection open). */
  private static Response answerOrNull(Supplier<Response> call) {
    try {
      return Polite.send(call);
    } catch (Exception noAnswer) {
      // RestAssured throws the connection's IOException undeclared: catch it as Exception.
      return null;
    }
  }

  /** Records a delivery, sending it again with the same key until it is acknowledged. */
  private static String record(
      String gateway, String token, String org, String key, AtomicInteger resent) {
    Map<String, Object> body = delivery(org, "SYSTEM");
    for (int attempt = 0; attempt < 120; attempt++) {
      Response r =
          answerOrNull(
              () ->
                  given()
                      .baseUri(gateway)
                      .auth()
                      .oauth2(token)
                      .header("Idempotency-Key", key)
                      .contentType(ContentType.JSON)
                      .body(body)
                      .post("/api/v1/deliveries"));
      if (r != null && (r.statusCode() == 201 || r.statusCode() == 200)) {
        return r.path("id");
      }
      if (r != null && r.statusCode() < 500) {
        throw new AssertionError(
            "a valid delivery was refused: " + r.statusCode() + " " + r.asString());
      }
      resent.incrementAndGet();
      ServiceProcess.sleep(250);
    }
    throw new AssertionError("delivery " + key + " was never acknowledged");
  }

  /**
   * Corrects the delivery to {@code version} (INDIVIDUAL at 2, SYSTEM at 3). A correction whose
   * answer was lost may have been applied: a 412 then means it was, when the delivery is at that
   * version.
   */
  private static void correctTo(
      String gateway, String token, String id, String org, int version, AtomicInteger resent) {
    Map<String, Object> body = delivery(org, version == 2 ? "INDIVIDUAL" : "SYSTEM");
    for (int attempt = 0; attempt < 120; attempt++) {
      Response r =
          answerOrNull(
              () ->
                  given()
                      .baseUri(gateway)
                      .auth()
                      .oauth2(token)
                      .header("If-Match", "\"" + (version - 1) + "\"")
                      .contentType(ContentType.JSON)
                      .body(body)
                      .put("/api/v1/deliveries/" + id));
      if (r != null && r.statusCode() == 200) {
        return;
      }
      if (r != null && r.statusCode() == 412) {
        Response now =
            answerOrNull(
                () ->
                    given().baseUri(gateway).auth().oauth2(token).get("/api/v1/deliveries/" + id));
        if (now != null
            && now.statusCode() == 200
            && ((Number) now.path("version")).intValue() >= version) {
          return;
        }
      } else if (r != null && r.statusCode() < 500) {
        throw new AssertionError(
            "a valid correction was refused: " + r.statusCode() + " " + r.asString());
      }
      resent.incrementAndGet();
      ServiceProcess.sleep(250);
    }
    throw new AssertionError("delivery " + id + " never reached version " + version);
  }
}
