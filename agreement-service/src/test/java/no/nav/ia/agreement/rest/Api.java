package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.Map;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.Tokens;

/**
 * The API calls the contract tests set their scene with (each test class asserts its own
 * behaviour).
 */
public final class Api {

  private Api() {}

  /** A GET as the token's holder. */
  static ValidatableResponse get(String token, String path) {
    return given().auth().oauth2(token).get(path).then();
  }

  /** A count the SQL reads, with its parameters numbered from 1, in a transaction of its own. */
  static long count(jakarta.persistence.EntityManager em, String sql, Object... params) {
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query = em.createNativeQuery(sql);
              for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
              }
              return ((Number) query.getSingleResult()).longValue();
            });
  }

  /** Registers an agreement as a coordinator; returns its id. */
  public static String register(Map<String, Object> body) {
    return post(body).statusCode(201).extract().path("id");
  }

  /** A coordinator's POST of an agreement, for its answer whatever it is. */
  static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
    return postJson(body);
  }

  /** The same with the body as written (a map, or JSON text as the client sent it). */
  static io.restassured.response.ValidatableResponse postJson(Object body) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/agreements")
        .then();
  }

  /** Ends the agreement on the day, as a coordinator; the answer, for more to read of it. */
  public static ValidatableResponse terminate(String agreement, LocalDate on, String reason) {
    return termination(agreement, on, reason).statusCode(200);
  }

  /** A coordinator's termination of the agreement, for its answer whatever it is. */
  static ValidatableResponse termination(String agreement, LocalDate on, String reason) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("endedOn", on.toString(), "reason", reason))
        .post("/api/v1/agreements/" + agreement + "/termination")
        .then();
  }

  /** An agreement as the token's holder reads it. */
  static io.restassured.path.json.JsonPath agreement(String token, String id) {
    return get(token, "/api/v1/agreements/" + id).statusCode(200).extract().jsonPath();
  }

  /** An enterprise's page as the token's caller reads it. */
  static io.restassured.path.json.JsonPath enterprise(String token, String orgNumber) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/enterprises/" + orgNumber)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Every version of the agreement, oldest first, as a coordinator reads them. */
  static java.util.List<java.util.Map<String, Object>> history(String agreement) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/agreements/" + agreement + "/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("");
  }

  /**
   * Closes, in the database, every campaign another test left open or closing: one campaign at a
   * time is open (CAMPAIGN_ALREADY_OPEN), and the tests share one database. Their cases are left
   * without outcome; no test reads them again.
   */
  static void noCampaignOpen() {
    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .run(
            () ->
                io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                    .createNativeQuery(
                        "update resigning_campaign set status = 'CLOSED', closed_on = :today,"
                            + " closed_by = 'Z990003', closed_at = now() where status <> 'CLOSED'")
                    .setParameter("today", NorwegianTime.today())
                    .executeUpdate());
  }

  /**
   * Starts a re-signing campaign with its deadline three months ahead, after closing any campaign
   * left open ({@link #noCampaignOpen}); returns its id.
   */
  static String startCampaign() {
    noCampaignOpen();
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "IA-avtalen 2014-2018",
                "deadline",
                NorwegianTime.today().plusMonths(3).toString()))
        .post("/api/v1/resigning-campaigns")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** An agreement's status changes in a campaign, oldest first, as a coordinator reads them. */
  static java.util.List<java.util.Map<String, Object>> caseHistory(
      String campaign, String agreement) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/resigning-campaigns/" + campaign + "/agreements/" + agreement + "/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("");
  }

  /** Moves an agreement of a campaign to a status, as the token's caller. */
  public static ValidatableResponse status(
      String token, String campaign, String agreement, String status, LocalDate on) {
    return status(token, campaign, agreement, Map.of("status", status, "on", on.toString()));
  }

  /** The same with a note. */
  public static ValidatableResponse status(
      String token, String campaign, String agreement, String status, LocalDate on, String note) {
    return status(
        token, campaign, agreement, Map.of("status", status, "on", on.toString(), "note", note));
  }

  private static ValidatableResponse status(
      String token, String campaign, String agreement, Map<String, String> body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/resigning-campaigns/" + campaign + "/agreements/" + agreement + "/status")
        .then();
  }

  /**
   * Sends a delivery event as delivery-service would (the committed sample of the type, moved to
   * the enterprise and day, with the version given) to the topic this service reads.
   */
  static void deliveryEvent(
      String type, java.util.UUID deliveryId, long version, String orgNumber, String day) {
    deliveryEvent(type, deliveryId, version, orgNumber, "03", day);
  }

  /** A delivery event recorded under that county. */
  static void deliveryEvent(
      String type,
      java.util.UUID deliveryId,
      long version,
      String orgNumber,
      String county,
      String day) {
    com.fasterxml.jackson.databind.node.ObjectNode e = no.nav.ia.test.EventSamples.sample(type);
    com.fasterxml.jackson.databind.node.ObjectNode p =
        (com.fasterxml.jackson.databind.node.ObjectNode) e.get("payload");
    p.put("deliveryId", deliveryId.toString());
    p.put("version", version);
    for (String part : java.util.List.of("delivery", "before", "after")) {
      if (p.has(part)) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) p.get(part))
            .put("orgNumber", orgNumber)
            .put("countyCode", county)
            .put("deliveredOn", day);
      }
    }
    no.nav.ia.test.TestKafka.send(
        "ia.delivery-events-v1", orgNumber, no.nav.ia.test.EventSamples.write(e));
  }
}
