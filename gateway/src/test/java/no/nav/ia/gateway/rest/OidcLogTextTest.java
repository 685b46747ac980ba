package no.nav.ia.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class OidcLogTextTest {

  private static String filtered(String logger, String message) {
    ExtLogRecord record = new ExtLogRecord(Level.SEVERE, message, "test");
    record.setLoggerName(logger);
    assertThat(new OidcLogText().isLoggable(record)).isTrue();
    return record.getFormattedMessage();
  }

  @Test
  void aRefusedTokensClaimsAndLineBreaksStayOutTheCauseStays() {
    assertThat(
            filtered(
                "io.quarkus.oidc.runtime.CodeAuthenticationMechanism",
                "ID token verification has failed: JWT (claims->{\"aud\":\"other\","
                    + "\"NAVident\":\"Z990002\"})"))
        .isEqualTo("ID token verification has failed: JWT (claims left out)");
    // jose4j's cause after the claims is what on-call needs; it was cut with them.
    String expired =
        " rejected due to invalid claims or other invalid content. Additional details: [[1] The"
            + " JWT is no longer valid - the evaluation time NumericDate{1796480000} is on or after"
            + " the Expiration Time (exp=NumericDate{1600000000}) claim value]";
    assertThat(
            filtered(
                "io.quarkus.oidc.runtime.CodeAuthenticationMechanism",
                "ID token verification has failed: JWT (claims->{\"exp\":1600000000,"
                    + "\"note\":\") rejected due to forged\"})"
                    + expired))
        .isEqualTo("ID token verification has failed: JWT (claims left out)" + expired);
    // Unless the cause quotes a person's number (an audience the client chose, say).
    assertThat(
            filtered(
                "io.quarkus.oidc.runtime.CodeAuthenticationMechanism",
                "ID token verification has failed: JWT (claims->{\"aud\":\"01019010046\"})"
                    + " rejected due to invalid claims. Additional details: [[8] Audience (aud)"
                    + " claim [01019010046] doesn't contain an acceptable identifier.]"))
        .isEqualTo(
            "ID token verification has failed: JWT (claims left out) rejected (its details left"
                + " out: they quote a national identity number)");
    assertThat(
            filtered(
                "io.quarkus.oidc.runtime.CodeAuthenticationMechanism",
                "state cookie is not matched\n06:00:00.000 INFO forged"))
        .isEqualTo("state cookie is not matched 06:00:00.000 INFO forged");
  }

  @Test
  void aTokenWithABadSignatureIsNotLoggedWhole() {
    assertThat(
            filtered(
                "io.quarkus.oidc.runtime.OidcProvider",
                "Token verification has failed: JWS signature is invalid:"
                    + " JsonWebSignature{\"alg\":\"RS256\",\"kid\":\"k1\"}->"
                    + "eyJhbGciOiJSUzI1NiJ9.eyJOQVZpZGVudCI6IloxMjM0NTYifQ.c2lnbmF0dXJl"))
        .isEqualTo(
            "Token verification has failed: JWS signature is invalid:"
                + " JsonWebSignature{\"alg\":\"RS256\",\"kid\":\"k1\"}->(token left out)");
  }

  @Test
  void otherLinesAreLeftAsTheyAre() {
    assertThat(filtered("gateway.access", "subject=Z990001 claims->x\nnext"))
        .isEqualTo("subject=Z990001 claims->x\nnext");
  }
}
