package no.nav.ia.scorecard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;

/** When the newest event applied to the projections happened: the cards' {@code asOf}. */
@ApplicationScoped
public class ProjectionState {

  @Inject EntityManager em;
  @Inject FiguresRepository figures;

  public void applied(OffsetDateTime occurredAt) {
    em.createNativeQuery(
            "update projection_state set as_of = greatest(coalesce(as_of, :at), :at) where id = 1")
        .setParameter("at", occurredAt)
        .executeUpdate();
  }

  /**
   * Read as the card's figures are, with plain JDBC on the session's connection ({@link
   * FiguresRepository#rows}): every card asks, and Hibernate's native query resolved a result
   * mapping each time (4 % of scorecard-service's CPU while national cards were read at a million).
   */
  public OffsetDateTime asOf() {
    Object value = figures.rows("select as_of from projection_state where id = 1").get(0)[0];
    return value == null
        ? null
        : ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
  }
}
