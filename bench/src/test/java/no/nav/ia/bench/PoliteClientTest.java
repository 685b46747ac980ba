package no.nav.ia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.ia.platform.rest.RetryAfter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The harnesses wait out the gateway's 429 and send the very same request again. */
class PoliteClientTest {

  private HttpServer server;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger refuseFirst = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/deliveries",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key") + " " + body);
          boolean refuse = refuseFirst.getAndDecrement() > 0;
          if (refuse) {
            exchange.getResponseHeaders().add("Retry-After", "0");
          }
          byte[] answer =
              (refuse ? "{\"code\":\"TOO_MANY_REQUESTS\"}" : "{\"id\":\"d-1\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(refuse ? 429 : 201, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpRequest delivery() {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/deliveries"))
        .header("Idempotency-Key", "key-1")
        .POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}"))
        .build();
  }

  @Test
  void a429IsWaitedOutAndTheSameRequestWithTheSameKeyIsSentAgain() throws Exception {
    refuseFirst.set(2);
    long waitsBefore = Http.RATE_LIMITED_WAITS.get();

    var response = Http.politely(delivery());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(received).containsExactly("key-1 {\"n\":1}", "key-1 {\"n\":1}", "key-1 {\"n\":1}");
    assertThat(Http.RATE_LIMITED_WAITS.get() - waitsBefore).isEqualTo(2);
  }

  @Test
  void aClientRefusedForeverGetsThe429BackAfterTheLastWait() throws Exception {
    refuseFirst.set(Integer.MAX_VALUE);
    assertThat(Http.politely(delivery()).statusCode()).isEqualTo(429);
    assertThat(received).hasSize(Http.MAX_WAITS_PER_REQUEST + 1);
  }

  @Test
  void retryAfterIsReadAsThePlatformReadsIt() {
    for (String value :
        new String[] {"2", " 0 ", null, "", "Wed, 21 Oct 2026 07:28:00 GMT", "-5"}) {
      assertThat(Http.retryAfterMillis(value))
          .as(String.valueOf(value))
          .isEqualTo(RetryAfter.millis(value));
    }
  }
}
