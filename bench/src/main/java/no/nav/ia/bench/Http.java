package no.nav.ia.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP for the harnesses: one client, tokens from the local issuer, small JSON helpers. */
final class Http {

  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  /**
   * A token for the gateway from mock-oauth2-server with the platform's claims, as
   * deploy/local/token asks for it.
   */
  static String token(String issuer, String role, String county, String ident) {
    return token(issuer, role, county, ident, "ia-platform");
  }

  /** The same for one service's own audience (e.g. ia-scorecard-service), to call it directly. */
  static String token(String issuer, String role, String county, String ident, String audience) {
    String form =
        "grant_type=client_credentials&client_id="
            + enc(role.equals("system") ? ident : "ia-bench")
            + "&client_secret=not-checked-locally&role="
            + enc(role)
            + "&county="
            + enc(county == null ? "" : county)
            + "&ident="
            + enc(ident)
            + "&audience="
            + enc(audience);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(issuer + "/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    String body = send(request).body();
    return field(body, "access_token");
  }

  /** How often a harness waited out the gateway's rate limit (429 with Retry-After). */
  static final AtomicLong RATE_LIMITED_WAITS = new AtomicLong();

  /** Waits in a row for one request before its 429 is handed to the caller as the answer. */
  static final int MAX_WAITS_PER_REQUEST = 60;

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return politely(request);
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends as a well-behaved client of the gateway: a 429 is waited out for the seconds of its
   * Retry-After, then the same request (same body, same Idempotency-Key) is sent again; after
   * {@link #MAX_WAITS_PER_REQUEST} waits the 429 is returned.
   */
  static HttpResponse<String> politely(HttpRequest request)
      throws IOException, InterruptedException {
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    for (int waited = 0; response.statusCode() == 429 && waited < MAX_WAITS_PER_REQUEST; waited++) {
      RATE_LIMITED_WAITS.incrementAndGet();
      Thread.sleep(retryAfterMillis(response.headers().firstValue("Retry-After").orElse(null)));
      response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
    return response;
  }

  /**
   * Retry-After in milliseconds: whole seconds as the gateway sends them, one second when absent or
   * a date. (The platform's RetryAfter says the same; the harness jar links none of the platform's
   * code at run time, as any outside client.)
   */
  static long retryAfterMillis(String retryAfter) {
    try {
      return retryAfter == null ? 1000 : Math.max(0, Long.parseLong(retryAfter.trim())) * 1000;
    } catch (NumberFormatException notSeconds) {
      return 1000;
    }
  }

  static HttpRequest.Builder json(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  /** The value of a top-level string or number field of a flat JSON answer. */
  static String field(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException(
          "no " + name + " in " + json.substring(0, Math.min(300, json.length())));
    }
    return m.group(1);
  }

  /** {@code deliveries.total} of a card. */
  static long total(String card) {
    Matcher m = Pattern.compile("\"deliveries\"\\s*:\\s*\\{\"total\"\\s*:\\s*(\\d+)").matcher(card);
    if (!m.find()) {
      throw new IllegalStateException(
          "no deliveries.total in " + card.substring(0, Math.min(300, card.length())));
    }
    return Long.parseLong(m.group(1));
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
