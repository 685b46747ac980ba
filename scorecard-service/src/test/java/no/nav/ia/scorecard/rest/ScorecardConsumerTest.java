package no.nav.ia.scorecard.rest;

import static io.restassured.RestAssured.given;
import static no.nav.ia.scorecard.rest.TestEvents.event;
import static no.nav.ia.scorecard.rest.TestEvents.forOrg;
import static no.nav.ia.scorecard.rest.TestEvents.send;
import static no.nav.ia.scorecard.rest.TestEvents.sendTogether;
import static no.nav.ia.scorecard.rest.TestEvents.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import no.nav.ia.platform.events.DeadLetterEvent;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.scorecard.Forecast;
import no.nav.ia.scorecard.Period;
import no.nav.ia.scorecard.service.FiguresRepository;
import no.nav.ia.test.EventSamples;
import no.nav.ia.test.Management;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.RawHttp;
import no.nav.ia.test.TestKafka;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The consumer on the real broker: redelivery, reordering, poison messages, corrections and voids.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "scorecard"))
class ScorecardConsumerTest {

  @Inject FiguresRepository figures;
  @Inject jakarta.persistence.EntityManager em;

  static JsonPath card(String county, String period) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/scorecards/counties/" + county + "?period=" + period)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static JsonPath awaitCard(String county, String period, Predicate<JsonPath> done) {
    Instant until = Instant.now().plusSeconds(20);
    JsonPath card = card(county, period);
    while (!done.test(card)) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("card did not reach the expected state: " + card.prettify());
      }
      sleep();
      card = card(county, period);
    }
    return card;
  }

  @Test
  void aRedeliveredEventCountsOnce() {
    ObjectNode recorded = event("DeliveryRecorded", UUID.randomUUID(), "11", "2013-02", "SYSTEM");
    send(recorded);
    send(recorded);
    ObjectNode marker = event("DeliveryRecorded", UUID.randomUUID(), "11", "2013-02", "INDIVIDUAL");
    send(marker);
    JsonPath card = awaitCard("11", "2013-02", c -> c.getInt("deliveries.individual") == 1);
    assertThat(card.getInt("deliveries.system")).isEqualTo(1);
    assertThat(card.getInt("deliveries.total")).isEqualTo(2);
    assertThat(card.getFloat("systemShare")).isEqualTo(0.5f);
    assertThat(card.getBoolean("target.met")).isFalse();
  }

  @Test
  void correctionsMoveADeliveryAndVoidsRemoveIt() {
    UUID id = UUID.randomUUID();
    send(event("DeliveryRecorded", id, "12", "2013-03", "SYSTEM"));
    awaitCard("12", "2013-03", c -> c.getInt("deliveries.system") == 1);
    send(event("DeliveryCorrected", id, "12", "2013-03", "INDIVIDUAL"));
    JsonPath corrected = awaitCard("12", "2013-03", c -> c.getInt("deliveries.individual") == 1);
    assertThat(corrected.getInt("deliveries.system")).isZero();
    assertThat(corrected.getInt("deliveries.bySubGoal.'2'")).isEqualTo(1);
    send(event("DeliveryVoided", id, "12", "2013-03", "INDIVIDUAL"));
    awaitCard("12", "2013-03", c -> c.getInt("deliveries.total") == 0);
  }

  static int withDelivery(String county, String period) {
    return card(county, period).getInt("agreements.withDelivery");
  }

  @Test
  void anEnterpriseCountsOnceInEachPeriodWithADeliveryUntilItsLastOneIsVoided() {
    UUID january = UUID.randomUUID();
    UUID february = UUID.randomUUID();
    send(forOrg(event("DeliveryRecorded", january, "20", "2012-01", "SYSTEM"), "911111111"));
    send(forOrg(event("DeliveryRecorded", february, "20", "2012-02", "SYSTEM"), "911111111"));
    send(
        forOrg(
            event("DeliveryRecorded", UUID.randomUUID(), "20", "2012-04", "SYSTEM"), "922222222"));
    awaitCard("20", "2012", c -> c.getInt("deliveries.total") == 3);
    assertThat(
            List.of(
                "2012", "2012-H1", "2012-H2", "2012-Q1", "2012-Q2", "2012-01", "2012-02",
                "2012-03"))
        .map(p -> withDelivery("20", p))
        .containsExactly(2, 2, 0, 1, 1, 1, 1, 0);

    send(forOrg(event("DeliveryVoided", january, "20", "2012-01", "SYSTEM"), "911111111"));
    awaitCard("20", "2012", c -> c.getInt("deliveries.total") == 2);
    assertThat(List.of("2012", "2012-Q1", "2012-01", "2012-02"))
        .map(p -> withDelivery("20", p))
        .containsExactly(2, 1, 0, 1);

    send(forOrg(event("DeliveryVoided", february, "20", "2012-02", "SYSTEM"), "911111111"));
    awaitCard("20", "2012", c -> c.getInt("deliveries.total") == 1);
    assertThat(List.of("2012", "2012-H1", "2012-Q1", "2012-Q2"))
        .map(p -> withDelivery("20", p))
        .containsExactly(1, 1, 0, 1);
  }

  @Test
  void aCardComparesWithTheSamePeriodOfTheYearBeforeAndLeavesOutServicesCorrectedAway() {
    send(event("DeliveryRecorded", UUID.randomUUID(), "10", "2017-03", "SYSTEM"));
    send(event("DeliveryRecorded", UUID.randomUUID(), "10", "2017-08", "SYSTEM"));
    UUID moved = UUID.randomUUID();
    send(event("DeliveryRecorded", moved, "10", "2018-03", "SYSTEM"));
    ObjectNode correction = event("DeliveryCorrected", moved, "10", "2018-03", "INDIVIDUAL");
    ((ObjectNode) correction.get("payload").get("after")).put("service", "RECRUITMENT");
    send(correction);
    send(event("DeliveryRecorded", UUID.randomUUID(), "10", "2018-02", "SYSTEM"));
    // Wait for the last event sent: the correction alone already makes "individual" 1.
    JsonPath quarter =
        awaitCard(
            "10",
            "2018-Q1",
            c -> c.getInt("deliveries.individual") == 1 && c.getInt("deliveries.system") == 1);
    assertThat(quarter.getString("previousYear.period")).isEqualTo("2017-Q1");
    assertThat(quarter.getInt("previousYear.total")).isEqualTo(1);
    assertThat(quarter.getFloat("previousYear.change")).isEqualTo(1.0f);
    assertThat(quarter.getInt("deliveries.system")).isEqualTo(1);
    JsonPath year = card("10", "2018");
    assertThat(year.getInt("previousYear.total")).isEqualTo(2);
    assertThat(year.getFloat("previousYear.change")).isEqualTo(0.0f);
    assertThat(card("10", "2018-03").getInt("previousYear.total")).isEqualTo(1);
    assertThat(card("10", "2017-H2").getInt("deliveries.total")).isEqualTo(1);
    // The correction moved the delivery to another service: the one it had shows 0, and every
    // service and sub-goal is listed, counted or not.
    JsonPath march = card("10", "2018-03");
    assertThat(march.getMap("deliveries.byService", String.class, Integer.class))
        .containsOnly(
            entry("IA_GUIDANCE", 0),
            entry("GOALS_ACTION_PLAN", 0),
            entry("SICK_LEAVE", 0),
            entry("RECRUITMENT", 1),
            entry("SENIOR_LIFE_PHASE", 0),
            entry("MEASURE_EVALUATE", 0),
            entry("CONTACT_PERSON", 0));
    assertThat(march.getMap("deliveries.bySubGoal", String.class, Integer.class))
        .containsOnlyKeys("1", "2", "3");
  }

  @Test
  void theRunningYearsForecastFollowsLastYearsMonths() {
    int year = NorwegianTime.today().getYear();
    // Last year: one delivery in January, three in December; this year two in January so far.
    send(event("DeliveryRecorded", UUID.randomUUID(), "42", (year - 1) + "-01", "SYSTEM"));
    for (int i = 0; i < 3; i++) {
      send(event("DeliveryRecorded", UUID.randomUUID(), "42", (year - 1) + "-12", "SYSTEM"));
    }
    send(event("DeliveryRecorded", UUID.randomUUID(), "42", year + "-01", "SYSTEM"));
    send(event("DeliveryRecorded", UUID.randomUUID(), "42", year + "-01", "INDIVIDUAL"));
    JsonPath card =
        awaitCard(
            "42",
            String.valueOf(year),
            c -> c.getInt("deliveries.total") == 2 && c.getInt("previousYear.total") == 4);
    LocalDate today = NorwegianTime.today();
    LocalDate then = today.minusYears(1);
    // Last year's deliveries by today's date then: of this month, and of the whole year so far.
    long thisMonthSoFar = 0;
    long yearSoFar = 0;
    for (LocalDate d :
        List.of(
            LocalDate.of(year - 1, 1, 14),
            LocalDate.of(year - 1, 12, 14),
            LocalDate.of(year - 1, 12, 14),
            LocalDate.of(year - 1, 12, 14))) {
      if (!d.isAfter(then)) {
        yearSoFar++;
        thisMonthSoFar += d.getMonth() == then.getMonth() ? 1 : 0;
      }
    }
    long expected =
        Forecast.yearTotal(year, Map.of(1, 2L), Map.of(1, 1L, 12, 3L), thisMonthSoFar, today);
    assertThat(card.getLong("forecast.yearTotal")).isEqualTo(expected);
    // Without last year's months the forecast would be the share of the year passed: another
    // figure.
    assertThat(expected).isNotEqualTo(Forecast.yearTotal(year, Map.of(1, 2L), Map.of(), 0, today));
    // The year is under way: it is compared with last year's deliveries by today's date then.
    assertThat(card.getString("previousYear.sameDays.to")).isEqualTo(then.toString());
    assertThat(card.getLong("previousYear.sameDays.total")).isEqualTo(yearSoFar);
    if (yearSoFar > 0) {
      assertThat(card.getDouble("previousYear.change"))
          .isCloseTo((2.0 - yearSoFar) / yearSoFar, org.assertj.core.data.Offset.offset(1e-9));
    } else {
      assertThat(card.getString("previousYear.change")).isNull();
    }
    // A year that has ended is compared with the whole year before.
    JsonPath lastYear = card("42", String.valueOf(year - 1));
    assertThat(lastYear.getString("previousYear.sameDays")).isNull();
    assertThat(card("42", (year - 1) + "-12").getInt("deliveries.total")).isEqualTo(3);
    assertThat(card("42", (year - 1) + "-H2").getInt("deliveries.total")).isEqualTo(3);
  }

  @Test
  void anOlderVersionArrivingLateChangesNothing() {
    UUID id = UUID.randomUUID();
    send(event("DeliveryVoided", id, "14", "2013-04", "SYSTEM"));
    send(event("DeliveryRecorded", id, "14", "2013-04", "SYSTEM"));
    send(event("DeliveryRecorded", UUID.randomUUID(), "14", "2013-04", "INDIVIDUAL"));
    JsonPath card = awaitCard("14", "2013-04", c -> c.getInt("deliveries.individual") == 1);
    assertThat(card.getInt("deliveries.system")).isZero();
  }

  /**
   * A poll's events are applied set-wise; what they give must be what applying them one by one
   * gives: a delivery's versions in any order, a void before the version it voids, an event twice,
   * an enterprise's first and last deliveries in a period. County 56 in 2025, which no other test
   * uses.
   */
  @Test
  void eventsArrivingTogetherCountAsTheyWouldOneByOne() {
    UUID moved = UUID.randomUUID();
    ObjectNode v1 = version(event("DeliveryRecorded", moved, "56", "2025-03", "SYSTEM"), 1);
    ObjectNode v2 = version(event("DeliveryCorrected", moved, "56", "2025-03", "INDIVIDUAL"), 2);
    ObjectNode v3 = version(event("DeliveryCorrected", moved, "55", "2025-04", "SYSTEM"), 3);
    UUID voided = UUID.randomUUID();
    ObjectNode voidFirst = version(event("DeliveryVoided", voided, "56", "2025-03", "SYSTEM"), 2);
    ObjectNode lateRecord =
        version(event("DeliveryRecorded", voided, "56", "2025-03", "SYSTEM"), 1);
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    ObjectNode twice = event("DeliveryRecorded", UUID.randomUUID(), "56", "2025-06", "SYSTEM");
    sendTogether(
        List.of(
            v3,
            v1,
            voidFirst,
            forOrg(
                version(event("DeliveryRecorded", first, "56", "2025-05", "SYSTEM"), 1),
                "933333333"),
            v2,
            lateRecord,
            forOrg(
                version(event("DeliveryRecorded", second, "56", "2025-05", "SYSTEM"), 1),
                "933333333"),
            twice,
            twice));
    awaitCard("56", "2025-06", c -> c.getInt("deliveries.total") == 1);
    assertThat(card("56", "2025-03").getInt("deliveries.total")).isZero();
    assertThat(card("55", "2025-04").getInt("deliveries.system")).isEqualTo(1);
    JsonPath may = card("56", "2025-05");
    assertThat(may.getInt("deliveries.total")).isEqualTo(2);
    assertThat(may.getInt("agreements.withDelivery")).isEqualTo(1);
    assertThat(List.of("2025", "2025-H1", "2025-Q2"))
        .map(p -> withDelivery("56", p))
        .containsOnly(2);

    // The enterprise's last deliveries of May voided together.
    sendTogether(
        List.of(
            forOrg(
                version(event("DeliveryVoided", first, "56", "2025-05", "SYSTEM"), 2), "933333333"),
            forOrg(
                version(event("DeliveryVoided", second, "56", "2025-05", "SYSTEM"), 2),
                "933333333")));
    awaitCard("56", "2025-05", c -> c.getInt("deliveries.total") == 0);
    assertThat(List.of("2025", "2025-Q2", "2025-05", "2025-06"))
        .map(p -> withDelivery("56", p))
        .containsExactly(1, 1, 0, 1);
    assertThat(card("56", "2025").getInt("deliveries.total")).isEqualTo(1);
  }

  @Test
  void aPoisonMessageIsParkedAndTheConsumerGoesOn() {
    TestKafka.send(TestEvents.TOPIC, "974760673", "this is not an event");
    ObjectNode broken = event("DeliveryRecorded", UUID.randomUUID(), "15", "2013-05", "SYSTEM");
    ((ObjectNode) broken.get("payload")).remove("delivery");
    send(broken);
    send(event("DeliveryRecorded", UUID.randomUUID(), "15", "2013-05", "SYSTEM"));
    awaitCard("15", "2013-05", c -> c.getInt("deliveries.system") == 1);
    List<String> reasons =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    DeadLetterEvent.<DeadLetterEvent>listAll().stream()
                        .map(d -> d.reason)
                        .toList());
    assertThat(reasons).anyMatch(r -> r.startsWith("unreadable envelope"));
    assertThat(reasons).anyMatch(r -> r.contains("delivery"));
  }

  /**
   * A poll of many partitions is applied in one transaction; one bad event in it sends the poll
   * back to partition by partition and that partition to event by event: only the bad one is
   * parked, every other counts once. County 15 in 2012, which no other test uses.
   */
  @Test
  void aBadEventInAPollOfManyPartitionsIsParkedAndEveryOtherCountsOnce() {
    List<ObjectNode> events = new java.util.ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String org = String.valueOf(930000000 + i * 7919);
      events.add(
          forOrg(event("DeliveryRecorded", UUID.randomUUID(), "15", "2012-11", "SYSTEM"), org));
    }
    ObjectNode broken = event("DeliveryRecorded", UUID.randomUUID(), "15", "2012-11", "SYSTEM");
    ((ObjectNode) broken.get("payload")).remove("delivery");
    events.add(12, broken);
    events.add(5, events.get(3));
    java.util.function.Function<ObjectNode, String> key =
        e -> e == broken ? "930099999" : e.at("/payload/delivery/orgNumber").asText();
    assertThat(events.stream().map(key).map(TestEvents::partitionOf).distinct().count())
        .as("partitions the events go to")
        .isGreaterThan(1);
    sendTogether(events, key);
    awaitCard("15", "2012-11", c -> c.getInt("deliveries.system") == 24);
    assertThat(card("15", "2012-11").getInt("agreements.withDelivery")).isEqualTo(24);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        DeadLetterEvent.<DeadLetterEvent>listAll().stream()
                            .filter(d -> d.value.contains(broken.get("eventId").asText()))
                            .count()))
        .isEqualTo(1);
  }

  @Test
  void aParkedEventReplayedByACoordinatorCountsOnceAndLeavesTheDeadLetters() {
    // An event parked while something it needed was broken, as the consumer stored it from Kafka.
    ObjectNode recorded = event("DeliveryRecorded", UUID.randomUUID(), "09", "2013-09", "SYSTEM");
    long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  DeadLetterEvent parked = new DeadLetterEvent();
                  parked.topic = TestEvents.TOPIC;
                  parked.partition = 0;
                  parked.offset = 0;
                  parked.key = "974760673";
                  parked.value = EventSamples.write(recorded);
                  parked.reason = "parked while its dependency was broken";
                  parked.parkedAt = java.time.OffsetDateTime.now();
                  parked.persist();
                  return parked.id;
                });
    assertThat(card("09", "2013-09").getInt("deliveries.total")).isZero();
    // The alert's figure: the events waiting in the dead letters, counted from the table (other
    // tests' parked events are in it too).
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> parkedWaiting() >= 1 && parkedWaiting() == parkedInTable());
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/internal/dead-letters")
        .then()
        .statusCode(200)
        .body("id", hasItem((int) id));

    // Replaying is the coordinators': not a manager's, nor a NAV system's.
    for (String refused : List.of(Tokens.manager("09"), Tokens.system("arena"))) {
      given().auth().oauth2(refused).get("/internal/dead-letters").then().statusCode(403);
      given().auth().oauth2(refused).post("/internal/dead-letters/replay").then().statusCode(403);
    }
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .post("/internal/dead-letters/replay")
        .then()
        .statusCode(200)
        .body("replayed", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    assertThat(card("09", "2013-09").getInt("deliveries.total")).isEqualTo(1);
    assertThat(
            QuarkusTransaction.requiringNew()
                .<DeadLetterEvent>call(() -> DeadLetterEvent.findById(id)))
        .isNull();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> parkedWaiting() == parkedInTable());

    // The same event from Kafka again (the original delivery), and a second replay: still once.
    send(recorded);
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .post("/internal/dead-letters/replay")
        .then()
        .statusCode(200);
    send(event("DeliveryRecorded", UUID.randomUUID(), "09", "2013-09", "INDIVIDUAL"));
    JsonPath card = awaitCard("09", "2013-09", c -> c.getInt("deliveries.individual") == 1);
    assertThat(card.getInt("deliveries.system")).isEqualTo(1);
    assertThat(Management.metrics())
        .contains("ia_events_replayed_total")
        .contains("ia_events_parked_total");
  }

  private static long parkedInTable() {
    return QuarkusTransaction.requiringNew().call(() -> DeadLetterEvent.count());
  }

  private static double parkedWaiting() {
    String metrics =
        Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^ia_events_parked_waiting(?:\\{[^}]*})? (\\S+)$")
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  void aCardIsAsOfTheNewestEventAppliedInUtc() {
    send(event("DeliveryRecorded", UUID.randomUUID(), "18", "2017-03", "SYSTEM"));
    JsonPath card = awaitCard("18", "2017", c -> c.getInt("deliveries.total") >= 1);
    long storedMicros =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "select (extract(epoch from as_of) * 1000000)::bigint"
                                        + " from projection_state")
                                .getSingleResult())
                        .longValue());
    java.time.OffsetDateTime asOf = java.time.OffsetDateTime.parse(card.getString("asOf"));
    assertThat(asOf.getOffset()).isEqualTo(java.time.ZoneOffset.UTC);
    assertThat(asOf.toInstant())
        .isEqualTo(Instant.EPOCH.plus(storedMicros, java.time.temporal.ChronoUnit.MICROS));
  }

  @Test
  void trondelagIncludesSorAndNordTrondelagAndTheNationEqualsItsCounties() {
    send(event("DeliveryRecorded", UUID.randomUUID(), "16", "2016-03", "SYSTEM"));
    send(event("DeliveryRecorded", UUID.randomUUID(), "17", "2016-03", "SYSTEM"));
    JsonPath trondelag = awaitCard("50", "2016", c -> c.getInt("deliveries.total") == 2);
    assertThat(trondelag.getString("scope.name")).isEqualTo("Trøndelag");
    assertThat(card("16", "2016").getInt("deliveries.total")).isEqualTo(1);

    JsonPath all =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .get("/api/v1/scorecards?period=2016")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Integer> counties = all.getList("counties.deliveries.total", Integer.class);
    assertThat(all.getInt("national.deliveries.total"))
        .isEqualTo(counties.stream().mapToInt(Integer::intValue).sum());
    assertThat(all.getList("counties.scope.code")).contains("16", "17").doesNotContain("50");
  }

  @Test
  void aCodeFromALaterStructureShowsOnlyItsOwnFiguresSoCountiesStillAddUpToTheNation() {
    send(event("DeliveryRecorded", UUID.randomUUID(), "04", "2011-03", "SYSTEM"));
    send(event("DeliveryRecorded", UUID.randomUUID(), "34", "2011-04", "SYSTEM"));
    awaitCard("04", "2011", c -> c.getInt("deliveries.total") == 1);
    JsonPath all = awaitOverview("2011", o -> o.getInt("national.deliveries.total") == 2);
    List<String> codes = all.getList("counties.scope.code");
    List<Integer> totals = all.getList("counties.deliveries.total", Integer.class);
    assertThat(totals.get(codes.indexOf("34")))
        .as("Innlandet in 2011: only what was recorded under 34")
        .isEqualTo(1);
    assertThat(totals.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
  }

  static JsonPath awaitOverview(String period, Predicate<JsonPath> done) {
    Instant until = Instant.now().plusSeconds(20);
    while (true) {
      JsonPath overview =
          given()
              .auth()
              .oauth2(Tokens.coordinator())
              .get("/api/v1/scorecards?period=" + period)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if (done.test(overview)) {
        return overview;
      }
      if (Instant.now().isAfter(until)) {
        throw new AssertionError(
            "overview did not reach the expected state: " + overview.prettify());
      }
      sleep();
    }
  }

  @Test
  void aRegionIncludesTheCountyItsCountiesMergedIntoAndRegionsAddUpToTheNation() {
    send(event("DeliveryRecorded", UUID.randomUUID(), "50", "2019-03", "SYSTEM"));
    send(event("DeliveryRecorded", UUID.randomUUID(), "03", "2019-04", "INDIVIDUAL"));
    awaitCard("50", "2019", c -> c.getInt("deliveries.total") == 1);
    awaitCard("03", "2019", c -> c.getInt("deliveries.total") == 1);
    JsonPath regions = regions("2019");
    assertThat(
            regions.getInt(
                "regions.find { it.scope.code == 'nord-og-sor-trondelag' }.deliveries.total"))
        .isEqualTo(1);
    assertThat(regions.getInt("regions.find { it.scope.code == 'oslo' }.deliveries.total"))
        .isEqualTo(1);
    int national =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .get("/api/v1/scorecards?period=2019")
            .then()
            .statusCode(200)
            .extract()
            .path("national.deliveries.total");
    assertThat(
            regions.getList("regions.deliveries.total", Integer.class).stream()
                .mapToInt(Integer::intValue)
                .sum())
        .isEqualTo(national);
  }

  @Test
  void afterTheSplitOf2024RegionsHoldTheCountiesTheirCountiesBecameAndOldCodesRollUpAsTheyMerged() {
    // August 2024: Troms (55), Vestfold (39) and Østfold (31) of the new structure, and agreements
    // signed under older codes: Troms (19), Troms og Finnmark (54), Viken (30).
    for (String county : List.of("55", "39", "31", "19", "54", "30")) {
      send(event("DeliveryRecorded", UUID.randomUUID(), county, "2024-08", "SYSTEM"));
    }
    JsonPath all = awaitOverview("2024-08", o -> o.getInt("national.deliveries.total") == 6);
    List<String> codes = all.getList("counties.scope.code");
    List<Integer> totals = all.getList("counties.deliveries.total", Integer.class);
    // Troms (19) merged into 54, which was split: one card for 54 holding both, as /counties/54.
    assertThat(codes).contains("54", "30").doesNotContain("19");
    assertThat(codes.stream().filter("54"::equals)).hasSize(1);
    assertThat(totals.get(codes.indexOf("54"))).isEqualTo(2);
    assertThat(card("54", "2024-08").getInt("deliveries.total")).isEqualTo(2);
    assertThat(totals.stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);

    JsonPath regions = regions("2024-08");
    assertThat(
            regions.getInt(
                "regions.find { it.scope.code == 'finnmark-og-troms' }.deliveries.total"))
        .isEqualTo(3);
    assertThat(
            regions.getInt(
                "regions.find { it.scope.code == 'telemark-vestfold-og-buskerud' }.deliveries.total"))
        .isEqualTo(1);
    assertThat(
            regions.getInt(
                "regions.find { it.scope.code == 'ostfold-og-akershus' }.deliveries.total"))
        .isEqualTo(1);
    // Viken's own figures lie in two regions of the proposal: in neither.
    assertThat(
            regions.getList("regions.deliveries.total", Integer.class).stream()
                .mapToInt(Integer::intValue)
                .sum())
        .isEqualTo(6 - 1);
  }

  static JsonPath regions(String period) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/scorecards/regions/proposal-2016?period=" + period)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void agreementEventsFillTheAgreementFigures() {
    ObjectNode registered = EventSamples.sample("AgreementRegistered");
    ObjectNode p = (ObjectNode) registered.get("payload");
    p.put("agreementId", UUID.randomUUID().toString());
    p.put("countyCode", "19");
    p.put("signedOn", "2013-06-10");
    TestKafka.send(
        "ia.agreement-events-v1", p.get("orgNumber").asText(), EventSamples.write(registered));
    JsonPath card = awaitCard("19", "2013-06", c -> c.getInt("agreements.newInPeriod") == 1);
    assertThat(card.getInt("agreements.active")).isEqualTo(1);
    assertThat(card.getInt("agreements.withContactPerson")).isEqualTo(1);
  }

  @Test
  void aCardShowsTheNewestCampaignStartedByTheEndOfItsPeriodNotOneStartedLater() {
    String campaign = UUID.randomUUID().toString();
    sendCampaignStarted(campaign, 2031, "03", 2);

    JsonPath during =
        awaitCard("03", "2031", c -> campaign.equals(c.getString("resigning.campaignId")));
    assertThat(during.getInt("resigning.due")).isEqualTo(2);
    // A period that ended before the campaign started shows the one of its own time, if any.
    assertThat(card("03", "2030").getString("resigning.campaignId")).isNotEqualTo(campaign);
    assertThat(card("03", "2031-01").getString("resigning.campaignId")).isEqualTo(campaign);
    // The CSV says which campaign its re-signing columns count, as the JSON does.
    String[] csv =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .accept("text/csv")
            .get("/api/v1/scorecards/counties/03?period=2031")
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .split("\r?\n");
    List<String> columns = List.of(csv[0].split(","));
    assertThat(csv[1].split(",", -1)[columns.indexOf("resigning_campaign_id")]).isEqualTo(campaign);
    assertThat(csv[1].split(",", -1)[columns.indexOf("resigning_due")]).isEqualTo("2");
  }

  @Test
  void anAgreementRegisteredLateIntoACampaignIsOneMoreDueInItsCountyOnceWhateverTheOrder() {
    String campaign = UUID.randomUUID().toString();
    ObjectNode added = EventSamples.sample("ResigningCaseAdded");
    ObjectNode a = (ObjectNode) added.get("payload");
    a.put("campaignId", campaign);
    a.put("agreementId", UUID.randomUUID().toString());
    a.put("countyCode", "04");
    added.put("eventId", UUID.randomUUID().toString());
    // Keyed by the org number, it may come before the campaign's start (keyed by the campaign).
    TestKafka.send(
        "ia.agreement-events-v1", a.get("orgNumber").asText(), EventSamples.write(added));
    sendCampaignStarted(campaign, 2033, "04", 2);
    // Delivered again between two more agreements on the same partition: once the last counts, the
    // one delivered again has been read too.
    String org = a.get("orgNumber").asText();
    TestKafka.send("ia.agreement-events-v1", org, EventSamples.write(anotherAgreement(added)));
    TestKafka.send("ia.agreement-events-v1", org, EventSamples.write(added));
    TestKafka.send("ia.agreement-events-v1", org, EventSamples.write(anotherAgreement(added)));

    JsonPath card =
        awaitCard(
            "04",
            "2033",
            c ->
                campaign.equals(c.getString("resigning.campaignId"))
                    && c.getInt("resigning.due") >= 5);
    assertThat(card.getInt("resigning.due")).isEqualTo(5);
    assertThat(
            given()
                .auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/scorecards?period=2033")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("national.resigning.due"))
        .isEqualTo(5);
  }

  @Test
  void anAgreementNotDueAfterAllIsOneLessDueAndOneLessReSignedOnceEvenWhenDeliveredAgain() {
    String campaign = UUID.randomUUID().toString();
    sendCampaignStarted(campaign, 2034, "05", 3);
    String agreement = UUID.randomUUID().toString();
    String org = "889640782";
    ObjectNode resigned = caseEvent("ResigningStatusChanged", campaign, agreement, org, "05");
    ((ObjectNode) resigned.get("payload")).put("on", "2034-02-01");
    TestKafka.send("ia.agreement-events-v1", org, EventSamples.write(resigned));
    JsonPath before =
        awaitCard(
            "05",
            "2034",
            c ->
                campaign.equals(c.getString("resigning.campaignId"))
                    && c.getInt("resigning.resigned") == 1);
    assertThat(before.getInt("resigning.due")).isEqualTo(3);

    ObjectNode removed = caseEvent("ResigningCaseRemoved", campaign, agreement, org, "05");
    ((ObjectNode) removed.get("payload")).put("status", "RESIGNED");
    TestKafka.send("ia.agreement-events-v1", org, EventSamples.write(removed));
    // Told again under another event id (a migration's and a request's), and a status event after
    // it (another id too): neither counts it twice nor brings it back.
    TestKafka.send(
        "ia.agreement-events-v1",
        org,
        EventSamples.write(removed.deepCopy().put("eventId", UUID.randomUUID().toString())));
    TestKafka.send(
        "ia.agreement-events-v1",
        org,
        EventSamples.write(resigned.deepCopy().put("eventId", UUID.randomUUID().toString())));
    // Once a later event of the partition is in, those before it are too.
    ObjectNode later =
        caseEvent("ResigningCaseAdded", campaign, UUID.randomUUID().toString(), org, "05");
    TestKafka.send("ia.agreement-events-v1", org, EventSamples.write(later));

    JsonPath after =
        awaitCard(
            "05",
            "2034",
            c ->
                campaign.equals(c.getString("resigning.campaignId"))
                    && c.getInt("resigning.due") == 3
                    && c.getInt("resigning.resigned") == 0);
    // 3 at the start, one removed (once), one added.
    assertThat(after.getInt("resigning.due")).isEqualTo(3);
    assertThat(after.getInt("resigning.resigned")).isZero();
  }

  /** The sample of a campaign event about one agreement, as a new event of that agreement. */
  private static ObjectNode caseEvent(
      String type, String campaign, String agreement, String org, String county) {
    ObjectNode event = EventSamples.sample(type);
    event.put("eventId", UUID.randomUUID().toString());
    ObjectNode p = (ObjectNode) event.get("payload");
    p.put("campaignId", campaign);
    p.put("agreementId", agreement);
    p.put("orgNumber", org);
    p.put("countyCode", county);
    return event;
  }

  /** A campaign started on 2 January of the year, due 1 July, with agreements due in one county. */
  private static void sendCampaignStarted(String campaign, int year, String county, int due) {
    ObjectNode started = EventSamples.sample("CampaignStarted");
    started.put("eventId", UUID.randomUUID().toString());
    started.put("occurredAt", year + "-01-02T08:00:00Z");
    ObjectNode p = (ObjectNode) started.get("payload");
    p.put("campaignId", campaign);
    p.put("startedOn", year + "-01-02");
    p.put("deadline", year + "-07-01");
    p.put("due", due);
    p.putObject("dueByCounty").put(county, due);
    TestKafka.send("ia.agreement-events-v1", campaign, EventSamples.write(started));
  }

  private static ObjectNode anotherAgreement(ObjectNode added) {
    ObjectNode other = added.deepCopy();
    other.put("eventId", UUID.randomUUID().toString());
    ((ObjectNode) other.get("payload")).put("agreementId", UUID.randomUUID().toString());
    return other;
  }

  static ObjectNode agreementEvent(String type, UUID agreementId, String county) {
    ObjectNode e = EventSamples.sample(type);
    ObjectNode p = (ObjectNode) e.get("payload");
    p.put("agreementId", agreementId.toString());
    p.put("countyCode", county);
    if (p.has("signedOn")) {
      p.put("signedOn", "2014-01-10");
    }
    return e;
  }

  @Test
  void anAgreementsTerminationAndContactPersonCountEvenWhenTheyArriveBeforeItsRegistration() {
    UUID early = UUID.randomUUID();
    ObjectNode terminated = agreementEvent("AgreementTerminated", early, "20");
    ((ObjectNode) terminated.get("payload")).put("endedOn", "2014-06-30");
    ObjectNode assigned = agreementEvent("ContactPersonAssigned", early, "20");
    ((ObjectNode) assigned.get("payload")).put("navIdent", "Z990055");
    ObjectNode registered = agreementEvent("AgreementRegistered", early, "20");
    ((ObjectNode) registered.get("payload")).putNull("contactPerson");
    // A second agreement, registered last on the same partition: once it counts, the three before
    // it do too.
    ObjectNode marker = agreementEvent("AgreementRegistered", UUID.randomUUID(), "20");
    for (ObjectNode event : List.of(terminated, assigned, registered, marker)) {
      TestKafka.send("ia.agreement-events-v1", "974760673", EventSamples.write(event));
    }
    JsonPath q1 = awaitCard("20", "2014-Q1", c -> c.getInt("agreements.newInPeriod") == 2);
    assertThat(q1.getInt("agreements.active")).isEqualTo(2);
    assertThat(q1.getInt("agreements.withContactPerson"))
        .as("the early assignment and the marker's")
        .isEqualTo(2);
    assertThat(card("20", "2014-Q3").getInt("agreements.active"))
        .as("the early termination holds")
        .isEqualTo(1);
  }

  @Test
  void aContactPersonCountsFromTheDayTheAgreementFirstGotOneSoEarlierPeriodsStayAsTheyWere() {
    // Vestfold (07) in 2008, which no other test uses: signed in January without a contact
    // person, one assigned in September (in Norway: 1 September, though 31 August in UTC) and
    // changed in 2009.
    UUID id = UUID.randomUUID();
    ObjectNode registered = agreementEvent("AgreementRegistered", id, "07");
    ((ObjectNode) registered.get("payload")).put("signedOn", "2008-01-10").putNull("contactPerson");
    ObjectNode assigned = agreementEvent("ContactPersonAssigned", id, "07");
    assigned.put("eventId", UUID.randomUUID().toString());
    assigned.put("occurredAt", "2008-08-31T22:30:00Z");
    ObjectNode changed = agreementEvent("ContactPersonAssigned", id, "07");
    changed.put("eventId", UUID.randomUUID().toString());
    changed.put("occurredAt", "2009-03-02T10:00:00Z");
    // A second agreement registered with its contact person: it has one from its signing.
    ObjectNode withOne = agreementEvent("AgreementRegistered", UUID.randomUUID(), "07");
    ((ObjectNode) withOne.get("payload")).put("signedOn", "2008-02-01");
    // The assignment is delivered again after the change (a redelivery): it counts once.
    for (ObjectNode event : List.of(registered, assigned, changed, withOne, assigned)) {
      TestKafka.send("ia.agreement-events-v1", "974760673", EventSamples.write(event));
    }
    awaitCard("07", "2008", c -> c.getInt("agreements.newInPeriod") == 2);
    List<String> periods = List.of("2008-H1", "2008-08", "2008-09", "2008-H2", "2009");
    assertThat(periods)
        .map(p -> card("07", p).getInt("agreements.withContactPerson"))
        .containsExactly(1, 1, 2, 2, 2);
    assertThat(card("07", "2008-H1").getInt("agreements.active")).isEqualTo(2);

    List<String> before = periods.stream().map(p -> card("07", p).prettify()).toList();
    given().auth().oauth2(Tokens.coordinator()).post("/internal/rebuild").then().statusCode(200);
    assertThat(periods.stream().map(p -> card("07", p).prettify()).toList())
        .as("a rebuild dates the contact persons as the consumer did")
        .isEqualTo(before);
  }

  static ObjectNode agreement(
      String type, UUID agreementId, String org, String county, String signedOn, String endedOn) {
    ObjectNode e = agreementEvent(type, agreementId, county);
    ObjectNode p = (ObjectNode) e.get("payload");
    p.put("orgNumber", org).put("signedOn", signedOn);
    if (endedOn != null) {
      p.put("endedOn", endedOn);
    }
    return e;
  }

  static int withDeliverySum(JsonPath overview) {
    return overview.getList("counties.agreements.withDelivery", Integer.class).stream()
        .mapToInt(Integer::intValue)
        .sum();
  }

  @Test
  void anEnterpriseServedInSeveralCountiesInAPeriodCountsOnceOnACardHoldingThem() {
    // It moved in 2025: from Hordaland (12, an agreement of 2019 running on under the old code) to
    // Vestland (46, which 12 merged into) in April, and on to Oslo (03) in September.
    String moving = "944444444";
    UUID inHordaland = UUID.randomUUID();
    UUID inVestland = UUID.randomUUID();
    for (ObjectNode event :
        List.of(
            agreement("AgreementRegistered", inHordaland, moving, "12", "2019-05-01", null),
            agreement("AgreementTerminated", inHordaland, moving, "12", "2019-05-01", "2025-03-31"),
            agreement("AgreementRegistered", inVestland, moving, "46", "2025-04-01", null),
            agreement("AgreementTerminated", inVestland, moving, "46", "2025-04-01", "2025-08-31"),
            agreement(
                "AgreementRegistered", UUID.randomUUID(), moving, "03", "2025-09-01", null))) {
      TestKafka.send("ia.agreement-events-v1", moving, EventSamples.write(event));
    }
    send(forOrg(event("DeliveryRecorded", UUID.randomUUID(), "12", "2025-02", "SYSTEM"), moving));
    send(forOrg(event("DeliveryRecorded", UUID.randomUUID(), "46", "2025-06", "SYSTEM"), moving));
    send(forOrg(event("DeliveryRecorded", UUID.randomUUID(), "03", "2025-10", "SYSTEM"), moving));
    send(
        forOrg(
            event("DeliveryRecorded", UUID.randomUUID(), "46", "2025-06", "SYSTEM"), "955555555"));

    JsonPath vestland =
        awaitCard(
            "46",
            "2025",
            c -> c.getInt("deliveries.total") == 3 && c.getInt("agreements.newInPeriod") == 1);
    assertThat(vestland.getInt("agreements.withDelivery"))
        .as("the moving enterprise under 12 and 46, and the other one")
        .isEqualTo(2);
    assertThat(List.of("2025-H1", "2025-Q1", "2025-Q2", "2025-H2"))
        .map(p -> withDelivery("46", p))
        .containsExactly(2, 1, 2, 0);
    awaitCard("03", "2025-10", c -> c.getInt("agreements.withDelivery") == 1);

    // Nationally it is one enterprise, although the county cards of 46 and 03 each count it.
    List<String> periods = List.of("2025", "2025-H2", "2025-Q2");
    List<String> before = periods.stream().map(ScorecardConsumerTest::overview).toList();
    JsonPath year = JsonPath.from(before.get(0));
    assertThat(withDeliverySum(year) - year.getInt("national.agreements.withDelivery"))
        .isEqualTo(1);
    JsonPath secondHalf = JsonPath.from(before.get(1));
    assertThat(withDeliverySum(secondHalf))
        .as("in the second half it was served in Oslo only")
        .isEqualTo(secondHalf.getInt("national.agreements.withDelivery"));
    // A county's own card reads only its codes' figures; it is the card the overview holds.
    for (int i = 0; i < periods.size(); i++) {
      for (String county : List.of("46", "03")) {
        assertThat(card(county, periods.get(i)).getMap("$"))
            .as("%s in %s", county, periods.get(i))
            .isEqualTo(
                JsonPath.from(before.get(i))
                    .getMap("counties.find { it.scope.code == '" + county + "' }"));
      }
    }
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        figures
                            .perCounty(
                                Period.parse("2025"),
                                Optional.empty(),
                                NorwegianTime.today(),
                                FiguresRepository.Codes.only(List.of("46", "12")))
                            .keySet()))
        .as("Vestland's card reads Vestland's and Hordaland's figures, not Oslo's")
        .containsExactlyInAnyOrder("46", "12");

    given().auth().oauth2(Tokens.coordinator()).post("/internal/rebuild").then().statusCode(200);
    assertThat(periods.stream().map(ScorecardConsumerTest::overview).toList()).isEqualTo(before);
  }

  @Test
  void anEnterpriseServedUnderAnAgreementEndedTheYearBeforeCountsOnceToo() {
    // Its agreement in Hordaland (12) was ended in March 2022, dated back to the end of 2021, after
    // a delivery in January under it (which stays); the one in Vestland (46) began 2022-01-01.
    // The repeat was looked for only in years both agreements ran: 46's card of 2022 counted two.
    String moving = "944444455";
    UUID inHordaland = UUID.randomUUID();
    ObjectNode ended =
        agreement("AgreementTerminated", inHordaland, moving, "12", "2019-05-01", "2021-12-31");
    ended.put("occurredAt", "2022-03-01T09:00:00+01:00");
    for (ObjectNode event :
        List.of(
            agreement("AgreementRegistered", inHordaland, moving, "12", "2019-05-01", null),
            agreement("AgreementRegistered", UUID.randomUUID(), moving, "46", "2022-01-01", null),
            ended)) {
      TestKafka.send("ia.agreement-events-v1", moving, EventSamples.write(event));
    }
    send(forOrg(event("DeliveryRecorded", UUID.randomUUID(), "12", "2022-01", "SYSTEM"), moving));
    send(forOrg(event("DeliveryRecorded", UUID.randomUUID(), "46", "2022-06", "SYSTEM"), moving));

    JsonPath vestland =
        awaitCard(
            "46",
            "2022",
            c -> c.getInt("deliveries.total") == 2 && c.getInt("agreements.newInPeriod") == 1);
    assertThat(vestland.getInt("agreements.withDelivery")).isEqualTo(1);
    assertThat(withDelivery("46", "2022-H1")).isEqualTo(1);

    List<String> before =
        List.of("2022", "2022-H1").stream().map(ScorecardConsumerTest::overview).toList();
    given().auth().oauth2(Tokens.coordinator()).post("/internal/rebuild").then().statusCode(200);
    assertThat(List.of("2022", "2022-H1").stream().map(ScorecardConsumerTest::overview).toList())
        .isEqualTo(before);
  }

  @Test
  void aRebuildFromTheEventLogGivesTheSameCards() {
    UUID corrected = UUID.randomUUID();
    send(event("DeliveryRecorded", corrected, "46", "2021-09", "SYSTEM"));
    send(event("DeliveryCorrected", corrected, "46", "2021-09", "INDIVIDUAL"));
    UUID voided = UUID.randomUUID();
    send(event("DeliveryRecorded", voided, "46", "2021-09", "SYSTEM"));
    send(event("DeliveryVoided", voided, "46", "2021-09", "SYSTEM"));
    send(event("DeliveryRecorded", UUID.randomUUID(), "46", "2021-10", "SYSTEM"));
    // Wait for the last event sent: the year's total is already 2 after the third.
    awaitCard("46", "2021-10", c -> c.getInt("deliveries.total") == 1);
    awaitCard("46", "2021", c -> c.getInt("deliveries.total") == 2);
    List<String> periods =
        List.of(
            "2021", "2021-H2", "2021-Q3", "2021-09", "2021-10", "2016", "2013", "2013-02", "2012",
            "2012-Q1");
    List<String> before = periods.stream().map(ScorecardConsumerTest::overview).toList();

    given().auth().oauth2(Tokens.manager("46")).post("/internal/rebuild").then().statusCode(403);
    int replayed =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .post("/internal/rebuild")
            .then()
            .statusCode(200)
            .extract()
            .path("events");
    assertThat(replayed).isGreaterThanOrEqualTo(5);
    assertThat(periods.stream().map(ScorecardConsumerTest::overview).toList()).isEqualTo(before);
    assertThat(card("46", "2021").getInt("deliveries.individual")).isEqualTo(1);
  }

  @Test
  void whileARebuildRunsCardsAnswerFromTheOldFiguresTheConsumerKeepsPollingAndNoSecondStarts()
      throws Exception {
    send(event("DeliveryRecorded", UUID.randomUUID(), "42", "2019-03", "SYSTEM"));
    awaitCard("42", "2019-03", c -> c.getInt("deliveries.total") == 1);
    java.util.concurrent.ExecutorService background =
        java.util.concurrent.Executors.newCachedThreadPool();
    try (java.sql.Connection holder = no.nav.ia.test.Infra.connection("scorecard")) {
      // Holds the rebuild at its last step, after it has emptied and refilled the tables.
      holder.setAutoCommit(false);
      holder.createStatement().execute("select * from projection_state for update");
      var rebuilt =
          background.submit(
              () ->
                  given()
                      .auth()
                      .oauth2(Tokens.coordinator())
                      .post("/internal/rebuild")
                      .then()
                      .statusCode(200));
      no.nav.ia.test.Infra.awaitLockWaits(holder, "update projection_state%", 1);
      Instant sent = Instant.now();
      send(event("DeliveryRecorded", UUID.randomUUID(), "42", "2019-03", "SYSTEM"));
      assertThat(
              background
                  .submit(() -> card("42", "2019-03").getInt("deliveries.total"))
                  .get(10, java.util.concurrent.TimeUnit.SECONDS))
          .as("the old figure, at once")
          .isEqualTo(1);
      // Without its refusal a second rebuild would wait for the first's lock (here: for good).
      background
          .submit(() -> given().auth().oauth2(Tokens.coordinator()).post("/internal/rebuild"))
          .get(10, java.util.concurrent.TimeUnit.SECONDS)
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("code", equalTo("REBUILD_RUNNING"));
      Thread.sleep(15_000);
      Instant lastPoll =
          Instant.parse(
              Management.given()
                  .get("/q/health/live")
                  .then()
                  .statusCode(200)
                  .extract()
                  .jsonPath()
                  .getString("checks.find { it.name == 'event-consumer' }.data.lastPoll"));
      assertThat(lastPoll)
          .as("the consumer polls on while the log is locked, not stuck waiting for it")
          .isAfter(sent.plusSeconds(8));
      holder.rollback();
      rebuilt.get(60, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      background.shutdownNow();
    }
    awaitCard("42", "2019-03", c -> c.getInt("deliveries.total") == 2);
  }

  @Test
  void aCardReadWhileABatchCommitsShowsTheFiguresOfOneMoment() throws Exception {
    send(event("DeliveryRecorded", UUID.randomUUID(), "03", "2007-05", "SYSTEM"));
    JsonPath before = awaitCard("03", "2007-05", c -> c.getInt("deliveries.total") == 1);
    Map<String, Integer> subGoals = before.getMap("deliveries.bySubGoal");
    String subGoal =
        subGoals.entrySet().stream().filter(e -> e.getValue() == 1).findFirst().get().getKey();
    java.util.concurrent.ExecutorService background =
        java.util.concurrent.Executors.newCachedThreadPool();
    try (java.sql.Connection batch = no.nav.ia.test.Infra.connection("scorecard")) {
      // A batch of the other replica commits while the card is read: it has the sub-goals' table,
      // so the card's read waits there, after it has read the deliveries' tables.
      batch.setAutoCommit(false);
      batch.createStatement().execute("lock table subgoal_period in access exclusive mode");
      var read = background.submit(() -> card("03", "2007-05"));
      no.nav.ia.test.Infra.awaitLockWaits(batch, "select county_code, sub_goal%", 1);
      try (var change =
          batch.prepareStatement(
              "update subgoal_period set deliveries = deliveries + 1"
                  + " where period = '2007-05' and county_code = '03' and sub_goal = ?")) {
        change.setInt(1, Integer.parseInt(subGoal));
        assertThat(change.executeUpdate()).isEqualTo(1);
      }
      batch.commit();
      JsonPath card = read.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(card.getInt("deliveries.total")).isEqualTo(1);
      assertThat(card.getMap("deliveries.bySubGoal"))
          .as("the sub-goals of the moment the card's read began, as its total")
          .isEqualTo(subGoals);
      batch
          .createStatement()
          .executeUpdate(
              "update subgoal_period set deliveries = deliveries - 1"
                  + " where period = '2007-05' and county_code = '03' and sub_goal = "
                  + Integer.parseInt(subGoal));
      batch.commit();
    } finally {
      background.shutdownNow();
    }
    assertThat(card("03", "2007-05").getMap("deliveries.bySubGoal")).isEqualTo(subGoals);
  }

  @Test
  void consumerLagParkedEventsAndReadinessAreExposed() {
    send(event("DeliveryRecorded", UUID.randomUUID(), "18", "2013-07", "SYSTEM"));
    awaitCard("18", "2013-07", c -> c.getInt("deliveries.total") >= 1);
    Management.given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(
            containsString(
                "kafka_consumer_fetch_manager_records_lag_max{client_id=\"scorecard-service-consumer-"))
        .body(containsString("kafka_consumer_coordinator_assigned_partitions{"));
    Management.given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body(containsString("event-consumer"));
    Management.given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(not(containsStringIgnoringCase("kafka")));
  }

  static String overview(String period) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/scorecards?period=" + period)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void rejectsBadPeriodsAndOtherCountiesAndServesCsv() throws Exception {
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/scorecards/counties/03?period=2012-H3")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("period"));
    given()
        .auth()
        .oauth2(Tokens.manager("03"))
        .get("/api/v1/scorecards/counties/12?period=2012")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.manager("03"))
        .get("/api/v1/scorecards/counties/03?period=2012")
        .then()
        .statusCode(200)
        .body("scope.code", equalTo("03"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/scorecards/counties/99?period=2012")
        .then()
        .statusCode(404)
        .body("code", equalTo("COUNTY_NOT_FOUND"));
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .accept("text/csv")
        .get("/api/v1/scorecards?period=2012")
        .then()
        .statusCode(200)
        .contentType(containsString("text/csv"))
        .body(containsString("scope_type,scope_code,scope_name,period"))
        .body(containsString("NATIONAL,NO,\"Norge\",2012"));
    // The Accept header's parameters are no part of the answer's type, and the bytes are UTF-8.
    for (String accept :
        List.of("text/csv;q=0.9", "text/csv; charset=ISO-8859-1", "text/*", "text/*;q=0.5")) {
      countyCard(accept)
          .statusCode(200)
          .header("Content-Type", equalTo("text/csv;charset=UTF-8"))
          .body(containsString("\"Trøndelag\""));
    }
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .get("/api/v1/scorecards/regions/proposal-2016?period=2012")
        .then()
        .statusCode(200)
        .body("regions.size()", equalTo(11));
    // A range of a kind the cards come in is that kind (text/* was 406, application/* said
    // application/octet-stream over JSON); the q-values still rank.
    for (String accept : List.of("application/*", "text/*;q=0.5, application/json")) {
      countyCard(accept)
          .statusCode(200)
          .contentType(containsString("application/json"))
          .body("scope.code", equalTo("50"));
    }
    countyCard("text/html").statusCode(406).contentType("application/problem+json");
    // "Anything textual but CSV" is still no CSV (the default, JSON, as the reports answer
    // text/csv;q=0); and a header sent on two lines is read whole.
    for (String noCsv : List.of("text/csv;q=0, text/*", "text/csv;q=0")) {
      countyCard(noCsv).statusCode(200).contentType(containsString("application/json"));
    }
    countyCard("application/json;q=0").statusCode(200).contentType(containsString("text/csv"));
    countyCard("application/json;q=0, text/*;q=0").statusCode(406);
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      RawHttp.Answer answer =
          http.head(
                  "GET /api/v1/scorecards/counties/50?period=2012 HTTP/1.1",
                  "Authorization: Bearer " + Tokens.coordinator(),
                  "Accept: application/*;q=0.2",
                  "Accept: text/csv",
                  "Connection: close")
              .answer();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
    }
  }

  private static ValidatableResponse countyCard(String accept) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .accept(accept)
        .get("/api/v1/scorecards/counties/50?period=2012")
        .then();
  }

  @Test
  void theDashboardsDownloadIsAFileExcelSetToNorwegianOpensAsTheCardsThePageShows() {
    send(event("DeliveryRecorded", UUID.randomUUID(), "20", "2011-03", "SYSTEM"));
    send(event("DeliveryRecorded", UUID.randomUUID(), "20", "2011-04", "INDIVIDUAL"));
    awaitCard("20", "2011", c -> c.getInt("deliveries.total") == 2);

    String page =
        given()
            .auth()
            .oauth2(Tokens.manager("20"))
            .get("/dashboard?period=2011")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page).contains("<a id=\"download\" href=\"/dashboard/cards.csv?period=2011\"");

    var download =
        given()
            .auth()
            .oauth2(Tokens.manager("20"))
            .get("/dashboard/cards.csv?period=2011")
            .then()
            .statusCode(200)
            .header("Content-Type", equalTo("text/csv;charset=UTF-8"))
            .header("Content-Disposition", equalTo("attachment; filename=\"malekort-2011.csv\""))
            .extract();
    byte[] bytes = download.asByteArray();
    // The byte-order mark: without it Excel reads the UTF-8 as Windows-1252.
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1);
    assertThat(text).endsWith("\r\n").doesNotContain(",\"").doesNotMatch("(?s).*[^\r]\n.*");
    List<String> lines = List.of(text.split("\r\n"));
    // The API's columns under the dashboard's Norwegian headings, and its words for codes.
    assertThat(lines.get(0))
        .startsWith("Nivå;Kode;Navn;Periode;Fra;Til;Leveranser;Systemrettede;Individrettede;")
        .contains(";Forebygge og redusere sykefravær;")
        .endsWith(";Tall per;Leveranser samme dager i fjor (pågående);Re-signeringskampanje");
    // The nation, the regions and the own county (the page's, and the regions every role reads);
    // a share as a percentage, a decimal comma.
    int regions =
        given()
            .auth()
            .oauth2(Tokens.manager("20"))
            .get("/api/v1/scorecards/regions/proposal-2016?period=2011")
            .then()
            .statusCode(200)
            .extract()
            .path("regions.size()");
    assertThat(regions).isGreaterThan(1);
    assertThat(lines).hasSize(3 + regions);
    // Codes as text formulas: Excel would make a county's 03 the number 3, a month a date.
    assertThat(lines.get(1)).startsWith("Landet;\"=\"\"NO\"\"\";\"Norge\";\"=\"\"2011\"\"\";");
    assertThat(lines.subList(2, 2 + regions)).allSatisfy(l -> assertThat(l).startsWith("Region;"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Region;\"=\"\"nordland\"\"\";"));
    assertThat(lines.get(2 + regions))
        .startsWith(
            "Fylke;\"=\"\"20\"\"\";\"Finnmark\";\"=\"\"2011\"\"\";2011-01-01;2011-12-31;2;1;1;50,0%;Nei;")
        .as("the figures' time in Norwegian time to the minute, as the page shows it")
        .containsPattern(";\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2};")
        .doesNotContainPattern(";\\d{4}-\\d{2}-\\d{2}T");

    int counties =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .get("/api/v1/scorecards?period=2011")
            .then()
            .extract()
            .path("counties.size()");
    String all =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .get("/dashboard/cards.csv?period=2011")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(all.split("\r\n")).hasSize(2 + regions + counties);
    assertThat(all).contains("\r\nFylke;\"=\"\"03\"\"\";\"Oslo\";");
    given()
        .auth()
        .oauth2(Tokens.manager("20"))
        .get("/dashboard/cards.csv?period=2011-H3")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void theDashboardShowsACountyManagerTheNationAndTheOwnCountyAndACoordinatorEveryCounty() {
    send(event("DeliveryRecorded", UUID.randomUUID(), "15", "2014-05", "SYSTEM"));
    send(event("DeliveryRecorded", UUID.randomUUID(), "15", "2014-05", "SYSTEM"));
    send(event("DeliveryRecorded", UUID.randomUUID(), "15", "2014-06", "INDIVIDUAL"));
    awaitCard("15", "2014", c -> c.getInt("deliveries.total") == 3);

    String own =
        given()
            .auth()
            .oauth2(Tokens.manager("15"))
            .get("/dashboard?period=2014")
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertThat(own)
        .contains("data-code=\"15\"")
        .contains("data-code=\"NO\"")
        .doesNotContain("data-code=\"03\"");
    // The own county's region, between the nation and the county, and no other region.
    assertThat(own)
        .containsSubsequence(
            "data-code=\"NO\"",
            "<tr class=\"region\" data-code=\"more-og-romsdal\">",
            "data-code=\"15\"");
    assertThat(own.split("class=\"region\"", -1)).hasSize(2);
    assertThat(own)
        .contains("Møre og Romsdal")
        .contains("66,7 %")
        .contains("mål nådd")
        .contains("<option value=\"2014\" selected>")
        .contains("<option value=\"2014-05\">")
        .contains("Re-signert");
    // The county's month trend, its form split, its advisers, and its two half-year reports.
    assertThat(own)
        .contains("id=\"trend\"")
        .contains("data-month=\"2014-05\" data-total=\"2\" data-direct=\"2\"")
        .contains("data-month=\"2014-06\" data-total=\"1\"")
        .contains("data-form=\"DIRECT\"")
        .contains("id=\"advisers\"")
        .contains("<h2>Per rådgiver</h2>")
        // The share is of the direct ones, "Systemrettede" of all (a review added 4 of 5 to 80 %).
        .contains("<th scope=\"col\">Systemrettet andel av direkte</th>")
        .contains("data-adviser=\"Z990001\"")
        .contains("data-report=\"15-2014-H1\"")
        .contains("href=\"/dashboard/reports/15/2014-H2\"")
        .doesNotContain("data-report=\"03-2014-H1\"")
        .doesNotContain("Reforhandlet");

    // An adviser of the county: their own line only, under their own heading.
    assertThat(
            given()
                .auth()
                .oauth2(Tokens.adviser("15", "Z990001"))
                .get("/dashboard?period=2014")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .contains("<h2>Dine leveranser</h2>")
        .contains("data-adviser=\"Z990001\"")
        .doesNotContain("Per rådgiver");
    assertThat(
            given()
                .auth()
                .oauth2(Tokens.adviser("15", "Z990019"))
                .get("/dashboard?period=2014")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .as("an adviser without deliveries in the period")
        .doesNotContain("id=\"advisers\"")
        .contains("<h2>Dine leveranser</h2>")
        .contains("Ingen leveranser registrert på deg i perioden.");

    String all =
        given()
            .auth()
            .oauth2(Tokens.coordinator())
            .get("/dashboard?period=2014")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(all)
        .contains("data-code=\"NO\"")
        .contains("data-code=\"15\"")
        .contains("data-code=\"03\"")
        .contains("data-report=\"03-2014-H1\"")
        .contains("data-report=\"15-2014-H2\"")
        .doesNotContain("id=\"advisers\"");
    assertThat(all.split("<tr class=\"region\"", -1)).as("the eleven regions").hasSize(12);

    String invalid =
        given()
            .auth()
            .oauth2(Tokens.manager("15"))
            .get("/dashboard?period=2014-H3")
            .then()
            .statusCode(400)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertThat(invalid).contains("id=\"error\"").contains("2014-H3").doesNotContain("data-code=");
    assertThat(
            given()
                .auth()
                .oauth2(Tokens.manager("15"))
                .get("/dashboard?period=<script>")
                .then()
                .statusCode(400)
                .extract()
                .asString())
        .as("not said back at all: it is no period")
        .contains("Det du skrev er ikke en periode")
        .doesNotContain("script&gt;")
        .doesNotContain("<script>");

    given().get("/dashboard").then().statusCode(401);
    given()
        .auth()
        .oauth2(
            Tokens.issue(
                "Z990001",
                java.util.Map.of("roles", List.of("manager")),
                no.nav.ia.test.Infra.AUDIENCE,
                3600))
        .get("/dashboard")
        .then()
        .statusCode(403);
  }

  private static void sleep() {
    try {
      Thread.sleep(Duration.ofMillis(200).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
