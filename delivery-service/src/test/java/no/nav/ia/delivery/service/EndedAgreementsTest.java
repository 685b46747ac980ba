package no.nav.ia.delivery.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.AgreementView;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.delivery.events.DeliveryEvents;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.TestKafka;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A delivery recorded on a day after its agreement's end, after the termination was made but before
 * this service heard of it (the read model's lag), is voided by the service once the termination
 * has settled, or moved to the county whose agreement covers its day; one recorded before the
 * termination was made, one within the agreement, and one another agreement covers stay. County 06,
 * whose tests do not look at these org numbers.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class EndedAgreementsTest {

  static final String TOKEN = Tokens.adviser("06", "Z990601");

  @Test
  void aDeliveryTakenInTheLagAfterATerminationIsVoidedAndOthersStay() {
    String org = Fixtures.orgNumber();
    UUID agreement = Fixtures.agreementViaKafka(org, "06");
    String before = record(org, "2013-01-02");
    OffsetDateTime made = madeNow();
    String inTheLag = record(org, "2013-01-02");
    String withinTheAgreement = record(org, "2012-06-30");

    terminate(org, agreement, "2012-06-30", made);
    awaitSettled(agreement);

    JsonPath voided = read(inTheLag);
    assertThat(voided.getString("status")).isEqualTo("VOIDED");
    assertThat(voided.getInt("version")).isEqualTo(2);
    assertThat(lastChange(TOKEN, inTheLag))
        .containsEntry("change", "VOIDED")
        .containsEntry("changedBy", "ia-delivery-service");
    assertThat(read(before).getString("status"))
        .as("recorded before the end was made")
        .isEqualTo("LIVE");
    assertThat(read(withinTheAgreement).getString("status")).isEqualTo("LIVE");
    // The figures hear of it as of any void.
    TestKafka.await(
        DeliveryEvents.TOPIC,
        r -> r.value().contains("\"DeliveryVoided\"") && r.value().contains(inTheLag),
        Duration.ofSeconds(30));
    // The same delivery now is refused, as the rules say.
    Fixtures.post(TOKEN, delivery(org, "2013-01-02"))
        .statusCode(422)
        .body("code", equalTo("NO_ACTIVE_AGREEMENT"));
  }

  @Test
  void aDayAnotherAgreementCoversKeepsItsDelivery() {
    String org = Fixtures.orgNumber();
    UUID first = Fixtures.agreementViaKafka(org, "06");
    OffsetDateTime made = madeNow();
    registeredViaKafka(org, "06", "2012-12-01");
    String covered = record(org, "2013-01-02");

    terminate(org, first, "2012-06-30", made);
    awaitSettled(first);
    assertThat(read(covered).getString("status")).isEqualTo("LIVE");
  }

  @Test
  void aDeliveryTakenInTheLagGoesToTheCountyWhoseAgreementCoversItsDay() {
    // The enterprise moved: its agreement in 06 ended, one in 07 began the day after. A delivery
    // recorded before the termination arrived was taken in 06 and then voided, out of 07's figures.
    String org = Fixtures.orgNumber();
    UUID first = Fixtures.agreementViaKafka(org, "06");
    OffsetDateTime made = madeNow();
    String coordinator = Tokens.coordinator();
    String inTheLag =
        Fixtures.post(coordinator, delivery(org, "2013-01-02"))
            .statusCode(201)
            .extract()
            .path("id");
    // An adviser of 06 would have been refused 403 for 07: theirs is voided, as before.
    String byAnAdviserOfTheOldCounty = record(org, "2013-01-03");
    registeredViaKafka(org, "07", "2012-07-01");

    terminate(org, first, "2012-06-30", made);
    awaitSettled(first);

    assertThat(read(byAnAdviserOfTheOldCounty).getString("status")).isEqualTo("VOIDED");
    JsonPath moved = read(coordinator, inTheLag);
    assertThat(moved.getString("status")).isEqualTo("LIVE");
    assertThat(moved.getString("countyCode")).isEqualTo("07");
    assertThat(moved.getInt("version")).isEqualTo(2);
    assertThat(lastChange(coordinator, inTheLag))
        .containsEntry("change", "CORRECTED")
        .containsEntry("changedBy", "ia-delivery-service");
    // The figures hear of it as of any correction of the county.
    TestKafka.await(
        DeliveryEvents.TOPIC,
        r ->
            r.value().contains("\"DeliveryCorrected\"")
                && r.value().contains(inTheLag)
                && r.value().contains("\"countyCode\":\"07\""),
        Duration.ofSeconds(30));
    // As the same delivery is recorded now.
    assertThat(
            Fixtures.post(coordinator, delivery(org, "2013-01-02"))
                .statusCode(201)
                .extract()
                .<String>path("countyCode"))
        .isEqualTo("07");
  }

  @Test
  void aCorrectionThatMovedADeliveryPastTheEndInTheLagIsVoidedAndANoteCorrectionIsNot() {
    String org = Fixtures.orgNumber();
    UUID agreement = Fixtures.agreementViaKafka(org, "06");
    String moved = record(org, "2012-05-14");
    String afterTheEndBefore = record(org, "2013-01-02");
    OffsetDateTime made = madeNow();
    correct(moved, 1, delivery(org, "2013-01-02"));
    Map<String, Object> noted = delivery(org, "2013-01-02");
    noted.put("note", "Oppfølgingsmøte");
    correct(afterTheEndBefore, 1, noted);

    terminate(org, agreement, "2012-06-30", made);
    awaitSettled(agreement);
    assertThat(read(moved).getString("status")).isEqualTo("VOIDED");
    assertThat(read(moved).getInt("version")).isEqualTo(3);
    assertThat(read(afterTheEndBefore).getString("status"))
        .as("put on its day before the end was made; only its note changed since")
        .isEqualTo("LIVE");
  }

  @jakarta.inject.Inject DeliveryService deliveries;

  @Test
  void aDeliveryChangedSinceTheSweepReadItIsLeftAsItIsNowAndSettledAtTheVersionRead() {
    String org = Fixtures.orgNumber();
    Fixtures.agreementViaKafka(org, "06");
    String id = record(org, "2013-01-02");
    Map<String, Object> noted = delivery(org, "2013-01-02");
    noted.put("note", "Oppfølgingsmøte");
    correct(id, 1, noted);
    UUID delivery = UUID.fromString(id);
    assertThat(asTheSweep(() -> deliveries.voidAsRefused(delivery, 1, "ia-delivery-service")))
        .isEqualTo(DeliveryService.AsRead.CHANGED);
    assertThat(read(id).getString("status")).isEqualTo("LIVE");
    assertThat(asTheSweep(() -> deliveries.moveAsRefused(delivery, 1, "07", "ia-delivery-service")))
        .isEqualTo(DeliveryService.AsRead.CHANGED);
    assertThat(read(id).getString("countyCode")).isEqualTo("06");
    assertThat(asTheSweep(() -> deliveries.voidAsRefused(delivery, 2, "ia-delivery-service")))
        .isEqualTo(DeliveryService.AsRead.UNCHANGED);
    assertThat(read(id).getString("status")).isEqualTo("VOIDED");
    assertThat(asTheSweep(() -> deliveries.voidAsRefused(delivery, 3, "ia-delivery-service")))
        .isEqualTo(DeliveryService.AsRead.VOIDED);
  }

  /** What the sweep's step finds, in a transaction of its own as the sweep's. */
  private static DeliveryService.AsRead asTheSweep(
      java.util.concurrent.Callable<DeliveryService.AsRead> step) {
    return QuarkusTransaction.requiringNew().call(step);
  }

  @Test
  void aDeliveryMovesOnlyWhereTheOneWhoPutItThereCouldRecord() {
    java.time.LocalDate day = java.time.LocalDate.of(2012, 5, 14);
    assertThat(EndedAgreements.mayRecordIn("ALL", null, day)).isNull();
    assertThat(EndedAgreements.mayRecordIn("ALL", "07", day)).as("every county").isEqualTo("07");
    assertThat(EndedAgreements.mayRecordIn("06", "07", day)).as("bound to 06").isNull();
    assertThat(EndedAgreements.mayRecordIn("07", "07", day)).isEqualTo("07");
    assertThat(EndedAgreements.mayRecordIn(null, "07", day))
        .as("not known: kept before V6")
        .isNull();
    // Vestfold og Telemark (38) was split on 2024-01-01: no delivery of a day after goes there.
    assertThat(EndedAgreements.mayRecordIn("ALL", "38", java.time.LocalDate.of(2023, 12, 31)))
        .isEqualTo("38");
    assertThat(EndedAgreements.mayRecordIn("ALL", "38", java.time.LocalDate.of(2024, 1, 1)))
        .as("split by then")
        .isNull();
  }

  private static void correct(String id, long version, Map<String, Object> body) {
    given()
        .auth()
        .oauth2(TOKEN)
        .header("If-Match", "\"" + version + "\"")
        .contentType(io.restassured.http.ContentType.JSON)
        .body(body)
        .put("/api/v1/deliveries/" + id)
        .then()
        .statusCode(200);
  }

  private static OffsetDateTime madeNow() {
    Fixtures.sleep(Duration.ofMillis(50));
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Fixtures.sleep(Duration.ofMillis(50));
    return now;
  }

  private static Map<String, Object> delivery(String org, String day) {
    Map<String, Object> body = Fixtures.delivery(org);
    body.put("deliveredOn", day);
    return body;
  }

  private static String record(String org, String day) {
    return Fixtures.post(TOKEN, delivery(org, day)).statusCode(201).extract().path("id");
  }

  private static JsonPath read(String id) {
    return read(TOKEN, id);
  }

  private static JsonPath read(String token, String id) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/deliveries/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Another agreement of the enterprise, as agreement-service's event reaches the read model. */
  private static void registeredViaKafka(String org, String county, String signedOn) {
    UUID id = UUID.randomUUID();
    TestKafka.send(
        "ia.agreement-events-v1", org, Fixtures.agreementRegistered(org, county, signedOn, id));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(() -> AgreementView.findByIdOptional(id).isPresent()));
  }

  /** The delivery's last kept version, as its history answers. */
  private static Map<String, Object> lastChange(String token, String id) {
    List<Map<String, Object>> history =
        given()
            .auth()
            .oauth2(token)
            .get("/api/v1/deliveries/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    return history.get(history.size() - 1);
  }

  /** Agreement-service's termination, made at {@code made}, as its event reaches this service. */
  private static void terminate(String org, UUID agreement, String endedOn, OffsetDateTime made) {
    Fixtures.agreementTerminatedViaKafka(org, agreement, "06", "2010-03-01", endedOn, made);
  }

  private static void awaitSettled(UUID agreement) {
    await("the termination settled")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> settled(agreement));
  }

  private static boolean settled(UUID agreement) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              AgreementView view = AgreementView.findById(agreement);
              return view != null && view.endSettledAt != null;
            });
  }
}
