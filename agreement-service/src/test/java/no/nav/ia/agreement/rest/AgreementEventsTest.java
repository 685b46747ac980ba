package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.ia.agreement.AuditEvent;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.EventSamples;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.TestKafka;
import no.nav.ia.test.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What agreement-service puts on ia.agreement-events-v1 has the shape of the committed samples. */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class AgreementEventsTest {

  static final String TOPIC = "ia.agreement-events-v1";
  static final ObjectMapper JSON = new ObjectMapper();

  @Inject EntityManager em;

  static JsonNode awaitEvent(String type, String key) {
    ConsumerRecord<String, String> record =
        TestKafka.await(
            TOPIC,
            // Any JSON spacing: an event a migration wrote into the outbox is PostgreSQL's JSON.
            r ->
                key.equals(r.key())
                    && java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"" + type + "\"")
                        .matcher(r.value())
                        .find(),
            Duration.ofSeconds(20));
    try {
      JsonNode event = JSON.readTree(record.value());
      assertThat(EventSamples.paths(event))
          .isEqualTo(EventSamples.paths(EventSamples.sample(type)));
      // Free text (names, reasons) never goes on a topic: it may hold what nobody should publish.
      assertThat(event.get("payload").has("name")).as(type + " carries no name").isFalse();
      assertThat(event.get("payload").has("reason")).as(type + " carries no reason").isFalse();
      assertThat(
              new String(record.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
          .isEqualTo(type);
      return event;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyChangeIsPublishedWithTheSamplesShapeTheOrgNumberAsKeyAndTheCallId() {
    String org = Fixtures.orgNumber();
    String id =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .header("Nav-Call-Id", "events-test-1")
            .contentType(ContentType.JSON)
            .body(Fixtures.agreement(org, "18"))
            .post("/api/v1/agreements")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    JsonNode registered = awaitEvent("AgreementRegistered", org);
    assertThat(registered.get("callId").asText()).isEqualTo("events-test-1");
    assertThat(registered.at("/payload/countyCode").asText()).isEqualTo("18");
    assertThat(registered.at("/payload/employees").asInt()).isEqualTo(42);

    given()
        .auth()
        .oauth2(Tokens.adviser("18"))
        .contentType(ContentType.JSON)
        .body(Map.of("navIdent", "Z990077"))
        .put("/api/v1/agreements/" + id + "/contact-person")
        .then()
        .statusCode(200);
    assertThat(awaitEvent("ContactPersonAssigned", org).at("/payload/navIdent").asText())
        .isEqualTo("Z990077");

    given()
        .auth()
        .oauth2(Tokens.adviser("18"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Map.of("employees", 130))
        .patch("/api/v1/agreements/" + id)
        .then()
        .statusCode(200);
    JsonNode corrected = awaitEvent("AgreementCorrected", org);
    assertThat(corrected.at("/payload/employees").asInt()).isEqualTo(130);
    assertThat(corrected.at("/payload/version").asLong()).isEqualTo(2);
    assertThat(corrected.at("/payload/correctedBy").asText()).isEqualTo("Z990001");
    assertThat(corrected.at("/payload").has("name")).isFalse();

    String campaign = Api.startCampaign();
    JsonNode started = awaitEvent("CampaignStarted", campaign);
    assertThat(started.at("/payload/dueByCounty/18").asInt()).isGreaterThanOrEqualTo(1);

    Api.status(Tokens.adviser("18"), campaign, id, "RESIGNED", NorwegianTime.today())
        .statusCode(200);
    assertThat(awaitEvent("ResigningStatusChanged", org).at("/payload/to").asText())
        .isEqualTo("RESIGNED");

    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("endedOn", NorwegianTime.today().toString(), "reason", "Lagt ned"))
        .post("/api/v1/agreements/" + id + "/termination")
        .then()
        .statusCode(200);
    JsonNode terminated = awaitEvent("AgreementTerminated", org);
    assertThat(terminated.at("/payload/signedOn").asText()).isEqualTo("2011-03-01");
    assertThat(terminated.at("/payload/campaignId").isNull())
        .as("a coordinator's termination, not a closing's, while a campaign is open")
        .isTrue();
  }

  @Test
  void everyChangeLeavesAnAuditRowWithWhoAndTheCallId() {
    String org = Fixtures.orgNumber();
    given()
        .auth()
        .oauth2(Tokens.system("altinn-sync"))
        .header("Nav-Call-Id", "audit-test-1")
        .contentType(ContentType.JSON)
        .body(Fixtures.agreement(org, "18"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(201);
    List<AuditEvent> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    AuditEvent.<AuditEvent>list(
                        "orgNumber = ?1 and action = ?2", org, "REGISTERED"));
    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.actor).isEqualTo("altinn-sync");
              assertThat(r.action).isEqualTo("REGISTERED");
              assertThat(r.callId).isEqualTo("audit-test-1");
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCountyTableSaysWhatTheReferenceCsvSays() {
    List<Object[]> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "select code, name, valid_from, valid_to, array_to_string(successors, ' ') from county order by code")
                        .getResultList());
    List<String> table =
        rows.stream().map(r -> r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3] + "|" + r[4]).toList();
    List<String> csv =
        CountyRegistry.get().all().stream()
            .sorted((a, b) -> a.code().compareTo(b.code()))
            .map(
                c ->
                    c.code()
                        + "|"
                        + c.name()
                        + "|"
                        + c.validFrom()
                        + "|"
                        + c.validTo()
                        + "|"
                        + String.join(" ", c.successors()))
            .toList();
    assertThat(table).isEqualTo(csv);
  }
}
