package no.nav.ia.platform.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every refusal of an authenticated caller (403, and the 404 that hides another county's records,
 * {@link Caller#refusedUnseen}) in the audit trail, as a {@code Deny} line: who tried which path,
 * with the call id, in every service and the gateway. What was permitted is audited where it is
 * done, with its enterprise.
 */
public class RefusalAudit {

  @ConfigProperty(name = "quarkus.application.name")
  String application;

  @Inject Caller caller;

  @ServerResponseFilter
  public void deny(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status != 403 && !(status == 404 && refusedUnseen())) {
      return;
    }
    String actor;
    String subject;
    try {
      actor = caller.actor();
      subject = caller.refusedSubject();
    } catch (RuntimeException e) {
      actor = "unknown";
      subject = null;
    }
    String path = request.getUriInfo().getRequestUri().getRawPath();
    AuditLog.denied(
        application,
        actor == null ? "unknown" : actor,
        subject,
        request.getMethod(),
        // A path is the client's text: one holding a person's number is not written.
        no.nav.ia.platform.domain.NationalIdentityNumbers.containsOne(path) ? "withheld" : path,
        CallId.currentOrNull());
  }

  private boolean refusedUnseen() {
    try {
      return caller.wasRefusedUnseen();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
