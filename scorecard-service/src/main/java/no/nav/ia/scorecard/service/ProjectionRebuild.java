package no.nav.ia.scorecard.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import no.nav.ia.platform.events.EventEnvelope;
import org.jboss.logging.Logger;

/**
 * Rebuilds every projection from the projection's own event log, in the order the events were
 * applied: how a fix to a figure is rolled out. The event log is locked for the rebuild, so the
 * consumer waits and then applies new events on top of the rebuilt tables.
 */
@ApplicationScoped
public class ProjectionRebuild {

  private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
  private static final String PROJECTION_TABLES = "delivery_fact, delivery_month, subgoal_month, lag_month,"
      + " enterprise_month, agreement_fact, resigning_fact, campaign_due, campaign";

  /** What a rebuild did. */
  public record Result(long events, long millis) {}

  @Inject EntityManager em;
  @Inject Projection projection;
  @Inject ProjectionState state;
  @Inject ObjectMapper json;

  /** One transaction for the whole replay, so cards never show half a rebuild; a large log takes minutes. */
  @Transactional(value = Transactional.TxType.REQUIRES_NEW)
  @TransactionConfiguration(timeout = 3600)
  public Result rebuild() {
    Instant start = Instant.now();
    em.createNativeQuery("lock table event_log in exclusive mode").executeUpdate();
    em.createNativeQuery("truncate " + PROJECTION_TABLES).executeUpdate();
    em.createNativeQuery("update projection_state set as_of = null").executeUpdate();
    long count = 0;
    try (var rows = em.createNativeQuery("select envelope from event_log order by seq")
        .setHint("org.hibernate.fetchSize", 1000)
        .getResultStream()) {
      for (Object row : (Iterable<Object>) rows::iterator) {
        EventEnvelope event = json.readValue((String) row, EventEnvelope.class);
        projection.applyWithoutLog(event);
        OffsetDateTime at = event.occurredAt();
        state.applied(at);
        if (++count % 10_000 == 0) {
          em.flush();
          em.clear();
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the event log holds an unreadable envelope", e);
    }
    long millis = Duration.between(start, Instant.now()).toMillis();
    LOG.infof("projections rebuilt from %d events in %d ms", count, millis);
    return new Result(count, millis);
  }
}
