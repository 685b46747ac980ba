package no.nav.ia.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ingest benchmark's deliveries as bench/ingest.lua makes them, for the harnesses that send
 * them from Java: the same workload file (lines "token org county" from harness ingest-workload),
 * the same bodies (four services, every third enterprise INDIVIDUAL, one request in four with a
 * note so that the identity-number scan runs), each request with its own Idempotency-Key. The
 * enterprises are taken round robin.
 */
final class IngestRequests {

  static final List<String> SERVICES =
      List.of("SICK_LEAVE", "IA_GUIDANCE", "SENIOR_LIFE_PHASE", "GOALS_ACTION_PLAN");

  /** ingest.lua's note, word for word. */
  static final String NOTE =
      "Oppfølging av sykefravær i produksjonen: møte med verneombud og leder, plan for"
          + " tilrettelegging avtalt, nytt møte om seks uker.";

  private final String keyPrefix;
  private final List<String> tokens = new ArrayList<>();
  private final List<String> fields = new ArrayList<>();

  IngestRequests(List<String> workload, String deliveredOn, String keyPrefix) {
    this.keyPrefix = keyPrefix;
    int n = 0;
    for (String line : workload) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length < 2) {
        continue;
      }
      n++;
      tokens.add(parts[0]);
      fields.add(
          "{\"orgNumber\":\""
              + parts[1]
              + "\",\"service\":\""
              + SERVICES.get(n % SERVICES.size())
              + "\",\"direction\":\""
              + (n % 3 == 0 ? "INDIVIDUAL" : "SYSTEM")
              + "\",\"subGoals\":[1],\"deliveredOn\":\""
              + deliveredOn
              + "\",\"form\":\"DIRECT\"");
    }
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("the workload has no \"token org county\" lines");
    }
  }

  static List<String> read(Path workload) throws IOException {
    return Files.readAllLines(workload);
  }

  /** The body of request {@code n} (from 0): its enterprise's, with the note on every fourth. */
  String body(long n) {
    String start = fields.get((int) (n % fields.size()));
    return (n + 1) % 4 == 0 ? start + ",\"note\":\"" + NOTE + "\"}" : start + "}";
  }

  /** Request {@code n}'s headers: its enterprise's adviser, the key {@code prefix-n}. */
  Map<String, String> headers(long n) {
    return Map.of(
        "Authorization", "Bearer " + tokens.get((int) (n % tokens.size())),
        "Content-Type", "application/json",
        "Idempotency-Key", keyPrefix + "-" + n);
  }

  /** Where the requests go: the gateway's deliveries. */
  static URI url(String gateway) {
    return URI.create(gateway + "/api/v1/deliveries");
  }
}
