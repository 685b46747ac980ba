package no.nav.ia.scorecard.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The figures' queries keep JPA's numbered parameters and run as plain JDBC. */
class FiguresQueryTest {

  @Test
  void aNumberedParameterUsedOutOfOrderAndTwiceIsBoundAtEveryPlace() {
    FiguresRepository.Jdbc jdbc =
        FiguresRepository.Jdbc.of(
            "select count(*) filter (where signed_on <= ?2 and ended_on >= ?2),"
                + " count(*) filter (where signed_on between ?1 and ?2) from agreement_fact"
                + " where period = any(cast(?10 as varchar[]))");
    assertThat(jdbc.sql())
        .isEqualTo(
            "select count(*) filter (where signed_on <= ? and ended_on >= ?),"
                + " count(*) filter (where signed_on between ? and ?) from agreement_fact"
                + " where period = any(cast(? as varchar[]))");
    assertThat(jdbc.params()).containsExactly(1, 1, 0, 1, 9);
  }
}
