package no.nav.ia.delivery.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.delivery.rest.DeliveryRequest;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Keys stored by an earlier release still hold. A system's key stored before systems named the
 * adviser (its request had no {@code adviser}): a retry of that request gets its first result, not
 * the 400 a new request without an adviser gets. A group's item keys stored among the clients' own
 * keys (before V4): the group sent again finds its items, and a client's key names none.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class KeysFromBeforeTest {

  @Inject EntityManager em;
  @Inject ObjectMapper json;
  @Inject DataSource dataSource;

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

  @Test
  void aGroupsItemKeysFromBeforeV4StillHoldAndLeaveTheClientsKeysAlone() throws Exception {
    String a = Fixtures.enterpriseIn("12");
    String b = Fixtures.enterpriseIn("12");
    String moved = Fixtures.enterpriseIn("12");
    String adviser = "Z991202";
    Map<String, Object> group = new HashMap<>(Fixtures.delivery(a));
    group.remove("orgNumber");
    group.put("orgNumbers", List.of(a, b));
    group.put("form", "COURSE");
    JsonPath recorded =
        post(adviser, GROUP, "course-" + a, group).statusCode(200).extract().jsonPath();
    String groupId = recorded.getString("groupId");
    // b's delivery corrected to another enterprise: its key still names b.
    Map<String, Object> correction = Fixtures.delivery(moved);
    correction.put("form", "COURSE");
    given()
        .auth()
        .oauth2(Tokens.adviser("12", adviser))
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body(correction)
        .put("/api/v1/deliveries/" + recorded.getString("results[1].id"))
        .then()
        .statusCode(200);
    // Another adviser's own key that looks like an item's, for a delivery of no group.
    Map<String, Object> single = Fixtures.delivery(a);
    single.put("form", "COURSE");
    String lookalike = "group:" + groupId + ":" + a;
    String own = post("Z991203", SINGLE, lookalike, single).statusCode(201).extract().path("id");

    // As the release before stored the group's item keys, then V4.
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        InputStream v4 =
            getClass()
                .getClassLoader()
                .getResourceAsStream("db/migration/V4__group_item_keys_apart.sql")) {
      int before =
          s.executeUpdate(
              "update idempotency_key set key = substr(key, 2) where key like chr(31) || 'group:"
                  + groupId
                  + ":%'");
      assertThat(before).isEqualTo(2);
      s.execute(new String(v4.readAllBytes(), StandardCharsets.UTF_8));
    }

    // The group sent again records nothing (b included, though its delivery names another now).
    post(adviser, GROUP, "course-" + a, group)
        .statusCode(200)
        .body("groupId", equalTo(groupId))
        .body("created", equalTo(0))
        .body("duplicates", equalTo(2));
    // The other adviser's key stayed theirs; the group's adviser sending it gets a new delivery.
    post("Z991203", SINGLE, lookalike, single)
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(own));
    String mine = post(adviser, SINGLE, lookalike, single).statusCode(201).extract().path("id");
    assertThat(mine).isNotIn(own, recorded.getString("results[0].id"));
  }

  private static final String SINGLE = "/api/v1/deliveries";
  private static final String GROUP = "/api/v1/deliveries/group";

  /** Posts as the adviser of county 12 with this ident. */
  private static io.restassured.response.ValidatableResponse post(
      String ident, String path, String key, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(Tokens.adviser("12", ident))
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post(path)
        .then();
  }
}
