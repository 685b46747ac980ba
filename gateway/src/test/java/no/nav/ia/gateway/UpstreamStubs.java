package no.nav.ia.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stands in for the services behind the gateway: {@code agreements} echoes what arrived, {@code
 * scorecards} answers too late, {@code deliveries} points at a port where nothing listens, and the
 * dashboard echoes too. The producers of events serve their committed AsyncAPI documents.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

  private HttpServer server;

  /**
   * An instance in its graceful shutdown: every new request is a bare 503, as Quarkus answers then.
   */
  private HttpServer stopping;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/api/v1/agreements", exchange -> echo(exchange, base));
    server.createContext("/api/v1/enterprises", exchange -> echo(exchange, base));
    server.createContext("/dashboard", exchange -> echo(exchange, base));
    server.createContext("/api/v1/regions", exchange -> echo(exchange, base));
    server.createContext("/api/v1/counties", exchange -> echo(exchange, base));
    try {
      stopping = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    stopping.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    stopping.start();
    String stoppingBase = "http://127.0.0.1:" + stopping.getAddress().getPort();
    server.createContext(
        "/api/v1/scorecards",
        exchange -> {
          sleep(3000);
          respond(exchange, 200, "{}");
        });
    server.createContext(AsyncApiTest.PRODUCER_PATH, UpstreamStubs::eventsDocument);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    return Map.ofEntries(
        Map.entry("ia.gateway.routes.agreements", base),
        Map.entry("ia.gateway.routes.scorecards", base),
        Map.entry("ia.gateway.routes.enterprises", base),
        Map.entry("ia.gateway.dashboard", base),
        Map.entry("ia.gateway.routes.deliveries", "http://127.0.0.1:" + closedPort()),
        // Two instances of a service, the first of them down.
        Map.entry("ia.gateway.routes.regions", "http://127.0.0.1:" + closedPort() + "," + base),
        // Two instances, the first of them stopping gracefully.
        Map.entry("ia.gateway.routes.counties", stoppingBase + "," + base),
        // Both producers of events, delivery-service's first instance down.
        Map.entry("ia.gateway.event-producers.agreement-service.url", base),
        Map.entry(
            "ia.gateway.event-producers.delivery-service.url",
            "http://127.0.0.1:" + closedPort() + "," + base),
        Map.entry("ia.gateway.timeout", "1S"),
        Map.entry("ia.gateway.public-url", "https://ia.example.test/"),
        Map.entry("ia.gateway.rate-limit.per-second", "0.2"),
        Map.entry("ia.gateway.rate-limit.burst", "5"),
        // An Entra ID group of Oslo's centre managers.
        Map.entry("ia.security.groups.0b7f-oslo-managers.role", "manager"),
        Map.entry("ia.security.groups.0b7f-oslo-managers.county", "03"),
        // A second trusted issuer, for machine clients: configuration only.
        Map.entry("quarkus.oidc.machines.tenant-enabled", "true"),
        Map.entry(
            "quarkus.oidc.machines.auth-server-url",
            no.nav.ia.test.Infra.oidc().issuerUrl("ia-machines").toString()));
  }

  /**
   * A producer's AsyncAPI document (the committed one), to a token for that producer only: the
   * token's audience says which. delivery-service fails calls whose Nav-Call-Id says it is down.
   */
  private static void eventsDocument(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String claims =
        authorization == null ? "" : no.nav.ia.test.Tokens.claimsOf(authorization.substring(7));
    String producer =
        claims.contains("\"aud\":\"ia-agreement-service\"")
            ? "agreement-service"
            : claims.contains("\"aud\":\"ia-delivery-service\"") ? "delivery-service" : null;
    if (producer == null) {
      respond(exchange, 401, "{}");
    } else if (producer.equals("delivery-service")
        && AsyncApiTest.DELIVERY_SERVICE_DOWN.equals(
            exchange.getRequestHeaders().getFirst("Nav-Call-Id"))) {
      respond(exchange, 500, "{}");
    } else {
      respond(exchange, 200, no.nav.ia.test.EventContracts.committed(producer).toString());
    }
  }

  private static void echo(HttpExchange exchange, String base) throws IOException {
    String headers =
        exchange.getRequestHeaders().entrySet().stream()
            .map(
                e ->
                    "\""
                        + e.getKey().toLowerCase()
                        + "\":\""
                        + String.join(",", e.getValue()).replace("\"", "'")
                        + "\"")
            .collect(Collectors.joining(","));
    String body =
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
            .replace("\"", "'");
    exchange.getResponseHeaders().add("Location", base + "/api/v1/agreements/42");
    exchange.getResponseHeaders().add("X-Upstream", "agreement-service");
    respond(
        exchange,
        exchange.getRequestMethod().equals("POST") ? 201 : 200,
        "{\"method\":\""
            + exchange.getRequestMethod()
            + "\",\"uri\":\""
            + exchange.getRequestURI()
            + "\",\"body\":\""
            + body
            + "\",\"headers\":{"
            + headers
            + "}}");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException clientGone) {
      // the gateway gave up waiting: that is what the slow route tests
    }
  }

  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (stopping != null) {
      stopping.stop(0);
    }
  }
}
