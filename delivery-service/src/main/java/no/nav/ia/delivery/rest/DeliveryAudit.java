package no.nav.ia.delivery.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import no.nav.ia.platform.audit.AuditLog;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.security.Caller;

/**
 * CEF audit lines for what is done with deliveries (NAV's Sporingslogg: who, which enterprise,
 * which call), as agreement-service writes them for agreements: a security review found
 * delivery-service writing none for a delivery recorded, read, corrected or voided.
 */
@RequestScoped
public class DeliveryAudit {

  private static final String APP = "delivery-service";

  @Inject Caller caller;
  @Inject HttpServerRequest request;

  /** A delivery recorded (or, sent again, read back). */
  void recorded(String orgNumber, boolean created) {
    line(created ? "audit:create" : "audit:access", orgNumber);
  }

  /** Deliveries read: one line per enterprise. */
  void read(Collection<String> orgNumbers) {
    orgNumbers.stream().distinct().forEach(org -> line("audit:access", org));
  }

  void corrected(String orgNumber) {
    line("audit:update", orgNumber);
  }

  void voided(String orgNumber) {
    line("audit:delete", orgNumber);
  }

  /**
   * A batch's or group's item, as soon as it is recorded (or read back): each item commits on its
   * own, and lines written after the whole batch were lost with an instance that died in the middle
   * of one (an operations review found 264 deliveries without their line). Returns the result.
   */
  ItemResults.ItemResult item(ItemResults.ItemResult result) {
    if (result.orgNumber() != null && !result.is("ERROR")) {
      recorded(result.orgNumber(), result.is("CREATED"));
    }
    return result;
  }

  private void line(String action, String orgNumber) {
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
