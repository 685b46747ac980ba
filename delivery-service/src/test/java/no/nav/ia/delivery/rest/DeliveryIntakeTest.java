package no.nav.ia.delivery.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.delivery.events.OutboxTable;
import no.nav.ia.platform.events.OutboxRelay;
import no.nav.ia.test.EventSamples;
import no.nav.ia.test.Management;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.RawHttp;
import no.nav.ia.test.TestKafka;
import no.nav.ia.test.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once intake: parallel retries, batches from integrating systems, and the events they
 * produce.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class DeliveryIntakeTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Inject DataSource dataSource;

  /** When the event of the delivery for {@code org} was published, or null while it is pending. */
  private java.sql.Timestamp publishedAt(String org) throws Exception {
    List<OutboxTable.Row> rows = OutboxTable.rows(dataSource, org);
    assertThat(rows).as("the outbox row of " + org).isNotEmpty();
    return rows.get(0).publishedAt();
  }

  @Test
  void whileAnotherReplicasRelayHoldsTheRelayLockThisOneSendsNothingAndCatchesUpAfterwards()
      throws Exception {
    String org = Fixtures.enterpriseIn("46");
    try (Connection otherReplica = dataSource.getConnection()) {
      otherReplica.setAutoCommit(false);
      try (Statement s = otherReplica.createStatement()) {
        s.execute("select pg_advisory_xact_lock(" + OutboxRelay.LOCK_KEY + ")");
      }
      Fixtures.recordDeliveries(org, "46", 1);
      // The relay is woken at the commit, tries for about a second, then every poll (1 s): three
      // seconds cover both, and the event must still be waiting.
      Fixtures.sleep(Duration.ofSeconds(3));
      assertThat(publishedAt(org)).as("published while another relay held the lock").isNull();
      assertThat(oldestPendingSeconds())
          .as("the outbox age metric while the event waits")
          .isGreaterThanOrEqualTo(1.0);
      otherReplica.rollback();
    }
    TestKafka.await(
        "ia.delivery-events-v1",
        r -> org.equals(r.key()) && r.value().contains("\"DeliveryRecorded\""),
        Duration.ofSeconds(20));
    assertThat(publishedAt(org)).isNotNull();
  }

  @Test
  void requestDurationsAndThePoolAreMeasuredForAlertsAcrossPods() {
    // A p99 across the pods needs histogram buckets (a summary's quantiles cannot be added up);
    // a pool run dry needs the pool's own figures.
    given()
        .auth()
        .oauth2(Tokens.adviser("03"))
        .get("/api/v1/deliveries?county=03")
        .then()
        .statusCode(200);
    String metrics = Management.metrics();
    assertThat(metrics)
        .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"0\\.25\"")
        .contains("agroal_active_count")
        .contains("agroal_awaiting_count");
  }

  @Test
  void theRelaysProducerIsMeasuredAndItsReplacementsAreCountedFromTheStart() {
    Fixtures.post(Tokens.adviser("03"), Fixtures.delivery(Fixtures.enterpriseIn("03")))
        .statusCode(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        Management.given()
                            .get("/q/metrics")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .containsPattern("(?m)^kafka_producer_record_send_total\\{[^}]*\\} [1-9]")
                    .containsPattern("(?m)^kafka_producer_record_error_total\\{")
                    .containsPattern("(?m)^ia_outbox_producer_replaced_total(\\{[^}]*\\})? [0-9]"));
  }

  private static double oldestPendingSeconds() {
    String metrics =
        Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith("ia_outbox_oldest_pending_seconds"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ia_outbox_oldest_pending_seconds in /q/metrics"));
  }

  @Test
  void readinessLeavesTheBrokerOutAndLivenessWatchesTheConsumer() {
    // A broker outage must not make the API unready: writes go on into the outbox meanwhile.
    Management.given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.name", not(hasItem(containsStringIgnoringCase("kafka"))));
    Management.given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("event-consumer"));
  }

  @Test
  void manyParallelPostsWithTheSameKeyGiveOneDelivery() throws Exception {
    String org = Fixtures.enterpriseIn("20");
    String token = Tokens.adviser("20");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<String>> posts = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        posts.add(
            () ->
                Fixtures.post(token, "parallel-" + org, Fixtures.delivery(org))
                    .statusCode(201)
                    .extract()
                    .path("id"));
      }
      Set<String> ids = new java.util.HashSet<>();
      for (Future<String> f : pool.invokeAll(posts)) {
        ids.add(f.get());
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdown();
    }
    assertThat(DeliveryResourceTest.recorded(org)).isEqualTo(1);
  }

  @Test
  void aBatchRecordsTheGoodItemsAndReportsTheBadOnesOneByOne() {
    String org = Fixtures.enterpriseIn("19");
    Map<String, Object> good = keyed(Fixtures.delivery(org), "batch-good-" + org);
    Map<String, Object> keyed = keyed(Fixtures.delivery(org), "batch-" + org);
    Map<String, Object> badService = keyed(Fixtures.delivery(org), "batch-bad-service-" + org);
    badService.put("service", "MASSAGE");
    Map<String, Object> noGoals = keyed(Fixtures.delivery(org), "batch-no-goals-" + org);
    noGoals.put("subGoals", List.of());
    Map<String, Object> identityNumber = keyed(Fixtures.delivery(org), "batch-fnr-" + org);
    identityNumber.put("note", "gjelder 01019010046");
    Map<String, Object> noAgreement =
        keyed(Fixtures.delivery(Fixtures.orgNumber()), "batch-no-agreement-" + org);
    Map<String, Object> noKey = Fixtures.delivery(org);
    // A system names the adviser of every item (API.md version 2); the last item does not.
    for (Map<String, Object> item :
        List.of(good, keyed, badService, noGoals, identityNumber, noAgreement, noKey)) {
      item.put("adviser", "Z991919");
    }
    Map<String, Object> noAdviser = keyed(Fixtures.delivery(org), "batch-no-adviser-" + org);
    Map<String, Object> nul = keyed(Fixtures.delivery(org), "batch-nul-" + org);
    nul.put("adviser", "Z991919");
    nul.put("note", "Møte\u0000");
    List<Object> items =
        List.of(
            good,
            keyed,
            badService,
            noGoals,
            identityNumber,
            noAgreement,
            keyed,
            "not an object",
            noKey,
            noAdviser,
            nul);

    JsonPath result = batchFromArena(items).extract().jsonPath();
    assertThat(result.getList("results.status"))
        .containsExactly(
            "CREATED",
            "CREATED",
            "ERROR",
            "ERROR",
            "ERROR",
            "ERROR",
            "DUPLICATE",
            "ERROR",
            "ERROR",
            "ERROR",
            "ERROR");
    assertThat(result.getList("results.code"))
        .containsExactly(
            null,
            null,
            "MALFORMED_ITEM",
            "VALIDATION_FAILED",
            "VALIDATION_FAILED",
            "NO_ACTIVE_AGREEMENT",
            null,
            "MALFORMED_ITEM",
            "VALIDATION_FAILED",
            "VALIDATION_FAILED",
            "MALFORMED_ITEM");
    assertThat(result.getString("results[6].id")).isEqualTo(result.getString("results[1].id"));
    assertThat(result.getInt("created")).isEqualTo(2);
    assertThat(result.getInt("duplicates")).isEqualTo(1);
    assertThat(result.getInt("failed")).isEqualTo(8);
    assertThat(result.getString("results[4].errors[0].field")).isEqualTo("note");
    assertThat(result.getString("results[8].errors[0].field")).isEqualTo("idempotencyKey");
    assertThat(result.getString("results[9].errors[0].field")).isEqualTo("adviser");
    assertThat(result.getString("results[10].errors[0].field")).isEqualTo("note");
    assertThat(result.getString("results[10].errors[0].message")).contains("NUL");
    assertThat(result.getString("results[0].orgNumber")).isEqualTo(org);
    // A refused item names the field as a single POST would, and its enterprise.
    assertThat(result.getString("results[2].errors[0].field")).isEqualTo("service");
    assertThat(result.getString("results[2].orgNumber")).isEqualTo(org);
    assertThat(result.getString("results[3].orgNumber")).isEqualTo(org);
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/deliveries?orgNumber=" + org)
        .then()
        .body("total", equalTo(2));
  }

  @Test
  void aBatchItemsKeyOfTheWrongKindOrBlankIsRefusedNotReadAsText() {
    String org = Fixtures.enterpriseIn("19");
    // The key "<org>" first: the number <org> is no key, so it must not answer its DUPLICATE.
    List<Object> keys =
        List.of(org, Long.parseLong(org), true, 1.5, Map.of("k", "v"), List.of("k"), "", "   ");
    List<Object> items = new ArrayList<>();
    for (Object key : keys) {
      Map<String, Object> item = new HashMap<>(Fixtures.delivery(org));
      item.put("adviser", "Z991919");
      item.put("idempotencyKey", key);
      items.add(item);
    }

    JsonPath result = batchFromArena(items).extract().jsonPath();
    assertThat(result.getList("results.status"))
        .containsExactly("CREATED", "ERROR", "ERROR", "ERROR", "ERROR", "ERROR", "ERROR", "ERROR");
    // A value of the wrong kind, as any field's in an item; a blank one is no missing one.
    assertThat(result.getList("results.code"))
        .containsExactly(
            null,
            "MALFORMED_ITEM",
            "MALFORMED_ITEM",
            "MALFORMED_ITEM",
            "MALFORMED_ITEM",
            "MALFORMED_ITEM",
            "VALIDATION_FAILED",
            "VALIDATION_FAILED");
    for (int i = 1; i < keys.size(); i++) {
      assertThat(result.getList("results[" + i + "].errors.field"))
          .as("item %d", i)
          .containsExactly("idempotencyKey");
      assertThat(result.getString("results[" + i + "].errors[0].message"))
          .as("item %d", i)
          .doesNotContain("required")
          .contains(i < 6 ? "wrong type" : "must not be blank");
    }
    assertThat(DeliveryResourceTest.recorded(org)).isEqualTo(1);
  }

  private static Map<String, Object> keyed(Map<String, Object> delivery, String key) {
    Map<String, Object> item = new HashMap<>(delivery);
    item.put("idempotencyKey", key);
    return item;
  }

  @Test
  void aBatchMustBeANonEmptyArrayOfAtMostAThousand() {
    String token = Tokens.system("arena");
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("[]")
        .post("/api/v1/deliveries/batch")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"orgNumber\":\"974760673\"}")
        .post("/api/v1/deliveries/batch")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(Fixtures.delivery("974760673"));
    }
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(tooMany)
        .post("/api/v1/deliveries/batch")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("body"));
    given()
        .auth()
        .oauth2(Tokens.manager("03"))
        .contentType(ContentType.JSON)
        .body(List.of(Fixtures.delivery("974760673")))
        .post("/api/v1/deliveries/batch")
        .then()
        .statusCode(403);
  }

  @Test
  void aBodyOverTheGlobalLimitIsRefusedFromItsHeadersAloneAndTheConnectionClosed()
      throws Exception {
    // Announce 5 MB (the limit is 4 MB) and send nothing: the answer must come from the headers
    // alone.
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      RawHttp.Answer answer =
          http.head(
                  "POST /api/v1/deliveries/batch HTTP/1.1",
                  "Authorization: Bearer " + Tokens.system("arena"),
                  "Content-Type: application/json",
                  "Content-Length: " + (5 * 1024 * 1024))
              .answer();
      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
      assertThat(answer.header("Connection")).isEqualTo("close");
      assertThat(http.closedByServer()).isTrue();
    }
  }

  @Test
  void chunkedBodiesBeyondWhatTheServiceHoldsAtOnceAre503BusyAndTheirShareIsLetGoWhenTheyEnd()
      throws Exception {
    // The service holds at most four of the largest bodies (4 x 4 MB) of chunked requests at once:
    // four stalled clients each at the batch limit leave no room for another.
    String token = Tokens.system("arena");
    byte[] stalled = new byte[4 * 1024 * 1024];
    java.util.Arrays.fill(stalled, (byte) ' ');
    List<RawHttp> stalling = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        RawHttp client = new RawHttp(io.restassured.RestAssured.port);
        stalling.add(client);
        client
            .head(
                "POST /api/v1/deliveries/batch HTTP/1.1",
                "Authorization: Bearer " + token,
                "Content-Type: application/json",
                "Transfer-Encoding: chunked")
            .chunks(stalled);
      }
      // Once the service has read what they sent, the next body does not fit: 503, say when to
      // try again, and the connection closed (its body is not read).
      RawHttp.Answer busy =
          await("a body refused while four are held")
              .atMost(Duration.ofSeconds(20))
              // Refused at once and closed: the client may still be writing (a broken pipe).
              .ignoreExceptionsInstanceOf(java.io.IOException.class)
              .until(() -> batchOfSpaces(token), answer -> answer.status() == 503);
      assertThat(busy.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(busy.header("Retry-After")).isEqualTo("1");
      assertThat(JSON.readTree(busy.body()).path("code").asText()).isEqualTo("BUSY");
    } finally {
      for (RawHttp client : stalling) {
        client.close();
      }
    }
    // The clients gone, what they held is let go: the same body is read (and is no JSON: 400).
    await("the held bodies let go")
        .atMost(Duration.ofSeconds(20))
        // Until the service has seen them go, a body is still refused at once (a broken pipe on a
        // fast machine, where the first try came before the service had noticed).
        .ignoreExceptionsInstanceOf(java.io.IOException.class)
        .until(() -> batchOfSpaces(token).status() == 400);
  }

  /** A batch of 64 KB of spaces in the chunked encoding, on a connection of its own. */
  private static RawHttp.Answer batchOfSpaces(String token) throws Exception {
    byte[] spaces = new byte[64 * 1024];
    java.util.Arrays.fill(spaces, (byte) ' ');
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      return http.head(
              "POST /api/v1/deliveries/batch HTTP/1.1",
              "Authorization: Bearer " + token,
              "Content-Type: application/json",
              "Transfer-Encoding: chunked")
          .chunked(spaces)
          .answer();
    }
  }

  /** The connection of a refused body carries the next request, which finds nothing recorded. */
  private static void assertNextRequestFindsNoDeliveryOf(RawHttp http, String org)
      throws java.io.IOException {
    RawHttp.Answer next =
        http.head(
                "GET /api/v1/deliveries?orgNumber=" + org + " HTTP/1.1",
                "Authorization: Bearer " + Tokens.coordinator())
            .answer();
    assertThat(next.status()).isEqualTo(200);
    assertThat(JSON.readTree(next.body()).path("total").asInt()).isZero();
  }

  @Test
  void aBodyThatStopsHalfwayIs408AndTheConnectionClosedRecordingNothing() throws Exception {
    // An HTTP review: the service closed such a connection after 60 s without a word, which a
    // client cannot tell from a crash. The test profile gives a body 5 s.
    String org = Fixtures.enterpriseIn("15");
    byte[] body = JSON.writeValueAsBytes(Fixtures.delivery(org));
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      http.head(
          "POST /api/v1/deliveries HTTP/1.1",
          "Authorization: Bearer " + Tokens.adviser("15"),
          "Content-Type: application/json",
          "Idempotency-Key: stalled-" + org,
          "Nav-Call-Id: stalled-" + org,
          "Content-Length: " + body.length);
      http.body(java.util.Arrays.copyOf(body, body.length / 2));
      RawHttp.Answer answer = http.answer();
      assertThat(answer.status()).isEqualTo(408);
      assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
      JsonNode problem = JSON.readTree(answer.body());
      assertThat(problem.path("code").asText()).isEqualTo("REQUEST_TIMEOUT");
      assertThat(problem.path("callId").asText()).isEqualTo("stalled-" + org);
      assertThat(answer.header("Connection")).isEqualTo("close");
      assertThat(http.closedByServer()).isTrue();
    }
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      assertNextRequestFindsNoDeliveryOf(http, org);
    }
    // The key was not taken: the whole request, sent again, is recorded.
    Fixtures.post(Tokens.adviser("15"), "stalled-" + org, Fixtures.delivery(org)).statusCode(201);
  }

  @Test
  void aLargeBodyReadWholeTakesAsLongAsItsWorkTakesPastTheBodysDeadline() throws Exception {
    // A diff review: a body over 10 KB is read on a worker thread, which leaves the request paused
    // (not "ended") to its end, and a batch still at work after the body's 5 s was answered 408.
    String org = Fixtures.enterpriseIn("15");
    String adviser = Tokens.adviser("15", "Z991521");
    String run = java.util.UUID.randomUUID().toString();
    Fixtures.post(adviser, run + "-single", Fixtures.delivery(org)).statusCode(201);
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Map<String, Object> item = Fixtures.delivery(org);
      item.put("idempotencyKey", run + "-" + i);
      item.put("note", "Oppfølging av arbeidsmiljøet, runde " + i + ". " + "x".repeat(900));
      items.add(item);
    }
    assertThat(JSON.writeValueAsBytes(items).length).isGreaterThan(16 * 1024);
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (Connection other = no.nav.ia.test.Infra.connection("delivery")) {
      // The tenth item's key is taken by another transaction: the batch waits there.
      Fixtures.hold(other, run + "-9", run + "-single");
      Future<JsonPath> batch =
          background.submit(() -> Fixtures.postBatch(adviser, items).extract().jsonPath());
      no.nav.ia.test.Infra.awaitLockWaits(other, "%idempotency_key%", 1);
      Thread.sleep(6_000);
      other.rollback();
      assertThat(batch.get(30, java.util.concurrent.TimeUnit.SECONDS).getInt("created"))
          .isEqualTo(20);
    } finally {
      background.shutdownNow();
    }
  }

  @Test
  void aSingleDeliveryOverTheItemLimitIs413AndTheConnectionServesTheNextRequest() throws Exception {
    String org = Fixtures.enterpriseIn("15");
    // 1 MB: within the 4 MB a batch may carry, over the 512 KB of a single item.
    Map<String, Object> delivery = Fixtures.delivery(org);
    delivery.put("note", "x".repeat(1024 * 1024));
    byte[] body = JSON.writeValueAsBytes(delivery);
    String token = Tokens.adviser("15");
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      http.head(
          "POST /api/v1/deliveries HTTP/1.1",
          "Authorization: Bearer " + token,
          "Content-Type: application/json",
          "Nav-Call-Id: too-large-" + org,
          "Content-Length: " + body.length);
      for (int from = 0; from < body.length; from += 64 * 1024) {
        http.body(
            java.util.Arrays.copyOfRange(body, from, Math.min(body.length, from + 64 * 1024)));
      }
      RawHttp.Answer refused = http.answer();
      assertThat(refused.status()).isEqualTo(413);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      JsonNode problem = JSON.readTree(refused.body());
      assertThat(problem.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
      assertThat(problem.path("callId").asText()).isEqualTo("too-large-" + org);
      assertThat(problem.path("detail").asText()).contains(String.valueOf(body.length));
      assertThat(refused.header("Connection")).isNull();

      // The body was read to its end, so the same connection carries the next request.
      assertNextRequestFindsNoDeliveryOf(http, org);
    }
  }

  @Test
  void aCompressedBodyIs415AndTheConnectionServesTheNextRequest() throws Exception {
    String org = Fixtures.enterpriseIn("15");
    byte[] body = JSON.writeValueAsBytes(Fixtures.delivery(org));
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      http.head(
          "POST /api/v1/deliveries HTTP/1.1",
          "Authorization: Bearer " + Tokens.adviser("15"),
          "Content-Type: application/json",
          "Content-Encoding: gzip",
          "Content-Length: " + body.length);
      http.body(body);
      RawHttp.Answer refused = http.answer();
      assertThat(refused.status()).isEqualTo(415);
      assertThat(refused.header("Accept-Encoding")).isEqualTo("identity");
      assertThat(JSON.readTree(refused.body()).path("code").asText())
          .isEqualTo("UNSUPPORTED_MEDIA_TYPE");

      // The body labelled gzip is not taken, and the connection is not left stuck on it.
      assertNextRequestFindsNoDeliveryOf(http, org);
    }
  }

  @Test
  void aSingleItemMayBe512KbToTheByteAndChunkedBodiesAreHeldToItToo() throws Exception {
    String token = Tokens.adviser("15");
    // Exactly 512 KB is read (and refused for its note's length); one byte more is not read.
    JsonNode atTheLimit = postDeliveryOfLength(token, 512 * 1024);
    assertThat(atTheLimit.path("code").asText())
        .as("%s", atTheLimit)
        .isEqualTo("VALIDATION_FAILED");
    JsonNode overIt = postDeliveryOfLength(token, 512 * 1024 + 1);
    assertThat(overIt.path("code").asText()).as("%s", overIt).isEqualTo("PAYLOAD_TOO_LARGE");

    // Without Content-Length the body is counted as it is read: over the limit it gets the same
    // problem (after the body, so the connection stays open); within it, in several chunks, it is
    // read whole (a batch of 100 deliveries with notes, about 200 KB).
    String org = Fixtures.enterpriseIn("15");
    Map<String, Object> delivery = Fixtures.delivery(org);
    delivery.put("note", "x".repeat(1024 * 1024));
    List<Map<String, Object>> batch = notedBatch(org, "Z991515", 100);
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      RawHttp.Answer refused = postChunked(http, token, "/api/v1/deliveries", delivery);
      assertThat(refused.status()).isEqualTo(413);
      assertThat(refused.header("content-type")).startsWith("application/problem+json");
      assertThat(JSON.readTree(refused.body()).path("code").asText())
          .as(refused.body())
          .isEqualTo("PAYLOAD_TOO_LARGE");

      RawHttp.Answer read =
          postChunked(http, Tokens.system("arena"), "/api/v1/deliveries/batch", batch);
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      assertThat(JSON.readTree(read.body()).path("created").asInt()).isEqualTo(100);
    }
    assertThat(OutboxTable.rows(dataSource, org)).as("a DeliveryRecorded each").hasSize(100);
  }

  /** Posts a body in the chunked encoding, without Content-Length, on a kept connection. */
  private static RawHttp.Answer postChunked(RawHttp http, String token, String path, Object body)
      throws Exception {
    return http.head(
            "POST " + path + " HTTP/1.1",
            "Authorization: Bearer " + token,
            "Content-Type: application/json",
            "Transfer-Encoding: chunked")
        .chunked(JSON.writeValueAsBytes(body))
        .answer();
  }

  /** Posts a delivery whose JSON body is exactly {@code length} bytes; the problem it gets. */
  private static JsonNode postDeliveryOfLength(String token, int length) throws Exception {
    Map<String, Object> delivery = Fixtures.delivery("974760673");
    delivery.put("note", "");
    int frame = JSON.writeValueAsBytes(delivery).length;
    delivery.put("note", "x".repeat(length - frame));
    // As text: RestAssured may serialise a byte array as a JSON string (base64).
    String body = JSON.writeValueAsString(delivery);
    assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(length);
    String answer =
        Fixtures.post(token, body).contentType("application/problem+json").extract().asString();
    return JSON.readTree(answer);
  }

  @Test
  void aBatchMayCarryMoreThanASingleItemMay() {
    String org = Fixtures.enterpriseIn("18");
    batchFromArena(notedBatch(org, "Z991818", 300)).body("created", equalTo(300));
  }

  /** A system's batch for one enterprise and adviser, each item with a note of about 1.8 KB. */
  private static List<Map<String, Object>> notedBatch(String org, String adviser, int count) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> item = keyed(Fixtures.delivery(org), "noted-batch-" + org + "-" + i);
      item.put("adviser", adviser);
      item.put("note", "Dialogmøte om sykefravær. ".repeat(70));
      items.add(item);
    }
    return items;
  }

  /** Posts a batch as the system "arena" and expects 200 (a result per item). */
  private static io.restassured.response.ValidatableResponse batchFromArena(Object items) {
    return Fixtures.postBatch(Tokens.system("arena"), items);
  }

  @Test
  void recordCorrectAndVoidArePublishedWithTheSamplesShapeAndWithoutTheNote() throws Exception {
    String org = Fixtures.enterpriseIn("56");
    Map<String, Object> body = Fixtures.delivery(org);
    body.put("note", "Dialogmøte med ledelsen");
    String token = Tokens.adviser("56");
    String id = Fixtures.post(token, body).statusCode(201).extract().path("id");
    body.put("direction", "INDIVIDUAL");
    given()
        .auth()
        .oauth2(token)
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/deliveries/" + id)
        .then()
        .statusCode(200);
    given().auth().oauth2(token).delete("/api/v1/deliveries/" + id).then().statusCode(204);

    Map<String, JsonNode> byType = new HashMap<>();
    for (String type : List.of("DeliveryRecorded", "DeliveryCorrected", "DeliveryVoided")) {
      ConsumerRecord<String, String> record =
          TestKafka.await(
              "ia.delivery-events-v1",
              r -> org.equals(r.key()) && r.value().contains("\"type\":\"" + type + "\""),
              Duration.ofSeconds(20));
      assertThat(record.value()).doesNotContain("Dialogmøte");
      JsonNode event = JSON.readTree(record.value());
      assertThat(EventSamples.paths(event))
          .isEqualTo(EventSamples.paths(EventSamples.sample(type)));
      byType.put(type, event);
    }
    assertThat(byType.get("DeliveryRecorded").at("/payload/delivery/countyCode").asText())
        .isEqualTo("56");
    assertThat(byType.get("DeliveryCorrected").at("/payload/before/direction").asText())
        .isEqualTo("SYSTEM");
    assertThat(byType.get("DeliveryCorrected").at("/payload/after/direction").asText())
        .isEqualTo("INDIVIDUAL");
    assertThat(
            byType.values().stream()
                .map(e -> e.at("/payload/version").asInt())
                .collect(Collectors.toList()))
        .containsExactlyInAnyOrder(1, 2, 3);
  }
}
