package no.nav.ia.delivery.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.delivery.service.IdempotencyKeys;
import no.nav.ia.test.Infra;
import no.nav.ia.test.LogLines;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What is done with a delivery, and what is refused, reaches the audit trail (a security review
 * found no line for a delivery recorded, read, corrected or voided, and every line a Permit).
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class DeliveryAuditTest {

  @Test
  void recordingReadingCorrectingVoidingAndARefusalAreEachAnAuditLine() {
    try (LogLines log = LogLines.of("auditLogger")) {
      List<String> lines = log.lines;
      String org = Fixtures.enterpriseIn("03");
      String adviser = Tokens.adviser("03", "Z990301");
      String id =
          Fixtures.post(adviser, Fixtures.delivery(org)).statusCode(201).extract().path("id");
      given().auth().oauth2(adviser).get("/api/v1/deliveries/" + id).then().statusCode(200);
      given()
          .auth()
          .oauth2(adviser)
          .contentType(ContentType.JSON)
          .header("If-Match", "\"1\"")
          .body(Fixtures.delivery(org))
          .put("/api/v1/deliveries/" + id)
          .then()
          .statusCode(200);
      given()
          .auth()
          .oauth2(Tokens.adviser("11", "Z991101"))
          .get("/api/v1/deliveries/" + id)
          .then()
          .statusCode(403);
      given().auth().oauth2(adviser).delete("/api/v1/deliveries/" + id).then().statusCode(204);

      assertThat(lines)
          .anySatisfy(
              l -> assertThat(l).contains("|audit:create|").contains("suid=Z990301 duid=" + org))
          .anySatisfy(l -> assertThat(l).contains("|audit:access|").contains("duid=" + org))
          .anySatisfy(l -> assertThat(l).contains("|audit:update|").contains("duid=" + org))
          .anySatisfy(l -> assertThat(l).contains("|audit:delete|").contains("duid=" + org))
          .anySatisfy(
              l ->
                  assertThat(l)
                      // Whose data was asked for, as a privacy review would search for it.
                      .contains("suid=Z991101 duid=" + org)
                      .contains("request=/api/v1/deliveries/" + id)
                      .endsWith("flexString1=Deny"));
      assertThat(lines.stream().filter(l -> l.endsWith("flexString1=Deny")))
          .allSatisfy(l -> assertThat(l).contains("suid=Z991101"));
    }
  }

  @Test
  void listingAColleaguesDeliveriesIsAReadOfThatColleague() {
    String org = Fixtures.enterpriseIn("03");
    Fixtures.post(Tokens.adviser("03", "Z990305"), Fixtures.delivery(org)).statusCode(201);
    String colleague = Tokens.adviser("03", "Z990306");
    try (LogLines log = LogLines.of("auditLogger")) {
      // A security review listed a colleague's deliveries (their figures, which the per-adviser
      // breakdown keeps with the manager) and the trail named only the enterprise.
      given()
          .auth()
          .oauth2(colleague)
          .get("/api/v1/deliveries?adviser=Z990305")
          .then()
          .statusCode(200)
          .body("total", equalTo(1));
      given().auth().oauth2(colleague).get("/api/v1/deliveries?adviser=me").then().statusCode(200);
      given()
          .auth()
          .oauth2(colleague)
          .get("/api/v1/deliveries?adviser=Z990306")
          .then()
          .statusCode(200);
      assertThat(log.lines)
          .filteredOn(l -> l.contains("|audit:access|") && l.contains("suid=Z990306 duid=Z99030"))
          .singleElement()
          .satisfies(l -> assertThat(l).contains("duid=Z990305"));
    }
  }

  @Test
  void aBatchItemsLineIsWrittenWhenTheItemIsRecordedNotAfterTheBatch() throws Exception {
    String org = Fixtures.enterpriseIn("03");
    String adviser = Tokens.adviser("03", "Z990303");
    String run = java.util.UUID.randomUUID().toString();
    Fixtures.post(adviser, run + "-single", Fixtures.delivery(org)).statusCode(201);
    var background = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (LogLines log = LogLines.of("auditLogger");
        java.sql.Connection other = Infra.connection("delivery")) {
      // Another request holds the second item's key, uncommitted: the batch waits there, its
      // first item recorded.
      Fixtures.hold(other, run + "-1", run + "-single");
      List<Map<String, Object>> items = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Map<String, Object> item = Fixtures.delivery(org);
        item.put("idempotencyKey", run + "-" + i);
        items.add(item);
      }
      var batch = background.submit(() -> Fixtures.postBatch(adviser, items).extract().jsonPath());
      Infra.awaitLockWaits(other, "%idempotency_key%", 1);
      assertThat(log.lines)
          .as("the first item's line, while the batch waits on its second")
          .filteredOn(l -> l.contains("|audit:create|") && l.contains("suid=Z990303"))
          .hasSize(1);
      other.rollback();
      assertThat(batch.get(30, java.util.concurrent.TimeUnit.SECONDS).getInt("created"))
          .isEqualTo(2);
      assertThat(log.lines)
          .filteredOn(l -> l.contains("|audit:create|") && l.contains("suid=Z990303"))
          .hasSize(2);
    } finally {
      background.shutdownNow();
    }
  }

  @Test
  void aGroupsEnterpriseLineIsWrittenWhenItsDeliveryIsRecordedNotAfterTheGroup() throws Exception {
    String first = Fixtures.enterpriseIn("15");
    String second = Fixtures.enterpriseIn("15");
    String third = Fixtures.enterpriseIn("15");
    String adviser = Tokens.adviser("15", "Z991503");
    String key = "course-" + java.util.UUID.randomUUID();
    String groupId = group(adviser, key, List.of(first)).getString("groupId");
    var background = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (LogLines log = LogLines.of("auditLogger");
        java.sql.Connection other = Infra.connection("delivery")) {
      // Another request holds the third enterprise's key within the group, uncommitted: the group
      // sent again with two more enterprises waits there, the second's delivery recorded.
      java.util.UUID group = java.util.UUID.fromString(groupId);
      Fixtures.hold(
          other, IdempotencyKeys.groupItem(group, third), IdempotencyKeys.groupItem(group, first));
      var again = background.submit(() -> group(adviser, key, List.of(first, second, third)));
      Infra.awaitLockWaits(other, "%idempotency_key%", 1);
      assertThat(log.lines)
          .as("the second enterprise's line, while the group waits on the third")
          .filteredOn(l -> l.contains("|audit:create|") && l.contains("suid=Z991503"))
          .singleElement()
          .satisfies(l -> assertThat(l).contains("duid=" + second));
      other.rollback();
      assertThat(again.get(30, java.util.concurrent.TimeUnit.SECONDS).getList("results.status"))
          .containsExactly("DUPLICATE", "CREATED", "CREATED");
      assertThat(log.lines)
          .filteredOn(l -> l.contains("|audit:create|") && l.contains("suid=Z991503"))
          .hasSize(2)
          .anySatisfy(l -> assertThat(l).contains("duid=" + third));
    } finally {
      background.shutdownNow();
    }
  }

  /**
   * Claims {@code key} for the actor of {@code keyOfTheSameActor} in a transaction the connection
   * keeps open: a request that claims it too waits for this one.
   */
  private static io.restassured.path.json.JsonPath group(
      String token, String key, List<String> orgNumbers) {
    Map<String, Object> body = Fixtures.delivery(orgNumbers.get(0));
    body.remove("orgNumber");
    body.put("orgNumbers", orgNumbers);
    body.put("form", "COURSE");
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/deliveries/group")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
