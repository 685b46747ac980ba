package no.nav.ia.delivery.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import no.nav.ia.delivery.config.DeliveryConfig;
import no.nav.ia.platform.callid.CallId;
import org.jboss.logging.Logger;

/**
 * Deliveries the rules refuse but the read model's lag let through: a termination reaches this
 * service a moment (its event's way through the outbox and Kafka) after agreement-service made it,
 * and a delivery recorded in that moment on a day after the agreement's end was taken (201), where
 * it is a 422 NO_ACTIVE_AGREEMENT a moment later. Once a termination has been in the read model for
 * {@code ia.delivery.termination-settle} (every recording that read the agreement as active has
 * committed by then), the agreement's live deliveries on a day after its end, recorded after the
 * termination was made and on a day no other agreement of the enterprise covers, are voided by this
 * service (history and DeliveryVoided name it), so the figures hold only what the rules allow. One
 * replica looks at each agreement (SKIP LOCKED); a delivery recorded before the termination was
 * made stays (README: an end keyed in late does not take back the work done).
 */
@ApplicationScoped
public class EndedAgreements {

  /** Who voids: this service, as its events name a system by its client id. */
  static final String ACTOR = "ia-delivery-service";

  private static final Logger LOG = Logger.getLogger(EndedAgreements.class);

  /** Unsettled terminations old enough, locked for this replica. */
  private static final String DUE =
      """
      select agreement_id from agreement_view
       where ended_at is not null and end_settled_at is null and updated_at < ?1
       order by updated_at limit 100
         for update skip locked
      """;

  /** The agreement's deliveries the rules would have refused, had the termination been known. */
  private static final String REFUSED =
      """
      select d.id from delivery d join agreement_view a on a.agreement_id = ?1
       where d.org_number = a.org_number and d.county_code = a.county_code
         and d.status = 'LIVE' and d.delivered_on > a.ended_on and d.registered_at >= a.ended_at
         and not exists (select 1 from agreement_view b
                          where b.org_number = d.org_number and b.signed_on <= d.delivered_on
                            and (b.ended_on is null or b.ended_on >= d.delivered_on))
      """;

  @Inject EntityManager em;
  @Inject DeliveryService deliveries;
  @Inject DeliveryConfig config;

  private final Counter voided;

  EndedAgreements(MeterRegistry registry) {
    this.voided =
        Counter.builder("ia.deliveries.voided.after.termination")
            .description("Deliveries recorded in the read model's lag after a termination, voided")
            .register(registry);
  }

  @Scheduled(
      every = "${ia.delivery.termination-sweep:5s}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    CallId.set(CallId.generate());
    try {
      settle(OffsetDateTime.now(ZoneOffset.UTC).minus(config.terminationSettle()));
    } finally {
      CallId.clear();
    }
  }

  /**
   * Settles the terminations applied before {@code appliedBefore}; how many deliveries it voided.
   */
  @SuppressWarnings("unchecked")
  int settle(OffsetDateTime appliedBefore) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              int count = 0;
              List<UUID> due =
                  em.createNativeQuery(DUE).setParameter(1, appliedBefore).getResultList();
              for (UUID agreement : due) {
                List<UUID> refused =
                    em.createNativeQuery(REFUSED).setParameter(1, agreement).getResultList();
                for (UUID delivery : refused) {
                  if (deliveries.voidAsRefused(delivery, ACTOR)) {
                    count++;
                    LOG.warnf(
                        "voided delivery %s: recorded after agreement %s had ended, before the"
                            + " termination reached this service",
                        delivery, agreement);
                  }
                }
                em.createNativeQuery(
                        "update agreement_view set end_settled_at = now() where agreement_id = ?1")
                    .setParameter(1, agreement)
                    .executeUpdate();
              }
              voided.increment(count);
              return count;
            });
  }
}
