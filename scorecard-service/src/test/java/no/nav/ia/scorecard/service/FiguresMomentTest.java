package no.nav.ia.scorecard.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures are read with plain JDBC on the session's connection: inside the card's transaction
 * and the one moment it sets, not on a connection of their own (a card whose statements each saw
 * their own moment did not add up).
 */
@QuarkusTest
class FiguresMomentTest {

  @Inject FiguresRepository figures;

  @Test
  void theFiguresQueriesRunInTheCardsTransactionAtItsOneMoment() {
    List<Object[]> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  figures.oneMoment();
                  return figures.rows(
                      "select current_setting('transaction_isolation'),"
                          + " current_setting('transaction_read_only'),"
                          + " current_setting('plan_cache_mode'), ?1",
                      "ok");
                });
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).containsExactly("repeatable read", "on", "force_custom_plan", "ok");
  }
}
