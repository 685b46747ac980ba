package no.nav.ia.delivery.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import no.nav.ia.delivery.AgreementView;
import no.nav.ia.delivery.DeliveryErrors;
import no.nav.ia.delivery.config.DeliveryConfig;
import no.nav.ia.platform.audit.AuditLog;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.HopTokens;
import no.nav.ia.platform.security.HopTokens.Hop;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Which county's agreement covers an enterprise on a date. Reads the local read model first; when
 * that has no active agreement (the event may not have arrived yet), asks agreement-service, so an
 * agreement registered a moment before always counts.
 *
 * <p>It asks as delivery-service itself (client credentials), not on the caller's behalf: the read
 * model holds every county's agreements, and the fallback must give the same answer. On the
 * adviser's behalf, agreement-service shows only the adviser's county, so another county's new
 * agreement looked absent (422) where the read model finds it and the county rule refuses it (403).
 * A machine client is named in Nav-Consumer-Id, as on every hop.
 */
@ApplicationScoped
public class AgreementLookup {

  private static final Logger LOG = Logger.getLogger(AgreementLookup.class);

  /** The agreement facts a delivery needs. */
  public record ActiveAgreement(String orgNumber, String countyCode) {}

  @Inject @RestClient AgreementClient client;
  @Inject Caller caller;
  @Inject HopTokens hops;
  @Inject DeliveryConfig config;
  @Inject MeterRegistry registry;

  public Optional<ActiveAgreement> activeOn(String orgNumber, LocalDate date) {
    Optional<AgreementView> local = AgreementView.activeOn(orgNumber, date);
    if (local.isPresent()) {
      return local.map(a -> new ActiveAgreement(a.orgNumber, a.countyCode));
    }
    Counter.builder("ia.delivery.agreement_lookup_fallback")
        .description(
            "Agreement lookups (a delivery recorded or corrected) the local read model had no"
                + " active agreement for, asked of agreement-service; most end in 422")
        .register(registry)
        .increment();
    try {
      // agreement-service audits this read as delivery-service: the person is named here.
      AuditLog.log(
          "delivery-service",
          "audit:access",
          caller.actor(),
          orgNumber,
          "GET",
          "/api/v1/agreements",
          CallId.currentOrNull());
      Hop hop = hops.asService(config.agreementServiceScope(), caller).await().indefinitely();
      return client
          .byOrgNumber(orgNumber, hop.authorization(), hop.consumer(), CallId.currentOrNull())
          .items()
          .stream()
          .filter(a -> AgreementView.isActiveOn(a.signedOn(), a.endedOn(), date))
          .findFirst()
          .map(a -> new ActiveAgreement(a.orgNumber(), a.countyCode()));
    } catch (RuntimeException e) {
      LOG.warnf("agreement-service could not be asked: %s", e.toString());
      throw new ApiException(
          503,
          DeliveryErrors.AGREEMENT_SERVICE_UNAVAILABLE,
          "Service unavailable",
          "The agreement could not be checked just now; try again",
          null);
    }
  }
}
