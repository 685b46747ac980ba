package no.nav.ia.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import no.nav.ia.gateway.rest.BrowserHardening;
import no.nav.ia.test.Infra;
import no.nav.ia.test.LogLines;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a browser sees when a page is refused, by the gateway or by scorecard-service (stubbed as it
 * answers, UpstreamStubs): a Norwegian page with the status kept and the pages' headers, never the
 * raw problem+json, which the API keeps.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class BrowserErrorPagesTest {

  @TestHTTPResource("/")
  URI gateway;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(gateway);
  }

  private static void assertPage(HttpResponse<String> page, int status, String title) {
    assertThat(page.statusCode()).isEqualTo(status);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
    assertThat(page.body())
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"nb\">")
        .contains("<h1 id=\"error-title\">" + title + "</h1>")
        .contains("href=\"/dashboard\"")
        .doesNotContain("\"type\":")
        .doesNotContain("<script");
    assertThat(page.headers().allValues("Content-Security-Policy"))
        .singleElement()
        .satisfies(
            policy ->
                assertThat(policy)
                    .contains("default-src 'none'")
                    .contains("frame-ancestors 'none'")
                    .contains("form-action 'self' " + BrowserHardening.origin(Infra.issuerUrl()))
                    .doesNotContain("script-src"));
    assertThat(page.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
  }

  @Test
  void aPersonFetchingPagesFasterThanTheRateLimitGetsTheTooManyRequestsPage() throws Exception {
    // The test limit: a burst of 5, then one request per 5 s; the login's last redirect is one.
    assertThat(browser.login("dashboard", "manager", "03", "Z990429").statusCode()).isEqualTo(200);
    HttpResponse<String> refused = null;
    for (int i = 0; i < 20 && refused == null; i++) {
      HttpResponse<String> page = browser.get("dashboard");
      if (page.statusCode() == 429) {
        refused = page;
      } else {
        assertThat(page.statusCode()).isEqualTo(200);
      }
    }
    assertThat(refused).as("a 429 within 20 pages").isNotNull();
    assertPage(refused, 429, "For mange forespørsler");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void theServicesRefusalsOfAManagersPagesArePages() throws Exception {
    HttpResponse<String> otherCounty =
        browser.login("dashboard/reports/46/2026-H1", "manager", "03", "Z990087");
    assertPage(otherCounty, 403, "Ingen tilgang til fylket");
    assertThat(otherCounty.body())
        .contains("FORBIDDEN_COUNTY")
        .contains("stub-call-id")
        .doesNotContain("Your token");

    HttpResponse<String> notAHalfYear = browser.get("dashboard/reports/03/2026-H3");
    assertPage(notAHalfYear, 400, "Ugyldig periode");
    assertThat(notAHalfYear.body()).contains("2026-H1 eller 2026-H2");

    HttpResponse<String> nowhere = browser.get("dashboard/nope");
    assertPage(nowhere, 404, "Fant ikke siden");
    assertThat(nowhere.body()).doesNotContain("<script>x");
  }

  @Test
  void theGatewaysOwnRefusalsArePagesToo() throws Exception {
    HttpResponse<String> noRole = browser.login("dashboard", "tourist", "03", "Z990009");
    assertPage(noRole, 403, "Ingen tilgang");
    assertThat(noRole.body()).contains("FORBIDDEN").contains("mangler en rolle");

    HttpResponse<String> logoutByGet = browser.get("dashboard/logout");
    assertPage(logoutByGet, 405, "Logg ut med knappen");
    assertThat(logoutByGet.headers().firstValue("Allow")).hasValue("POST");
  }

  /**
   * Logged in with an account without a role (or of the wrong county), the link back to the
   * dashboard leads to the same refusal: the refusal has the dashboard's "Logg ut" button, a POST
   * the pages' policy allows, so the person can log in as someone else.
   */
  @Test
  void aRefusalAfterLoginHasTheLogoutButton() throws Exception {
    HttpResponse<String> noRole = browser.login("dashboard", "tourist", "03", "Z990009");
    assertPage(noRole, 403, "Ingen tilgang");
    assertThat(noRole.body())
        .contains("<form class=\"logout\" method=\"post\" action=\"/dashboard/logout\">")
        .contains("<button id=\"logout\" type=\"submit\">Logg ut</button>");
    assertThat(browser.get("dashboard/reports/46/2026-H1").body()).contains("id=\"logout\"");

    URI endSession = Browser.location(browser.post(gateway.resolve("dashboard/logout")));
    assertThat(endSession.getPath()).endsWith("/ia/endsession");
    assertThat(browser.cookies)
        .noneSatisfy((name, value) -> assertThat(name).startsWith("q_session"));

    HttpResponse<String> withoutSession = browser.get("dashboard/logout");
    assertPage(withoutSession, 405, "Logg ut med knappen");
    assertThat(withoutSession.body()).doesNotContain("id=\"logout\"");
  }

  @Test
  void aManagerOfAnUnknownCountyGetsAPageSayingSo() throws Exception {
    HttpResponse<String> page = browser.login("dashboard", "manager", "99", "Z990004");
    assertPage(page, 403, "Ikke knyttet til et fylke");
    assertThat(page.body())
        .contains("ikke knyttet til et fylke IA-plattformen kjenner")
        .doesNotContain("et annet fylke");
  }

  @Test
  void aFailedCodeExchangeIsAPageWithAWayToLogInAgain() throws Exception {
    URI authorize = Browser.location(browser.get("dashboard"));
    String state = Browser.query(authorize).get("state");
    HttpResponse<String> failed = browser.get("dashboard/callback?code=bogus&state=" + state);
    assertPage(failed, 401, "Innloggingen mislyktes");
    assertThat(failed.body()).contains("Logg inn på nytt").doesNotContain("id=\"logout\"");
  }

  /**
   * The issuer's error comes back in the callback's query, which anyone can write: Quarkus logged
   * its description verbatim at ERROR, a new line and an identity number too (a forged access
   * line). The page stays; nothing of the query reaches the log.
   */
  @Test
  void anErrorTheIssuerSentBackIsAPageAndItsTextStaysOutOfTheLog() throws Exception {
    java.util.List<String> lines;
    try (LogLines log = LogLines.of("")) {
      lines = log.lines;
      URI authorize = Browser.location(browser.get("dashboard"));
      String state = Browser.query(authorize).get("state");
      HttpResponse<String> failed =
          browser.get(
              "dashboard/callback?error=access_denied&error_description=f%C3%B8dt%2015058543206"
                  + "%0Aforged%20access%20line&state="
                  + state);
      assertPage(failed, 401, "Innloggingen mislyktes");
    }
    assertThat(lines).noneMatch(line -> line.contains("15058543206") || line.contains("forged"));
  }

  /**
   * The refusals made before a page is looked for (a parameter given twice, a path with parameters
   * or a NUL) were the API's English problem+json under /dashboard too.
   */
  @Test
  void theRefusalsBeforeAnyPageArePagesToo() throws Exception {
    for (String twice :
        new String[] {
          "dashboard?period=2026&period=2025", "dashboard/cards.csv?period=2026&period=2025"
        }) {
      HttpResponse<String> page = browser.get(twice);
      assertPage(page, 400, "Ugyldig periode");
      assertThat(page.body()).contains("Feilkode 400 VALIDATION_FAILED · referanse ");
    }
    for (String path : new String[] {"dashboard;x=1", "dashboard/reports%00"}) {
      HttpResponse<String> page = browser.get(path);
      assertPage(page, 400, "Ugyldig adresse");
      assertThat(page.body())
          .contains("referanse " + page.headers().firstValue("Nav-Call-Id").orElse("(no call id)"));
    }
    given()
        .accept("text/html")
        .get("/api/v1/agreements?county=03&county=11")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("code", equalTo("VALIDATION_FAILED"));
  }

  @Test
  void theApiKeepsProblemJsonEvenForABrowser() {
    given()
        .auth()
        .oauth2(Tokens.person("manager", "03", "Z996014"))
        .accept("text/html")
        .get("/api/v1/reports/counties/46/2026-H1")
        .then()
        .statusCode(403)
        .contentType(startsWith("application/problem+json"))
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    given()
        .accept("text/html")
        .get("/api/v1/agreements")
        .then()
        .statusCode(401)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void theApisPrintablePageGetsThePagesHeaders() {
    given()
        .auth()
        .oauth2(Tokens.person("manager", "03", "Z996014"))
        .accept("text/html")
        .get("/api/v1/reports/counties/03/2026-H2")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .header("Content-Security-Policy", containsString("default-src 'none'"))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header("Content-Security-Policy", containsString("style-src 'unsafe-inline'"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer");
    given()
        .auth()
        .oauth2(Tokens.person("manager", "03", "Z996014"))
        .get("/api/v1/reports/counties/03/2026-H2")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"))
        .header("X-Content-Type-Options", "nosniff");
    // Every answer of the API, a service's or the gateway's own, a problem, a CSV (a review found
    // JSON without them).
    for (var answer :
        List.of(
            given()
                .auth()
                .oauth2(Tokens.person("coordinator", null, "Z996015"))
                .get("/api/v1/agreements?size=1"),
            given().get("/api/v1/agreements"),
            given()
                .auth()
                .oauth2(Tokens.person("coordinator", null, "Z996015"))
                .accept("text/csv")
                .get("/api/v1/scorecards?period=2026"))) {
      answer
          .then()
          .header("X-Content-Type-Options", "nosniff")
          .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
      assertThat(answer.headers().getValues("X-Content-Type-Options")).hasSize(1);
    }
    // Swagger UI (its "Authorize" takes a token), the OpenAPI documents and an unknown path: no
    // site may frame them, and no browser sniffs their type (a review found them without either).
    for (String path :
        List.of("/q/swagger-ui/", "/q/swagger-ui/index.html", "/openapi", "/q/openapi", "/nope")) {
      var answer = given().get(path);
      answer
          .then()
          .header("X-Content-Type-Options", "nosniff")
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
      assertThat(answer.headers().getValues("X-Content-Type-Options")).as(path).hasSize(1);
    }
    given().get("/q/swagger-ui/").then().statusCode(200);
    // A path the REST layer reads as the API's, however it was spelt.
    given()
        .urlEncodingEnabled(false)
        .get("/%61pi/v1/agreements")
        .then()
        .statusCode(401)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
  }
}
