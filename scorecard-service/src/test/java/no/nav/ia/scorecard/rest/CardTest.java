package no.nav.ia.scorecard.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.scorecard.Figures;
import no.nav.ia.scorecard.Period;
import org.junit.jupiter.api.Test;

class CardTest {

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

  @Test
  void aPeriodThatHasNotBegunShowsNoChangeFromTheYearBeforeAndOneUnderWayDoes() {
    Figures f = new Figures();
    f.previousYearTotal = 8;
    int next = NorwegianTime.today().getYear() + 1;
    Card future = card(Period.parse(String.valueOf(next)), f);
    assertThat(future.previousYear().total()).isEqualTo(8);
    assertThat(future.previousYear().change()).isNull();

    Card now = card(Period.parse(String.valueOf(next - 1)), f);
    assertThat(now.previousYear().change()).isEqualTo(-1.0);
  }

  private static Card card(Period period, Figures f) {
    return Card.of(new Card.Scope("COUNTY", "03", "Oslo"), period, f, 0, null, null);
  }
}
