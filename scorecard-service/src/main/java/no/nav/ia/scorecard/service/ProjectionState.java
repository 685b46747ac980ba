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

  /**
   * Read with plain JDBC on the session's connection, as the card's figures are
   * (FiguresRepository.rows): every card asks, and Hibernate's native query resolved a result
   * mapping each time (4 % of scorecard-service's CPU while national cards were read at a million).
   */
  public OffsetDateTime asOf() {
    return em.unwrap(org.hibernate.Session.class)
        .doReturningWork(
            connection -> {
              try (java.sql.PreparedStatement read =
                      connection.prepareStatement(
                          "select as_of from projection_state where id = 1");
                  java.sql.ResultSet row = read.executeQuery()) {
                return row.next() ? row.getObject(1, OffsetDateTime.class) : null;
              }
            });
  }
}
