package no.nav.ia.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.ia.test.Tokens;

/**
 * A browser as the gateway's tests need one: each redirect followed by hand, cookies kept per name
 * for the gateway only, and the login through the mock provider's authorization-code flow.
 */
class Browser {

  final URI gateway;
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final Map<String, String> cookies = new LinkedHashMap<>();
  final List<String> setCookies = new ArrayList<>();

  Browser(URI gateway) {
    this.gateway = gateway;
  }

  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).header("Accept", "text/html,*/*;q=0.8").GET(), uri);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(gateway.resolve(path));
  }

  /** A form post with no fields, as the dashboard's logout button sends it. */
  HttpResponse<String> post(URI uri) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.noBody()),
        uri);
  }

  HttpResponse<String> send(HttpRequest.Builder request, URI uri)
      throws IOException, InterruptedException {
    if (uri.getPort() == gateway.getPort() && !cookies.isEmpty()) {
      request.header(
          "Cookie",
          String.join(
              "; ",
              cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (uri.getPort() == gateway.getPort()) {
      for (String header : response.headers().allValues("Set-Cookie")) {
        setCookies.add(header);
        String pair = header.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
    }
    return response;
  }

  static URI location(HttpResponse<?> response) {
    assertThat(response.statusCode()).as("a redirect").isBetween(302, 303);
    return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }

  /**
   * Logs in as the given person, starting at {@code path}; returns the answer of the last redirect.
   */
  HttpResponse<String> login(String path, String role, String county, String ident)
      throws Exception {
    URI authorize = location(get(gateway.resolve(path)));
    Map<String, String> params = query(authorize);
    assertThat(authorize.getPath()).endsWith("/ia/authorize");
    assertThat(params)
        .containsEntry("response_type", "code")
        .containsEntry("code_challenge_method", "S256")
        .containsKeys("code_challenge", "state", "nonce");
    Tokens.nextLogin(role, county, ident);
    HttpResponse<String> atProvider =
        http.send(
            HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
    URI callback = location(atProvider);
    assertThat(callback.getPath()).isEqualTo("/dashboard/callback");
    URI back = location(get(callback));
    return get(back);
  }
}
