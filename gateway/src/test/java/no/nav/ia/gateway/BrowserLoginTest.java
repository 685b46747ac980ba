package no.nav.ia.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The browser's way in, step by step as a browser takes it (each redirect followed by hand, cookies
 * kept per name): authorization-code flow with PKCE at the mock provider, the session cookie, the
 * access token sent on to the dashboard's service, logout. The headless-Chromium run of the same
 * flow against the real services is in e2e-tests.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class BrowserLoginTest {

  @TestHTTPResource("/")
  URI gateway;

  private Browser browser;

  @org.junit.jupiter.api.BeforeEach
  void openBrowser() {
    browser = new Browser(gateway);
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return browser.get(uri);
  }

  private HttpResponse<String> post(URI uri) throws IOException, InterruptedException {
    return browser.post(uri);
  }

  /**
   * Logs in; each test's person has an ident of its own, as the dashboard's pages count against
   * that person's rate limit (a burst of 5 in the tests), which other tests' API calls also draw
   * on.
   */
  private HttpResponse<String> login(String path, String role, String county, String ident)
      throws Exception {
    return browser.login(path, role, county, ident);
  }

  private static URI location(HttpResponse<?> response) {
    return Browser.location(response);
  }

  private static Map<String, String> query(URI uri) {
    return Browser.query(uri);
  }

  @Test
  void aManagerLogsInWithPkceAndTheDashboardGetsTheAccessTokenButNeverTheCookie() throws Exception {
    HttpResponse<String> page = login("dashboard?period=2024-H1", "manager", "03", "Z990061");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().getPath() + "?" + page.uri().getQuery())
        .as("back where the user started")
        .isEqualTo("/dashboard?period=2024-H1");
    String session =
        browser.setCookies.stream()
            .filter(c -> c.startsWith("q_session"))
            .findFirst()
            .orElseThrow();
    assertThat(session.toLowerCase())
        .contains("httponly")
        .contains("samesite=lax")
        .contains("secure")
        .contains("path=/dashboard");
    String upstream = page.body();
    assertThat(upstream)
        .contains("\"uri\":\"/dashboard?period=2024-H1\"")
        .doesNotContain("\"cookie\"")
        .doesNotContain("q_session");
    String bearer = upstream.replaceAll("(?s).*\"authorization\":\"Bearer ([^\"]+)\".*", "$1");
    String claims = Tokens.claimsOf(bearer);
    assertThat(claims)
        .contains("\"manager\"")
        .contains("\"county\":\"03\"")
        .contains("\"aud\":\"ia-scorecard-service\"")
        .as("exchanged on the manager's behalf for scorecard-service's audience")
        .contains("\"NAVident\":\"Z990061\"");
    assertThat(browser.cookies.values())
        .noneMatch(v -> v.contains(bearer))
        .as("the token is not readable from the cookie");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy)
        .contains("frame-ancestors 'none'")
        .contains("default-src 'none'")
        .doesNotContain("script-src")
        .contains(
            "form-action 'self' "
                + no.nav.ia.gateway.rest.BrowserHardening.origin(no.nav.ia.test.Infra.issuerUrl()));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    // The session is for pages only: the API still wants a bearer token, even if a client sends the
    // cookie.
    HttpResponse<String> api = get(gateway.resolve("api/v1/agreements"));
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.body()).contains("UNAUTHENTICATED");
  }

  @Test
  void logoutEndsTheSessionAtTheGatewayAndTheProvider() throws Exception {
    assertThat(login("dashboard", "coordinator", null, "Z990063").statusCode()).isEqualTo(200);

    // A GET (an image on another page could send one) does not log out; the button's POST does.
    HttpResponse<String> byGet = get(gateway.resolve("dashboard/logout"));
    assertThat(byGet.statusCode()).isEqualTo(405);
    assertThat(byGet.headers().firstValue("Allow")).hasValue("POST");
    assertThat(get(gateway.resolve("dashboard")).statusCode()).as("still logged in").isEqualTo(200);

    URI endSession = location(post(gateway.resolve("dashboard/logout")));
    assertThat(endSession.getPath()).endsWith("/ia/endsession");
    assertThat(query(endSession).get("post_logout_redirect_uri")).endsWith("/logged-out");
    assertThat(browser.cookies)
        .noneSatisfy((name, value) -> assertThat(name).startsWith("q_session"));
    // The ID token the logout hands the browser is no key to the API (a security review's).
    String idToken = query(endSession).get("id_token_hint");
    assertThat(idToken).isNotBlank();
    HttpResponse<String> withIdToken =
        browser.http.send(
            HttpRequest.newBuilder(gateway.resolve("api/v1/agreements"))
                .header("Authorization", "Bearer " + idToken)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(withIdToken.statusCode()).isEqualTo(401);

    HttpResponse<String> loggedOut =
        get(
            location(
                browser.http.send(
                    HttpRequest.newBuilder(endSession).GET().build(),
                    HttpResponse.BodyHandlers.ofString())));
    assertThat(loggedOut.statusCode()).isEqualTo(200);
    assertThat(loggedOut.body()).contains("logget ut");
    URI again = location(get(gateway.resolve("dashboard")));
    assertThat(again.getPath()).as("a new visit asks for a login again").endsWith("/ia/authorize");
  }

  /**
   * "Logg ut" on a page left open until the session ran out: the POST arrives without a session
   * cookie (or with one that can no longer be read). It used to start a login, which ended on a GET
   * of the logout address (405), logged in.
   */
  @Test
  void loggingOutWithoutASessionEndsLoggedOutWithoutALogin() throws Exception {
    HttpResponse<String> expired = post(gateway.resolve("dashboard/logout"));
    assertThat(expired.statusCode()).isEqualTo(303);
    // The issuer's session may outlive the gateway's: it is ended too, then the logged-out page.
    URI endSession = location(expired);
    assertThat(endSession.getPath()).endsWith("/ia/endsession");
    assertThat(query(endSession).get("post_logout_redirect_uri")).endsWith("/logged-out");
    assertThat(query(endSession)).containsKey("client_id");
    // The issuer ends its session and sends the browser to the gateway's public address (the
    // tests' public-url names another host than the test server's).
    URI back =
        location(
            browser.http.send(
                HttpRequest.newBuilder(endSession).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    assertThat(back.toString()).isEqualTo(query(endSession).get("post_logout_redirect_uri"));
    HttpResponse<String> loggedOut = get(gateway.resolve("logged-out"));
    assertThat(loggedOut.statusCode()).isEqualTo(200);
    assertThat(loggedOut.body()).contains("Du er logget ut");

    browser.cookies.put("q_session_web", "no.longer.readable");
    HttpResponse<String> unreadable = post(gateway.resolve("dashboard/logout"));
    assertThat(unreadable.statusCode()).isEqualTo(303);
    assertThat(location(unreadable).getPath()).endsWith("/ia/endsession");
  }

  /**
   * Two tabs started a login and the first finished it: the second's return from the issuer used to
   * be the dashboard's "Fant ikke siden" (404). It lands on the dashboard, logged in.
   */
  @Test
  void aLoginFinishedInASecondTabLandsOnTheDashboard() throws Exception {
    URI firstTab = location(get(gateway.resolve("dashboard")));
    URI secondTab = location(get(gateway.resolve("dashboard?period=2024-H1")));
    String secondState = query(secondTab).get("state");
    assertThat(browser.cookies).containsKey("q_auth_web_" + secondState);
    Tokens.nextLogin("manager", "03", "Z990062");
    URI firstCallback =
        location(
            browser.http.send(
                HttpRequest.newBuilder(firstTab).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    assertThat(get(location(get(firstCallback))).statusCode()).isEqualTo(200);

    // No person queued for it: the provider uses one when a code is exchanged, and this one is not.
    URI secondCallback =
        location(
            browser.http.send(
                HttpRequest.newBuilder(secondTab).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    HttpResponse<String> back = get(secondCallback);
    assertThat(back.statusCode()).isEqualTo(303);
    assertThat(back.headers().firstValue("Location")).hasValue("/dashboard");
    assertThat(browser.cookies).doesNotContainKey("q_auth_web_" + secondState);
    HttpResponse<String> page = get(location(back));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("\"uri\":\"/dashboard\"");
  }

  @Test
  void aPersonWithoutAPlatformRoleIsForbiddenAfterLoginOnAPage() throws Exception {
    HttpResponse<String> page = login("dashboard", "tourist", "03", "Z990009");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<h1 id=\"error-title\">Ingen tilgang</h1>");
  }

  /** A NAV system's role is for the API: a login with it alone saw every county's figures. */
  @Test
  void aLoginWithOnlyTheSystemRoleIsForbiddenOnThePages() throws Exception {
    HttpResponse<String> page = login("dashboard", "system", null, "Z990010");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body())
        .contains("<h1 id=\"error-title\">Ingen tilgang</h1>")
        .doesNotContain("\"authorization\"");
    assertThat(get(gateway.resolve("dashboard/cards.csv?period=2026")).statusCode()).isEqualTo(403);
  }

  @Test
  void aForgedSessionCookieMeansALoginNotAnError() throws Exception {
    browser.cookies.put("q_session_web", "forged.session.value");
    HttpResponse<String> response = get(gateway.resolve("dashboard"));
    assertThat(location(response).getPath()).endsWith("/ia/authorize");
  }

  @Test
  void theRootSendsBrowsersToTheDashboardWhateverHostTheyName() throws Exception {
    assertThat(location(get(gateway)).getPath()).isEqualTo("/dashboard");
    io.restassured.RestAssured.given()
        .redirects()
        .follow(false)
        .header("Host", "evil.example")
        .get(gateway.resolve("/"))
        .then()
        .statusCode(303)
        .header("Location", "/dashboard");
  }
}
