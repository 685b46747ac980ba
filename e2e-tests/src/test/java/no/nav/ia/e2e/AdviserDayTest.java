package no.nav.ia.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.OrgNumbers;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An adviser's day through the gateway, on the packaged services (issue 15): a coordinator imports
 * a register file (the bulk format, with a malformed entry); an adviser finds an enterprise by
 * name, registers its agreement from the register, takes it as contact person, records a delivery,
 * and sees it on the working lists and on the enterprise's page.
 */
class AdviserDayTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static Platform platform;

  @BeforeAll
  static void start() {
    platform = Platform.start();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.stop();
    }
  }

  static ObjectNode entity(String org, String name, String municipality, int employees) {
    ObjectNode e = JSON.createObjectNode();
    e.put("organisasjonsnummer", org);
    e.put("navn", name);
    e.putObject("organisasjonsform").put("kode", "AS");
    e.putObject("naeringskode1").put("kode", "10.200");
    e.put("antallAnsatte", employees);
    e.putObject("forretningsadresse").put("kommunenummer", municipality);
    return e;
  }

  /** The org numbers a list or search through the gateway answers with. */
  static List<String> orgNumbers(String token, String path) {
    return Polite.send(() -> platform.as(token).get(path))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.orgNumber");
  }

  /** A correction of the agreement's size through the gateway, with the version read. */
  static Response correct(String token, String agreement, String etag, int employees) {
    return Polite.send(
        () ->
            platform
                .as(token)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("employees", employees))
                .patch("/api/v1/agreements/" + agreement));
  }

  @Test
  void anAdviserFindsRegistersRecordsAndSeesTheWorkingLists() throws Exception {
    String org = OrgNumbers.next(8);
    String neighbour = OrgNumbers.next(8);
    ArrayNode register = JSON.createArrayNode();
    register.add(entity(org, "KVITSØY SJØMAT AS", "1144", 35));
    register.add(entity(neighbour, "KVITSØY SJØMAT OG FERJE AS", "1144", 12));
    register.add(JSON.createObjectNode().put("organisasjonsnummer", "nope"));
    String file = "enheter-" + org + ".json.gz";
    Files.createDirectories(Platform.REGISTER_DIR);
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(Platform.REGISTER_DIR.resolve(file)))) {
      JSON.writeValue(out, register);
    }

    String coordinator = Tokens.coordinator();
    String location =
        Polite.send(
                () ->
                    platform
                        .as(coordinator)
                        .contentType(ContentType.JSON)
                        .body(Map.of("source", file))
                        .post("/api/v1/enterprises/imports"))
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    JsonPath[] done = new JsonPath[1];
    await("the import")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              done[0] =
                  Polite.send(() -> platform.as(coordinator).get(location))
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              return !"RUNNING".equals(done[0].getString("status"));
            });
    assertThat(done[0].getString("status")).isEqualTo("DONE");
    assertThat(done[0].getInt("read")).isEqualTo(3);
    assertThat(done[0].getInt("rejected")).isEqualTo(1);

    String adviser = Tokens.adviser("11", "Z991111");
    List<String> found = orgNumbers(adviser, "/api/v1/enterprises?q=kvitsøy sjømat");
    assertThat(found).containsExactly(org, neighbour);

    LocalDate today = NorwegianTime.today();
    String agreement =
        Polite.send(
                () ->
                    platform
                        .as(adviser)
                        .contentType(ContentType.JSON)
                        .body(Map.of("orgNumber", org, "signedOn", today.minusDays(30).toString()))
                        .post("/api/v1/agreements"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Polite.send(
            () ->
                platform
                    .as(adviser)
                    .contentType(ContentType.JSON)
                    .body(Map.of("navIdent", "Z991111"))
                    .put("/api/v1/agreements/" + agreement + "/contact-person"))
        .then()
        .statusCode(200);
    // The enterprise has grown since the register's copy: corrected through the gateway with the
    // version read, and the correction is kept in the history.
    String etag =
        Polite.send(() -> platform.as(adviser).get("/api/v1/agreements/" + agreement))
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    correct(adviser, agreement, etag, 61)
        .then()
        .statusCode(200)
        .header("ETag", not(etag))
        .body("employees", equalTo(61));
    // The same version again is stale now.
    correct(adviser, agreement, etag, 62)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    assertThat(
            Polite.send(
                    () -> platform.as(adviser).get("/api/v1/agreements/" + agreement + "/history"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("employees", Integer.class))
        .contains(61);
    // An adviser of another county finds the enterprise by naming its county.
    assertThat(
            orgNumbers(
                Tokens.adviser("03", "Z990303"), "/api/v1/enterprises?q=kvitsøy sjømat&county=11"))
        .contains(org);
    String yesterday = today.minusDays(1).toString();
    Polite.send(
            () ->
                platform
                    .as(adviser)
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", "adviser-day-" + org)
                    .body(Deliveries.direct(org, "SYSTEM", yesterday))
                    .post("/api/v1/deliveries"))
        .then()
        .statusCode(201);

    assertThat(orgNumbers(adviser, "/api/v1/agreements?contactPerson=me")).contains(org);
    // The delivery reaches agreement-service as an event: the enterprise is awake since yesterday,
    // and its page shows the delivery.
    await("the delivery on the enterprise's page")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                yesterday.equals(
                    Polite.send(() -> platform.as(adviser).get("/api/v1/enterprises/" + org))
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("latestDelivery.deliveredOn")));
    JsonPath page =
        Polite.send(() -> platform.as(adviser).get("/api/v1/enterprises/" + org))
            .then()
            .extract()
            .jsonPath();
    assertThat(page.getString("agreement.status")).isEqualTo("ACTIVE");
    assertThat(page.getString("agreement.contactPerson")).isEqualTo("Z991111");
    assertThat(page.getString("latestDelivery.service")).isEqualTo("SICK_LEAVE");
    List<String> sleeping =
        orgNumbers(adviser, "/api/v1/agreements?contactPerson=me&sleepingSince=" + yesterday);
    assertThat(sleeping).doesNotContain(org);
    assertThat(orgNumbers(adviser, "/api/v1/agreements?contactPerson=me&sleepingSince=" + today))
        .contains(org);

    // A course for both enterprises, recorded once through the gateway: one delivery each.
    Polite.send(
            () ->
                platform
                    .as(adviser)
                    .contentType(ContentType.JSON)
                    .body(
                        Map.of("orgNumber", neighbour, "signedOn", today.minusDays(30).toString()))
                    .post("/api/v1/agreements"))
        .then()
        .statusCode(201);
    JsonPath course =
        Polite.send(
                () ->
                    platform
                        .as(adviser)
                        .contentType(ContentType.JSON)
                        .header("Idempotency-Key", "adviser-day-course-" + org)
                        .body(
                            Map.of(
                                "orgNumbers",
                                List.of(org, neighbour),
                                "service",
                                "SICK_LEAVE",
                                "direction",
                                "SYSTEM",
                                "subGoals",
                                List.of(1, 2),
                                "deliveredOn",
                                today.toString(),
                                "form",
                                "COURSE"))
                        .post("/api/v1/deliveries/group"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(course.getList("results.status")).containsExactly("CREATED", "CREATED");
    assertThat(orgNumbers(adviser, "/api/v1/deliveries?groupId=" + course.getString("groupId")))
        .containsExactlyInAnyOrder(org, neighbour);
  }
}
