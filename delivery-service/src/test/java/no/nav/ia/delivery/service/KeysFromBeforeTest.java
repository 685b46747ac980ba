package no.nav.ia.delivery.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.delivery.rest.DeliveryRequest;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A system's key stored before systems named the adviser (its request had no {@code adviser}): a
 * retry of that request gets its first result, not the 400 a new request without an adviser gets.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class KeysFromBeforeTest {

  @Inject EntityManager em;
  @Inject ObjectMapper json;

  @Test
  void aSystemsRetryOfARequestFromBeforeGetsItsFirstResult() throws Exception {
    String org = Fixtures.enterpriseIn("12");
    Map<String, Object> named = Fixtures.delivery(org);
    named.put("adviser", "Z991201");
    String id =
        given()
            .auth()
            .oauth2(Tokens.system("arena"))
            .contentType(ContentType.JSON)
            .body(named)
            .post("/api/v1/deliveries")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // As the platform stored it before: the key of a request without an adviser.
    Map<String, Object> old = Fixtures.delivery(org);
    String hash =
        DeliveryService.fingerprint(
            json.readValue(json.writeValueAsString(old), DeliveryRequest.class));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into idempotency_key (actor, key, request_hash, delivery_id,"
                            + " created_at) values ('arena', :key, :hash, :id, now())")
                    .setParameter("key", "before-" + org)
                    .setParameter("hash", hash)
                    .setParameter("id", UUID.fromString(id))
                    .executeUpdate());
    given()
        .auth()
        .oauth2(Tokens.system("arena"))
        .header("Idempotency-Key", "before-" + org)
        .contentType(ContentType.JSON)
        .body(old)
        .post("/api/v1/deliveries")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id));
    // A new key without an adviser is still refused.
    given()
        .auth()
        .oauth2(Tokens.system("arena"))
        .header("Idempotency-Key", "after-" + org)
        .contentType(ContentType.JSON)
        .body(old)
        .post("/api/v1/deliveries")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("adviser"));
  }
}
