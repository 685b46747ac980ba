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
    assertThat(
            filtered(
                "io.quarkus.oidc.runtime.CodeAuthenticationMechanism",
                "state cookie is not matched\n06:00:00.000 INFO forged"))
        .isEqualTo("state cookie is not matched 06:00:00.000 INFO forged");
  }

  @Test
  void otherLinesAreLeftAsTheyAre() {
    assertThat(filtered("gateway.access", "subject=Z990001 claims->x\nnext"))
        .isEqualTo("subject=Z990001 claims->x\nnext");
  }
}
