package no.nav.ia.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The API answers by its bearer token whatever login cookies a client sends along (a cookie jar
 * kept from the dashboard): not a redirect to the login page. With one issuer, as locally and
 * without the machines' tenant, nothing but the cookie named a tenant.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
@TestProfile(ApiIgnoresLoginCookiesTest.OneIssuer.class)
class ApiIgnoresLoginCookiesTest {

  /** No tenant chosen by the token's issuer: the local platform's set-up. */
  public static class OneIssuer implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.oidc.resolve-tenants-with-issuer", "false");
    }
  }

  static final String[] COOKIES = {
    "q_session_web=garbage", "q_session_web=", "q_session_web_chunk_1=x", "q_auth_web_abc=x"
  };

  @Test
  void aValidBearerTokenIsAnsweredWithALoginCookieBesideIt() {
    String token = Tokens.adviser("03", "Z994101");
    for (String cookie : COOKIES) {
      given()
          .redirects()
          .follow(false)
          .auth()
          .oauth2(token)
          .header("Cookie", cookie)
          .get("/api/v1/counties")
          .then()
          .statusCode(200);
    }
  }

  @Test
  void aPathWithTheDashboardsTenantAsASegmentIsNoLogin() {
    for (String path : List.of("/api/v1/agreements/web", "/api/v1/agreements/web/history")) {
      given()
          .redirects()
          .follow(false)
          .auth()
          .oauth2(Tokens.adviser("03", "Z994102"))
          .get(path)
          .then()
          .statusCode(200); // passed on: the stubbed service answers every agreements path
      given()
          .redirects()
          .follow(false)
          .get(path)
          .then()
          .statusCode(401)
          .contentType("application/problem+json");
    }
  }

  @Test
  void withoutABearerTokenTheLoginCookieIsA401ProblemNotARedirect() {
    for (String cookie : COOKIES) {
      given()
          .redirects()
          .follow(false)
          .header("Cookie", cookie)
          .get("/api/v1/counties")
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .body("code", equalTo("UNAUTHENTICATED"));
    }
  }
}
