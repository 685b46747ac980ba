package no.nav.ia.gateway.rest;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The OIDC extension's lines without what a token or a client wrote: a refused token is logged with
 * its claims ({@code JWT (claims->{...NAVident...})}), and a line break in a value would start a
 * forged line. The cause stays: the line up to the claims, on one line.
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

  /** The message up to a token's claims, its line breaks as spaces. */
  static String kept(String message) {
    if (message == null) {
      return "";
    }
    int claims = message.indexOf("claims->");
    String cut = claims < 0 ? message : message.substring(0, claims) + "claims left out)";
    return cut.replace('\r', ' ').replace('\n', ' ');
  }
}
