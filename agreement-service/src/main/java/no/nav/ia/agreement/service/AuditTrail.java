package no.nav.ia.agreement.service;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.nav.ia.agreement.AuditEvent;
import no.nav.ia.platform.audit.AuditLog;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.time.Timestamps;

/** Records changes in {@code audit_event} and writes CEF audit lines for reads and writes. */
@RequestScoped
public class AuditTrail {

  private static final String APP = "agreement-service";

  @Inject Caller caller;
  @Inject HttpServerRequest request;

  /**
   * Who asked for a change and in which call: what a change made later on a worker thread (a
   * campaign's closing) is audited with.
   */
  public record Origin(String actor, String callId, String method, String path) {}

  /** This request as an origin. */
  public Origin origin() {
    return new Origin(
        caller.actor(), CallId.currentOrNull(), request.method().name(), request.path());
  }

  /** A change: stored with the change's transaction, and a CEF line. */
  public void changed(
      String action, String entityType, Object entityId, String orgNumber, String detail) {
    changed(origin(), action, entityType, entityId, orgNumber, detail);
  }

  /** A change asked for by {@code origin}, also outside its request. */
  public static void changed(
      Origin origin,
      String action,
      String entityType,
      Object entityId,
      String orgNumber,
      String detail) {
    AuditEvent event = new AuditEvent();
    event.at = Timestamps.now();
    event.actor = origin.actor();
    event.action = action;
    event.entityType = entityType;
    event.entityId = String.valueOf(entityId);
    event.orgNumber = orgNumber;
    event.callId = origin.callId();
    event.detail = detail;
    event.persist();
    cef(
        origin,
        action.startsWith("ENDED") || action.endsWith("_ERASED")
            ? "audit:delete"
            : action.startsWith("REGISTERED") ? "audit:create" : "audit:update",
        orgNumber);
  }

  /**
   * A read of whose data {@code subject} names: an agreement's (its org number), or what a person
   * answers for (their NAV-ident: a colleague's working list).
   */
  public void read(String subject) {
    cef(origin(), "audit:access", subject);
  }

  private static void cef(Origin origin, String action, String orgNumber) {
    AuditLog.log(
        APP, action, origin.actor(), orgNumber, origin.method(), origin.path(), origin.callId());
  }
}
