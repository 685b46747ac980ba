package no.nav.ia.delivery.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import no.nav.ia.platform.audit.AuditLog;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.domain.NavIdent;
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

  /**
   * A list asked for by the adviser it names: a read of that person's work (their figures can be
   * counted from it), with the adviser's NAV-ident as the subject, as scorecard-service writes for
   * the per-adviser breakdown. Not for a caller listing their own, nor for a system's client id.
   */
  void adviserListed(String adviser) {
    if (NavIdent.isValid(adviser) && !caller.navIdent().map(adviser::equals).orElse(false)) {
      line("audit:access", adviser);
    }
  }

  void corrected(String orgNumber) {
    line("audit:update", orgNumber);
  }

  void voided(String orgNumber) {
    line("audit:delete", orgNumber);
  }

  /** A delivery's note erased from it and its history (its path says which). */
  void noteErased(String orgNumber) {
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
