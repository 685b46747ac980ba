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
import no.nav.ia.platform.domain.ServiceCode;
import no.nav.ia.test.OrgNumbers;
import no.nav.ia.test.Tokens;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Random records (through the batch endpoint as a system, and one in ten by an adviser of the
 * enterprise's county), corrections and voids through the gateway in 2015, a year no other test
 * uses, with random forms (a correction may change the form); then the ledger of live deliveries as
 * delivery-service lists them, counted as API.md says the cards count.
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

  /** One in ten without a form: a direct delivery, as before version 2 of the contract. */
  static final String[] FORMS = {
    "DIRECT",
    "DIRECT",
    "DIRECT",
    "DIRECT",
    "DIRECT",
    "DIRECT",
    "COURSE",
    "COURSE",
    "INFORMATION",
    null
  };

  /**
   * Live deliveries counted from delivery-service: totals over every form, the share's counts over
   * direct deliveries only, the months of 2015, and per county each adviser's deliveries.
   */
  record Ledger(
      int total,
      int system,
      int individual,
      Map<String, Integer> byService,
      Map<String, Integer> byCounty,
      Map<String, Integer> byForm,
      Counts direct,
      Map<String, Counts> months,
      Map<String, Map<String, Counts>> advisers) {

    /** The direct deliveries' system-directed share, or null without one. */
    Double systemShare() {
      return direct.share();
    }
  }

  /** Deliveries of one month or adviser: all, system-directed, direct, direct system-directed. */
  static final class Counts {
    int total;
    int system;
    int direct;
    int directSystem;
    final java.util.Set<String> enterprises = new java.util.HashSet<>();

    void add(Map<String, Object> d) {
      boolean sys = "SYSTEM".equals(d.get("direction"));
      boolean dir = d.get("form") == null || "DIRECT".equals(d.get("form"));
      total++;
      system += sys ? 1 : 0;
      direct += dir ? 1 : 0;
      directSystem += sys && dir ? 1 : 0;
      enterprises.add((String) d.get("orgNumber"));
    }

    Double share() {
      return direct == 0 ? null : (double) directSystem / direct;
    }
  }

  private record Live(String id, String org, long version) {}

  private final String gateway;
  private final int target;
  private final Random random = new Random(2015);
  private final String system = Tokens.system("reconciliation");
  private final Map<String, String> countyOf = new HashMap<>();
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
        String key = "reconciliation-" + operations;
        operations++;
        if (random.nextInt(10) == 0) {
          live.add(recordAsAdviser(item, key));
          continue;
        }
        item.put("idempotencyKey", key);
        // The system names the adviser it records for (API.md version 2).
        String county = countyOf.get((String) item.get("orgNumber"));
        item.put("adviser", "Z98" + county + "0" + random.nextInt(3));
        pending.add(item);
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
      countyOf.put(org, COUNTIES[i % COUNTIES.length]);
    }
    return orgs;
  }

  /** Records one delivery as one of three advisers of the enterprise's county. */
  private Live recordAsAdviser(Map<String, Object> delivery, String key) {
    String county = countyOf.get((String) delivery.get("orgNumber"));
    String adviser = "Z97" + county + "0" + random.nextInt(3);
    String token = Tokens.adviser(county, adviser);
    String id =
        Polite.send(
                () ->
                    given()
                        .baseUri(gateway)
                        .auth()
                        .oauth2(token)
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(delivery)
                        .post("/api/v1/deliveries"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Live(id, (String) delivery.get("orgNumber"), 1);
  }

  private Map<String, Object> randomDelivery(String org) {
    Map<String, Object> d = new HashMap<>();
    d.put("orgNumber", org);
    d.put("service", SERVICES[random.nextInt(SERVICES.length)]);
    d.put("direction", random.nextInt(3) == 0 ? "INDIVIDUAL" : "SYSTEM");
    d.put("subGoals", List.of(1 + random.nextInt(3)));
    d.put("deliveredOn", LocalDate.of(2015, 1, 1).plusDays(random.nextInt(365)).toString());
    String form = FORMS[random.nextInt(FORMS.length)];
    if (form != null) {
      d.put("form", form);
    }
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
    // A card lists every service, 0 for none, as it lists every form.
    Map<String, Integer> byService = new TreeMap<>();
    for (ServiceCode s : ServiceCode.values()) {
      byService.put(s.name(), 0);
    }
    Map<String, Integer> byCounty = new TreeMap<>();
    Map<String, Integer> byForm = new TreeMap<>(Map.of("DIRECT", 0, "COURSE", 0, "INFORMATION", 0));
    Counts direct = new Counts();
    Map<String, Counts> months = new TreeMap<>();
    for (int m = 1; m <= 12; m++) {
      months.put(String.format("2015-%02d", m), new Counts());
    }
    Map<String, Map<String, Counts>> advisers = new TreeMap<>();
    for (int page = 0; ; page++) {
      String path = "/api/v1/deliveries?from=2015-01-01&to=2015-12-31&size=500&page=" + page;
      JsonPath p = read(this.system, path);
      List<Map<String, Object>> items = p.getList("items");
      for (Map<String, Object> d : items) {
        total++;
        system += "SYSTEM".equals(d.get("direction")) ? 1 : 0;
        byService.merge((String) d.get("service"), 1, Integer::sum);
        byCounty.merge((String) d.get("countyCode"), 1, Integer::sum);
        byForm.merge(d.get("form") == null ? "DIRECT" : (String) d.get("form"), 1, Integer::sum);
        direct.add(d);
        months.get(((String) d.get("deliveredOn")).substring(0, 7)).add(d);
        advisers
            .computeIfAbsent((String) d.get("countyCode"), c -> new TreeMap<>())
            .computeIfAbsent((String) d.get("adviser"), a -> new Counts())
            .add(d);
      }
      if (items.size() < 500) {
        break;
      }
    }
    return new Ledger(
        total, system, total - system, byService, byCounty, byForm, direct, months, advisers);
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
                last.set(read(Tokens.coordinator(), "/api/v1/scorecards?period=2015"));
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
        && ledger.byCounty().equals(totalsByCounty(cards))
        && ledger.byForm().equals(cards.getMap("national.byForm"))
        && sameShare(cards.get("national.systemShare"), ledger.systemShare())
        && trendEqualsLedger(cards.getList("national.trend"), ledger);
  }

  /** Each month of the 2015 trend: every delivery, the direct ones, their share. */
  static boolean trendEqualsLedger(List<Map<String, Object>> trend, Ledger ledger) {
    if (trend.size() != 12) {
      return false;
    }
    for (Map<String, Object> month : trend) {
      Counts expected = ledger.months().get((String) month.get("month"));
      if (expected == null
          || ((Number) month.get("total")).intValue() != expected.total
          || ((Number) month.get("direct")).intValue() != expected.direct
          || !sameShare(month.get("systemShare"), expected.share())) {
        return false;
      }
    }
    return true;
  }

  /** A GET through the gateway that must answer 200, waiting out its rate limit. */
  private JsonPath read(String token, String path) {
    return Polite.send(() -> given().baseUri(gateway).auth().oauth2(token).get(path))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static boolean sameShare(Object shown, Double expected) {
    if (shown == null || expected == null) {
      return shown == expected;
    }
    return Math.abs(((Number) shown).doubleValue() - expected) < 1e-6;
  }

  /**
   * Each county's per-adviser breakdown for 2015 as a coordinator reads it, in the ledger's terms:
   * county to adviser to [total, system, direct, enterprises].
   */
  Map<String, Map<String, List<Integer>>> advisersShown(Ledger ledger) {
    Map<String, Map<String, List<Integer>>> shown = new TreeMap<>();
    for (String county : ledger.advisers().keySet()) {
      JsonPath p =
          read(
              Tokens.coordinator(),
              "/api/v1/scorecards/counties/" + county + "/advisers?period=2015");
      Map<String, List<Integer>> rows = new TreeMap<>();
      for (Map<String, Object> a : p.<Map<String, Object>>getList("advisers")) {
        rows.put(
            (String) a.get("navIdent"),
            List.of(
                ((Number) a.get("total")).intValue(),
                ((Number) a.get("system")).intValue(),
                ((Number) a.get("direct")).intValue(),
                ((Number) a.get("enterprises")).intValue()));
      }
      shown.put(county, rows);
    }
    return shown;
  }

  static Map<String, Map<String, List<Integer>>> advisersExpected(Ledger ledger) {
    Map<String, Map<String, List<Integer>>> expected = new TreeMap<>();
    ledger
        .advisers()
        .forEach(
            (county, byAdviser) -> {
              Map<String, List<Integer>> rows = new TreeMap<>();
              byAdviser.forEach(
                  (adviser, c) ->
                      rows.put(
                          adviser, List.of(c.total, c.system, c.direct, c.enterprises.size())));
              expected.put(county, rows);
            });
    return expected;
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
