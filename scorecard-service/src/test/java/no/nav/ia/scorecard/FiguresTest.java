package no.nav.ia.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FiguresTest {

  static Figures deliveries(long system, long individual) {
    Figures f = new Figures();
    f.deliveries.add("SYSTEM", "DIRECT", system).add("INDIVIDUAL", "DIRECT", individual);
    return f;
  }

  @Test
  void changeIsRelativeToTheSamePeriodAYearBefore() {
    Figures f = deliveries(60, 50);
    f.previousYearTotal = 100;
    assertThat(f.changeFromPreviousYear()).isEqualTo(0.1);
    f.previousYearTotal = 0;
    assertThat(f.changeFromPreviousYear()).isNull();
  }

  @Test
  void theMedianLagComesFromTheHistogram() {
    Figures f = new Figures();
    f.lagHistogram.put(0, 5L);
    f.lagHistogram.put(3, 1L);
    f.lagHistogram.put(40, 5L);
    assertThat(f.medianLagDays()).isEqualTo(3);
  }

  static Figures withDelivery(long enterprises) {
    Figures f = new Figures();
    f.withDelivery = enterprises;
    return f;
  }

  @Test
  void anEnterpriseServedUnderSeveralAddedCodesCountsOnce() {
    // 03 served A and B, 46 served A and C, 12 served A: A moved from 12 to 03 to 46 in the period.
    List<Set<String>> servedUnder = List.of(Set.of("03", "46", "12"));
    Figures national = withDelivery(2).add(withDelivery(2)).add(withDelivery(1)); // 03, 46, 12
    assertThat(national.countEnterprisesOnce(servedUnder, List.of("03", "46", "12")).withDelivery)
        .as("A, B and C")
        .isEqualTo(3);
    Figures vestland = withDelivery(2).add(withDelivery(1)); // 46 and 12, merged into it
    assertThat(vestland.countEnterprisesOnce(servedUnder, List.of("46", "12", "14")).withDelivery)
        .as("A and C")
        .isEqualTo(2);
    assertThat(withDelivery(2).countEnterprisesOnce(servedUnder, List.of("03")).withDelivery)
        .as("a card of one of the codes counts it as it is")
        .isEqualTo(2);
  }

  @Test
  void figuresAddUp() {
    Figures a = deliveries(3, 1);
    a.byService.put("SICK_LEAVE", 4L);
    Figures b = deliveries(1, 1);
    b.byService.put("SICK_LEAVE", 1L);
    b.byService.put("RECRUITMENT", 1L);
    a.months.put(YearMonth.of(2012, 5), new Tally().add("SYSTEM", "COURSE", 2));
    b.months.put(YearMonth.of(2012, 5), new Tally().add("SYSTEM", "DIRECT", 1));
    b.months.put(YearMonth.of(2011, 5), new Tally().add("INDIVIDUAL", "DIRECT", 7));
    Figures sum = new Figures().add(a).add(b);
    assertThat(sum.total()).isEqualTo(6);
    assertThat(sum.month(YearMonth.of(2012, 5)).total()).isEqualTo(3);
    assertThat(sum.monthTotals(2012)).isEqualTo(Map.of(5, 3L));
    assertThat(sum.monthTotals(2011)).isEqualTo(Map.of(5, 7L));
    assertThat(sum.month(YearMonth.of(2012, 6)).total()).isZero();
    assertThat(sum.byService).containsEntry("SICK_LEAVE", 5L).containsEntry("RECRUITMENT", 1L);
  }

  @Test
  void aPastYearsForecastIsItsTotal() {
    assertThat(
            Forecast.yearTotal(2011, Map.of(1, 10L, 12, 5L), Map.of(), 0, LocalDate.of(2012, 3, 1)))
        .isEqualTo(15);
  }

  @Test
  void theRunningYearIsForecastWithLastYearsSeasonality() {
    // Last year: half of all deliveries came in January to June.
    Map<Integer, Long> lastYear = new HashMap<>();
    for (int m = 1; m <= 12; m++) {
      lastYear.put(m, 100L);
    }
    lastYear.put(7, 0L);
    lastYear.put(8, 200L);
    // This year, by 30 June: 660 deliveries; 600 of last year's 1,200 had come by then.
    Map<Integer, Long> thisYear = Map.of(1, 110L, 2, 110L, 3, 110L, 4, 110L, 5, 110L, 6, 110L);
    assertThat(Forecast.yearTotal(2012, thisYear, lastYear, 100, LocalDate.of(2012, 6, 30)))
        .isEqualTo(1320);
  }

  @Test
  void thisMonthCountsLastYearsDeliveriesByTodaysDateThenNotAShareOfTheMonth() {
    // 5 December: last year 100 a month to November, then 900 in December, all after the 5th
    // (the Christmas rush). This year 100 a month to November, none yet in December.
    Map<Integer, Long> lastYear = new HashMap<>();
    Map<Integer, Long> thisYear = new HashMap<>();
    for (int m = 1; m <= 11; m++) {
      lastYear.put(m, 100L);
      thisYear.put(m, 100L);
    }
    lastYear.put(12, 900L);
    // 1,100 of last year's 2,000 had come by 5 December: the year looks like last year's.
    assertThat(Forecast.yearTotal(2012, thisYear, lastYear, 0, LocalDate.of(2012, 12, 5)))
        .isEqualTo(2000);
    // With 300 of them by the 5th, 1,400 of 2,000 had come.
    assertThat(Forecast.yearTotal(2012, thisYear, lastYear, 300, LocalDate.of(2012, 12, 5)))
        .isEqualTo(1571);
  }

  @Test
  void withoutLastYearTheForecastIsLinear() {
    assertThat(Forecast.yearTotal(2012, Map.of(1, 31L), Map.of(), 0, LocalDate.of(2012, 1, 31)))
        .isEqualTo(372);
  }
}
