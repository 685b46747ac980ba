package no.nav.ia.delivery.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.platform.security.VerifiedTokenIdentityProvider;
import no.nav.ia.test.Infra;
import no.nav.ia.test.Management;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A token is verified once and then answered from the cache of verified tokens, with the same
 * identity; whatever the cache holds, a token that fails verification is refused.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class VerifiedTokenCacheTest {

  @Inject MeterRegistry registry;

  double count(String result) {
    return registry.counter(VerifiedTokenIdentityProvider.LOOKUPS, "result", result).count();
  }

  /** Hits and misses since {@code before}, as {hits, misses}. */
  double[] since(double[] before) {
    return new double[] {count("hit") - before[0], count("miss") - before[1]};
  }

  double[] now() {
    return new double[] {count("hit"), count("miss")};
  }

  static ValidatableResponse echo(String token, String probe) {
    return given()
        .auth()
        .oauth2(token)
        .header(IdentityEchoResource.PROBE, probe)
        .get("/test/identity")
        .then();
  }

  static Map<String, Object> adviserClaims(String county, String navIdent) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("roles", List.of("adviser"));
    claims.put("NAVident", navIdent);
    claims.put("county", county);
    return claims;
  }

  @Test
  void theSameTokenTwiceIsVerifiedOnceAndIsTheSameCallerBothTimes() {
    String token = Tokens.adviser("12", "Z991201");
    double[] before = now();
    Map<String, Object> miss = echo(token, "first").statusCode(200).extract().jsonPath().getMap("");
    assertThat(since(before)).containsExactly(0, 1);
    Map<String, Object> hit = echo(token, "second").statusCode(200).extract().jsonPath().getMap("");
    assertThat(since(before)).containsExactly(1, 1);

    assertThat(miss)
        .containsEntry("tenant", "Default")
        .containsEntry("roles", List.of("adviser"))
        .containsEntry("county", "12")
        .containsEntry("actor", "Z991201")
        .containsEntry("subject", "Z991201")
        .containsEntry("probe", "first");
    miss.put("probe", "second");
    assertThat(hit).as("the same identity, with the second request's own context").isEqualTo(miss);

    // The county rule on a hit as on a miss.
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/deliveries?county=14")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    given().auth().oauth2(token).get("/api/v1/deliveries?county=12&size=1").then().statusCode(200);
    assertThat(since(before)).containsExactly(3, 1);
    assertThat(Management.metrics())
        .containsPattern("ia_security_verified_token_cache_total\\{[^}]*result=\"hit\"");
  }

  @Test
  void aMachineIsTheSameSystemOnAHit() {
    String token = Tokens.system("arena-cache");
    Map<String, Object> miss = echo(token, "1").statusCode(200).extract().jsonPath().getMap("");
    double[] before = now();
    Map<String, Object> hit = echo(token, "1").statusCode(200).extract().jsonPath().getMap("");
    assertThat(since(before)).containsExactly(1, 0);
    assertThat(hit).isEqualTo(miss).containsEntry("roles", List.of("system"));
    assertThat(hit).containsEntry("actor", "arena-cache").containsEntry("county", "");
  }

  @Test
  void aTokenWithAnotherSignatureIsRefusedAfterTheGenuineOneWasCached() {
    String token = Tokens.adviser("12", "Z991202");
    echo(token, "genuine").statusCode(200);
    echo(token, "genuine").statusCode(200);
    double[] before = now();

    echo(otherSignature(token), "forged").statusCode(401);
    echo(otherSignature(token), "forged").statusCode(401);
    // The genuine signature on other claims: another county.
    echo(otherPayload(token, "\"county\":\"12\"", "\"county\":\"13\""), "forged").statusCode(401);
    assertThat(since(before)).as("each forgery verified, and refused").containsExactly(0, 3);

    echo(token, "genuine").statusCode(200).body("county", equalTo("12"));
    assertThat(since(before)).containsExactly(1, 3);
  }

  @Test
  void anExpiredTokenIsRefusedAndSoIsACachedOneOnceItExpires() throws Exception {
    String expired = Tokens.issue("Z991203", adviserClaims("12", "Z991203"), Infra.AUDIENCE, -60);
    double[] before = now();
    echo(expired, "1").statusCode(401);
    echo(expired, "2").statusCode(401);
    assertThat(since(before)).as("a failure is not cached").containsExactly(0, 2);

    String shortLived = Tokens.issue("Z991204", adviserClaims("12", "Z991204"), Infra.AUDIENCE, 6);
    echo(shortLived, "1").statusCode(200);
    echo(shortLived, "2").statusCode(200);
    assertThat(since(before)).containsExactly(1, 3);
    Instant exp = Instant.ofEpochSecond(claim(shortLived, "exp"));
    Thread.sleep(Math.max(0, exp.toEpochMilli() - System.currentTimeMillis()) + 100);
    echo(shortLived, "3").statusCode(401);
    assertThat(since(before)).containsExactly(1, 4);
  }

  @Test
  void aTokenForAnotherAudienceIsRefusedEveryTime() {
    String forAgreements =
        Tokens.issue("Z991205", adviserClaims("12", "Z991205"), "ia-agreement-service", 600);
    double[] before = now();
    echo(forAgreements, "1").statusCode(401);
    echo(forAgreements, "2").statusCode(401);
    assertThat(since(before)).containsExactly(0, 2);
  }

  /** The token with one character of its signature changed. */
  static String otherSignature(String token) {
    int at = token.lastIndexOf('.') + (token.length() - token.lastIndexOf('.')) / 2;
    char replaced = token.charAt(at) == 'A' ? 'B' : 'A';
    return token.substring(0, at) + replaced + token.substring(at + 1);
  }

  /** The token's header and signature around its claims with {@code from} replaced. */
  static String otherPayload(String token, String from, String to) {
    String[] parts = token.split("\\.");
    String claims = Tokens.claimsOf(token);
    assertThat(claims).contains(from);
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims.replace(from, to).getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + forged + "." + parts[2];
  }

  static long claim(String token, String name) {
    return io.restassured.path.json.JsonPath.from(Tokens.claimsOf(token)).getLong(name);
  }
}
