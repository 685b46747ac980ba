package no.nav.ia.platform.audit;

import org.jboss.logging.Logger;

/**
 * Audit lines in ArcSight CEF, as NAV's audit logging expects them (category {@code auditLogger},
 * routed to the audit log on NAIS): who did what to whose data (an enterprise's org number, or a
 * person's NAV ident: an adviser whose figures were read), with the call id.
 */
public final class AuditLog {

  private static final Logger AUDIT = Logger.getLogger("auditLogger");

  private AuditLog() {}

  /**
   * Action as in NAV's audit convention: audit:access, audit:create, audit:update, audit:delete;
   * {@code subject} (CEF duid) whose data it was: an org number or a NAV ident.
   */
  public static void log(
      String application,
      String action,
      String actor,
      String subject,
      String method,
      String path,
      String callId) {
    AUDIT.info(
        cef(
            application,
            action,
            actor,
            subject,
            method,
            path,
            callId,
            System.currentTimeMillis(),
            "Permit"));
  }

  /**
   * A refused attempt (403): who tried what, with decision {@code Deny} (a security review found
   * every line a Permit, its cross-county attempts only in the access log, without the path), and
   * whose data it was when the refusal knew (an org number; null: not named).
   */
  public static void denied(
      String application, String actor, String subject, String method, String path, String callId) {
    AUDIT.info(
        cef(
            application,
            "audit:access",
            actor,
            subject,
            method,
            path,
            callId,
            System.currentTimeMillis(),
            "Deny"));
  }

  static String cef(
      String application,
      String action,
      String actor,
      String subject,
      String method,
      String path,
      String callId,
      long epochMillis,
      String decision) {
    return "CEF:0|ia-platform|"
        + escapeHeader(application)
        + "|1.0|"
        + escapeHeader(action)
        + "|Sporingslogg|INFO|end="
        + epochMillis
        + " suid="
        + escapeValue(actor)
        + (subject == null ? "" : " duid=" + escapeValue(subject))
        + " requestMethod="
        + escapeValue(method)
        + " request="
        + escapeValue(path)
        + (callId == null ? "" : " sproc=" + escapeValue(callId))
        + " flexString1Label=Decision flexString1="
        + decision;
  }

  private static String escapeHeader(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|");
  }

  private static String escapeValue(String s) {
    return s.replace("\\", "\\\\").replace("=", "\\=").replace("\r", " ").replace("\n", " ");
  }
}
