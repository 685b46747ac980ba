package no.nav.ia.scorecard.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardDeliveriesTest {

  @Test
  void everyServiceAndSubGoalIsListedInThePortfoliosOrderZeroForNone() {
    Card.Deliveries d = new Card.Deliveries(2, 1, 1, Map.of("RECRUITMENT", 2L), Map.of("2", 2L));

    assertThat(d.byService().keySet())
        .containsExactly(
            "IA_GUIDANCE",
            "GOALS_ACTION_PLAN",
            "SICK_LEAVE",
            "RECRUITMENT",
            "SENIOR_LIFE_PHASE",
            "MEASURE_EVALUATE",
            "CONTACT_PERSON");
    assertThat(d.byService()).containsEntry("RECRUITMENT", 2L).containsEntry("SICK_LEAVE", 0L);
    assertThat(d.bySubGoal()).containsExactly(entry("1", 0L), entry("2", 2L), entry("3", 0L));
  }

  @Test
  void aServiceOutsideThePortfolioIsShownNotDropped() {
    Card.Deliveries d = new Card.Deliveries(1, 1, 0, Map.of("NEW_SERVICE", 1L), Map.of());

    assertThat(d.byService()).hasSize(8).containsEntry("NEW_SERVICE", 1L);
  }

  @Test
  void aReportFrozenWithoutTheZeroKeysReadsWithThem() throws Exception {
    String frozen =
        "{\"total\":1,\"system\":1,\"individual\":0,\"byService\":{\"SICK_LEAVE\":1},"
            + "\"bySubGoal\":{\"1\":1}}";

    Card.Deliveries d = new ObjectMapper().readValue(frozen, Card.Deliveries.class);

    assertThat(d.byService()).hasSize(7).containsEntry("SICK_LEAVE", 1L);
    assertThat(d.bySubGoal()).containsOnlyKeys("1", "2", "3");
  }
}
