package no.nav.ia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sub-command on the real clock and HTTP client, against a stand-in gateway: the warm-up and
 * the run send distinct keys, and the run alone is counted.
 */
class OpenLoopIngestTest {

  @Test
  void theTimelineGivesEachSecondOfDueTimesItsMedianWorstAndSlowOnes() {
    long ms = 1_000_000L;
    // Two per second: the second second holds a stall (one at 400 ms), the third is half a second.
    long[] latencies = {5 * ms, 7 * ms, 400 * ms, 60 * ms, 9 * ms};
    OpenLoop.Result result = new OpenLoop.Result(2, 5, 5, 0, 0, 0, 0, 1, 0, 2.5, latencies);

    assertThat(OpenLoopIngest.timeline(result))
        .containsExactly(
            "second requests p50_ms max_ms over_50ms",
            "0 2 5.0 7.0 0",
            "1 2 60.0 400.0 2",
            "2 1 9.0 9.0 0");
  }

  @Test
  void theTimelinesSecondsAreTheDueTimesAtAnyRate() {
    long ms = 1_000_000L;
    // At 0.4/s the requests are due at 0, 2.5 and 5 s: seconds 0, 2 and 5, none in between.
    OpenLoop.Result slow =
        new OpenLoop.Result(0.4, 3, 3, 0, 0, 0, 0, 1, 0, 7.5, new long[] {ms, 2 * ms, 3 * ms});
    assertThat(OpenLoopIngest.timeline(slow))
        .extracting(line -> line.split(" ")[0])
        .containsExactly("second", "0", "2", "5");
    // At 2.5/s: due at 0, 0.4, 0.8 (second 0), 1.2, 1.6 (second 1), 2.0 (second 2).
    OpenLoop.Result fractional =
        new OpenLoop.Result(2.5, 6, 6, 0, 0, 0, 0, 1, 0, 2.4, new long[] {ms, ms, ms, ms, ms, ms});
    assertThat(OpenLoopIngest.timeline(fractional))
        .extracting(line -> line.split(" ")[1])
        .containsExactly("requests", "3", "2", "1");
  }

  @Test
  void sendsTheWarmUpAndTheRunWithDistinctKeysAndCountsTheRunAlone(@TempDir Path dir)
      throws Exception {
    Set<String> keys = ConcurrentHashMap.newKeySet();
    AtomicInteger received = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/deliveries",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          received.incrementAndGet();
          keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
          // Every fifth refused: failures are counted and 2xx alone are achieved.
          int status = received.get() % 5 == 0 ? 429 : 201;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    try {
      Path workload = dir.resolve("workload");
      Files.write(workload, List.of("t1 900000001 03", "t2 900000002 11"));
      Main.Config config =
          new Main.Config(
              Map.of(
                  "gateway", "http://127.0.0.1:" + server.getAddress().getPort(),
                  "workload", workload.toString(),
                  "rate", "40",
                  "seconds", "0.5",
                  "warmup", "0.25",
                  "run", "t"));

      OpenLoop.Result result = new OpenLoopIngest(config).measure();

      assertThat(received.get()).isEqualTo(30);
      assertThat(keys).hasSize(30).contains("t-open-warmup-0", "t-open-0", "t-open-19");
      assertThat(result.requests()).isEqualTo(20);
      assertThat(result.ok() + result.failed()).isEqualTo(20);
      assertThat(result.rateLimited()).isEqualTo(result.failed()).isPositive();
      assertThat(result.unanswered()).isZero();
      assertThat(java.util.Arrays.stream(result.latencies()).min().getAsLong()).isPositive();
    } finally {
      server.stop(0);
    }
  }
}
