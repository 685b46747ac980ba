package no.nav.ia.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import no.nav.ia.platform.security.VerifiedTokenIdentityProvider;
import no.nav.ia.test.Infra;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A bearer value that is not a JWS in its one canonical spelling, or is longer than 8 KB, is a 401
 * problem before it is looked up or verified: jose4j would verify a valid token with characters
 * outside the base64url alphabet appended, each spelling a new cache key, signature check and
 * on-behalf-of exchange.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class MalformedBearerTokenTest {

  @Inject MeterRegistry registry;

  double lookups() {
    return registry.counter(VerifiedTokenIdentityProvider.LOOKUPS, "result", "hit").count()
        + registry.counter(VerifiedTokenIdentityProvider.LOOKUPS, "result", "miss").count();
  }

  static void refused(String token) {
    given()
        .header("Authorization", "Bearer " + token)
        .get("/api/v1/agreements")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("UNAUTHENTICATED"))
        .header("WWW-Authenticate", startsWith("Bearer"));
  }

  @Test
  void aValidTokenSpelledAnotherWayIsRefusedBeforeItIsLookedUpOrVerified() {
    String token = Tokens.adviser("03", "Z994001");
    given().auth().oauth2(token).get("/api/v1/agreements").then().statusCode(200);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(token.charAt(token.length() - 1));
    String otherLastCharacter = token.substring(0, token.length() - 1) + alphabet.charAt(last ^ 1);
    double before = lookups();
    for (String spelling :
        List.of(
            token + "!!!!!!!!",
            token + "!!!!!!!!!",
            token + "~",
            token + "=",
            token + "==",
            otherLastCharacter,
            token + ".e30")) {
      refused(spelling);
    }
    assertThat(lookups() - before).as("no cache lookup, no verification").isZero();
  }

  /** A valid adviser's token carrying a claim of {@code pad} characters. */
  static String paddedAdviser(int pad) {
    Map<String, Object> claims =
        Map.of(
            "roles",
            List.of("adviser"),
            "NAVident",
            "Z994002",
            "county",
            "03",
            "pad",
            "x".repeat(pad));
    return Tokens.issue("Z994002", claims, Infra.AUDIENCE, 600);
  }

  @Test
  void aValidTokenLongerThan8KbIsRefused() {
    String large = paddedAdviser(VerifiedTokenIdentityProvider.MAX_TOKEN_LENGTH);
    assertThat(large.length()).isGreaterThan(VerifiedTokenIdentityProvider.MAX_TOKEN_LENGTH);
    refused(large);
    String justUnder = paddedAdviser(4000);
    assertThat(justUnder.length()).isLessThan(VerifiedTokenIdentityProvider.MAX_TOKEN_LENGTH);
    given().auth().oauth2(justUnder).get("/api/v1/agreements").then().statusCode(200);
  }
}
