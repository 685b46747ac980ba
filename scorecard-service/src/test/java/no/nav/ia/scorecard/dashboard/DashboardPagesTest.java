package no.nav.ia.scorecard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.nav.ia.scorecard.ReportStatus;
import no.nav.ia.scorecard.rest.Card;
import no.nav.ia.scorecard.rest.ReportView;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's and the report's templates rendered as the service renders them (Qute, HTML
 * escaped), without Quarkus: what the user reads, and nothing the pages' Content-Security-Policy
 * (no scripts at all) would block.
 */
class DashboardPagesTest {

  private static final Engine QUTE =
      Engine.builder()
          .addDefaults()
          .addValueResolver(new ReflectionValueResolver())
          .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
          .build();

  static String render(String template, Map<String, Object> data) {
    try (InputStream in =
        DashboardPagesTest.class.getResourceAsStream("/templates/" + template + ".html")) {
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      var instance = QUTE.parse(source, Variant.forContentType(Variant.TEXT_HTML)).instance();
      data.forEach(instance::data);
      return instance.render();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String dashboard(DashboardView view) {
    return render(
        "DashboardResource/dashboard",
        Map.of("view", view, "targetLine", DashboardView.TARGET_LINE));
  }

  static ReportView report(long previousTotal, Double change) {
    return report(previousTotal, null, change);
  }

  static ReportView report(long previousTotal, Card.SameDays sameDays, Double change) {
    return report(previousTotal, sameDays, change, new ReportView.Sections(null, null, null, null));
  }

  static ReportView report(
      long previousTotal, Card.SameDays sameDays, Double change, ReportView.Sections sections) {
    return report(previousTotal, sameDays, change, sections, null);
  }

  /** A draft of 2026-H1; {@code deliveries} its card's, or (null) 2 system- and 1 individual. */
  static ReportView report(
      long previousTotal,
      Card.SameDays sameDays,
      Double change,
      ReportView.Sections sections,
      Card.Deliveries deliveries) {
    Card figures = DashboardViewTest.card("COUNTY", "03", 2, 1, 0, 0, 0);
    Card withYearBefore =
        new Card(
            figures.scope(),
            figures.period(),
            deliveries == null ? figures.deliveries() : deliveries,
            figures.byForm(),
            figures.systemShare(),
            figures.target(),
            figures.trend(),
            new Card.PreviousYear("2025-H1", previousTotal, sameDays, change),
            figures.forecast(),
            figures.agreements(),
            figures.resigning(),
            figures.registrationLag(),
            figures.asOf());
    return new ReportView(
        figures.scope(),
        new Card.PeriodView("2026-H1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
        ReportStatus.DRAFT,
        LocalDate.of(2026, 9, 1),
        false,
        false,
        1,
        withYearBefore,
        sections,
        null,
        null,
        null,
        List.of(),
        null,
        List.of());
  }

  /**
   * A submitted report whose section a manager erased said "Ikke skrevet ennå." under a heading of
   * a report marked submitted (a re-check's reading): it says the text was erased, by whom, when.
   */
  @Test
  void anErasedSectionSaysSoWhereItsTextWas() {
    ReportView base = report(1, 2.0);
    ReportView erased =
        new ReportView(
            base.county(),
            base.period(),
            ReportStatus.SUBMITTED,
            base.due(),
            false,
            false,
            3,
            base.figures(),
            new ReportView.Sections("Møter i rådet", null, null, "Ingen"),
            "Z990002",
            java.time.OffsetDateTime.parse("2026-08-20T10:00:00Z"),
            java.time.OffsetDateTime.parse("2026-08-20T10:00:00Z"),
            List.of(),
            null,
            List.of(
                new ReportView.ErasedSection(
                    "industries",
                    "Z990003",
                    java.time.OffsetDateTime.parse("2026-09-02T08:15:00Z"))));
    String page = render("ReportResource/report", Map.of("page", ReportPage.of(erased, "Z990002")));
    assertThat(page)
        .contains(
            "id=\"section-industries\">Teksten er slettet av Z990003 2. september 2026 kl. 10:15.</p>")
        .contains("id=\"section-effects\">Ikke skrevet ennå.</p>");
  }

  @Test
  void theReportPageHasNoScriptAndTellsHowToPrint() {
    String page =
        render("ReportResource/report", Map.of("page", ReportPage.of(report(1, 2.0), "Z990002")));
    assertThat(page)
        .as("an inline handler is blocked by the policy: the link would do nothing")
        .doesNotContainPattern("(?i)\\son[a-z]+=")
        .doesNotContain("<script")
        .doesNotContain("javascript:")
        .contains("Ctrl+P");
  }

  /**
   * A review left the report page with no way to log out, and its link back opened the dashboard at
   * this year rather than at the half-year the report is of.
   */
  @Test
  void theReportPageLeadsBackToItsHalfYearAndLogsOut() {
    String page =
        render("ReportResource/report", Map.of("page", ReportPage.of(report(1, 2.0), "Z990002")));
    assertThat(page)
        .contains(
            "<a id=\"to-dashboard\" href=\"/dashboard?period=2026-H1\">Til målekortet for 1."
                + " halvår 2026</a>")
        .contains("<form class=\"logout\" method=\"post\" action=\"/dashboard/logout\">")
        .contains("<button id=\"logout\" type=\"submit\">Logg ut</button>");
  }

  /**
   * A word longer than the 50rem column (a pasted address, a long compound) ran out of it: the
   * section's text breaks inside such a word, keeping its line breaks, and so does the page's other
   * text.
   */
  @Test
  void aVeryLongWordInASectionBreaksInsideTheColumn() {
    String word = "https://example.test/" + "a".repeat(300);
    String page =
        render(
            "ReportResource/report",
            Map.of(
                "page",
                ReportPage.of(
                    report(
                        1,
                        null,
                        2.0,
                        new ReportView.Sections(word + "\nneste linje", null, null, null)),
                    "Z990002")));
    assertThat(page)
        .contains(
            "<div class=\"section-text\" id=\"section-iaCouncil\">" + word + "\nneste linje</div>")
        .containsPattern(
            "\\.section-text \\{[^}]*white-space: pre-wrap;[^}]*overflow-wrap: anywhere;")
        .containsPattern("body \\{[^}]*overflow-wrap: break-word;");
  }

  /**
   * DOMAIN.md's key figures besides the deliveries are on the page as in the JSON: the year's
   * forecast and the re-signing (a review found neither), and a draft says when its figures were
   * taken, so that a printed draft can be dated.
   */
  @Test
  void theReportPageShowsTheForecastTheResigningAndWhenADraftsFiguresWereTaken() {
    var asOf = java.time.OffsetDateTime.parse("2026-07-01T12:05:00Z");
    ReportPage page =
        ReportPage.of(
            withFigures(
                report(1, 2.0),
                new Card.ForecastView(1234),
                new Card.Resigning(java.util.UUID.randomUUID(), 40, 30, 0.75),
                asOf),
            "Z990002");
    assertThat(page.figures())
        .contains(
            new ReportPage.Line("Prognose for leveranser i året", "1\u00a0234"),
            new ReportPage.Line("Avtaler til re-signering", "40"),
            new ReportPage.Line("Re-signerte avtaler", "30"));
    assertThat(page.figures())
        .filteredOn(l -> l.label().equals("Andel re-signert"))
        .extracting(ReportPage.Line::value)
        .singleElement()
        .asString()
        .startsWith("75");
    assertThat(page.statusText()).endsWith("(tall per 1. juli 2026 kl. 14:05)");
    assertThat(render("ReportResource/report", Map.of("page", page)))
        .contains("<th scope=\"row\">Avtaler til re-signering</th><td class=\"value\">40</td>");
    ReportPage noCampaign =
        ReportPage.of(
            withFigures(
                report(1, 2.0),
                new Card.ForecastView(0),
                new Card.Resigning(null, 0, 0, null),
                null),
            "Z990002");
    assertThat(noCampaign.figures())
        .contains(new ReportPage.Line("Re-signering", "ingen kampanje"));
    assertThat(noCampaign.statusText()).doesNotContain("tall per");
  }

  /** The draft with its card's forecast, re-signing and "as of" replaced. */
  private static ReportView withFigures(
      ReportView draft,
      Card.ForecastView forecast,
      Card.Resigning resigning,
      java.time.OffsetDateTime asOf) {
    Card f = draft.figures();
    Card figures =
        new Card(
            f.scope(),
            f.period(),
            f.deliveries(),
            f.byForm(),
            f.systemShare(),
            f.target(),
            f.trend(),
            f.previousYear(),
            forecast,
            f.agreements(),
            resigning,
            f.registrationLag(),
            asOf);
    return new ReportView(
        draft.county(),
        draft.period(),
        draft.status(),
        draft.due(),
        draft.overdue(),
        draft.submittedLate(),
        draft.version(),
        figures,
        draft.sections(),
        null,
        null,
        null,
        List.of(),
        null,
        List.of());
  }

  @Test
  void theReportPageCountsTheDeliveriesPerServiceAndPerSubGoalUnderTheirNorwegianNames() {
    Card.Deliveries deliveries =
        new Card.Deliveries(
            1234,
            1234,
            0,
            Map.of("SICK_LEAVE", 1200L, "RECRUITMENT", 34L),
            Map.of("1", 1200L, "2", 34L));
    ReportPage page =
        ReportPage.of(
            report(1, null, 2.0, new ReportView.Sections(null, null, null, null), deliveries),
            "Z990002");
    assertThat(page.byService())
        .extracting(ReportPage.Line::label)
        .containsExactly(
            "IA-veiledning",
            "Mål- og handlingsplan",
            "Forebygge og redusere sykefravær",
            "Rekruttere nye medarbeidere",
            "Senior- og livsfasearbeid",
            "Måle og evaluere",
            "Kontaktpersonrollen");
    assertThat(page.bySubGoal())
        .containsExactly(
            new ReportPage.Line("Delmål 1", "1\u00a0200"),
            new ReportPage.Line("Delmål 2", "34"),
            new ReportPage.Line("Delmål 3", "0"));
    assertThat(render("ReportResource/report", Map.of("page", page)))
        .contains("<h3>Leveranser per tjeneste</h3>")
        .contains(
            "<tr><th scope=\"row\">Forebygge og redusere sykefravær</th>"
                + "<td class=\"value\">1\u00a0200</td></tr>")
        .contains("<h3>Leveranser per delmål</h3>")
        .contains("<tr><th scope=\"row\">Delmål 2</th><td class=\"value\">34</td></tr>");
  }

  @Test
  void theReportCountsOneDeliveryOfTheYearBeforeInTheSingular() {
    ReportPage one = ReportPage.of(report(1, 2.0), "Z990002");
    assertThat(one.previousYearText()).isEqualTo("1 leveranse i 1. halvår 2025 (+200 %)");
    ReportPage same = ReportPage.of(report(3, 0.0), "Z990002");
    assertThat(same.previousYearText()).isEqualTo("3 leveranser i 1. halvår 2025 (0 %)");
    // The half-year's id is in the link back to the dashboard only, not in the page's words.
    assertThat(render("ReportResource/report", Map.of("page", one)).replace("?period=2026-H1", ""))
        .contains("Samme periode året før: 1 leveranse i 1. halvår 2025")
        .contains("<title>Halvårsrapport for 1. halvår 2026 – ")
        .contains("<h1>Halvårsrapport for 1. halvår 2026</h1>")
        // A keyboard user passes the links and the logout form with one key (a UU review).
        .contains("<a class=\"skip no-print\" href=\"#main\">Hopp til hovedinnhold</a>")
        .contains("<main id=\"main\">\n<h1>")
        .doesNotContain("2025-H1")
        .doesNotContain("2026-H1");
  }

  @Test
  void aDraftOfAHalfYearUnderWayNamesTheSameDaysItIsComparedWith() {
    ReportPage draft =
        ReportPage.of(report(40, new Card.SameDays(LocalDate.of(2025, 3, 5), 12), 0.5), "Z990002");
    assertThat(draft.previousYearText())
        .isEqualTo("40 leveranser i 1. halvår 2025, 12 til og med 5. mars 2025 (+50 %)");
  }

  @Test
  void theDashboardShowsNoInternalReferencesAndNamesTheChartsMonths() {
    DashboardView view =
        DashboardView.of("2019", null, List.of(), "Z990002", null, LocalDate.of(2026, 5, 20))
            .with(DashboardViewTest.card("COUNTY", "03", 4, 2, 0, 0, 0), List.of(), List.of());
    String page = dashboard(view);
    assertThat(page)
        .doesNotContain("seed")
        .doesNotContain("de siste tolv månedene")
        .contains("aria-label=\"Leveranser per måned, november 2024 til desember 2024\"")
        .doesNotContainPattern("(?i)\\son[a-z]+=")
        .doesNotContain("<script");
  }

  /**
   * The chart is one image to a screen reader, its month titles out of reach: the figures are in a
   * table after it (folded, no script). The re-signing bar said "re-signert" twice.
   */
  @Test
  void theTrendChartsFiguresAreInATableAndTheResigningBarSaysItOnce() {
    Card card = DashboardViewTest.card("COUNTY", "03", 4, 2, 0, 40, 6);
    DashboardView view =
        DashboardView.of("2024", null, List.of(card), "Z990002", null, LocalDate.of(2026, 5, 20))
            .with(card, List.of(), List.of());
    assertThat(dashboard(view))
        .contains("<summary>Tallene i diagrammet</summary>")
        .contains(
            "<tr data-month=\"2024-11\"><th scope=\"row\">november 2024</th><td>4</td><td>2</td>"
                + "<td>2</td></tr>")
        .contains(
            "<tr data-month=\"2024-12\"><th scope=\"row\">desember 2024</th><td>2</td><td>2</td>"
                + "<td>0</td></tr>")
        .contains("<span class=\"resigning-text muted\">6 av 40 re-signert (15 %)</span>")
        // The bars draw what the words beside them say: a screen reader read both, and a county
        // without deliveries as "Systemrettet andel –" (a UU review).
        .doesNotContain("role=\"img\" aria-label=\"Systemrettet andel")
        .doesNotContain("role=\"img\" aria-label=\"6 av 40")
        .contains("<span class=\"bar\" aria-hidden=\"true\">")
        .doesNotContain("Re-signert 6 av 40");
  }

  @Test
  void thePickerShowsPeriodsInWordsWithTheirIdsAsValues() {
    DashboardView view =
        DashboardView.of("2026-Q3", null, List.of(), "Z990002", null, LocalDate.of(2026, 12, 1))
            .withPeriods(
                DashboardView.periodsWithFigures(
                    List.of("2026-Q3", "2026-H1", "2026-11"),
                    "2026-Q3",
                    LocalDate.of(2026, 12, 1)));
    assertThat(dashboard(view))
        .contains("<title>Målekort 3. kvartal 2026 – ")
        .contains("<caption class=\"muted\">Målekort per fylke, 3. kvartal 2026</caption>")
        .contains("<a class=\"skip\" href=\"#main\">Hopp til hovedinnhold</a>")
        .contains("<main id=\"main\">")
        // At 200 % zoom the table scrolls in its box, not the page (a UU review: 888 px in 625).
        .containsPattern("<div class=\"scroll\">\\s*<table id=\"scorecards\">")
        .containsPattern("\\.scroll \\{ overflow-x: auto; \\}")
        .contains("<option value=\"2026\">2026</option>")
        .contains("<option value=\"2026-H1\">1. halvår 2026</option>")
        .contains("<option value=\"2026-Q3\" selected>3. kvartal 2026</option>")
        .contains("<option value=\"2026-11\">november 2026</option>");
  }

  @Test
  void theReportsTableNamesTheHalfYearInWordsAndLinksByItsId() {
    DashboardView view =
        DashboardView.of("2026-H1", null, List.of(), "Z990002", null, LocalDate.of(2026, 7, 1))
            .with(
                null,
                List.of(),
                List.of(
                    new DashboardView.ReportRow(
                        "03",
                        "Oslo",
                        "2026-H1",
                        "utkast",
                        "",
                        "1. september 2026",
                        false,
                        "/dashboard/reports/03/2026-H1")));
    assertThat(dashboard(view))
        .contains("<th scope=\"row\">Oslo</th><td>1. halvår 2026</td>")
        // The link's words name the report, not only its status: a screen reader's list of links
        // gave a coordinator 30 times "ikke påbegynt" (a UU review).
        .contains(
            "href=\"/dashboard/reports/03/2026-H1\"><span class=\"sr\">Oslo, 1. halvår 2026: </span>"
                + "utkast</a>")
        .contains("href=\"/dashboard/cards.csv?period=2026-H1\"")
        .as("the national compilation is a coordinator's")
        .doesNotContain("reports.csv");
    assertThat(dashboard(view.withNationalReports()))
        .contains(
            "<a class=\"compilation\" href=\"/dashboard/reports.csv?period=2026-H1\" download>"
                + "Last ned halvårsrapportene for 1. halvår 2026 for Excel</a>");
  }

  @Test
  void theBadPeriodPageExplainsAndEscapesAndOffersOnlyPeriodsWithFigures() {
    String id = "<b>1999";
    DashboardView invalid =
        DashboardView.invalid(
            id,
            Norwegian.invalidPeriod(id),
            "Z990002",
            List.of("2025", "2025-Q2"),
            LocalDate.of(2026, 5, 20));
    String page = dashboard(invalid);
    assertThat(page)
        .as("what was typed is not said back, escaped or not: not shaped like a period")
        .doesNotContain("1999")
        .contains("Det du skrev er ikke en periode")
        .as("a long period in the message breaks inside the box")
        .containsPattern("\\.error \\{[^}]*overflow-wrap: anywhere;")
        .doesNotContain("<b>1999")
        .contains("<option value=\"2025-Q2\">2. kvartal 2025</option>")
        .doesNotContain("value=\"2026-01\"")
        .doesNotContain("value=\"2025-12\"");
    assertThat(page.indexOf("value=\"2026\"")).isLessThan(page.indexOf("value=\"2025\""));
    // Nowhere on the page, its title included (a review found an identity number there).
    String typed = "01019010046";
    assertThat(
            dashboard(
                DashboardView.invalid(
                    typed,
                    Norwegian.invalidPeriod(typed),
                    "Z990002",
                    List.of("2025"),
                    LocalDate.of(2026, 5, 20))))
        .doesNotContain(typed)
        .contains("<title>Ukjent periode – NAV Arbeidslivssenter</title>");
    assertThat(
            dashboard(
                DashboardView.invalid(
                    "2026-H3",
                    Norwegian.invalidPeriod("2026-H3"),
                    "Z990002",
                    List.of("2025"),
                    LocalDate.of(2026, 5, 20))))
        .contains("«2026-H3» er ikke en periode")
        // The page's title says what it is (a review's screen reader heard a period's name).
        .contains("<title>Ukjent periode – NAV Arbeidslivssenter</title>");
  }
}
