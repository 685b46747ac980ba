package no.nav.ia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open loop sends the deliveries wrk sends (bench/ingest.lua), from the same workload file. */
class IngestRequestsTest {

  private final IngestRequests requests =
      new IngestRequests(
          List.of("t1 900000001 03", "t2 900000002 11", "t3 900000003 12", ""),
          "2025-06-10",
          "run-open");

  @Test
  void bodiesAreIngestLuasRoundRobinOverTheEnterprisesWithANoteOnEveryFourth() {
    assertThat(requests.body(0))
        .isEqualTo(
            "{\"orgNumber\":\"900000001\",\"service\":\"IA_GUIDANCE\",\"direction\":\"SYSTEM\","
                + "\"subGoals\":[1],\"deliveredOn\":\"2025-06-10\",\"form\":\"DIRECT\"}");
    assertThat(requests.body(2)).contains("\"900000003\"", "GOALS_ACTION_PLAN", "INDIVIDUAL");
    assertThat(requests.body(3))
        .contains("\"900000001\"")
        .endsWith("\"note\":\"" + IngestRequests.NOTE + "\"}");
    assertThat(List.of(0, 1, 2, 4, 5, 6))
        .allSatisfy(n -> assertThat(requests.body(n)).doesNotContain("note"));
  }

  @Test
  void eachRequestHasItsOwnKeyAndItsEnterprisesAdviser() {
    assertThat(IngestRequests.url("http://gw")).hasToString("http://gw/api/v1/deliveries");
    assertThat(requests.headers(4))
        .containsEntry("Idempotency-Key", "run-open-4")
        .containsEntry("Authorization", "Bearer t2")
        .containsEntry("Content-Type", "application/json");
    assertThat(requests.headers(5)).containsEntry("Idempotency-Key", "run-open-5");
  }

  @Test
  void theNoteAndTheServicesAreIngestLuas() throws Exception {
    String lua = Files.readString(Path.of("ingest.lua"), StandardCharsets.UTF_8);
    assertThat(lua.replaceAll("'\\s*\\.\\.\\s*'", "")).contains(IngestRequests.NOTE);
    assertThat(lua).contains("{ \"" + String.join("\", \"", IngestRequests.SERVICES) + "\" }");
  }
}
