package no.nav.ia.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event lag under a steady background load: the background posts deliveries at a fixed rate (half
 * the measured maximum), while a probe posts one delivery at a time for an enterprise and month
 * nobody else touches and polls that county's month card at scorecard-service until it shows the
 * delivery. Lag = from the 201 to the first card that counts it.
 */
final class LagProbe {

  private final Main.Config config;

  LagProbe(Main.Config config) {
    this.config = config;
  }

  void run() throws Exception {
    double rate = Double.parseDouble(config.get("rate", "50"));
    int probes = config.integer("probes", 50);
    String backgroundOrg = config.get("org", null);
    String probeOrg = config.get("probeOrg", null);
    String probeCounty = config.get("probeCounty", "56");
    String probeMonth = config.get("probeMonth", "2024-02");
    String issuer = config.issuer();
    List<String> advisers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      advisers.add(
          Http.token(
              issuer, "adviser", config.get("county", "03"), String.format("Z99%04d", 7000 + i)));
    }
    String prober = Http.token(issuer, "adviser", probeCounty, "Z998999");
    // The card is read from scorecard-service directly (the lag, not the gateway), with a token for
    // it.
    String reader = Http.token(issuer, "coordinator", null, "Z990003", "ia-scorecard-service");

    Posts posts = new Posts(IngestRequests.url(config.gateway()), 64, Duration.ofSeconds(30));
    ScheduledExecutorService background = Executors.newScheduledThreadPool(1);
    Semaphore inFlight = new Semaphore(64);
    AtomicLong sent = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong limited = new AtomicLong();
    long periodMicros = (long) (1_000_000 / rate);
    background.scheduleAtFixedRate(
        () -> {
          if (!inFlight.tryAcquire()) {
            return;
          }
          long n = sent.incrementAndGet();
          String body =
              DeliveryJson.of(backgroundOrg, "SYSTEM", config.get("month", "2025-06") + "-10");
          posts
              .post(
                  Map.of(
                      "Authorization",
                      "Bearer " + advisers.get((int) (n % advisers.size())),
                      "Content-Type",
                      "application/json"),
                  body)
              .whenComplete(
                  (status, e) -> {
                    inFlight.release();
                    if (status != null && status == 201) {
                      ok.incrementAndGet();
                    } else if (status != null && status == 429) {
                      // An open-loop background keeps its rate: a refused delivery is counted, not
                      // sent again.
                      limited.incrementAndGet();
                    }
                  });
        },
        0,
        periodMicros,
        TimeUnit.MICROSECONDS);

    String cardUrl =
        config.scorecard() + "/api/v1/scorecards/counties/" + probeCounty + "?period=" + probeMonth;
    long[] lags = new long[probes];
    long started = System.nanoTime();
    Thread.sleep(2000);
    for (int i = 0; i < probes; i++) {
      long before = Http.total(Http.send(Http.json(cardUrl, reader).GET().build()).body());
      HttpResponse<String> posted =
          Http.send(
              Http.json(config.gateway() + "/api/v1/deliveries", prober)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          DeliveryJson.of(probeOrg, "SYSTEM", probeMonth + "-12")))
                  .build());
      long acknowledged = System.nanoTime();
      if (posted.statusCode() != 201) {
        throw new IllegalStateException(
            "probe delivery: " + posted.statusCode() + " " + posted.body());
      }
      while (Http.total(Http.send(Http.json(cardUrl, reader).GET().build()).body()) <= before) {
        if (System.nanoTime() - acknowledged > 30_000_000_000L) {
          throw new IllegalStateException("the probe delivery did not reach the scorecard in 30 s");
        }
        Thread.sleep(5);
      }
      lags[i] = System.nanoTime() - acknowledged;
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    background.shutdownNow();
    posts.close();
    System.out.printf("lag_background_rps=%.0f%n", ok.get() / seconds);
    System.out.println("lag_probes=" + probes);
    System.out.println("lag_background_rate_limited=" + limited.get());
    System.out.println("rate_limited_waits=" + Http.RATE_LIMITED_WAITS.get());
    System.out.println("lag_p50_ms=" + Stats.ms(Stats.percentile(lags, 50)));
    System.out.println("lag_p99_ms=" + Stats.ms(Stats.percentile(lags, 99)));
  }
}
