package no.nav.ia.delivery.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.delivery.service.DeliveryService;
import no.nav.ia.test.Infra;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * API.md version 2, Deliveries: a system names the adviser; a course or information meeting for
 * several enterprises is recorded once, as one delivery per enterprise sharing a group id.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class AdvisersAndGroupsTest {

  private static final String GROUPS = "/api/v1/deliveries/group";

  @Inject DataSource dataSource;

  private static ValidatableResponse post(
      String token, String path, Object body, String idempotencyKey) {
    var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request.post(path).then();
  }

  private static int stored(String org) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/deliveries?includeVoided=true&orgNumber=" + org)
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }

  private static Map<String, Object> named(String org, String adviser) {
    Map<String, Object> body = Fixtures.delivery(org);
    body.put("adviser", adviser);
    return body;
  }

  @Test
  void aSystemNamesTheAdviserAndIsKeptAsWhoRecordedIt() {
    String org = Fixtures.enterpriseIn("11");
    String location =
        post(Tokens.system("arena"), "/api/v1/deliveries", named(org, "Z991101"), null)
            .statusCode(201)
            .body("adviser", equalTo("Z991101"))
            .extract()
            .header("Location");
    given()
        .auth()
        .oauth2(Tokens.manager("11"))
        .get(location + "/history")
        .then()
        .statusCode(200)
        .body("[0].changedBy", equalTo("arena"))
        .body("[0].delivery.adviser", equalTo("Z991101"));
    given()
        .auth()
        .oauth2(Tokens.manager("11"))
        .get("/api/v1/deliveries?adviser=Z991101&orgNumber=" + org)
        .then()
        .body("total", equalTo(1));

    // The system corrects whom it named; a person's correction keeps the adviser.
    post(Tokens.system("arena"), "/api/v1/deliveries", named(org, "Z991101"), null);
    given()
        .auth()
        .oauth2(Tokens.system("arena"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(named(org, "Z991102"))
        .put(location)
        .then()
        .statusCode(200)
        .body("adviser", equalTo("Z991102"));
    Map<String, Object> corrected = Fixtures.delivery(org);
    corrected.put("direction", "INDIVIDUAL");
    given()
        .auth()
        .oauth2(Tokens.adviser("11", "Z991103"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"2\"")
        .body(corrected)
        .put(location)
        .then()
        .statusCode(200)
        .body("adviser", equalTo("Z991102"))
        .body("direction", equalTo("INDIVIDUAL"));
    given()
        .auth()
        .oauth2(Tokens.adviser("11", "Z991103"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"3\"")
        .body(named(org, "Z991103"))
        .put(location)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("adviser"));
  }

  @Test
  void theAdviserIsRequiredFromASystemAndRefusedFromPeopleChangingNothing() {
    String org = Fixtures.enterpriseIn("11");
    post(Tokens.system("arena"), "/api/v1/deliveries", Fixtures.delivery(org), "no-adviser-" + org)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors[0].field", equalTo("adviser"));
    post(Tokens.adviser("11", "Z991104"), "/api/v1/deliveries", named(org, "Z991105"), null)
        .statusCode(400)
        .body("errors[0].field", equalTo("adviser"));
    post(Tokens.coordinator(), "/api/v1/deliveries", named(org, "Z991105"), null)
        .statusCode(400)
        .body("errors[0].field", equalTo("adviser"));
    post(Tokens.system("arena"), "/api/v1/deliveries", named(org, "z991105"), null)
        .statusCode(400)
        .body("errors[0].field", equalTo("adviser"))
        .body(
            "errors[0].message",
            equalTo("must be a NAV-ident (one capital letter and six digits)"));
    assertThat(stored(org)).isZero();
    // The key a refused request carried is still free.
    post(Tokens.system("arena"), "/api/v1/deliveries", named(org, "Z991105"), "no-adviser-" + org)
        .statusCode(201);
  }

  @Test
  void aPersonMaySendBackTheAdviserItReadWhenThatIsThemselves() {
    String org = Fixtures.enterpriseIn("11");
    String adviser = Tokens.adviser("11", "Z991106");
    String location =
        post(adviser, "/api/v1/deliveries", named(org, "Z991106"), "self-" + org)
            .statusCode(201)
            .body("adviser", equalTo("Z991106"))
            .extract()
            .header("Location");
    // The same request without naming themselves is the same request.
    post(adviser, "/api/v1/deliveries", Fixtures.delivery(org), "self-" + org)
        .statusCode(201)
        .header("Idempotent-Replayed", "true");

    // What GET gave, sent back with a correction.
    Map<String, Object> read =
        given().auth().oauth2(adviser).get(location).then().statusCode(200).extract().path("");
    Map<String, Object> corrected = new HashMap<>(Fixtures.delivery(org));
    corrected.put("adviser", read.get("adviser"));
    corrected.put("direction", "INDIVIDUAL");
    given()
        .auth()
        .oauth2(adviser)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(corrected)
        .put(location)
        .then()
        .statusCode(200)
        .body("adviser", equalTo("Z991106"))
        .body("direction", equalTo("INDIVIDUAL"));
    // Another adviser sending it back names someone else.
    given()
        .auth()
        .oauth2(Tokens.adviser("11", "Z991107"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"2\"")
        .body(corrected)
        .put(location)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("adviser"));
  }

  private static Map<String, Object> group(List<String> orgs) {
    Map<String, Object> body = new HashMap<>(Fixtures.delivery("974760673"));
    body.remove("orgNumber");
    body.put("orgNumbers", orgs);
    body.put("form", "COURSE");
    body.put("note", "Kurs i oppfølging av sykmeldte");
    return body;
  }

  @Test
  void aCourseForSeveralEnterprisesIsOneDeliveryEachSharingAGroupAndIsRecordedOnce() {
    String a = Fixtures.enterpriseIn("15");
    String b = Fixtures.enterpriseIn("15");
    String later = Fixtures.orgNumber(); // its agreement is not known yet
    String adviser = Tokens.adviser("15", "Z991501");
    Map<String, Object> body = group(List.of(a, b, later));

    JsonPath first =
        post(adviser, GROUPS, body, "course-" + a).statusCode(200).extract().jsonPath();
    String groupId = first.getString("groupId");
    assertThat(groupId).isNotNull();
    assertThat(first.getList("results.status")).containsExactly("CREATED", "CREATED", "ERROR");
    assertThat(first.getList("results.orgNumber")).containsExactly(a, b, later);
    assertThat(first.getString("results[2].code")).isEqualTo("NO_ACTIVE_AGREEMENT");
    // In words too, as a single request's problem says it (an adviser's review saw codes only).
    assertThat(first.getString("results[2].detail")).contains("no cooperation agreement");
    assertThat(first.getString("results[0].detail")).isNull();
    assertThat(first.getInt("created")).isEqualTo(2);
    assertThat(first.getInt("failed")).isEqualTo(1);

    JsonPath listed =
        given()
            .auth()
            .oauth2(Tokens.manager("15"))
            .get("/api/v1/deliveries?groupId=" + groupId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(listed.getInt("total")).isEqualTo(2);
    assertThat(listed.getList("items.orgNumber")).containsExactlyInAnyOrder(a, b);
    assertThat(listed.getList("items.groupId")).containsOnly(groupId);
    assertThat(listed.getList("items.form")).containsOnly("COURSE");
    assertThat(listed.getList("items.adviser")).containsOnly("Z991501");

    // Sent again, in another order: nothing twice, the same group.
    List<Object> reordered = new ArrayList<>(List.of(later, b, a));
    Map<String, Object> again = new HashMap<>(body);
    again.put("orgNumbers", reordered);
    JsonPath retried =
        post(adviser, GROUPS, again, "course-" + a).statusCode(200).extract().jsonPath();
    assertThat(retried.getString("groupId")).isEqualTo(groupId);
    assertThat(retried.getList("results.status"))
        .containsExactly("ERROR", "DUPLICATE", "DUPLICATE");
    assertThat(retried.getString("results[2].id")).isEqualTo(first.getString("results[0].id"));

    // Once the enterprise's agreement is known, sending the group again records what was missing.
    AgreementServiceStub.add(later, "15", "2011-01-01");
    JsonPath completed =
        post(adviser, GROUPS, body, "course-" + a).statusCode(200).extract().jsonPath();
    assertThat(completed.getList("results.status"))
        .containsExactly("DUPLICATE", "DUPLICATE", "CREATED");
    assertThat(stored(a) + stored(b) + stored(later)).isEqualTo(3);

    // The list put right, with the same key: the enterprise added is recorded into the group, the
    // others are not recorded again (with a new key they would have been: the course twice).
    String added = Fixtures.enterpriseIn("15");
    JsonPath putRight =
        post(adviser, GROUPS, group(List.of(a, added, b)), "course-" + a)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(putRight.getString("groupId")).isEqualTo(groupId);
    assertThat(putRight.getList("results.status"))
        .containsExactly("DUPLICATE", "CREATED", "DUPLICATE");
    assertThat(stored(a) + stored(b) + stored(later) + stored(added)).isEqualTo(4);

    // The key for another meeting (another day) is refused, and records nothing.
    Map<String, Object> otherDay = group(List.of(a, b));
    otherDay.put("deliveredOn", "2012-05-15");
    post(adviser, GROUPS, otherDay, "course-" + a)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    assertThat(stored(a) + stored(b) + stored(later) + stored(added)).isEqualTo(4);
  }

  @Test
  void aGroupsKeyStoredBeforeItBoundOnlyTheMeetingStillNamesItsGroup() throws Exception {
    String a = Fixtures.enterpriseIn("15");
    String adviser = Tokens.adviser("15", "Z991503");
    Map<String, Object> body = group(List.of(a));
    JsonPath first =
        post(adviser, GROUPS, body, "course-old-" + a).statusCode(200).extract().jsonPath();
    // As the key was stored before V7 (or by an instance of that version during a deploy): the
    // whole body's fingerprint, its list too (a person's group names no adviser: null), alone.
    String whole =
        DeliveryService.sha256(
            String.join(
                "|",
                "[" + a + "]",
                "SICK_LEAVE",
                "SYSTEM",
                "[1]",
                "2012-05-14",
                "COURSE",
                "Kurs i oppfølging av sykmeldte",
                "null"));
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "update delivery_group_key set meeting_hash = null where key = ? and request_hash"
                    + " = ?")) {
      update.setString(1, "course-old-" + a);
      update.setString(2, whole);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    JsonPath again =
        post(adviser, GROUPS, body, "course-old-" + a).statusCode(200).extract().jsonPath();
    assertThat(again.getString("groupId")).isEqualTo(first.getString("groupId"));
    assertThat(again.getList("results.status")).containsExactly("DUPLICATE");
    // Its list cannot be put right under it: the answer says to send only what is not recorded.
    post(adviser, GROUPS, group(List.of(a, Fixtures.enterpriseIn("15"))), "course-old-" + a)
        .statusCode(422)
        .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"))
        .body("detail", org.hamcrest.Matchers.containsString("send only the enterprises not"));
    assertThat(stored(a)).isEqualTo(1);
  }

  @Test
  void aClientsKeyNeverNamesAGroupsItem() {
    String a = Fixtures.enterpriseIn("15");
    String adviser = Tokens.adviser("15", "Z991502");
    Map<String, Object> body = group(List.of(a));
    JsonPath recorded =
        post(adviser, GROUPS, body, "course-" + a).statusCode(200).extract().jsonPath();
    String groupId = recorded.getString("groupId");
    String itemId = recorded.getString("results[0].id");

    // The item's own body under a key shaped like the one the group's item was once stored under:
    // the client's key, a new delivery, not the group's.
    Map<String, Object> item = new HashMap<>(body);
    item.remove("orgNumbers");
    item.put("orgNumber", a);
    String single =
        post(adviser, "/api/v1/deliveries", item, "group:" + groupId + ":" + a)
            .statusCode(201)
            .header("Idempotent-Replayed", (String) null)
            .body("groupId", equalTo(null))
            .extract()
            .path("id");
    assertThat(single).isNotEqualTo(itemId);
    assertThat(stored(a)).isEqualTo(2);
  }

  @Test
  void aCorrectionKeepsAGroupsDeliveryAGroupsDelivery() {
    String a = Fixtures.enterpriseIn("15");
    String b = Fixtures.enterpriseIn("15");
    String adviser = Tokens.adviser("15", "Z991502");
    JsonPath course =
        post(adviser, GROUPS, group(List.of(a, b)), "course-kept-" + a)
            .statusCode(200)
            .extract()
            .jsonPath();
    String ofB = course.getString("results[1].id");
    Map<String, Object> moved = new HashMap<>(Fixtures.delivery(a));
    moved.put("form", "COURSE");
    moved.put("note", "Kurs i oppfølging av sykmeldte");
    Map<String, Object> direct = new HashMap<>(Fixtures.delivery(b));
    direct.put("form", "DIRECT");
    for (Map<String, Object> body : List.of(moved, direct)) {
      given()
          .auth()
          .oauth2(adviser)
          .header("If-Match", "\"1\"")
          .contentType(ContentType.JSON)
          .body(body)
          .put("/api/v1/deliveries/" + ofB)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(body == moved ? "orgNumber" : "form"));
    }
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/deliveries/" + ofB)
        .then()
        .body("version", equalTo(1))
        .body("orgNumber", equalTo(b))
        .body("form", equalTo("COURSE"));
  }

  @Test
  void twoCorrectionsNamingTheSameEnterpriseAtOnceLeaveItOnceInTheGroup() throws Exception {
    String a = Fixtures.enterpriseIn("15");
    String b = Fixtures.enterpriseIn("15");
    String c = Fixtures.enterpriseIn("15");
    String adviser = Tokens.adviser("15", "Z991503");
    JsonPath course =
        post(adviser, GROUPS, group(List.of(a, b)), "course-race-" + a)
            .statusCode(200)
            .extract()
            .jsonPath();
    String ofA = course.getString("results[0].id");
    String ofB = course.getString("results[1].id");
    Map<String, Object> toC = new HashMap<>(Fixtures.delivery(c));
    toC.put("form", "COURSE");
    CompletableFuture<ExtractableResponse<Response>> racing;
    try (Connection other = dataSource.getConnection()) {
      // Another correction moves b's delivery to c and has not committed: the correction below
      // counts no live delivery of c in the group, as each of two corrections at once would.
      other.setAutoCommit(false);
      try (PreparedStatement move =
          other.prepareStatement("update delivery set org_number = ? where id = ?::uuid")) {
        move.setString(1, c);
        move.setString(2, ofB);
        assertThat(move.executeUpdate()).isEqualTo(1);
      }
      CompletableFuture<ExtractableResponse<Response>> correction =
          CompletableFuture.supplyAsync(
              () ->
                  given()
                      .auth()
                      .oauth2(adviser)
                      .header("If-Match", "\"1\"")
                      .contentType(ContentType.JSON)
                      .body(toC)
                      .put("/api/v1/deliveries/" + ofA)
                      .then()
                      .extract());
      // (Without the index it does not wait: it commits, and says 200.)
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> correction.isDone() || waitingOnALock("update delivery"));
      racing = correction;
      other.commit();
    }
    ExtractableResponse<Response> refused = racing.get(30, TimeUnit.SECONDS);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.jsonPath().getString("errors[0].field")).isEqualTo("orgNumber");
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/deliveries/" + ofA)
        .then()
        .body("version", equalTo(1))
        .body("orgNumber", equalTo(a));
    assertThat(stored(c)).isEqualTo(1);
  }

  @Test
  void aGroupSentAgainAfterACorrectionNamedItsMissingEnterpriseKeepsThatEnterpriseOnce() {
    String a = Fixtures.enterpriseIn("15");
    String later = Fixtures.orgNumber(); // its agreement is not known yet
    String adviser = Tokens.adviser("15", "Z991504");
    Map<String, Object> body = group(List.of(a, later));
    JsonPath first =
        post(adviser, GROUPS, body, "course-moved-" + a).statusCode(200).extract().jsonPath();
    assertThat(first.getList("results.status")).containsExactly("CREATED", "ERROR");
    AgreementServiceStub.add(later, "15", "2011-01-01");
    Map<String, Object> moved = new HashMap<>(Fixtures.delivery(later));
    moved.put("form", "COURSE");
    given()
        .auth()
        .oauth2(adviser)
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body(moved)
        .put("/api/v1/deliveries/" + first.getString("results[0].id"))
        .then()
        .statusCode(200);

    JsonPath again =
        post(adviser, GROUPS, body, "course-moved-" + a).statusCode(200).extract().jsonPath();
    assertThat(again.getList("results.status")).containsExactly("DUPLICATE", "ERROR");
    assertThat(again.getString("results[1].code")).isEqualTo("VALIDATION_FAILED");
    assertThat(stored(later)).isEqualTo(1);
  }

  /** True while a statement starting so waits for another transaction's lock. */
  private boolean waitingOnALock(String statement) throws Exception {
    try (Connection watcher = dataSource.getConnection()) {
      return Infra.lockWaits(watcher, statement + "%") > 0;
    }
  }

  @Test
  void eachEnterpriseOfAGroupIsCheckedAgainstTheCallersCounty() {
    String own = Fixtures.enterpriseIn("03");
    String other = Fixtures.enterpriseIn("46");
    JsonPath result =
        post(Tokens.adviser("03", "Z990301"), GROUPS, group(List.of(own, other)), "county-" + own)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(result.getList("results.status")).containsExactly("CREATED", "ERROR");
    assertThat(stored(other)).isZero();
  }

  @Test
  void aSystemNamesTheAdviserOfAGroup() {
    String a = Fixtures.enterpriseIn("34");
    Map<String, Object> body = group(List.of(a));
    post(Tokens.system("crm"), GROUPS, body, "system-" + a)
        .statusCode(400)
        .body("errors[0].field", equalTo("adviser"));
    body.put("adviser", "Z993401");
    body.put("form", "INFORMATION");
    post(Tokens.system("crm"), GROUPS, body, "system-" + a)
        .statusCode(200)
        .body("created", equalTo(1));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/deliveries?orgNumber=" + a)
        .then()
        .body("items[0].adviser", equalTo("Z993401"))
        .body("items[0].form", equalTo("INFORMATION"));
  }

  @Test
  void aBadGroupIsAClear400AndRecordsNothing() {
    String a = Fixtures.enterpriseIn("42");
    String b = Fixtures.enterpriseIn("42");
    String adviser = Tokens.adviser("42", "Z994201");

    post(adviser, GROUPS, group(List.of(a, b)), null)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("Idempotency-Key"));
    post(adviser, GROUPS, group(List.of(a, b, a)), "twice-" + a)
        .statusCode(400)
        .body("errors[0].field", equalTo("orgNumbers"));
    Map<String, Object> direct = group(List.of(a, b));
    direct.put("form", "DIRECT");
    post(adviser, GROUPS, direct, "direct-" + a)
        .statusCode(400)
        .body("errors[0].field", equalTo("form"));
    Map<String, Object> goalTwice = group(List.of(a, b));
    goalTwice.put("subGoals", List.of(2, 2));
    post(adviser, GROUPS, goalTwice, "goal-twice-" + a)
        .statusCode(400)
        .body("errors[0].field", equalTo("subGoals"));
    Map<String, Object> noForm = group(List.of(a, b));
    noForm.remove("form");
    post(adviser, GROUPS, noForm, "no-form-" + a).statusCode(400);
    post(adviser, GROUPS, group(List.of(a, "123456789")), "bad-org-" + a).statusCode(400);
    post(adviser, GROUPS, group(List.of()), "empty-" + a).statusCode(400);
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      many.add(Fixtures.orgNumber());
    }
    post(adviser, GROUPS, group(many), "many-" + a)
        .statusCode(400)
        .body("errors[0].field", equalTo("orgNumbers"));
    Map<String, Object> named = group(List.of(a, b));
    named.put("adviser", "Z994202");
    post(adviser, GROUPS, named, "named-" + a)
        .statusCode(400)
        .body("errors[0].field", equalTo("adviser"));
    Map<String, Object> personal = group(List.of(a, b));
    personal.put("note", "gjelder 01019010046");
    post(adviser, GROUPS, personal, "personal-" + a)
        .statusCode(400)
        .body("errors[0].field", equalTo("note"));
    post(Tokens.manager("42"), GROUPS, group(List.of(a, b)), "manager-" + a).statusCode(403);
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/deliveries?groupId=not-a-group")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("groupId"));
    assertThat(stored(a) + stored(b)).isZero();
    // None of the refused requests used up a key.
    post(adviser, GROUPS, group(List.of(a, b)), "twice-" + a)
        .statusCode(200)
        .body("created", equalTo(2));
  }
}
