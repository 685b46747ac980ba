package no.nav.ia.test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** Real signed tokens from the mock OIDC provider, with the platform's claims (API.md). */
public final class Tokens {

  private Tokens() {}

  public static String adviser(String county) {
    return person("adviser", county, "Z990001");
  }

  public static String adviser(String county, String navIdent) {
    return person("adviser", county, navIdent);
  }

  public static String manager(String county) {
    return person("manager", county, "Z990002");
  }

  public static String coordinator() {
    return person("coordinator", null, "Z990003");
  }

  /** A machine client (client credentials): no NAVident, no county. */
  public static String system(String clientId) {
    return issue(
        clientId, Map.of("roles", List.of("system"), "azp", clientId), Infra.AUDIENCE, 3600);
  }

  public static String person(String role, String county, String navIdent) {
    return issue(navIdent, claims(role, county, navIdent), Infra.AUDIENCE, 3600);
  }

  /**
   * The person the mock provider logs in at its next authorization request (a browser login): the
   * ID and access tokens it then issues carry these claims.
   */
  public static void nextLogin(String role, String county, String navIdent) {
    Infra.oidc()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(
                Infra.ISSUER,
                navIdent,
                "JWT",
                List.of(Infra.AUDIENCE),
                claims(role, county, navIdent),
                3600));
  }

  private static Map<String, Object> claims(String role, String county, String navIdent) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("roles", List.of(role));
    claims.put("NAVident", navIdent);
    if (county != null) {
      claims.put("county", county);
    }
    return claims;
  }

  /** A token with any claims, audience and lifetime (seconds; negative for an expired one). */
  public static String issue(
      String subject, Map<String, Object> claims, String audience, long expirySeconds) {
    return fromIssuer(Infra.ISSUER, subject, claims, audience, expirySeconds);
  }

  /**
   * A token signed by another issuer of the mock provider (e.g. one the platform does not trust).
   */
  public static String fromIssuer(
      String issuerId,
      String subject,
      Map<String, Object> claims,
      String audience,
      long expirySeconds) {
    return Infra.oidc()
        .issueToken(
            issuerId,
            subject,
            new DefaultOAuth2TokenCallback(
                issuerId, subject, "JWT", List.of(audience), claims, expirySeconds))
        .serialize();
  }

  /**
   * The claims of a JWT as its JSON text (decoded, not verified): what a stub or a test reads of a
   * token it got.
   */
  public static String claimsOf(String jwt) {
    return new String(
        java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
