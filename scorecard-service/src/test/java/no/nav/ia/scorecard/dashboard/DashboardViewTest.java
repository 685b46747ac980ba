package no.nav.ia.scorecard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.scorecard.rest.Card;
import no.nav.ia.scorecard.rest.Card.Deliveries;
import org.junit.jupiter.api.Test;

class DashboardViewTest {

  static Card card(
      String type,
      String code,
      long system,
      long individual,
      long previous,
      long due,
      long resigned) {
    long total = system + individual;
    Double share = total == 0 ? null : (double) system / total;
    Boolean met = total == 0 ? null : 3 * system >= 2 * total;
    Double change = previous == 0 ? null : (double) (total - previous) / previous;
    return new Card(
        new Card.Scope(type, code, "Fylke " + code),
        new Card.PeriodView("2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
        new Deliveries(total, system, individual, Map.of(), Map.of()),
        Map.of("DIRECT", total, "COURSE", 0L, "INFORMATION", 0L),
        share,
        new Card.Target(Card.SYSTEM_SHARE_MIN, met),
        List.of(
            new Card.TrendMonth(YearMonth.of(2024, 11), 4, 2, 0.5),
            new Card.TrendMonth(YearMonth.of(2024, 12), 2, 2, 1.0)),
        new Card.PreviousYear("2023", previous, change),
        new Card.ForecastView(total),
        new Card.Agreements(0, 0, 0, 0),
        new Card.Resigning(
            UUID.randomUUID(), due, resigned, due == 0 ? null : (double) resigned / due),
        new Card.RegistrationLag(null),
        OffsetDateTime.now());
  }

  @Test
  void aCountyBelowTwoThirdsShowsItsShareAgainstTheLine() {
    DashboardView.Row row = DashboardView.Row.of(card("COUNTY", "03", 6, 4, 12, 8, 6));
    assertThat(row.shareWidth()).isEqualTo("60.00");
    assertThat(row.shareText()).isEqualTo("60,0 %");
    assertThat(row.targetMet()).isFalse();
    assertThat(row.targetText()).isEqualTo("under 2/3");
    assertThat(row.changeText()).isEqualTo("−17 %");
    assertThat(row.resigningWidth()).isEqualTo("75.00");
    assertThat(row.resigningText()).isEqualTo("6 av 8 re-signert (75 %)");
    assertThat(DashboardView.TARGET_LINE).isEqualTo("66.67");
  }

  @Test
  void exactlyTwoThirdsMeetsTheTargetAndGrowthHasAPlus() {
    DashboardView.Row row = DashboardView.Row.of(card("COUNTY", "15", 2, 1, 2, 0, 0));
    assertThat(row.targetMet()).isTrue();
    assertThat(row.shareText()).isEqualTo("66,7 %");
    assertThat(row.changeText()).isEqualTo("+50 %");
    assertThat(row.resigningText()).isEqualTo("ingen i kampanje");
  }

  @Test
  void aCountyWithoutDeliveriesHasAnEmptyBarAndNoVerdict() {
    DashboardView.Row row = DashboardView.Row.of(card("COUNTY", "18", 0, 0, 0, 0, 0));
    assertThat(row.shareWidth()).isEqualTo("0");
    assertThat(row.shareText()).isEqualTo("–");
    assertThat(row.targetText()).isEqualTo("ingen leveranser");
    assertThat(row.changeText()).isEqualTo("–");
  }

  @Test
  void theNationComesFirst() {
    DashboardView view =
        DashboardView.of(
            "2024",
            card("NATIONAL", "NO", 1, 0, 0, 0, 0),
            List.of(card("COUNTY", "03", 1, 0, 0, 0, 0)),
            "Z990003",
            null,
            LocalDate.of(2024, 5, 2));
    assertThat(view.rows()).extracting(DashboardView.Row::code).containsExactly("NO", "03");
    assertThat(view.rows().get(0).national()).isTrue();
    assertThat(view.asOf()).isEqualTo("ingen hendelser ennå");
  }

  @Test
  void thePickerOffersThisAndLastYearUpToNowAndKeepsAnOlderChoice() {
    List<DashboardView.PeriodGroup> groups =
        DashboardView.periodsAround(LocalDate.of(2026, 5, 20), "2019-Q2");
    assertThat(groups.get(0).periods()).containsExactly("2019-Q2");
    assertThat(groups.get(1).periods())
        .containsExactly(
            "2026", "2026-H1", "2026-Q1", "2026-Q2", "2026-01", "2026-02", "2026-03", "2026-04",
            "2026-05");
    assertThat(groups.get(2).periods()).hasSize(1 + 2 + 4 + 12).contains("2025-H2", "2025-12");
    assertThat(groups.get(3).periods()).containsExactly("2024");
    assertThat(DashboardView.periodsAround(LocalDate.of(2026, 5, 20), "2026-Q1")).hasSize(3);
  }

  @Test
  void thePickerOffersThePeriodsWithFiguresNewestFirstGroupedByYear() {
    List<DashboardView.PeriodGroup> groups =
        DashboardView.periodsWithFigures(
            List.of(
                "2024-03", "2024", "2024-Q1", "2024-H1", "2024-12", "2024-H2", "2022", "2022-Q4"),
            "2024",
            LocalDate.of(2026, 5, 20));
    assertThat(groups)
        .extracting(DashboardView.PeriodGroup::year)
        .containsExactly("2026", "2024", "2022");
    assertThat(groups.get(0).periods()).containsExactly("2026");
    assertThat(groups.get(1).periods())
        .containsExactly("2024", "2024-H2", "2024-H1", "2024-Q1", "2024-12", "2024-03");
    assertThat(groups.get(2).periods()).containsExactly("2022", "2022-Q4");
    assertThat(
            DashboardView.periodsWithFigures(List.of(), "2019-Q2", LocalDate.of(2026, 5, 20))
                .get(0)
                .periods())
        .containsExactly("2019-Q2");
  }

  @Test
  void theTrendChartScalesItsBarsToTheBusiestMonthAndStacksDirectUnderTheRest() {
    DashboardView view =
        DashboardView.of(
                "2024",
                card("NATIONAL", "NO", 1, 0, 0, 0, 0),
                List.of(),
                "Z990003",
                null,
                LocalDate.of(2024, 5, 2))
            .with(card("COUNTY", "03", 4, 2, 0, 0, 0), List.of(), List.of());
    DashboardView.Bar busiest = view.focus().trend().get(0);
    assertThat(busiest.directHeight() + busiest.otherHeight())
        .isEqualTo(DashboardView.Focus.HEIGHT);
    assertThat(busiest.directHeight()).isEqualTo(DashboardView.Focus.HEIGHT / 2);
    assertThat(busiest.otherY() + busiest.otherHeight()).isEqualTo(busiest.directY());
    assertThat(busiest.title())
        .isEqualTo("november 2024: 4 leveranser, 2 direkte, 50,0 % systemrettet");
    assertThat(view.focus().trend().get(1).directHeight())
        .isEqualTo(DashboardView.Focus.HEIGHT / 2);
    assertThat(view.focus().forms())
        .extracting(DashboardView.FormPart::name)
        .contains("Direkte i virksomheten", "Kurs", "Informasjonsarbeid");
  }
}
