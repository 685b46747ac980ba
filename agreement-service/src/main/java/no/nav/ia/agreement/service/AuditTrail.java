package no.nav.ia.agreement.service;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import no.nav.ia.agreement.AuditEvent;
import no.nav.ia.platform.audit.AuditLog;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.security.Caller;

/** Records changes in {@code audit_event} and writes CEF audit lines for reads and writes. */
@RequestScoped
public class AuditTrail {

  private static final String APP = "agreement-service";

  @Inject Caller caller;
  @Inject HttpServerRequest request;

  /** A change: stored with the change's transaction, and a CEF line. */
  public void changed(
      String action, String entityType, Object entityId, String orgNumber, String detail) {
    AuditEvent event = new AuditEvent();
    event.at = OffsetDateTime.now(ZoneOffset.UTC);
    event.actor = caller.actor();
    event.action = action;
    event.entityType = entityType;
    event.entityId = String.valueOf(entityId);
    event.orgNumber = orgNumber;
    event.callId = CallId.currentOrNull();
    event.detail = detail;
    event.persist();
    cef(
        action.startsWith("ENDED")
            ? "audit:delete"
            : action.startsWith("REGISTERED") ? "audit:create" : "audit:update",
        orgNumber);
  }

  /** A read of an agreement. */
  public void read(String orgNumber) {
    cef("audit:access", orgNumber);
  }

  private void cef(String action, String orgNumber) {
    AuditLog.log(
        APP,
        action,
        caller.actor(),
        orgNumber,
        request.method().name(),
        request.path(),
        CallId.currentOrNull());
  }
}
