package no.nav.ia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * A token the second issuer (tenant {@code machines}) verified is a machine's whatever it claims:
 * its {@code NAVident} names nobody, and its {@code azp}, that issuer's name for a client, never
 * makes it a trusted forwarder whose {@code Nav-Consumer-Id} is believed.
 */
class MachinesTenantTest {

  static final String MACHINES = "machines";
  static final String DEFAULT = "Default";
  static final List<String> TRUSTED = List.of("ia-platform", "dev-gcp:teamia:ia-gateway");

  static JsonWebToken token(Map<String, Object> claims) {
    JwtClaims jwt = new JwtClaims();
    jwt.setSubject("subject");
    claims.forEach(jwt::setClaim);
    return new DefaultJWTCallerPrincipal(jwt);
  }

  @Test
  void aSecondIssuersTokenWithANavIdentIsAMachine() {
    JsonWebToken claimsAPerson =
        token(Map.of("NAVident", "Z990003", "azp", "arena", "roles", List.of("system")));
    assertThat(HopTokens.isMachine(claimsAPerson, MACHINES)).isTrue();
    assertThat(HopTokens.isMachine(claimsAPerson, DEFAULT))
        .as("the platform issuer's token with a NAV-ident is a person's")
        .isFalse();
    assertThat(HopTokens.isMachine(token(Map.of("azp", "arena")), DEFAULT)).isTrue();
    assertThat(HopTokens.isMachine(token(Map.of("idtyp", "app", "NAVident", "Z1")), DEFAULT))
        .isTrue();
  }

  @Test
  void aSecondIssuersNavIdentNamesNobody() {
    JsonWebToken claimsAPerson = token(Map.of("NAVident", "Z990003", "azp", "arena"));
    assertThat(Caller.actorOf(claimsAPerson, MACHINES, null, TRUSTED)).isEqualTo("arena");
    assertThat(Caller.actorOf(token(Map.of("NAVident", "Z990003")), MACHINES, null, TRUSTED))
        .as("no azp: the subject")
        .isEqualTo("subject");
    assertThat(Caller.actorOf(claimsAPerson, DEFAULT, null, TRUSTED)).isEqualTo("Z990003");
  }

  @Test
  void forwardersAreTrustedOnlyForThePlatformIssuersTokens() {
    // A client of the second issuer may be called anything, a platform service's name too.
    JsonWebToken namedLikeTheGateway = token(Map.of("azp", "ia-platform"));
    assertThat(Caller.actorOf(namedLikeTheGateway, MACHINES, "pretender", TRUSTED))
        .isEqualTo("ia-platform");
    JsonWebToken namedLikeNais =
        token(Map.of("azp", "guid", "azp_name", "dev-gcp:teamia:ia-gateway"));
    assertThat(Caller.actorOf(namedLikeNais, MACHINES, "pretender", TRUSTED)).isEqualTo("guid");
    assertThat(Caller.actorOf(namedLikeTheGateway, "web", "pretender", TRUSTED))
        .as("nor the gateway's browser tenant")
        .isEqualTo("ia-platform");
    assertThat(Caller.actorOf(namedLikeTheGateway, null, "pretender", TRUSTED))
        .as("nor an identity quarkus-oidc did not make")
        .isEqualTo("ia-platform");
    assertThat(Caller.actorOf(namedLikeTheGateway, DEFAULT, "arena", TRUSTED))
        .as("the platform's own service, verified by the platform issuer")
        .isEqualTo("arena");
    assertThat(Caller.actorOf(namedLikeTheGateway, "arena", TRUSTED))
        .as("without a tenant: the platform issuer's")
        .isEqualTo("arena");
  }

  @Test
  void theSecondIssuerKeepsOnlyTheSystemRole() {
    assertThat(
            IdentityMapping.map(
                    MACHINES, List.of("system", "coordinator"), List.of(), null, Map.of())
                .roles())
        .containsExactly("system");
    assertThat(IdentityMapping.isMachinesTenant(MACHINES)).isTrue();
    assertThat(IdentityMapping.isMachinesTenant(DEFAULT)).isFalse();
    assertThat(IdentityMapping.isMachinesTenant(null)).isFalse();
  }

  @Test
  void anExchangedTokenIsCachedUnderTheHashOfTheCallersToken() {
    String token = "a".repeat(8192);
    assertThat(HopTokens.sha256(token)).hasSize(43).isEqualTo(HopTokens.sha256("a".repeat(8192)));
    assertThat(HopTokens.sha256(token + "b")).isNotEqualTo(HopTokens.sha256(token));
    // SHA-256 itself (FIPS 180-2's test vector "abc", base64url), also after other keys were made.
    assertThat(HopTokens.sha256("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  }
}
