package no.nav.ia.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steady delivery load for the fault suite, as a careful client sends it: every delivery has its
 * own Idempotency-Key, a 429 is waited out for the seconds its Retry-After says, and a request that
 * got no answer (timeout, refused connection) or a 5xx is sent again with the same key until it is
 * acknowledged. Runs for {@code seconds}, then keeps retrying what is unacknowledged for up to
 * {@code grace} seconds. Writes the acknowledged delivery ids to {@code acks} and prints what was
 * sent and acknowledged.
 */
final class FaultLoad {

  private final Main.Config config;

  FaultLoad(Main.Config config) {
    this.config = config;
  }

  void run() throws Exception {
    int clients = config.integer("clients", 8);
    long seconds = config.integer("seconds", 30);
    long grace = config.integer("grace", 180);
    String org = config.get("org", null);
    String day = config.get("day", "2019-01-15");
    String county = config.get("county", "11");
    Path acks = Path.of(config.get("acks", "acks.txt"));
    String url = config.gateway() + "/api/v1/deliveries";
    AtomicLong attempts = new AtomicLong();
    AtomicLong retries = new AtomicLong();
    AtomicLong keys = new AtomicLong();
    AtomicLong gaveUp = new AtomicLong();
    AtomicLong failedAnswers = new AtomicLong();
    AtomicLong uncorrected = new AtomicLong();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    long stopNew = System.nanoTime() + seconds * 1_000_000_000L;
    long stopAll = stopNew + grace * 1_000_000_000L;

    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      String token =
          Http.token(config.issuer(), "adviser", county, String.format("Z99%04d", 8000 + c));
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() < stopNew) {
                  String key = UUID.randomUUID().toString();
                  keys.incrementAndGet();
                  String body =
                      DeliveryJson.of(org, keys.get() % 3 == 0 ? "INDIVIDUAL" : "SYSTEM", day);
                  boolean first = true;
                  while (true) {
                    if (System.nanoTime() > stopAll) {
                      gaveUp.incrementAndGet();
                      break;
                    }
                    if (!first) {
                      retries.incrementAndGet();
                      sleep(250);
                    }
                    first = false;
                    attempts.incrementAndGet();
                    HttpRequest request =
                        Http.json(url, token)
                            .timeout(Duration.ofSeconds(10))
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    try {
                      HttpResponse<String> response = Http.politely(request);
                      int status = response.statusCode();
                      if (status == 201 || status == 200) {
                        String id = Http.field(response.body(), "id");
                        acknowledged.add(id);
                        // Every fourth delivery is corrected once, so that the order check has
                        // versions to compare.
                        if (keys.get() % 4 == 0
                            && !correct(
                                token,
                                id,
                                body.replace("\"SYSTEM\"", "\"X\"")
                                    .replace("\"INDIVIDUAL\"", "\"SYSTEM\"")
                                    .replace("\"X\"", "\"INDIVIDUAL\""),
                                stopAll,
                                failedAnswers)) {
                          uncorrected.incrementAndGet();
                        }
                        break;
                      }
                      if (status < 500 && status != 429 && status != 408) {
                        throw new IllegalStateException(
                            "the platform refused a valid delivery: "
                                + status
                                + " "
                                + response.body());
                      }
                      failedAnswers.incrementAndGet();
                    } catch (IOException noAnswer) {
                      failedAnswers.incrementAndGet();
                      // no answer: send the same request again with the same key
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    Files.write(acks, acknowledged);
    System.out.println("sent=" + keys.get());
    System.out.println("attempts=" + attempts.get());
    System.out.println("retried=" + retries.get());
    System.out.println("acknowledged=" + acknowledged.size());
    System.out.println("unacknowledged=" + gaveUp.get());
    System.out.println("failed_answers=" + failedAnswers.get());
    System.out.println("uncorrected=" + uncorrected.get());
    System.out.println("rate_limited_waits=" + Http.RATE_LIMITED_WAITS.get());
  }

  /**
   * Corrects a delivery from version 1 to 2, sending the correction again while it gets no answer.
   * A 412 after a lost answer means it was applied when the delivery is at version 2. False if it
   * never was acknowledged before {@code stopAll}.
   */
  private boolean correct(
      String token, String id, String body, long stopAll, AtomicLong failedAnswers) {
    String url = config.gateway() + "/api/v1/deliveries/" + id;
    while (System.nanoTime() < stopAll) {
      HttpRequest put =
          Http.json(url, token)
              .timeout(Duration.ofSeconds(10))
              .header("If-Match", "\"1\"")
              .PUT(HttpRequest.BodyPublishers.ofString(body))
              .build();
      try {
        int status = Http.politely(put).statusCode();
        if (status == 200) {
          return true;
        }
        if (status == 412) {
          HttpResponse<String> now =
              Http.politely(Http.json(url, token).timeout(Duration.ofSeconds(10)).GET().build());
          if (now.statusCode() == 200 && Long.parseLong(Http.field(now.body(), "version")) >= 2) {
            return true;
          }
        } else if (status < 500 && status != 429 && status != 408) {
          throw new IllegalStateException("the platform refused a valid correction: " + status);
        } else {
          failedAnswers.incrementAndGet();
        }
      } catch (IOException noAnswer) {
        failedAnswers.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      sleep(250);
    }
    return false;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
