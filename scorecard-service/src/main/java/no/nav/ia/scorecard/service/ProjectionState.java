package no.nav.ia.scorecard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;

/** When the newest event applied to the projections happened: the cards' {@code asOf}. */
@ApplicationScoped
public class ProjectionState {

  @Inject EntityManager em;

  public void applied(OffsetDateTime occurredAt) {
    em.createNativeQuery(
            "update projection_state set as_of = greatest(coalesce(as_of, :at), :at) where id = 1")
        .setParameter("at", occurredAt)
        .executeUpdate();
  }

  public OffsetDateTime asOf() {
    Object value =
        em.createNativeQuery("select as_of from projection_state where id = 1").getSingleResult();
    if (value instanceof java.time.Instant i) {
      return i.atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    return (OffsetDateTime) value;
  }
}
