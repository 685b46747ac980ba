package no.nav.ia.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.test.EventSamples;
import no.nav.ia.test.OrgNumbers;
import no.nav.ia.test.TestKafka;
import no.nav.ia.test.Tokens;

/** Test data: fresh org numbers, request bodies, and agreements delivered as real Kafka events. */
public final class Fixtures {

  private Fixtures() {}

  /** A fresh, valid organisasjonsnummer. */
  public static String orgNumber() {
    return OrgNumbers.next(8);
  }

  public static Map<String, Object> delivery(String orgNumber) {
    Map<String, Object> body = new HashMap<>();
    body.put("orgNumber", orgNumber);
    body.put("service", "SICK_LEAVE");
    body.put("direction", "SYSTEM");
    body.put("subGoals", List.of(1));
    body.put("deliveredOn", "2012-05-14");
    body.put("form", "DIRECT");
    return body;
  }

  /** Records deliveries for the enterprise one request at a time, as the county's adviser (201). */
  public static void recordDeliveries(String orgNumber, String county, int deliveries) {
    for (int i = 0; i < deliveries; i++) {
      post(Tokens.adviser(county), delivery(orgNumber)).statusCode(201);
    }
  }

  /** Posts a delivery (a map, or the JSON as text) with this token; the answer to check. */
  public static io.restassured.response.ValidatableResponse post(String token, Object body) {
    return sending(token, body).post("/api/v1/deliveries").then();
  }

  /**
   * Takes a key of the actor whose other key is given, in {@code other}'s transaction, uncommitted:
   * a request of that actor with that key waits there until {@code other} rolls back.
   */
  public static void hold(java.sql.Connection other, String key, String keyOfTheSameActor)
      throws java.sql.SQLException {
    other.setAutoCommit(false);
    try (var held =
        other.prepareStatement(
            "insert into idempotency_key (actor, key, request_hash, delivery_id, created_at)"
                + " select actor, ?, 'held', gen_random_uuid(), now() from idempotency_key"
                + " where key = ?")) {
      held.setString(1, key);
      held.setString(2, keyOfTheSameActor);
      if (held.executeUpdate() != 1) {
        throw new IllegalStateException("no key " + keyOfTheSameActor + " to hold another beside");
      }
    }
  }

  /** Posts a batch of deliveries with this token and expects 200 (a result per item). */
  public static io.restassured.response.ValidatableResponse postBatch(String token, Object items) {
    return sending(token, items).post("/api/v1/deliveries/batch").then().statusCode(200);
  }

  /** Posts a delivery with this token under the Idempotency-Key; the answer to check. */
  public static io.restassured.response.ValidatableResponse post(
      String token, String idempotencyKey, Object body) {
    return sending(token, body)
        .header("Idempotency-Key", idempotencyKey)
        .post("/api/v1/deliveries")
        .then();
  }

  private static io.restassured.specification.RequestSpecification sending(
      String token, Object body) {
    return given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
  }

  /** The committed AgreementRegistered sample, for this org number and county. */
  public static String agreementRegistered(
      String orgNumber, String county, String signedOn, UUID agreementId) {
    ObjectNode envelope = EventSamples.sample("AgreementRegistered");
    ObjectNode payload = (ObjectNode) envelope.get("payload");
    payload.put("agreementId", agreementId.toString());
    payload.put("orgNumber", orgNumber);
    payload.put("countyCode", county);
    payload.put("signedOn", signedOn);
    return EventSamples.write(envelope);
  }

  /** A new enterprise with an active agreement in the county, known to the read model. */
  public static String enterpriseIn(String county) {
    String org = orgNumber();
    agreementViaKafka(org, county);
    return org;
  }

  /**
   * Publishes an agreement on the real topic, waits until the read model has it, and returns its
   * id.
   */
  public static UUID agreementViaKafka(String orgNumber, String county) {
    return agreementViaKafka(orgNumber, county, "2010-03-01");
  }

  /**
   * Publishes an agreement signed on that day on the real topic, waits until the read model has it
   * (the enterprise's agreement of that day is in that county), and returns its id.
   */
  public static UUID agreementViaKafka(String orgNumber, String county, String signedOn) {
    UUID id = UUID.randomUUID();
    TestKafka.send(
        "ia.agreement-events-v1", orgNumber, agreementRegistered(orgNumber, county, signedOn, id));
    await("the agreement event applied to the read model")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () ->
                            AgreementView.activeOn(orgNumber, LocalDate.parse(signedOn))
                                .map(a -> a.countyCode.equals(county))
                                .orElse(false)));
    return id;
  }

  /**
   * Publishes agreement-service's termination of the agreement (signed on {@code signedOn} in the
   * county, ended on {@code endedOn}), made at {@code made}, on the real topic; not awaited.
   */
  public static void agreementTerminatedViaKafka(
      String orgNumber,
      UUID agreementId,
      String county,
      String signedOn,
      String endedOn,
      OffsetDateTime made) {
    ObjectNode ended = EventSamples.sample("AgreementTerminated");
    ended.put("eventId", UUID.randomUUID().toString()).put("occurredAt", made.toString());
    ((ObjectNode) ended.get("payload"))
        .put("agreementId", agreementId.toString())
        .put("orgNumber", orgNumber)
        .put("countyCode", county)
        .put("signedOn", signedOn)
        .put("endedOn", endedOn);
    TestKafka.send("ia.agreement-events-v1", orgNumber, EventSamples.write(ended));
  }

  /** As above, made now (after whatever the test recorded before it). */
  public static void agreementTerminatedViaKafka(
      String orgNumber, UUID agreementId, String county, String signedOn, String endedOn) {
    agreementTerminatedViaKafka(
        orgNumber, agreementId, county, signedOn, endedOn, OffsetDateTime.now(ZoneOffset.UTC));
  }

  public static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
