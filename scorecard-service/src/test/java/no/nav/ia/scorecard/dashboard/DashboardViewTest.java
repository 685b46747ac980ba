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

public class DashboardViewTest {

  public static Card card(
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
        new Card.PreviousYear("2023", previous, null, change),
        new Card.ForecastView(total),
        new Card.Agreements(0, 0, 0, 0),
        new Card.Resigning(
            UUID.randomUUID(), due, resigned, due == 0 ? null : (double) resigned / due),
        new Card.RegistrationLag(null),
        OffsetDateTime.now());
  }

  @Test
  void aReportsStatusTellsAReopenedOneFromOneNeverSent() {
    var half = no.nav.ia.scorecard.HalfYear.parse("2024-H1");
    var sections = new no.nav.ia.scorecard.ReportSections("Møter", "Bygg", "Ingen", "Ingen");
    OffsetDateTime onTime = OffsetDateTime.parse("2024-08-20T10:00:00Z");
    OffsetDateTime late = OffsetDateTime.parse("2024-10-01T10:00:00Z");
    var r = no.nav.ia.scorecard.Report.draft("03", half);
    assertThat(DashboardView.ReportRow.status(r, false, true))
        .isEqualTo("ikke påbegynt, frist passert");
    assertThat(DashboardView.ReportRow.status(r, false, false)).isEqualTo("ikke påbegynt");
    r.editSections(0, sections, "Z990002", onTime);
    assertThat(DashboardView.ReportRow.status(r, false, true)).isEqualTo("utkast, frist passert");
    r.submit(1L, "{}", "Z990002", onTime);
    assertThat(DashboardView.ReportRow.status(r, false, false)).isEqualTo("sendt inn");
    r.reopen(2L, "Mangler juni", "Z990003", late);
    assertThat(DashboardView.ReportRow.status(r, true, r.overdue(late.toLocalDate())))
        .isEqualTo("gjenåpnet, venter på ny innsending");
    r.submit(3L, "{}", "Z990002", late);
    assertThat(DashboardView.ReportRow.status(r, true, false)).isEqualTo("sendt inn på nytt");

    var first = no.nav.ia.scorecard.Report.draft("03", half);
    first.editSections(0, sections, "Z990002", late);
    first.submit(1L, "{}", "Z990002", late);
    assertThat(DashboardView.ReportRow.status(first, false, false))
        .isEqualTo("sendt inn etter fristen");
    first.reopen(2L, "Mangler juni", "Z990003", late);
    assertThat(DashboardView.ReportRow.status(first, true, false))
        .isEqualTo("gjenåpnet, venter på ny innsending (først sendt inn etter fristen)");
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
  void aCountyWithCoursesButNoDirectDeliveriesSaysSo() {
    Card course = card("COUNTY", "18", 1, 0, 0, 0, 0);
    Card onlyCourses =
        new Card(
            course.scope(),
            course.period(),
            course.deliveries(),
            Map.of("DIRECT", 0L, "COURSE", 1L, "INFORMATION", 0L),
            null,
            new Card.Target(Card.SYSTEM_SHARE_MIN, null),
            course.trend(),
            course.previousYear(),
            course.forecast(),
            course.agreements(),
            course.resigning(),
            course.registrationLag(),
            course.asOf());
    DashboardView.Row row = DashboardView.Row.of(onlyCourses);
    assertThat(row.total()).isEqualTo("1");
    assertThat(row.shareText()).isEqualTo("–");
    assertThat(row.targetText()).isEqualTo("ingen direkte leveranser");
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
  void aPeriodThatCannotBeReadOffersTheSamePeriodsAsTheFiguresPage() {
    List<String> withFigures = List.of("2025-03", "2025", "2025-H1", "2026-Q1", "2026");
    DashboardView invalid =
        DashboardView.invalid(
            "2026-H3", "grunn", "Z990002", withFigures, LocalDate.of(2026, 5, 20));
    assertThat(invalid.periods())
        .as("the periods with figures, newest first, without the unreadable one")
        .isEqualTo(DashboardView.periodsWithFigures(withFigures, null, LocalDate.of(2026, 5, 20)));
    assertThat(invalid.periods().get(0).periods()).containsExactly("2026", "2026-Q1");
    assertThat(invalid.periods().get(1).periods()).containsExactly("2025", "2025-H1", "2025-03");
    assertThat(invalid.error()).isEqualTo("grunn");
    assertThat(invalid.rows()).isEmpty();
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
    assertThat(view.focus().chartLabel())
        .isEqualTo("Leveranser per måned, november 2024 til desember 2024");
    assertThat(view.focus().trend().get(1).directHeight())
        .isEqualTo(DashboardView.Focus.HEIGHT / 2);
    assertThat(view.focus().forms())
        .extracting(DashboardView.FormPart::name)
        .contains("Direkte i virksomheten", "Kurs", "Informasjonsarbeid");
  }

  @Test
  void theFormSharesAddUpToAHundredPercent() {
    // 3, 2 and 2 of 7 are 42.9, 28.6 and 28.6 %: rounded each on its own they made 101 %.
    assertThat(Norwegian.wholePercents(List.of(3L, 2L, 2L)))
        .containsExactly("43 %", "29 %", "28 %");
    assertThat(Norwegian.wholePercents(List.of(1L, 1L, 1L)))
        .containsExactly("34 %", "33 %", "33 %");
    assertThat(Norwegian.wholePercents(List.of(5L, 0L, 0L))).containsExactly("100 %", "0 %", "0 %");
    assertThat(Norwegian.wholePercents(List.of(0L, 0L))).containsExactly("–", "–");
    Card card = card("COUNTY", "03", 4, 3, 0, 0, 0);
    Map<String, Long> byForm = new java.util.LinkedHashMap<>();
    byForm.put("DIRECT", 3L);
    byForm.put("COURSE", 2L);
    byForm.put("INFORMATION", 2L);
    Card split =
        new Card(
            card.scope(),
            card.period(),
            card.deliveries(),
            byForm,
            card.systemShare(),
            card.target(),
            card.trend(),
            card.previousYear(),
            card.forecast(),
            card.agreements(),
            card.resigning(),
            card.registrationLag(),
            card.asOf());
    DashboardView view =
        DashboardView.of("2024", null, List.of(), "Z990002", null, LocalDate.of(2024, 5, 2))
            .with(split, List.of(), List.of());
    assertThat(view.focus().forms())
        .extracting(DashboardView.FormPart::share)
        .containsExactly("43 %", "29 %", "28 %");
  }

  @Test
  void aMonthWithOneDeliverySaysLeveranseInTheSingular() {
    DashboardView.Bar one =
        DashboardView.Bar.of(new Card.TrendMonth(YearMonth.of(2019, 3), 1, 1, 1.0), 0, 1);
    assertThat(one.title()).isEqualTo("mars 2019: 1 leveranse, 1 direkte, 100,0 % systemrettet");
  }

  @Test
  void noChangeFromTheYearBeforeHasNoSign() {
    DashboardView.Row same = DashboardView.Row.of(card("COUNTY", "03", 2, 1, 3, 0, 0));
    assertThat(same.changeText()).isEqualTo("0 %");
    assertThat(Norwegian.change(0.001)).isEqualTo("0 %");
    assertThat(Norwegian.change(-0.004)).isEqualTo("0 %");
    assertThat(Norwegian.change(-0.006)).isEqualTo("−1 %");
  }

  @Test
  void largeNumbersAreGroupedWithANoBreakSpaceInEveryTable() {
    DashboardView.Row row = DashboardView.Row.of(card("COUNTY", "03", 9_000, 3_345, 1_200, 0, 0));
    assertThat(row.total()).isEqualTo("12\u00a0345");
    assertThat(row.previousTotal()).isEqualTo("1\u00a0200");
    assertThat(row.changeText()).isEqualTo("+929 %");
    DashboardView view =
        DashboardView.of("2024", null, List.of(), "Z990002", null, LocalDate.of(2024, 5, 2))
            .with(card("COUNTY", "03", 9_000, 3_345, 0, 0, 0), List.of(), List.of());
    assertThat(view.focus().forms())
        .filteredOn(f -> f.form().equals("DIRECT"))
        .extracting(DashboardView.FormPart::count)
        .containsExactly("12\u00a0345");
    assertThat(
            DashboardView.AdviserRow.of(
                new no.nav.ia.scorecard.rest.Advisers.Adviser(
                    "Z990001", 2_500, 2_000, 500, 2_500, 0.8, 1_001)))
        .extracting(
            DashboardView.AdviserRow::total,
            DashboardView.AdviserRow::system,
            DashboardView.AdviserRow::enterprises)
        .containsExactly("2\u00a0500", "2\u00a0000", "1\u00a0001");
  }

  @Test
  void thePickerShowsPeriodsInWordsAndKeepsTheirIdsAsValues() {
    List<DashboardView.PeriodGroup> groups =
        DashboardView.periodsWithFigures(
            List.of("2026-Q3", "2026-H1", "2026-11"), "2026", LocalDate.of(2026, 12, 1));
    assertThat(groups.get(0).options())
        .containsExactly(
            new DashboardView.PeriodOption("2026", "2026"),
            new DashboardView.PeriodOption("2026-H1", "1. halvår 2026"),
            new DashboardView.PeriodOption("2026-Q3", "3. kvartal 2026"),
            new DashboardView.PeriodOption("2026-11", "november 2026"));
  }

  @Test
  void aYearOutsideTheRangeIsExplainedAsSuch() {
    assertThat(Norwegian.invalidPeriod("1999"))
        .contains("«1999»")
        .contains("fra 2000 til 2100")
        .doesNotContain("er ikke en periode");
    assertThat(Norwegian.invalidPeriod("2026-13")).contains("01 til 12");
    assertThat(Norwegian.invalidPeriod("1999-01019010046")).startsWith("«1999» er utenfor");
    assertThat(Norwegian.invalidPeriod("2026-H3"))
        .isEqualTo("«2026-H3» er ikke en periode. Velg år, halvår, kvartal eller måned.");
    // Whatever else was typed is not said back (a security review: an identity number would be).
    for (String typed : List.of("01019010046", "<script>x</script>", "siste år", "2026-H1x1")) {
      assertThat(Norwegian.invalidPeriod(typed))
          .as(typed)
          .isEqualTo("Det du skrev er ikke en periode. Velg år, halvår, kvartal eller måned.");
    }
  }
}
