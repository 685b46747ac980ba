package no.nav.ia.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The dashboard keeps a token exchanged for a session's access token no longer than that token. */
class DashboardTokenExpiryTest {

  private static String jwt(String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }

  @Test
  void theAccessTokensExpiryIsWhenTheExchangedOneIsForgotten() {
    assertThat(DashboardResource.expiresAt(jwt("{\"sub\":\"Z990001\",\"exp\":1893456000}")))
        .isEqualTo(1893456000L);
  }

  @Test
  void aTokenThatDoesNotSayIsKeptByTheExchangedTokensOwnExpiry() {
    assertThat(DashboardResource.expiresAt(jwt("{\"sub\":\"Z990001\"}"))).isZero();
    assertThat(DashboardResource.expiresAt(jwt("{\"exp\":\"soon\"}"))).isZero();
    assertThat(DashboardResource.expiresAt("opaque-reference-token")).isZero();
  }
}
