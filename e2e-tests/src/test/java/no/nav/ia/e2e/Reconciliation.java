package no.nav.ia.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import no.nav.ia.test.OrgNumbers;
import no.nav.ia.test.Tokens;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Random records (through the batch endpoint), corrections and voids through the gateway in 2015, a
 * year no other test uses; then the ledger of live deliveries as delivery-service lists them.
 */
final class Reconciliation {

  static final String[] COUNTIES = {"01", "03", "04", "11", "12", "15", "16", "18", "19", "20"};
  static final String[] SERVICES = {
    "IA_GUIDANCE",
    "GOALS_ACTION_PLAN",
    "SICK_LEAVE",
    "RECRUITMENT",
    "SENIOR_LIFE_PHASE",
    "MEASURE_EVALUATE",
    "CONTACT_PERSON"
  };

  /** Live deliveries counted from delivery-service. */
  record Ledger(
      int total,
      int system,
      int individual,
      Map<String, Integer> byService,
      Map<String, Integer> byCounty) {}

  private record Live(String id, String org, long version) {}

  private final String gateway;
  private final int target;
  private final Random random = new Random(2015);
  private final String system = Tokens.system("reconciliation");
  private int operations;
  private int corrections;
  private int voids;

  Reconciliation(String gateway, int operations) {
    this.gateway = gateway;
    this.target = operations;
  }

  int operations() {
    return operations;
  }

  String mix() {
    return (operations - corrections - voids)
        + " records, "
        + corrections
        + " corrections, "
        + voids
        + " voids";
  }

  /**
   * Each operation is drawn on its own: 60 % records (sent 250 at a time), 20 % corrections, 20 %
   * voids.
   */
  Ledger run() {
    List<String> enterprises = registerEnterprises(40);
    List<Live> live = new ArrayList<>();
    List<Map<String, Object>> pending = new ArrayList<>();
    while (operations < target) {
      double dice = random.nextDouble();
      if (dice < 0.6) {
        Map<String, Object> item =
            randomDelivery(enterprises.get(random.nextInt(enterprises.size())));
        item.put("idempotencyKey", "reconciliation-" + operations);
        pending.add(item);
        operations++;
        if (pending.size() == 250) {
          live.addAll(recordBatch(pending));
        }
        continue;
      }
      if (live.isEmpty()) {
        live.addAll(recordBatch(pending));
        if (live.isEmpty()) {
          continue;
        }
      }
      int i = random.nextInt(live.size());
      if (dice < 0.8) {
        live.set(i, correct(live.get(i)));
        corrections++;
      } else {
        void_(live.remove(i));
        voids++;
      }
      operations++;
    }
    live.addAll(recordBatch(pending));
    return ledger();
  }

