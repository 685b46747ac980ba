package no.nav.ia.delivery.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.test.LogLines;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A note holding personal data written by mistake (a privacy review stored an employee's name,
 * phone and sick leave, and a correction left them in the history every colleague of the county
 * reads) is erased from the delivery and every version of it, by whoever may act in its county; a
 * group's from each of its deliveries (a diff review found the rest of the group keeping it).
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class NoteErasureTest {

  private static final String PERSONAL = "Oppfølging av Per Hansen, tlf 41234567, ryggplager";

  @Inject EntityManager em;

  @Test
  void aNoteIsErasedFromTheDeliveryAndItsHistoryItsFactsAndVersionKept() {
    String org = Fixtures.enterpriseIn("03");
    String adviser = Tokens.adviser("03", "Z990311");
    Map<String, Object> body = Fixtures.delivery(org);
    body.put("note", PERSONAL);
    String id = Fixtures.post(adviser, body).statusCode(201).extract().path("id");
    // Corrected by the adviser who noticed: the first version still says it.
    body.put("note", "Oppfølging av en ansatt");
    given()
        .auth()
        .oauth2(adviser)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(body)
        .put("/api/v1/deliveries/" + id)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/deliveries/" + id + "/history")
        .then()
        .body("[0].delivery.note", equalTo(PERSONAL));
    String path = "/api/v1/deliveries/" + id + "/note";

    // Another county's adviser erases nothing.
    given()
        .auth()
        .oauth2(Tokens.adviser("18"))
        .delete(path)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    assertThat(versionsSaying(id, "Hansen")).isEqualTo(1);

    try (LogLines log = LogLines.of("auditLogger")) {
      given().auth().oauth2(Tokens.manager("03")).delete(path).then().statusCode(204);
      assertThat(log.lines)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains("|audit:delete|")
                      .contains("duid=" + org)
                      .contains("request=" + path));
    }
    // A version of its own, saying who erased it: the facts as they were.
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/deliveries/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("note", nullValue())
        .body("service", equalTo("SICK_LEAVE"))
        .body("version", equalTo(3));
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/deliveries/" + id + "/history")
        .then()
        .statusCode(200)
        .body("change", equalTo(List.of("RECORDED", "CORRECTED", "NOTE_ERASED")))
        .body("[2].changedBy", equalTo("Z990002"))
        .body("delivery.note", everyItem(nullValue()))
        .body("delivery.service", everyItem(equalTo("SICK_LEAVE")));
    assertThat(versionsSaying(id, "Hansen")).isZero();
    assertThat(versionsSaying(id, "en ansatt")).isZero();

    // A correction prepared before (a form left open) does not write the note back.
    body.put("note", PERSONAL);
    given()
        .auth()
        .oauth2(adviser)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"2\"")
        .body(body)
        .put("/api/v1/deliveries/" + id)
        .then()
        .statusCode(412)
        .body("code", equalTo("STALE_VERSION"));
    assertThat(versionsSaying(id, "Hansen")).isZero();

    // Again (a retry whose answer was lost): the same answer, and no new version.
    given().auth().oauth2(adviser).delete(path).then().statusCode(204);
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/deliveries/" + id)
        .then()
        .body("version", equalTo(3));
  }

  @Test
  void aGroupsNoteIsErasedFromEveryDeliveryOfTheGroup() {
    String a = Fixtures.enterpriseIn("15");
    String b = Fixtures.enterpriseIn("15");
    String adviser = Tokens.adviser("15", "Z991511");
    Map<String, Object> group = Fixtures.delivery("974760673");
    group.remove("orgNumber");
    group.put("orgNumbers", List.of(a, b));
    group.put("form", "COURSE");
    group.put("note", "Kurs; deltaker " + PERSONAL);
    List<String> ids =
        given()
            .auth()
            .oauth2(adviser)
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", "erase-" + a)
            .body(group)
            .post("/api/v1/deliveries/group")
            .then()
            .statusCode(200)
            .extract()
            .path("results.id");
    assertThat(ids).hasSize(2);
    given()
        .auth()
        .oauth2(adviser)
        .delete("/api/v1/deliveries/" + ids.get(1) + "/note")
        .then()
        .statusCode(204);
    for (String id : ids) {
      given()
          .auth()
          .oauth2(adviser)
          .get("/api/v1/deliveries/" + id + "/history")
          .then()
          .body("change", equalTo(List.of("RECORDED", "NOTE_ERASED")))
          .body("delivery.note", everyItem(nullValue()));
      assertThat(versionsSaying(id, "Hansen")).isZero();
    }
  }

  @Test
  void aVoidedDeliverysNoteIsErasedTooAndAnUnknownOneIs404() {
    String org = Fixtures.enterpriseIn("03");
    String adviser = Tokens.adviser("03");
    Map<String, Object> body = Fixtures.delivery(org);
    body.put("note", PERSONAL);
    String id = Fixtures.post(adviser, body).statusCode(201).extract().path("id");
    given().auth().oauth2(adviser).delete("/api/v1/deliveries/" + id).then().statusCode(204);
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .delete("/api/v1/deliveries/" + id + "/note")
        .then()
        .statusCode(204);
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/deliveries/" + id + "/history")
        .then()
        .body("change", equalTo(List.of("RECORDED", "VOIDED", "NOTE_ERASED")))
        .body("delivery.note", everyItem(nullValue()));
    assertThat(versionsSaying(id, "Hansen")).isZero();
    given()
        .auth()
        .oauth2(adviser)
        .delete("/api/v1/deliveries/" + UUID.randomUUID() + "/note")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("DELIVERY_NOT_FOUND"));
  }

  @Test
  void theDocumentSaysWhatAnErasureLeaves() {
    io.restassured.path.json.JsonPath doc =
        given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    String erase = "paths.'/api/v1/deliveries/{id}/note'.delete";
    assertThat(doc.getMap(erase + ".responses")).containsKeys("204", "403", "404");
    // A client reads that its form is stale after, and that a group's note goes as one.
    assertThat(doc.getString(erase + ".summary")).contains("NOTE_ERASED", "412", "group");
    assertThat(doc.getString("components.schemas.VersionResponse.properties.change.description"))
        .contains("NOTE_ERASED");
    assertThat(
            doc.getString("components.schemas.RecordDeliveryRequest.properties.note.description"))
        .contains("/note");
  }

  /** Rows anywhere in the delivery's table or its kept versions whose text holds {@code word}. */
  private long versionsSaying(String id, String word) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select (select count(*) from delivery_version where delivery_id"
                                    + " = cast(?1 as uuid) and snapshot like ?2) + (select"
                                    + " count(*) from delivery where id = cast(?1 as uuid) and"
                                    + " note like ?2)")
                            .setParameter(1, id)
                            .setParameter(2, "%" + word + "%")
                            .getSingleResult())
                    .longValue());
  }
}
