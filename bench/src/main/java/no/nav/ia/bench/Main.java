package no.nav.ia.bench;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the harnesses that bench/run and bench/faults call: {@code java -cp
 * bench/target/bench.jar:bench/target/lib/* no.nav.ia.bench.Main COMMAND key=value...}. Each prints
 * its figures as {@code name=value} lines.
 */
public final class Main {

  private Main() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) {
      System.err.println(
          "commands: agreement, ingest-workload, open-loop, lag, bulk-load, caught-up, fault-load, bad-inputs, event-order, register-file");
      System.exit(2);
    }
    Map<String, String> args = new HashMap<>();
    for (int i = 1; i < argv.length; i++) {
      String[] kv = argv[i].split("=", 2);
      args.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    Config config = new Config(args);
    try {
      run(argv[0], config);
    } catch (Exception e) {
      e.printStackTrace();
      // Ends the JVM whatever threads a harness left running (its load's client, a scheduler).
      System.exit(1);
    }
    System.out.flush();
    System.exit(0);
  }

  private static void run(String command, Config config) throws Exception {
    switch (command) {
      case "agreement" ->
          System.out.println(
              "org="
                  + agreement(
                      config, config.get("county", "03"), config.get("signedOn", "2018-01-02")));
      case "fixtures" -> fixtures(config);
      case "ingest-workload" -> ingestWorkload(config);
      case "open-loop" -> new OpenLoopIngest(config).run();
      case "lag" -> new LagProbe(config).run();
      case "bulk-load" -> new BulkLoad(config).run();
      case "caught-up" -> new CaughtUp(config).run();
      case "fault-load" -> new FaultLoad(config).run();
      case "bad-inputs" -> new BadInputs(config).run();
      case "event-order" -> new EventOrder(config).run();
      case "register-file" -> RegisterFile.run(config);
      default -> {
        System.err.println("unknown command " + command);
        System.exit(2);
      }
    }
  }

  /**
   * An agreement and a delivery for the bad-input run to aim at: prints org, agreement_id,
   * delivery_id.
   */
  static void fixtures(Config config) {
    String county = config.get("county", "03");
    String registered = register(config, county, "2018-01-02");
    String org = Http.field(registered, "orgNumber");
    String agreementId = Http.field(registered, "id");
    String adviser = Http.token(config.issuer(), "adviser", county, "Z990001");
    var delivery =
        Http.send(
            Http.json(config.gateway() + "/api/v1/deliveries", adviser)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        DeliveryJson.of(org, "SYSTEM", "2024-03-04")))
                .build());
    if (delivery.statusCode() != 201 || agreementId == null) {
      throw new IllegalStateException(
          "fixtures: "
              + delivery.statusCode()
              + " "
              + delivery.body()
              + " agreement "
              + agreementId);
    }
    System.out.println("org=" + org);
    System.out.println("agreement_id=" + agreementId);
    System.out.println("delivery_id=" + Http.field(delivery.body(), "id"));
  }

  /**
   * The ingest benchmark's enterprises and advisers (issue 13: many enterprises across several
   * counties, so that events spread over partitions and aggregate rows, and many distinct tokens):
   * {@code perCounty} agreements in each of {@code counties}, and per enterprise an adviser of its
   * county. Writes one line per enterprise, "token org county", to {@code out}; prints the first
   * org number.
   */
  static void ingestWorkload(Config config) throws Exception {
    // Counties of today, whose advisers' tokens bind to them (one of a county merged away binds to
    // none: 12, 19 and 20 had a third of the deliveries refused).
    List<String> counties = List.of(config.get("counties", "03,11,15,18,34,42,46,50").split(","));
    int perCounty = Integer.parseInt(config.get("perCounty", "8"));
    String signedOn = config.get("signedOn", "2024-01-02");
    List<String> lines = new java.util.ArrayList<>();
    String first = null;
    int n = 0;
    for (String county : counties) {
      for (int i = 0; i < perCounty; i++) {
        String org = agreement(config, county, signedOn);
        first = first == null ? org : first;
        String token =
            Http.token(config.issuer(), "adviser", county, String.format("Z98%04d", ++n));
        lines.add(token + " " + org + " " + county);
      }
    }
    java.nio.file.Files.write(java.nio.file.Path.of(config.get("out", "ingest-workload")), lines);
    System.out.println("org=" + first);
    System.out.println("enterprises=" + lines.size());
  }

  /** Registers an agreement for a new enterprise through the gateway; returns its org number. */
  static String agreement(Config config, String county, String signedOn) {
    return Http.field(register(config, county, signedOn), "orgNumber");
  }

  /**
   * Registers an agreement for a new enterprise through the gateway; returns the agreement as JSON.
   */
  static String register(Config config, String county, String signedOn) {
    String coordinator = Http.token(config.issuer(), "coordinator", null, "Z990003");
    for (int attempt = 0; ; attempt++) {
      String org = OrgNumbers.random();
      String body =
          "{\"orgNumber\":\""
              + org
              + "\",\"name\":\"Bench "
              + org
              + " AS\",\"countyCode\":\""
              + county
              + "\",\"employees\":50,\"signedOn\":\""
              + signedOn
              + "\"}";
      var response =
          Http.send(
              Http.json(config.gateway() + "/api/v1/agreements", coordinator)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());
      if (response.statusCode() == 201) {
        return response.body();
      }
      if (response.statusCode() != 409 || attempt > 5) {
        throw new IllegalStateException(
            "agreement not registered: " + response.statusCode() + " " + response.body());
      }
    }
  }

  /** key=value arguments with the local platform's defaults. */
  record Config(Map<String, String> args) {
    String get(String key, String fallback) {
      return args.getOrDefault(key, fallback);
    }

    int integer(String key, int fallback) {
      return Integer.parseInt(get(key, String.valueOf(fallback)));
    }

    String gateway() {
      return get("gateway", "http://127.0.0.1:8080");
    }

    String scorecard() {
      return get("scorecard", "http://127.0.0.1:8083");
    }

    String issuer() {
      return get("issuer", "http://127.0.0.1:8090/ia");
    }
  }
}
