package no.nav.ia.gateway.rest;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import no.nav.ia.platform.domain.NationalIdentityNumbers;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The OIDC extension's lines without a token or its claims: a refused token is logged with its
 * claims ({@code JWT (claims->{...NAVident...})}), one with a bad signature as the whole token
 * ({@code JsonWebSignature{...}->eyJ...}), and a line break in a value would start a forged line.
 * The cause stays, on one line (jose4j's, which may quote an issuer or audience the token named).
 */
@LoggingFilter(name = "oidc-log-text")
public final class OidcLogText implements Filter {

  static final String OIDC = "io.quarkus.oidc";

  @Override
  public boolean isLoggable(LogRecord record) {
    if (record.getLoggerName() == null
        || !record.getLoggerName().startsWith(OIDC)
        || !(record instanceof ExtLogRecord ext)) {
      return true;
    }
    String message = ext.getFormattedMessage();
    String kept = kept(message);
    if (!kept.equals(message)) {
      ext.setMessage(kept, ExtLogRecord.FormatStyle.NO_FORMAT);
      ext.setParameters(null);
    }
    return true;
  }

  /**
   * The message without a token's claims, its line breaks as spaces: up to the claims, and what
   * jose4j says after them ({@code rejected due to ... Additional details: [[1] The JWT is no
   * longer valid ...]}), which is the cause on-call needs (expired, another audience, a bad
   * signature), unless it holds a national identity number (it may quote a claim's value).
   */
  static String kept(String message) {
    if (message == null) {
      return "";
    }
    int claims = message.indexOf("claims->");
    String cut = message;
    if (claims >= 0) {
      int rejected = message.lastIndexOf(REJECTED);
      String cause = rejected > claims ? message.substring(rejected + 1) : "";
      if (NationalIdentityNumbers.containsOne(cause)) {
        cause = " rejected (its details left out: they quote a national identity number)";
      }
      cut = message.substring(0, claims) + "claims left out)" + cause;
    }
    return COMPACT_TOKEN
        .matcher(cut)
        .replaceAll("->(token left out)")
        .replace('\r', ' ')
        .replace('\n', ' ');
  }

  /** A token in compact serialization after jose4j's arrow (JsonWebSignature's toString). */
  private static final java.util.regex.Pattern COMPACT_TOKEN =
      java.util.regex.Pattern.compile("->[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  /** What jose4j writes after a refused token's claims. */
  private static final String REJECTED = ") rejected due to ";
}
