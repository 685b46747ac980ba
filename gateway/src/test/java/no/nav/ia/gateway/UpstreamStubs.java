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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Stands in for the services behind the gateway: {@code agreements} echoes what arrived, {@code
 * scorecards} answers too late, {@code deliveries} points at a port where nothing listens, and the
 * dashboard echoes too, except for the pages it refuses as scorecard-service does ({@link
 * #DASHBOARD_REFUSALS}) and a manager of county 99, which is none. {@code reports} answers a
 * report's printable page to {@code Accept: text/html} and refuses county 46 as scorecard-service
 * refuses a county 03 manager. The producers of events serve their committed AsyncAPI documents.
 * {@code restarting} is one address (a Kubernetes Service) whose pod is stopping ({@link
 * #restarting}). The {@code crash-*} routes have two instances, the first of which dies with every
 * request in hand ({@link #crashing}).
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

  private HttpServer server;

  /**
   * An instance in its graceful shutdown: every new request is a bare 503, as Quarkus answers then.
   */
  private HttpServer stopping;

  /** The first instance of {@code hung}. */
  private ServerSocket hung;

  /** Per Nav-Call-Id, the requests {@code restarting} got. */
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

  /** The path of the counts of the crash-* routes' instances, at the instance in service. */
  static final String COUNTS = "/stub/crash-counts";

  /** The first instances of the {@code crash-*} routes. */
  private final java.util.List<ServerSocket> crashing =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Per Nav-Call-Id, the requests a crashing instance lost. */
  private final Map<String, AtomicInteger> lost = new ConcurrentHashMap<>();

  /** Per Nav-Call-Id, the requests the instance in service of a {@code crash-*} route answered. */
  private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

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
    // What a service answers a DELETE: 204, no body and no Content-Type.
    server.createContext(
        "/api/v1/agreements/voided",
        exchange -> {
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.createContext("/dashboard", exchange -> dashboard(exchange, base));
    server.createContext("/api/v1/reports", UpstreamStubs::report);
    server.createContext("/api/v1/regions", exchange -> echo(exchange, base));
    server.createContext("/api/v1/counties", exchange -> echo(exchange, base));
    server.createContext("/api/v1/restarting", exchange -> restarting(exchange, base));
    server.createContext("/api/v1/hung", exchange -> echo(exchange, base));
    server.createContext("/internal/dead-letters", exchange -> echo(exchange, base));
    for (String route : CRASH_ROUTES) {
      server.createContext(
          "/api/v1/" + route,
          exchange -> {
            count(served, exchange.getRequestHeaders().getFirst("Nav-Call-Id"));
            echo(exchange, base);
          });
    }
    // For the tests, straight (not through the gateway): what the instances of the crash-* routes
    // got of the call in Nav-Call-Id.
    server.createContext(
        COUNTS,
        exchange -> {
          String callId = exchange.getRequestHeaders().getFirst("Nav-Call-Id");
          respond(
              exchange,
              200,
              "{\"lost\":"
                  + lost.getOrDefault(callId, new AtomicInteger()).get()
                  + ",\"served\":"
                  + served.getOrDefault(callId, new AtomicInteger()).get()
                  + "}");
        });
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
        Map.entry("ia.gateway.routes.reports", base),
        Map.entry("ia.gateway.routes.deliveries", "http://127.0.0.1:" + closedPort()),
        // Two instances of a service, the first of them down.
        Map.entry("ia.gateway.routes.regions", "http://127.0.0.1:" + closedPort() + "," + base),
        // Two instances, the first of them stopping gracefully.
        Map.entry("ia.gateway.routes.counties", stoppingBase + "," + base),
        // Two instances, the first of them hung: it takes connections and never answers.
        Map.entry("ia.gateway.routes.hung", "http://127.0.0.1:" + hungPort() + "," + base),
        Map.entry("ia.gateway.scopes.hung", "ia-agreement-service"),
        // One address, as on NAIS, whose pod is stopping.
        Map.entry("ia.gateway.routes.restarting", base),
        Map.entry("ia.gateway.scopes.restarting", "ia-agreement-service"),
        // Two instances each, the first of them killed with the request in hand: a route per test,
        // as a route's first request goes to its first instance.
        Map.entry("ia.gateway.routes.crash-get", crashing() + "," + base),
        Map.entry("ia.gateway.scopes.crash-get", "ia-delivery-service"),
        Map.entry("ia.gateway.routes.crash-delete", crashing() + "," + base),
        Map.entry("ia.gateway.scopes.crash-delete", "ia-delivery-service"),
        Map.entry("ia.gateway.routes.crash-post", crashing() + "," + base),
        Map.entry("ia.gateway.scopes.crash-post", "ia-delivery-service"),
        // For the failures' metrics, apart: an instance that lost a request is left out a while.
        Map.entry("ia.gateway.routes.crash-counted", crashing() + "," + base),
        Map.entry("ia.gateway.scopes.crash-counted", "ia-delivery-service"),
        Map.entry("ia.gateway.routes.crash-counted-post", crashing() + "," + base),
        Map.entry("ia.gateway.scopes.crash-counted-post", "ia-delivery-service"),
        Map.entry("ia.gateway.routes.crash-answering", crashing() + "," + base),
        Map.entry("ia.gateway.scopes.crash-answering", "ia-delivery-service"),
        Map.entry("ia.gateway.routes.crash-answering-delete", crashing() + "," + base),
        Map.entry("ia.gateway.scopes.crash-answering-delete", "ia-delivery-service"),
        // One address (a Kubernetes Service) whose every pod is killed with the request in hand.
        Map.entry("ia.gateway.routes.crash-alone", crashing()),
        Map.entry("ia.gateway.scopes.crash-alone", "ia-delivery-service"),
        // Both producers of events, delivery-service's first instance down.
        Map.entry("ia.gateway.event-producers.agreement-service.url", base),
        Map.entry(
            "ia.gateway.event-producers.delivery-service.url",
            "http://127.0.0.1:" + closedPort() + "," + base),
        Map.entry("ia.gateway.timeout", "1S"),
        Map.entry("ia.gateway.public-url", "https://ia.example.test/"),
        Map.entry("ia.gateway.rate-limit.per-second", "0.2"),
        Map.entry("ia.gateway.rate-limit.burst", "5"),
        // A body's time to arrive (30 s in production): a stalled one is 408 within a test.
        Map.entry("ia.http.body-timeout", "5S"),
        // An Entra ID group of Oslo's centre managers.
        Map.entry("ia.security.groups.0b7f-oslo-managers.role", "manager"),
        Map.entry("ia.security.groups.0b7f-oslo-managers.county", "03"),
        // A second trusted issuer, for machine clients: configuration only.
        Map.entry("quarkus.oidc.machines.tenant-enabled", "true"),
        Map.entry(
            "quarkus.oidc.machines.auth-server-url",
            no.nav.ia.test.Infra.oidc().issuerUrl("ia-machines").toString()));
  }

  /** The routes whose first instance dies with every request in hand. */
  static final java.util.List<String> CRASH_ROUTES =
      java.util.List.of(
          "crash-get",
          "crash-delete",
          "crash-post",
          "crash-counted",
          "crash-counted-post",
          "crash-answering",
          "crash-answering-delete");

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

  /** Dashboard paths scorecard-service refuses, with its problem+json, as a county 03 manager. */
  static final Map<String, String> DASHBOARD_REFUSALS =
      Map.of(
          "/dashboard/reports/46/2026-H1",
          problem(403, "FORBIDDEN_COUNTY", "Your token does not give access to this county", ""),
          "/dashboard/reports/03/2026-H3",
          problem(
              400,
              "VALIDATION_FAILED",
              "One or more fields are invalid",
              ",\"errors\":[{\"field\":\"period\",\"message\":\"must be a half-year\"}]"),
          "/dashboard/nope",
          problem(404, "NOT_FOUND", "Nothing is found at this path <script>x</script>", ""));

  static String problem(int status, String code, String detail, String more) {
    return "{\"type\":\"https://ia.nav.no/problems/x\",\"title\":\"T\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\",\"code\":\""
        + code
        + "\",\"callId\":\"stub-call-id\""
        + more
        + "}";
  }

  private static void dashboard(HttpExchange exchange, String base) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String refusal =
        authorization != null
                && no.nav.ia.test.Tokens.claimsOf(authorization.substring(7))
                    .contains("\"county\":\"99\"")
            ? problem(403, "FORBIDDEN_COUNTY", "Your token is not bound to a county", "")
            : DASHBOARD_REFUSALS.get(exchange.getRequestURI().getPath());
    if (refusal == null) {
      echo(exchange, base);
      return;
    }
    int status = Integer.parseInt(refusal.replaceAll(".*\"status\":(\\d+).*", "$1"));
    respond(exchange, status, "application/problem+json", refusal);
  }

  private static void report(HttpExchange exchange) throws IOException {
    if (exchange.getRequestURI().getPath().contains("/46/")) {
      respond(
          exchange,
          403,
          "application/problem+json",
          problem(403, "FORBIDDEN_COUNTY", "Your token does not give access to this county", ""));
    } else if (String.valueOf(exchange.getRequestHeaders().getFirst("Accept"))
        .startsWith("text/html")) {
      respond(
          exchange,
          200,
          "text/html;charset=UTF-8",
          "<!DOCTYPE html><html lang=\"nb\"><body><h1>Halvårsrapport 2026-H2</h1></body></html>");
    } else {
      respond(exchange, 200, "{\"period\":\"2026-H2\"}");
    }
  }

  /**
   * A Service's pod in its graceful shutdown: the first {@code stopping} (query parameter) requests
   * of a call are a bare 503 with {@code Connection: close}, as Quarkus answers a request it does
   * not handle; the next one reached a pod in service and is echoed with its number in {@code
   * X-Attempt}.
   */
  private void restarting(HttpExchange exchange, String base) throws IOException {
    int attempt =
        attempts
            .computeIfAbsent(
                String.valueOf(exchange.getRequestHeaders().getFirst("Nav-Call-Id")),
                k -> new AtomicInteger())
            .incrementAndGet();
    int stoppingFor =
        Integer.parseInt(
            exchange.getRequestURI().getQuery().replaceAll(".*stopping=(\\d+).*", "$1"));
    exchange.getResponseHeaders().add("X-Attempt", String.valueOf(attempt));
    if (attempt <= stoppingFor) {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Connection", "close");
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
      return;
    }
    echo(exchange, base);
  }

  private static void count(Map<String, AtomicInteger> counts, String callId) {
    counts.computeIfAbsent(String.valueOf(callId), k -> new AtomicInteger()).incrementAndGet();
  }

  /**
   * An instance killed (kill -9) with every request in hand: it reads the request and resets the
   * connection (the kernel's answer for a dead process), or with {@code close=fin} closes it, in
   * either case without a byte of answer; {@code close=answering} closes it in the middle of the
   * answer's body. Counts the requests per Nav-Call-Id.
   */
  private String crashing() {
    ServerSocket socket;
    try {
      socket = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    crashing.add(socket);
    Thread thread =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (java.net.Socket connection = socket.accept()) {
                  lose(connection);
                } catch (IOException e) {
                  // closed at the end of the tests, or the gateway gone first
                }
              }
            },
            "crashing-instance");
    thread.setDaemon(true);
    thread.start();
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  private void lose(java.net.Socket connection) throws IOException {
    var in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                connection.getInputStream(), StandardCharsets.ISO_8859_1));
    String requestLine = String.valueOf(in.readLine());
    String callId = null;
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("nav-call-id:")) {
        callId = line.substring("nav-call-id:".length()).strip();
      }
    }
    count(lost, callId);
    if (requestLine.contains("close=answering")) {
      connection
          .getOutputStream()
          .write(
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\""
                  .getBytes(StandardCharsets.US_ASCII));
      connection.getOutputStream().flush();
    }
    if (!requestLine.contains("close=fin") && !requestLine.contains("close=answering")) {
      connection.setSoLinger(true, 0);
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
    respond(exchange, status, "application/json", body);
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException clientGone) {
      // the gateway gave up waiting: that is what the slow route tests
    }
  }

  /** A port that takes connections (the kernel's backlog) and never reads or answers them. */
  private int hungPort() {
    try {
      hung = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
      return hung.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A port nothing listens on, held so for the tests' life: a socket bound to it that never
   * listens, so a connection to it is refused and no server started later (the test
   * infrastructure's, which finds free ports the same way) can be given it. A port found free and
   * let go was once given to such a server, and the gateway's calls to the "down" service reached
   * it (502 where the tests expect 503).
   */
  private static int closedPort() {
    try {
      java.net.Socket held = new java.net.Socket();
      held.setReuseAddress(false);
      held.bind(new InetSocketAddress("127.0.0.1", 0));
      HELD.add(held);
      return held.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The sockets that hold the closed ports. */
  private static final java.util.List<java.net.Socket> HELD =
      new java.util.concurrent.CopyOnWriteArrayList<>();

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
    for (ServerSocket socket : crashing) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing at the end of the tests: nothing to do.
      }
    }
    if (hung != null) {
      try {
        hung.close();
      } catch (IOException e) {
        // Closing at the end of the tests: nothing to do.
      }
    }
    for (java.net.Socket held : HELD) {
      try {
        held.close();
      } catch (IOException e) {
        // Closing at the end of the tests: nothing to do.
      }
    }
    HELD.clear();
  }
}
