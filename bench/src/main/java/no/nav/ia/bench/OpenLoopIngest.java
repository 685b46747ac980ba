package no.nav.ia.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code harness open-loop rate=R seconds=S workload=FILE [warmup=3] [run=ID] [day=2025-06-10]
 * [outstanding=512] [timeout=10] [handover=PATH] [timeline=FILE]}: deliveries through the gateway
 * at a fixed arrival rate (bench/run asks half the rate wrk measured), latency from each request's
 * due time ({@link OpenLoop}). A short warm-up at the same rate comes first and is not counted (new
 * connections, and a platform that sat idle while pgbench ran). Prints open_loop_* lines; with
 * {@code timeline}, writes one line per second of the measured run (when the slow ones were due).
 */
final class OpenLoopIngest {

  private final Main.Config config;

  OpenLoopIngest(Main.Config config) {
    this.config = config;
  }

  void run() throws Exception {
    OpenLoop.Result result = measure();
    String timeline = config.get("timeline", "");
    if (!timeline.isEmpty()) {
      java.nio.file.Files.write(Path.of(timeline), timeline(result));
    }
    print(result);
  }

  /**
   * Per second of due times: "second requests p50_ms max_ms over_50ms", so that a run's slow
   * requests show whether they came together (a stall of something) or spread (queueing).
   */
  static List<String> timeline(OpenLoop.Result r) {
    long[] latencies = r.latencies();
    List<String> lines = new java.util.ArrayList<>();
    lines.add("second requests p50_ms max_ms over_50ms");
    // Request i is due i / rate seconds after the first (OpenLoop), at any rate.
    int from = 0;
    while (from < latencies.length) {
      long second = (long) (from / r.rateAsked());
      int to = from;
      while (to < latencies.length && (long) (to / r.rateAsked()) == second) {
        to++;
      }
      long[] due = java.util.Arrays.copyOfRange(latencies, from, to);
      long max = java.util.Arrays.stream(due).max().orElse(0);
      long over = java.util.Arrays.stream(due).filter(l -> l > 50_000_000L).count();
      lines.add(
          second
              + " "
              + due.length
              + " "
              + Stats.ms(Stats.percentile(due, 50))
              + " "
              + Stats.ms(max)
              + " "
              + over);
      from = to;
    }
    return lines;
  }

  OpenLoop.Result measure() throws Exception {
    double rate = Double.parseDouble(config.get("rate", "50"));
    double seconds = Double.parseDouble(config.get("seconds", "10"));
    double warmup = Double.parseDouble(config.get("warmup", "3"));
    if (rate <= 0 || seconds <= 0) {
      throw new IllegalArgumentException("rate and seconds must be above 0");
    }
    List<String> workload = IngestRequests.read(Path.of(config.get("workload", "ingest-workload")));
    String run = config.get("run", "open-loop-" + System.currentTimeMillis());
    int outstanding = config.integer("outstanding", 512);
    try (Posts posts = new Posts(IngestRequests.url(config.gateway()), outstanding, timeout())) {
      if (warmup > 0) {
        phase(posts, workload, run + "-open-warmup", outstanding).run(rate, warmup, drainNanos());
      }
      handOver();
      return phase(posts, workload, run + "-open", outstanding).run(rate, seconds, drainNanos());
    }
  }

  /**
   * With {@code handover=PATH}: after the warm-up, creates PATH.ready and waits (at most 30 s) for
   * PATH.go before the measured phase, so that bench/run reads the services' request counts between
   * the two (the warm-up's requests are not the measured run's).
   */
  private void handOver() throws Exception {
    String handover = config.get("handover", "");
    if (handover.isEmpty()) {
      return;
    }
    java.nio.file.Files.writeString(Path.of(handover + ".ready"), "");
    Path go = Path.of(handover + ".go");
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!java.nio.file.Files.exists(go)) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("no " + go + " within 30 s");
      }
      Thread.sleep(20);
    }
  }

  /** A loop of requests keyed {@code keyPrefix-n}. */
  private OpenLoop phase(Posts posts, List<String> workload, String keyPrefix, int outstanding) {
    IngestRequests requests =
        new IngestRequests(workload, config.get("day", "2025-06-10"), keyPrefix);
    return new OpenLoop(
        OpenLoop.Clock.SYSTEM, n -> posts.post(requests.headers(n), requests.body(n)), outstanding);
  }

  /** As wrk's --timeout in bench/run. */
  private Duration timeout() {
    return Duration.ofSeconds(config.integer("timeout", 10));
  }

  /** Outlasts the request timeout, so that every request is answered or has failed by its end. */
  private long drainNanos() {
    return timeout().toNanos() + TimeUnit.SECONDS.toNanos(2);
  }

  static void print(OpenLoop.Result r) {
    System.out.printf(Locale.ROOT, "open_loop_rate_asked=%.1f%n", r.rateAsked());
    System.out.printf(Locale.ROOT, "open_loop_rate_achieved=%.1f%n", r.rateAchieved());
    System.out.println("open_loop_requests=" + r.requests());
    System.out.println("open_loop_failed=" + r.failed());
    System.out.println("open_loop_unanswered=" + r.unanswered());
    System.out.println("open_loop_rate_limited=" + r.rateLimited());
    System.out.println("open_loop_outstanding_limit_hits=" + r.outstandingLimitHits());
    System.out.println("open_loop_max_outstanding=" + r.maxOutstanding());
    System.out.println("open_loop_max_send_lag_ms=" + Stats.ms(r.maxSendLagNanos()));
    System.out.println("open_loop_p50_ms=" + Stats.ms(Stats.percentile(r.latencies(), 50)));
    System.out.println("open_loop_p99_ms=" + Stats.ms(Stats.percentile(r.latencies(), 99)));
    System.out.println(
        "open_loop_over_50ms_pct="
            + Stats.percentOver(r.latencies(), TimeUnit.MILLISECONDS.toNanos(50)));
  }
}
