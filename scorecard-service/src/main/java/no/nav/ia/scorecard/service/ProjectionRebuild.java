package no.nav.ia.scorecard.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.nav.ia.platform.events.EventEnvelope;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.scorecard.ScorecardErrors;
import org.jboss.logging.Logger;

/**
 * Rebuilds every projection from the projection's own event log: how a fix to a figure is rolled
 * out. Agreement and campaign events are replayed through {@link Projection} in the order they were
 * applied; deliveries are rebuilt set-wise, each delivery's newest version taken from the log and
 * every aggregate counted from those facts, which gives what applying them one by one gives (the
 * projection applies deliveries by version) in a few statements for the whole log. The event log is
 * locked for the rebuild, so the consumers (of every replica) cannot log a batch meanwhile: they
 * give up after a few seconds and try again after their next poll ({@link Projection}), so they
 * stay alive, and apply new events on top once it has committed. Cards go on answering from the old
 * figures until then.
 */
@ApplicationScoped
public class ProjectionRebuild {

  private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
  private static final String PROJECTION_TABLES =
      "delivery_fact, delivery_period, delivery_period_form, subgoal_period,"
          + " lag_period, enterprise_period, enterprise_period_count, agreement_fact, enterprise_in_counties,"
          + " resigning_fact, campaign_due, campaign_due_added, campaign_due_removed,"
          + " campaign";
  private static final String DELIVERY_EVENTS =
      "('DeliveryRecorded', 'DeliveryCorrected', 'DeliveryVoided')";

  /**
   * Each delivery's newest version as the events carry it (the delivery, the correction's after,
   * the void's before); of two events with one version the first applied wins, as in the
   * projection.
   */
  private static final String NEWEST_VERSIONS =
      """
      insert into delivery_fact (delivery_id, version, live, county_code, org_number, service, direction, sub_goals, delivered_on, lag_days, form, adviser)
      select distinct on (id) id, version, live, f->>'countyCode', f->>'orgNumber', f->>'service', f->>'direction',
             array(select jsonb_array_elements_text(f->'subGoals')::int), (f->>'deliveredOn')::date,
             coalesce((f->>'registrationLagDays')::int, 0), coalesce(f->>'form', 'DIRECT'), f->>'adviser'
        from (select seq, (p->>'deliveryId')::uuid id, (p->>'version')::bigint version, event_type <> 'DeliveryVoided' live,
                     case event_type when 'DeliveryRecorded' then p->'delivery' when 'DeliveryCorrected' then p->'after' else p->'before' end f
                from (select seq, event_type, envelope::jsonb->'payload' p from event_log where event_type in %s) e) v
       order by id, version desc, seq
      """
          .formatted(DELIVERY_EVENTS);

  /**
   * The enterprise counts, counted from the live facts (the other aggregates come from {@link
   * Aggregates}, as the consumer's own upserts do).
   */
  private static final List<String> ENTERPRISES =
      List.of(
          "insert into enterprise_period (county_code, period, org_number, deliveries)"
              + " select county_code, p, org_number, count(*) from delivery_fact, unnest(card_periods(delivered_on)) p where live group by 1, 2, 3",
          "insert into enterprise_period_count (period, county_code, enterprises)"
              + " select period, county_code, count(*) from enterprise_period group by 1, 2");

  /**
   * The transaction lock (two-integer key space; the consumer's per-delivery locks use the
   * one-bigint space) a rebuild holds for its whole run: a second one asked meanwhile, from a
   * coordinator who did not see the first answer (the gateway gives up after 10 minutes, the
   * rebuild goes on), is refused at once instead of waiting and doing all the work again.
   */
  public static final int REBUILD_LOCK_CLASS = 0x5c0e;

  public static final int REBUILD_LOCK = 1;

  /** What a rebuild did. */
  public record Result(long events, long millis) {}

  @Inject EntityManager em;
  @Inject Projection projection;
  @Inject ObjectMapper json;

  /**
   * One transaction for the whole rebuild, so cards never show half of it; a large log takes
   * minutes.
   */
  @Transactional(value = Transactional.TxType.REQUIRES_NEW)
  @TransactionConfiguration(timeout = 3600)
  public Result rebuild() {
    Instant start = Instant.now();
    if (!(Boolean)
        em.createNativeQuery("select pg_try_advisory_xact_lock(?1, ?2)")
            .setParameter(1, REBUILD_LOCK_CLASS)
            .setParameter(2, REBUILD_LOCK)
            .getSingleResult()) {
      throw ApiException.conflict(
          ScorecardErrors.REBUILD_RUNNING,
          "A rebuild of the scorecards is running; its figures appear when it commits. Nothing was"
              + " started.");
    }
    em.createNativeQuery("lock table event_log in exclusive mode").executeUpdate();
    // DELETE, not TRUNCATE: TRUNCATE's lock would make every card read (on every replica) wait
    // for the whole rebuild; after DELETE they read the old figures until the rebuild commits.
    for (String table : PROJECTION_TABLES.split(",\\s*")) {
      em.createNativeQuery("delete from " + table).executeUpdate();
    }
    try (var rows =
        em.createNativeQuery(
                "select envelope from event_log where event_type not in "
                    + DELIVERY_EVENTS
                    + " order by seq")
            .setHint("org.hibernate.fetchSize", 1000)
            .getResultStream()) {
      for (Object row : (Iterable<Object>) rows::iterator) {
        projection.applyWithoutLog(json.readValue((String) row, EventEnvelope.class));
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the event log holds an unreadable envelope", e);
    }
    em.createNativeQuery(NEWEST_VERSIONS).executeUpdate();
    Aggregates.ALL.forEach(
        aggregate -> em.createNativeQuery(aggregate.rebuildSql()).executeUpdate());
    ENTERPRISES.forEach(sql -> em.createNativeQuery(sql).executeUpdate());
    em.createNativeQuery(
            "update projection_state set as_of = (select max(occurred_at) from event_log)")
        .executeUpdate();
    long count =
        ((Number) em.createNativeQuery("select count(*) from event_log").getSingleResult())
            .longValue();
    long millis = Duration.between(start, Instant.now()).toMillis();
    LOG.infof("projections rebuilt from %d events in %d ms", count, millis);
    return new Result(count, millis);
  }
}
