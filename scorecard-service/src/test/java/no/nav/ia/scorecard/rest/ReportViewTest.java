package no.nav.ia.scorecard.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import no.nav.ia.scorecard.dashboard.DashboardViewTest;
import org.junit.jupiter.api.Test;

/** What a submitted report lists as moved since its submission. */
class ReportViewTest {

  // A card of 2024 (forecast: its total), as submitted with 4 deliveries and as it stands with 5.
  static final Card FROZEN = DashboardViewTest.card("COUNTY", "03", 3, 1, 0, 0, 0);
  static final Card LIVE = DashboardViewTest.card("COUNTY", "03", 4, 1, 0, 0, 0);

  @Test
  void theYearsForecastIsComparedOnlyWhenItWasAFactAtSubmission() {
    // Submitted after New Year: the forecast was the year's total, and a late delivery moved it.
    assertThat(ReportView.differences(FROZEN, LIVE, LocalDate.of(2025, 1, 10)))
        .contains(new ReportView.Difference("forecast.yearTotal", 4L, 5L));
    // Submitted while the year ran (an H1 report by 1 September): an estimate then, the total
    // now; the diff review saw every such report list it after New Year.
    assertThat(ReportView.differences(FROZEN, LIVE, LocalDate.of(2024, 8, 20)))
        .extracting(ReportView.Difference::figure)
        .contains("deliveries.total")
        .doesNotContain("forecast.yearTotal");
    assertThat(ReportView.differences(FROZEN, LIVE, null))
        .extracting(ReportView.Difference::figure)
        .doesNotContain("forecast.yearTotal");
  }
}