  private List<String> registerEnterprises(int count) {
    List<String> orgs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String org = OrgNumbers.next(7);
      Map<String, Object> agreement =
          Map.of(
              "orgNumber",
              org,
              "name",
              "Avstemming " + i,
              "countyCode",
              COUNTIES[i % COUNTIES.length],
              "employees",
              10 + i,
              "signedOn",
              "2014-01-01");
      Polite.send(
              () ->
                  given()
                      .baseUri(gateway)
                      .auth()
                      .oauth2(system)
                      .contentType(ContentType.JSON)
                      .body(agreement)
                      .post("/api/v1/agreements"))
          .then()
          .statusCode(201);
      orgs.add(org);
    }
    return orgs;
  }

  private Map<String, Object> randomDelivery(String org) {
    Map<String, Object> d = new HashMap<>();
    d.put("orgNumber", org);
    d.put("service", SERVICES[random.nextInt(SERVICES.length)]);
    d.put("direction", random.nextInt(3) == 0 ? "INDIVIDUAL" : "SYSTEM");
    d.put("subGoals", List.of(1 + random.nextInt(3)));
    d.put("deliveredOn", LocalDate.of(2015, 1, 1).plusDays(random.nextInt(365)).toString());
    return d;
  }

  /** Records the pending deliveries through the batch endpoint and empties the list. */
  private List<Live> recordBatch(List<Map<String, Object>> pending) {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<String> ids =
        Polite.send(
                () ->
                    given()
                        .baseUri(gateway)
                        .auth()
                        .oauth2(system)
                        .contentType(ContentType.JSON)
                        .body(pending)
                        .post("/api/v1/deliveries/batch"))
            .then()
            .statusCode(200)
            .extract()
            .path("results.id");
    List<Live> created = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) == null) {
        throw new AssertionError("a valid batch item was not recorded");
      }
      created.add(new Live(ids.get(i), (String) pending.get(i).get("orgNumber"), 1));
    }
    pending.clear();
    return created;
  }

  private Live correct(Live delivery) {
    Map<String, Object> corrected = randomDelivery(delivery.org());
    long version =
        ((Number)
                Polite.send(
                        () ->
                            given()
                                .baseUri(gateway)
                                .auth()
                                .oauth2(system)
                                .header("If-Match", "\"" + delivery.version() + "\"")
                                .contentType(ContentType.JSON)
                                .body(corrected)
                                .put("/api/v1/deliveries/" + delivery.id()))
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("version"))
            .longValue();
    return new Live(delivery.id(), delivery.org(), version);
  }

  private void void_(Live delivery) {
    Polite.send(
            () ->
                given()
                    .baseUri(gateway)
                    .auth()
                    .oauth2(system)
                    .delete("/api/v1/deliveries/" + delivery.id()))
        .then()
        .statusCode(204);
  }

  Ledger ledger() {
    int total = 0;
    int system = 0;
    Map<String, Integer> byService = new TreeMap<>();
    Map<String, Integer> byCounty = new TreeMap<>();
    for (int page = 0; ; page++) {
      String path = "/api/v1/deliveries?from=2015-01-01&to=2015-12-31&size=500&page=" + page;
      JsonPath p =
          Polite.send(() -> given().baseUri(gateway).auth().oauth2(this.system).get(path))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = p.getList("items");
      for (Map<String, Object> d : items) {
        total++;
        system += "SYSTEM".equals(d.get("direction")) ? 1 : 0;
        byService.merge((String) d.get("service"), 1, Integer::sum);
        byCounty.merge((String) d.get("countyCode"), 1, Integer::sum);
      }
      if (items.size() < 500) {
        break;
      }
    }
    return new Ledger(total, system, total - system, byService, byCounty);
  }

  /**
   * Waits until the national 2015 cards equal the ledger (or 60 s) and returns the last read. All
   * of the ledger is compared, not only the total: a trailing correction changes the direction,
   * service or county but not the total.
   */
  JsonPath awaitNational(Ledger ledger) {
    java.util.concurrent.atomic.AtomicReference<JsonPath> last =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      await("the national cards equal the ledger")
          .atMost(java.time.Duration.ofSeconds(60))
          .pollInterval(java.time.Duration.ofMillis(250))
          .until(
              () -> {
                last.set(
                    Polite.send(
                            () ->
                                given()
                                    .baseUri(gateway)
                                    .auth()
                                    .oauth2(Tokens.coordinator())
                                    .get("/api/v1/scorecards?period=2015"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath());
                return equalsLedger(last.get(), ledger);
              });
    } catch (ConditionTimeoutException notEqual) {
      // The caller compares the last read figure by figure, which says which of them differ.
    }
    return last.get();
  }

  static boolean equalsLedger(JsonPath cards, Ledger ledger) {
    return cards.getInt("national.deliveries.total") == ledger.total()
        && cards.getInt("national.deliveries.system") == ledger.system()
        && cards.getInt("national.deliveries.individual") == ledger.individual()
        && ledger.byService().equals(cards.getMap("national.deliveries.byService"))
        && ledger.byCounty().equals(totalsByCounty(cards));
  }

  /**
   * The counties' totals in an overview, leaving out counties without deliveries (as the ledger
   * does).
   */
  static Map<String, Integer> totalsByCounty(JsonPath cards) {
    Map<String, Integer> perCounty = new TreeMap<>();
    List<Map<String, Object>> counties = cards.getList("counties");
    for (Map<String, Object> card : counties) {
      int total = ((Number) ((Map<?, ?>) card.get("deliveries")).get("total")).intValue();
      if (total > 0) {
        perCounty.put((String) ((Map<?, ?>) card.get("scope")).get("code"), total);
      }
    }
    return perCounty;
  }
}
