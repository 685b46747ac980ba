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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.delivery.DeliveryVersion;
import no.nav.ia.delivery.config.DeliveryConfig;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.domain.CountyVisibility;
import no.nav.ia.platform.problem.Causes;
import no.nav.ia.platform.problem.ProblemMappers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deliveries the rules refuse but the read model's lag let through: a termination reaches this
 * service a moment (its event's way through the outbox and Kafka) after agreement-service made it,
 * and a delivery recorded in that moment on a day after the agreement's end was taken (201), where
 * it is a 422 NO_ACTIVE_AGREEMENT a moment later; so was a correction that moved one there. Once a
 * termination has been in the read model for {@code ia.delivery.termination-settle} (longer than a
 * transaction may run, so every recording that read the agreement as active has committed or rolled
 * back), the agreement's live deliveries on a day after its end that were put on that day and
 * enterprise (recorded, or corrected to them) at or after the moment the termination was made, and
 * that no other agreement of the enterprise in the same county covers, are voided by this service
 * (its history and DeliveryVoided name the service's client id), so the figures hold only what the
 * rules allow; where the enterprise's agreement of another county covers the day (it moved to
 * another centre) and the one who put the delivery there could record in that county (not an
 * adviser bound to the old one, who would have been refused 403), the delivery is moved there
 * instead (a correction of its county, by the service), as the rules would have recorded it. One
 * termination per transaction; one replica takes each (SKIP LOCKED); one that fails is tried again
 * after the settle time, the others go on.
 */
@ApplicationScoped
public class EndedAgreements {

  private static final Logger LOG = Logger.getLogger(EndedAgreements.class);

  /** How many terminations one run settles at most. */
  static final int PER_RUN = 100;

  /** The oldest unsettled termination applied long enough ago, locked for this replica. */
  private static final String DUE =
      """
      select agreement_id from agreement_view
       where ended_at is not null and end_settled_at is null and updated_at < ?1
       order by updated_at limit 1
         for update skip locked
      """;

  /**
   * The agreement's live deliveries the rules would have refused had the termination been known: on
   * a day after its end no agreement of the same county covers, put on that day and enterprise (the
   * first version, or the last correction that changed the day, enterprise or county) at or after
   * the termination was made; with the county whose agreement of the enterprise covers the day, if
   * one does (the enterprise moved: the rules would have put the delivery there), the counties the
   * one who put it there may act in, and the version read. This service's own moves ({@code ?2})
   * put nothing: the delivery was put where the rules would have put it when it was recorded.
   */
  private static final String REFUSED =
      """
      select d.id,
             (select c.county_code from agreement_view c
               where c.org_number = d.org_number and c.signed_on <= d.delivered_on
                 and (c.ended_on is null or c.ended_on >= d.delivered_on)
               order by c.signed_on desc limit 1) as covered_in,
             put.changer_scope, d.version, d.delivered_on
        from delivery d join agreement_view a on a.agreement_id = ?1
       cross join lateral (
              select p.changed_at, p.changer_scope from (
                select v.version, v.changed_at, v.change, v.changer_scope, v.changed_by,
                       j.s ->> 'deliveredOn' as day, j.s ->> 'orgNumber' as org,
                       j.s ->> 'countyCode' as county,
                       lag(j.s ->> 'deliveredOn') over w as day_before,
                       lag(j.s ->> 'orgNumber') over w as org_before,
                       lag(j.s ->> 'countyCode') over w as county_before
                  from delivery_version v
                  cross join lateral (select cast(v.snapshot as jsonb) as s) j
                 where v.delivery_id = d.id
                window w as (order by v.version)) p
               where (p.change = 'RECORDED'
                  or (p.change = 'CORRECTED' and (p.day is distinct from p.day_before
                       or p.org is distinct from p.org_before
                       or p.county is distinct from p.county_before)))
                 and p.changed_by is distinct from ?2
               order by p.version desc limit 1) put
       where d.org_number = a.org_number and d.county_code = a.county_code
         and d.status = 'LIVE' and d.delivered_on > a.ended_on
         and not exists (select 1 from agreement_view b
                          where b.org_number = d.org_number and b.county_code = d.county_code
                            and b.signed_on <= d.delivered_on
                            and (b.ended_on is null or b.ended_on >= d.delivered_on))
         and put.changed_at >= a.ended_at
      """;

  @Inject EntityManager em;
  @Inject DeliveryService deliveries;
  @Inject DeliveryConfig config;

  /** Who voids: this service, by its client id, as the events name a system. */
  @ConfigProperty(name = "quarkus.oidc.client-id")
  String actor;

  private final Counter voided;
  private final Counter moved;

  EndedAgreements(MeterRegistry registry) {
    this.voided =
        Counter.builder("ia.deliveries.voided.after.termination")
            .description("Deliveries recorded in the read model's lag after a termination, voided")
            .register(registry);
    this.moved =
        Counter.builder("ia.deliveries.moved.after.termination")
            .description(
                "Deliveries recorded in the read model's lag after a termination, moved to the"
                    + " county whose agreement covers their day")
            .register(registry);
  }

  @Scheduled(
      every = "${ia.delivery.termination-sweep:5s}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void sweep() {
    OffsetDateTime appliedBefore =
        OffsetDateTime.now(ZoneOffset.UTC).minus(config.terminationSettle());
    for (int i = 0; i < PER_RUN && settleOne(appliedBefore); i++) {
      // One termination at a time, each in its own transaction.
    }
  }

  /**
   * Settles the oldest unsettled termination applied before {@code appliedBefore}: false when there
   * is none (or the database cannot be reached), so the run ends.
   */
  boolean settleOne(OffsetDateTime appliedBefore) {
    CallId.set(CallId.generate());
    UUID[] agreement = new UUID[1];
    try {
      List<Settled> done =
          QuarkusTransaction.requiringNew().call(() -> settle(appliedBefore, agreement));
      if (done == null) {
        return false;
      }
      // Said once committed: a rolled-back void is none.
      for (Settled d : done) {
        if (d.movedTo() == null) {
          LOG.warnf(
              "voided delivery %s: put on a day after agreement %s had ended, before the"
                  + " termination reached this service",
              d.delivery(), agreement[0]);
          voided.increment();
        } else {
          LOG.warnf(
              "moved delivery %s to county %s, whose agreement covers its day: put on a day after"
                  + " agreement %s had ended, before the termination reached this service",
              d.delivery(), d.movedTo(), agreement[0]);
          moved.increment();
        }
      }
      return true;
    } catch (RuntimeException e) {
      if (ProblemMappers.isDatabaseAway(e)) {
        // A restart or failover: nothing to postpone (that too would fail), the next run goes on.
        LOG.warnf(
            "terminations not settled, the database is away; tried again at the next run: %s",
            Causes.find(e, java.sql.SQLException.class));
        return false;
      }
      if (agreement[0] == null) {
        LOG.errorf(e, "terminations not settled; tried again at the next run");
        return false;
      }
      LOG.errorf(e, "termination of agreement %s not settled; tried again later", agreement[0]);
      return postpone(agreement[0]);
    } finally {
      CallId.clear();
    }
  }

  /** A delivery settled: moved to the county whose agreement covers its day, or voided (null). */
  private record Settled(UUID delivery, String movedTo) {}

  /** The deliveries settled, or null when no termination is due; names the agreement taken. */
  @SuppressWarnings("unchecked")
  private List<Settled> settle(OffsetDateTime appliedBefore, UUID[] agreement) {
    List<UUID> due = em.createNativeQuery(DUE).setParameter(1, appliedBefore).getResultList();
    if (due.isEmpty()) {
      return null;
    }
    agreement[0] = due.get(0);
    List<Settled> done = new ArrayList<>();
    boolean changedMeanwhile = false;
    for (Object[] refused :
        (List<Object[]>)
            em.createNativeQuery(REFUSED)
                .setParameter(1, agreement[0])
                .setParameter(2, actor)
                .getResultList()) {
      UUID delivery = (UUID) refused[0];
      String movedTo = mayRecordIn((String) refused[2], (String) refused[1], day(refused[4]));
      long version = ((Number) refused[3]).longValue();
      DeliveryService.AsRead found =
          movedTo != null
              ? deliveries.moveAsRefused(delivery, version, movedTo, actor)
              : deliveries.voidAsRefused(delivery, version, actor);
      if (found == DeliveryService.AsRead.UNCHANGED) {
        done.add(new Settled(delivery, movedTo));
      } else if (found == DeliveryService.AsRead.CHANGED) {
        changedMeanwhile = true;
      }
    }
    // One changed since it was read (a note corrected, or its day) is looked at again after the
    // settle time, as it is then: settled now, it would stay for good on a day nothing covers.
    em.createNativeQuery(
            changedMeanwhile
                ? "update agreement_view set updated_at = now() where agreement_id = ?1"
                : "update agreement_view set end_settled_at = now() where agreement_id = ?1")
        .setParameter(1, agreement[0])
        .executeUpdate();
    return done;
  }

  /**
   * The county whose agreement covers the delivery's day, if the one who put it there could have
   * recorded it in that county (an adviser of the old county would have been refused 403; one not
   * known, kept before V6, is taken as refused) and that county still held its data on the day (not
   * one split by then: 422 COUNTY_ENDED, as a delivery recorded there now); else null.
   */
  static String mayRecordIn(String changerScope, String coveredIn, java.time.LocalDate day) {
    if (coveredIn == null
        || changerScope == null
        || no.nav.ia.platform.domain.CountyRegistry.get().holderOn(coveredIn, day).isEmpty()) {
      return null;
    }
    boolean every = DeliveryVersion.EVERY_COUNTY.equals(changerScope);
    boolean may =
        new CountyVisibility(every, every ? Optional.empty() : Optional.of(changerScope))
            .mayAccess(coveredIn);
    return may ? coveredIn : null;
  }

  private static java.time.LocalDate day(Object value) {
    return value instanceof java.sql.Date date ? date.toLocalDate() : (java.time.LocalDate) value;
  }

  /** Puts a termination that failed at the back, due again after the settle time. */
  private boolean postpone(UUID agreement) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "update agreement_view set updated_at = now() where agreement_id = ?1")
                      .setParameter(1, agreement)
                      .executeUpdate());
      return true;
    } catch (RuntimeException e) {
      LOG.errorf(e, "termination of agreement %s not postponed", agreement);
      return false;
    }
  }
}
