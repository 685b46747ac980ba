package no.nav.ia.delivery;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for agreement-service's {@code GET /api/v1/agreements?orgNumber=} in contract tests, so
 * the read-model fallback can be tested without the other service. Like agreement-service, it shows
 * a county-bound token only its county's agreements. Agreements are added with {@link #add}; the
 * end-to-end test runs the real agreement-service.
 */
public class AgreementServiceStub implements QuarkusTestResourceLifecycleManager {

  private static final Map<String, String> AGREEMENTS = new ConcurrentHashMap<>();
  private static volatile boolean down;

  /** The claims of the token and the Nav-Consumer-Id of the last request. */
  private static volatile String lastClaims = "";

  private static volatile String lastConsumer;
  private HttpServer server;

  /** Makes agreement-service know an agreement the read model has not heard of. */
  public static void add(String orgNumber, String county, String signedOn) {
    AGREEMENTS.put(
        orgNumber,
        String.format(
            "{\"id\":\"%s\",\"orgNumber\":\"%s\",\"countyCode\":\"%s\",\"signedOn\":\"%s\",\"endedOn\":null,\"status\":\"ACTIVE\"}",
            java.util.UUID.randomUUID(), orgNumber, county, signedOn));
  }

  /** The claims of the token the last request carried (its payload, decoded). */
  public static String lastClaims() {
    return lastClaims;
  }

  /** The machine client the last request was made for, if it named one. */
  public static String lastConsumer() {
    return lastConsumer;
  }

  /** Makes the stub answer 500, as a service that is in trouble. */
  public static void down(boolean isDown) {
    down = isDown;
  }

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/api/v1/agreements",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          String org = query == null ? "" : query.replaceAll(".*orgNumber=(\\d{9}).*", "$1");
          // As agreement-service: only a token for its own audience (a hop token, HopTokens) is
          // taken.
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          lastClaims =
              authorization == null || !authorization.startsWith("Bearer ")
                  ? ""
                  : no.nav.ia.test.Tokens.claimsOf(authorization.substring(7));
          lastConsumer = exchange.getRequestHeaders().getFirst("Nav-Consumer-Id");
          boolean authorized = lastClaims.contains("\"aud\":\"ia-agreement-service\"");
          String item = AGREEMENTS.get(org);
          // As agreement-service: a token bound to a county (an adviser's or manager's, exchanged
          // on their behalf) sees that county's agreements only.
          var county =
              java.util.regex.Pattern.compile("\"county\":\"(\\d{2})\"").matcher(lastClaims);
          if (item != null
              && county.find()
              && !item.contains("\"countyCode\":\"" + county.group(1) + "\"")) {
            item = null;
          }
          byte[] body =
              ("{\"items\":["
                      + (item == null ? "" : item)
                      + "],\"page\":0,\"size\":50,\"total\":"
                      + (item == null ? 0 : 1)
                      + "}")
                  .getBytes(StandardCharsets.UTF_8);
          int status = down ? 500 : authorized ? 200 : 401;
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return Map.of(
        "quarkus.rest-client.agreement-service.url",
        "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
