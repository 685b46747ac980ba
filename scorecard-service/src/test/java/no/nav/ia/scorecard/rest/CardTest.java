package no.nav.ia.scorecard.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.scorecard.Figures;
import no.nav.ia.scorecard.Period;
import no.nav.ia.scorecard.Tally;
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
    assertThat(future.previousYear().sameDays()).isNull();

    Card ended = card(Period.parse(String.valueOf(next - 2)), f);
    assertThat(ended.previousYear().change()).isEqualTo(-1.0);
  }

  @Test
  void aPeriodUnderWayIsComparedWithItsDaysSoFarAYearBefore() {
    // 5 December 2026: six deliveries so far in the fourth quarter. A year before, two in each of
    // October and November, one in December by the 5th and fifteen after it.
    Figures f = new Figures();
    f.deliveries.add("SYSTEM", "DIRECT", 6);
    f.previousYearTotal = 20;
    f.months.computeIfAbsent(YearMonth.of(2025, 10), m -> new Tally()).add("SYSTEM", "DIRECT", 2);
    f.months.computeIfAbsent(YearMonth.of(2025, 11), m -> new Tally()).add("SYSTEM", "DIRECT", 2);
    f.months.computeIfAbsent(YearMonth.of(2025, 12), m -> new Tally()).add("SYSTEM", "DIRECT", 16);
    f.lastYearThisMonthSoFar = 1;
    LocalDate today = LocalDate.of(2026, 12, 5);

    Card.PreviousYear quarter = Card.previousYear(Period.parse("2026-Q4"), f, today);
    assertThat(quarter.period()).isEqualTo("2025-Q4");
    assertThat(quarter.total()).isEqualTo(20);
    assertThat(quarter.sameDays()).isEqualTo(new Card.SameDays(LocalDate.of(2025, 12, 5), 5));
    // 6 against the 5 of the same days, not against the whole quarter's 20 (-70 %).
    assertThat(quarter.change()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));

    Card.PreviousYear month = Card.previousYear(Period.parse("2026-12"), f, today);
    assertThat(month.sameDays().total()).isEqualTo(1);

    // Its first day: only that day a year before.
    Card.PreviousYear first =
        Card.previousYear(Period.parse("2026-12"), f, today.withDayOfMonth(1));
    assertThat(first.sameDays().to()).isEqualTo(LocalDate.of(2025, 12, 1));

    Card.PreviousYear over = Card.previousYear(Period.parse("2026-11"), f, today);
    assertThat(over.sameDays()).isNull();
    assertThat(over.change()).isCloseTo(-0.7, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static Card card(Period period, Figures f) {
    return Card.of(
        new Card.Scope("COUNTY", "03", "Oslo"), period, f, 0, null, null, NorwegianTime.today());
  }
}
