package no.nav.ia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

  private static OidcJwtCallerPrincipal token(Map<String, Object> claims) {
    JwtClaims set = new JwtClaims();
    set.setSubject("subject");
    claims.forEach(set::setClaim);
    return new OidcJwtCallerPrincipal(set, new AccessTokenCredential("raw"));
  }

  @Test
  void aClaimMicroProfileDoesNotNameReadsAsGetClaimReadsIt() {
    OidcJwtCallerPrincipal token =
        token(
            Map.of(
                "NAVident", "Z990001",
                "county", "03",
                "idtyp", "app",
                "azp_name", "dev-gcp:team:app",
                "roles", List.of("a", "b"),
                "nested", Map.of("k", "v")));
    for (String name : List.of("NAVident", "county", "idtyp", "azp_name", "roles", "nested")) {
      assertThat(TokenClaims.value(token, name)).as(name).isEqualTo(token.getClaim(name));
    }
    assertThat(TokenClaims.string(token, "NAVident")).isEqualTo("Z990001");
  }

  @Test
  void anAbsentOrNonStringClaimIsNoString() {
    OidcJwtCallerPrincipal token = token(Map.of("county", 3, "roles", List.of("a")));
    assertThat(TokenClaims.value(token, "NAVident")).isNull();
    assertThat(TokenClaims.string(token, "NAVident")).isNull();
    assertThat(TokenClaims.string(token, "county")).isNull();
    assertThat(TokenClaims.string(token, "roles")).isNull();
  }

  @Test
  void whoATokenNamesIsReadWithoutTheEnumLookup() {
    assertThat(Caller.actorOf(token(Map.of("NAVident", "Z990001")), null, List.of()))
        .isEqualTo("Z990001");
    assertThat(HopTokens.isMachine(token(Map.of("NAVident", "Z990001")))).isFalse();
    assertThat(HopTokens.isMachine(token(Map.of("NAVident", "Z990001", "idtyp", "app")))).isTrue();
    assertThat(HopTokens.isMachine(token(Map.of("azp", "client")))).isTrue();
  }
}
