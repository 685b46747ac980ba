package no.nav.ia.delivery.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Delivery;
import no.nav.ia.delivery.DeliveryFacts;
import no.nav.ia.delivery.DeliveryVersion;
import no.nav.ia.delivery.Direction;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.delivery.events.DeliveryEvents;
import no.nav.ia.platform.domain.ServiceCode;
import no.nav.ia.platform.events.Outbox;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.TestKafka;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A delivery recorded by plain INSERTs: they run in the ORM's transaction (a rollback takes the
 * delivery, its version and its event together), and what is stored reads back as the 201 said.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class DeliveryInsertsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Inject Outbox outbox;
  @Inject EntityManager em;
  @Inject AgroalDataSource dataSource;

  @Test
  void theInsertsRunOnTheConnectionAndTransactionOfTheOrm() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Object viaOrm = em.createNativeQuery("select txid_current()").getSingleResult();
              try (Connection c = dataSource.getConnection();
                  PreparedStatement q = c.prepareStatement("select txid_current()");
                  ResultSet rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(((Number) viaOrm).longValue());
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  @Test
  void aRolledBackRecordingLeavesNoDeliveryNoVersionAndNoEvent() throws Exception {
    String org = Fixtures.orgNumber();
    Delivery d = delivery(org);
    DeliveryVersion v = firstVersion(d);
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () -> {
                          write(d, v);
                          assertThat(count("delivery", "id", d.id))
                              .as("seen on the connection the transaction hands out")
                              .isOne();
                          assertThat(count("delivery_version", "delivery_id", d.id)).isOne();
                          assertThat(count("outbox_event", "event_key", org)).isOne();
                          throw new Refused();
                        }))
        .isInstanceOf(Refused.class);
    assertThat(count("delivery", "id", d.id)).isZero();
    assertThat(count("delivery_version", "delivery_id", d.id)).isZero();
    assertThat(count("outbox_event", "event_key", org)).isZero();
  }

  @Test
  void whatIsStoredReadsBackAsThe201SaidInTheVersionAndInTheEvent() throws Exception {
    String org = Fixtures.enterpriseIn("15");
    Map<String, Object> body = Fixtures.delivery(org);
    body.put("subGoals", List.of(3, 1));
    body.put("form", null);
    body.put("note", "  Dialogmøte  ");
    String token = Tokens.adviser("15", "Z991517");
    JsonPath created =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/deliveries")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    Map<String, Object> recorded = created.getMap("$");
    String id = created.getString("id");
    Map<String, Object> read =
        given()
            .auth()
            .oauth2(token)
            .get("/api/v1/deliveries/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("$");
    // The database keeps microseconds; the answer to the POST had the clock's own precision.
    assertThat(instant(read.remove("registeredAt")))
        .isCloseTo(instant(recorded.remove("registeredAt")), within(1, ChronoUnit.MICROS));
    assertThat(read).isEqualTo(recorded);
    assertThat(recorded)
        .containsEntry("subGoals", List.of(1, 3))
        .containsEntry("note", "Dialogmøte")
        .containsEntry("form", null)
        .containsEntry("groupId", null);

    JsonNode version =
        JSON.readTree(
            given()
                .auth()
                .oauth2(token)
                .get("/api/v1/deliveries/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(version).hasSize(1);
    assertThat(version.get(0).get("change").asText()).isEqualTo("RECORDED");
    assertThat(version.get(0).get("changedBy").asText()).isEqualTo("Z991517");
    assertThat(version.get(0).get("delivery").get("subGoals").toString()).isEqualTo("[1,3]");
    assertThat(version.get(0).get("delivery").get("adviser").asText()).isEqualTo("Z991517");

    JsonNode event =
        JSON.readTree(
            TestKafka.await(
                    DeliveryEvents.TOPIC,
                    r -> org.equals(r.key()) && r.value().contains(id),
                    Duration.ofSeconds(20))
                .value());
    assertThat(event.get("type").asText()).isEqualTo("DeliveryRecorded");
    assertThat(event.at("/payload/version").asInt()).isEqualTo(1);
    assertThat(event.at("/payload/delivery/subGoals").toString()).isEqualTo("[1,3]");
    assertThat(event.at("/payload/delivery/countyCode").asText()).isEqualTo("15");
    assertThat(event.at("/payload/delivery/form").isNull()).isTrue();
  }

  @Inject DeliveryInserts inserts;

  DeliveryInserts.Claim claim(String key, String org) {
    return QuarkusTransaction.requiringNew()
        .call(() -> inserts.claim("Z990002", key, "hash", java.util.UUID.randomUUID(), org));
  }

  /**
   * The claim and the read model in one statement: a key is taken once (a second claim finds it
   * taken, a rolled-back claim leaves it free), no key claims nothing, and the agreements read are
   * the enterprise's, active or not by the rule.
   */
  @Test
  void theClaimTakesAKeyOnceAndReadsTheEnterprisesAgreements() throws Exception {
    String org = Fixtures.orgNumber();
    Fixtures.agreementViaKafka(org, "46");
    String key = "claim-" + java.util.UUID.randomUUID();
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          inserts.claim("Z990002", key, "hash", java.util.UUID.randomUUID(), org);
                          throw new Refused();
                        }))
        .isInstanceOf(Refused.class);
    DeliveryInserts.Claim first = claim(key, org);
    assertThat(first.takenBefore()).as("free after the rollback").isFalse();
    assertThat(first.countyActiveOn(LocalDate.of(2012, 5, 14))).contains("46");
    assertThat(first.countyActiveOn(LocalDate.of(2010, 2, 28))).as("before signing").isEmpty();
    assertThat(claim(key, org).takenBefore()).isTrue();
    long keys = count("idempotency_key", "actor", "Z990002");
    assertThat(claim(null, org).agreements()).hasSize(1);
    assertThat(count("idempotency_key", "actor", "Z990002"))
        .as("no key, nothing claimed")
        .isEqualTo(keys);
    DeliveryInserts.Claim none = claim(key + "-other", Fixtures.orgNumber());
    assertThat(none.agreements()).isEmpty();
    assertThat(none.takenBefore()).isFalse();
  }

  /**
   * The change and its event are one statement: when the change fails (here a delivery id taken
   * already), the event is not written either.
   */
  @Test
  void aChangeThatFailsTakesItsEventWithIt() throws Exception {
    String org = Fixtures.orgNumber();
    Delivery d = delivery(org);
    DeliveryVersion v = firstVersion(d);
    Runnable record = () -> QuarkusTransaction.requiringNew().run(() -> write(d, v));
    record.run();
    assertThat(count("outbox_event", "event_key", org)).isOne();
    assertThatThrownBy(record::run).hasStackTraceContaining("change and event");
    assertThat(count("delivery", "id", d.id)).isOne();
    assertThat(count("delivery_version", "delivery_id", d.id)).isOne();
    assertThat(count("outbox_event", "event_key", org))
        .as("no event for the failed change")
        .isOne();
  }

  /** Writes the delivery, its version and its event as the service does (in one statement). */
  void write(Delivery d, DeliveryVersion v) {
    outbox.publishWith(
        DeliveryEvents.CONTRACT,
        d.orgNumber,
        new DeliveryEvents.DeliveryRecorded(
            d.id, 1, d.registeredAt, DeliveryEvents.Facts.of(d), d.groupId, d.adviser),
        DeliveryInserts.RECORDED,
        (c, s) -> DeliveryInserts.bindRecorded(c, s, d, v));
  }

  static Delivery delivery(String org) {
    return Delivery.record(
        new DeliveryFacts(
            org,
            "03",
            ServiceCode.SICK_LEAVE,
            Direction.SYSTEM,
            List.of(1),
            LocalDate.of(2012, 5, 14),
            null,
            null),
        "Z990001",
        no.nav.ia.platform.time.Timestamps.now());
  }

  static DeliveryVersion firstVersion(Delivery d) {
    DeliveryVersion v = new DeliveryVersion();
    v.deliveryId = d.id;
    v.version = 1;
    v.change = "RECORDED";
    v.snapshot = "{}";
    v.changedBy = "Z990001";
    v.changedAt = d.registeredAt;
    return v;
  }

  /** Thrown to roll a transaction back after its statements ran. */
  private static final class Refused extends RuntimeException {}

  private static java.time.Instant instant(Object text) {
    return OffsetDateTime.parse((String) text).toInstant();
  }

  private long count(String table, String column, Object value) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("select count(*) from " + table + " where " + column + " = ?")) {
      q.setObject(1, value);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
