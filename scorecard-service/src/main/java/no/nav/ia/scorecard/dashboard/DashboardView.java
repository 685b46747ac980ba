package no.nav.ia.scorecard.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.scorecard.Tally;
import no.nav.ia.scorecard.rest.Card;

/**
 * What the managers' dashboard shows for one period: a row per county (and the nation for those who
 * see all counties) with the system share against the 2/3 line, the deliveries against the same
 * period a year before, and re-signing progress. The nation, when shown, is the first row. Numbers
 * are formatted here, Norwegian style, so the template only places them.
 */
public record DashboardView(
    String period,
    List<PeriodGroup> periods,
    List<Row> rows,
    String user,
    String asOf,
    String error,
    Focus focus,
    List<AdviserRow> advisers,
    List<ReportRow> reports,
    boolean nationalReports,
    boolean ownLine) {

  private static final Locale NB = Norwegian.NB;
  private static final DateTimeFormatter AS_OF =
      DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm:ss", NB);

  /**
   * The period as people name it (3. kvartal 2026), as the picker shows it; {@link #period} is its
   * id.
   */
  public String periodName() {
    return Norwegian.period(period);
  }

  /**
   * The advisers' table's heading: the viewer's own line ({@code ownLine}, an adviser's view), or
   * every adviser's (a manager's).
   */
  public String advisersHeading() {
    return ownLine ? "Dine leveranser" : "Per rådgiver";
  }

  /** Where the 2/3 target line sits on a share bar, in percent of its width. */
  public static final String TARGET_LINE = width(Card.SYSTEM_SHARE_MIN);

  /**
   * One line of the page: the nation, a region ({@code region}) or a county. Percentages are of the
   * bar's width (0-100), texts are ready to show.
   */
  public record Row(
      boolean national,
      String code,
      String name,
      String shareWidth,
      String shareText,
      String targetText,
      boolean targetMet,
      String total,
      String previousTotal,
      String changeText,
      String resigningWidth,
      String resigningText,
      boolean region) {

    public static Row of(Card card) {
      boolean national = "NATIONAL".equals(card.scope().type());
      Double share = card.systemShare();
      Boolean met = card.target().met();
      Card.Resigning resigning = card.resigning();
      return new Row(
          national,
          card.scope().code(),
          card.scope().name(),
          share == null ? "0" : width(share),
          share == null ? "–" : Norwegian.percent(share, 1),
          // The share is of direct deliveries: a period of courses and information work alone has
          // deliveries but no share (a manager read "ingen leveranser" beside a total of 1).
          met == null
              ? card.deliveries().total() == 0 ? "ingen leveranser" : "ingen direkte leveranser"
              : met ? "mål nådd" : "under 2/3",
          Boolean.TRUE.equals(met),
          Norwegian.count(card.deliveries().total()),
          // What the change is against: for a period under way, its days so far a year before.
          Norwegian.count(
              card.previousYear().sameDays() == null
                  ? card.previousYear().total()
                  : card.previousYear().sameDays().total()),
          Norwegian.change(card.previousYear().change()),
          resigning.rate() == null ? "0" : width(resigning.rate()),
          resigning.due() == 0
              ? "ingen i kampanje"
              : Norwegian.count(resigning.resigned())
                  + " av "
                  + Norwegian.count(resigning.due())
                  + " re-signert ("
                  + Norwegian.percent(resigning.rate(), 0)
                  + ")",
          "REGION".equals(card.scope().type()));
    }
  }

  /**
   * The card looked at closely (the own county, or the nation for those who see all): its month
   * trend as bars (direct deliveries and courses and information work stacked) and its form split.
   * {@code chartLabel} names the months the chart shows, for screen readers.
   */
  public record Focus(
      String name, List<Bar> trend, List<FormPart> forms, String chartMax, String chartLabel) {

    /** The chart's drawing area, in SVG units. */
    public static final int WIDTH = 600;

    public static final int HEIGHT = 160;
    static final int BAR_WIDTH = 36;
    static final int STEP = 48;

    static Focus of(Card card) {
      long max = card.trend().stream().mapToLong(Card.TrendMonth::total).max().orElse(0);
      List<Bar> bars = new ArrayList<>();
      for (int i = 0; i < card.trend().size(); i++) {
        bars.add(Bar.of(card.trend().get(i), i, Math.max(max, 1)));
      }
      List<Map.Entry<String, Long>> byForm = List.copyOf(card.byForm().entrySet());
      List<String> shares =
          Norwegian.wholePercents(byForm.stream().map(Map.Entry::getValue).toList());
      List<FormPart> forms = new ArrayList<>();
      for (int i = 0; i < byForm.size(); i++) {
        String form = byForm.get(i).getKey();
        forms.add(
            new FormPart(
                form,
                Tally.FORM_NAMES.getOrDefault(form, form),
                Norwegian.count(byForm.get(i).getValue()),
                shares.get(i)));
      }
      return new Focus(card.scope().name(), bars, forms, Norwegian.count(max), chartLabel(card));
    }

    /** {@code Leveranser per måned, januar 2019 til desember 2019}. */
    static String chartLabel(Card card) {
      List<Card.TrendMonth> trend = card.trend();
      if (trend.isEmpty()) {
        return "Leveranser per måned: ingen måneder å vise";
      }
      YearMonth first = trend.get(0).month();
      YearMonth last = trend.get(trend.size() - 1).month();
      return "Leveranser per måned, "
          + (first.equals(last)
              ? Norwegian.month(first)
              : Norwegian.month(first) + " til " + Norwegian.month(last));
    }
  }

  /** One month of the trend chart, with its geometry ready for the SVG. */
  public record Bar(
      String month,
      String label,
      long total,
      long direct,
      int x,
      int labelX,
      int directY,
      int directHeight,
      int otherY,
      int otherHeight,
      String title) {

    /** The month in words ({@code november 2024}), for the chart's table. */
    public String monthName() {
      return Norwegian.month(YearMonth.parse(month));
    }

    public String totalText() {
      return Norwegian.count(total);
    }

    public String directText() {
      return Norwegian.count(direct);
    }

    /** Courses and information work: what is not direct. */
    public String otherText() {
      return Norwegian.count(total - direct);
    }

    static Bar of(Card.TrendMonth m, int index, long max) {
      int directHeight = (int) Math.round((double) m.direct() / max * Focus.HEIGHT);
      int otherHeight = (int) Math.round((double) (m.total() - m.direct()) / max * Focus.HEIGHT);
      int x = index * Focus.STEP + 6;
      return new Bar(
          m.month().toString(),
          MONTH.format(m.month()),
          m.total(),
          m.direct(),
          x,
          x + Focus.BAR_WIDTH / 2,
          Focus.HEIGHT - directHeight,
          directHeight,
          Focus.HEIGHT - directHeight - otherHeight,
          otherHeight,
          Norwegian.month(m.month())
              + ": "
              + Norwegian.deliveries(m.total())
              + ", "
              + Norwegian.count(m.direct())
              + " direkte"
              + (m.systemShare() == null
                  ? ""
                  : ", " + Norwegian.percent(m.systemShare(), 1) + " systemrettet"));
    }
  }

  /** A form's deliveries and its part of all. */
  public record FormPart(String form, String name, String count, String share) {}

  /** One adviser's line, for the county's manager or for the adviser themselves. */
  public record AdviserRow(
      String navIdent,
      String total,
      String system,
      String individual,
      String direct,
      String shareText,
      String enterprises) {

    public static AdviserRow of(no.nav.ia.scorecard.rest.Advisers.Adviser a) {
      return new AdviserRow(
          a.navIdent(),
          Norwegian.count(a.total()),
          Norwegian.count(a.system()),
          Norwegian.count(a.individual()),
          Norwegian.count(a.direct()),
          a.systemShare() == null ? "–" : Norwegian.percent(a.systemShare(), 1),
          Norwegian.count(a.enterprises()));
    }
  }

  /**
   * A county's half-year report: its status, how many of its figures have moved since it was
   * submitted (empty when none, or none known), and the link to its page.
   */
  public record ReportRow(
      String code,
      String name,
      String period,
      String status,
      String changed,
      String due,
      boolean overdue,
      String link) {

    /** The half-year as people name it (1. halvår 2026). */
    public String periodName() {
      return Norwegian.period(period);
    }

    /**
     * Its status in words: a reopened report is told from one never sent, and one nobody has
     * written in (version 0) from a draft under way (a review's coordinator could not tell them).
     */
    static String status(no.nav.ia.scorecard.Report report, boolean reopened, boolean overdue) {
      String late = report.submittedLate() ? " (først sendt inn etter fristen)" : "";
      if (report.submitted()) {
        return reopened
            ? "sendt inn på nytt" + late
            : "sendt inn" + (late.isEmpty() ? "" : " etter fristen");
      }
      if (reopened) {
        return "gjenåpnet, venter på ny innsending" + late;
      }
      String draft = report.version == 0 ? "ikke påbegynt" : "utkast";
      return overdue ? draft + ", frist passert" : draft;
    }

    /**
     * The figures moved since submission, in words: the coordinators find the reports to look at
     * again on the page (a review found it only in the Excel file).
     */
    static String changed(int figures) {
      return figures == 0 ? "" : Norwegian.count(figures) + " tall endret etter innsending";
    }

    public static ReportRow of(no.nav.ia.scorecard.service.ReportService.Reading r) {
      var report = r.report();
      boolean overdue = report.overdue(r.today());
      return new ReportRow(
          r.county().code(),
          r.county().name(),
          report.period,
          status(report, r.reopening().isPresent(), overdue),
          changed(no.nav.ia.scorecard.rest.ReportView.changedSinceSubmission(r).size()),
          DAY.format(report.halfYear().due()),
          overdue,
          "/dashboard/reports/" + r.county().code() + "/" + report.period);
    }
  }

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", NB);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", NB);

  /** The same view with the closer look, the advisers and the reports added. */
  public DashboardView with(Card focus, List<AdviserRow> advisers, List<ReportRow> reports) {
    return new DashboardView(
        period,
        periods,
        rows,
        user,
        asOf,
        error,
        focus == null ? null : Focus.of(focus),
        List.copyOf(advisers),
        List.copyOf(reports),
        nationalReports,
        ownLine);
  }

  /**
   * The same view as an adviser's: the advisers' table is their own line, shown (with a word when
   * there is none) under "Dine leveranser".
   */
  public DashboardView withOwnLine() {
    return new DashboardView(
        period, periods, rows, user, asOf, error, focus, advisers, reports, nationalReports, true);
  }

  /**
   * The same view for a coordinator: the half-years' national compilations offered for Excel
   * ({@link #compilations}).
   */
  public DashboardView withNationalReports() {
    return new DashboardView(
        period, periods, rows, user, asOf, error, focus, advisers, reports, true, ownLine);
  }

  /**
   * The national compilation of each half-year the reports are listed for, as Excel set to
   * Norwegian opens it: for coordinators, none for others.
   */
  public List<Link> compilations() {
    if (!nationalReports) {
      return List.of();
    }
    return reports.stream()
        .map(ReportRow::period)
        .distinct()
        .map(
            half ->
                new Link(
                    "/dashboard/reports.csv?period=" + half,
                    "Last ned halvårsrapportene for " + Norwegian.period(half) + " for Excel"))
        .toList();
  }

  /** The same view with the picker offering these periods (those with figures). */
  public DashboardView withPeriods(List<PeriodGroup> offered) {
    return new DashboardView(
        period,
        offered,
        rows,
        user,
        asOf,
        error,
        focus,
        advisers,
        reports,
        nationalReports,
        ownLine);
  }

  /** A link the page offers: where it goes and what it says. */
  public record Link(String href, String label) {}

  /** The periods offered in the picker, grouped by year. */
  public record PeriodGroup(String year, List<PeriodOption> options) {

    /** The offered ids, in the picker's order. */
    public List<String> periods() {
      return options.stream().map(PeriodOption::id).toList();
    }

    static PeriodGroup of(String year, List<String> ids) {
      return new PeriodGroup(year, ids.stream().map(PeriodOption::of).toList());
    }
  }

  /** One choice in the picker: the id is the option's value, the label what the user reads. */
  public record PeriodOption(String id, String label) {

    static PeriodOption of(String id) {
      return new PeriodOption(id, Norwegian.period(id));
    }
  }

  public static DashboardView of(
      String period,
      Card national,
      List<Card> counties,
      String user,
      OffsetDateTime asOf,
      LocalDate today) {
    return of(period, national, List.of(), counties, user, asOf, today);
  }

  /** The page's lines: the nation, then the regions, then the counties. */
  public static DashboardView of(
      String period,
      Card national,
      List<Card> regions,
      List<Card> counties,
      String user,
      OffsetDateTime asOf,
      LocalDate today) {
    List<Row> rows = new ArrayList<>();
    if (national != null) {
      rows.add(Row.of(national));
    }
    regions.stream().map(Row::of).forEach(rows::add);
    counties.stream().map(Row::of).forEach(rows::add);
    return new DashboardView(
        period,
        periodsWithFigures(List.of(), period, today),
        List.copyOf(rows),
        user,
        asOf == null
            ? "ingen hendelser ennå"
            : AS_OF.format(asOf.atZoneSameInstant(NorwegianTime.ZONE)),
        null,
        null,
        List.of(),
        List.of(),
        false,
        false);
  }

  /**
   * The page for a period that could not be read: the reason, no figures, and the same picker as
   * the figures' page (the periods with figures, newest first) to choose a period that can be
   * shown.
   */
  public static DashboardView invalid(
      String period, String reason, String user, Collection<String> withFigures, LocalDate today) {
    return new DashboardView(
        // The page's title and picker say it back only when shaped like a period.
        Norwegian.isPeriodLike(period) ? period : "",
        periodsWithFigures(withFigures, null, today),
        List.of(),
        user,
        null,
        reason,
        null,
        List.of(),
        List.of(),
        false,
        false);
  }

  /**
   * The periods that have figures, grouped by year, newest first (within a year: the year, then its
   * halves, quarters and months, latest first); this year is always offered, and the chosen period
   * is kept when it is none of them.
   */
  public static List<PeriodGroup> periodsWithFigures(
      java.util.Collection<String> ids, String chosen, LocalDate today) {
    java.util.TreeMap<String, List<String>> byYear =
        new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    byYear
        .computeIfAbsent(String.valueOf(today.getYear()), y -> new ArrayList<>())
        .add(String.valueOf(today.getYear()));
    for (String id : ids) {
      List<String> year = byYear.computeIfAbsent(id.substring(0, 4), y -> new ArrayList<>());
      if (!year.contains(id)) {
        year.add(id);
      }
    }
    List<PeriodGroup> groups = new ArrayList<>();
    byYear.forEach(
        (year, periods) -> {
          periods.sort(java.util.Comparator.comparingInt(DashboardView::newestFirst));
          groups.add(PeriodGroup.of(year, periods));
        });
    if (chosen != null && groups.stream().noneMatch(g -> g.periods().contains(chosen))) {
      groups.add(0, PeriodGroup.of("Valgt", List.of(chosen)));
    }
    return groups;
  }

  /** The year, H2, H1, Q4 to Q1, then December to January. */
  private static int newestFirst(String id) {
    if (id.length() == 4) {
      return 0;
    }
    String part = id.substring(5);
    return switch (part.charAt(0)) {
      case 'H' -> 3 - (part.charAt(1) - '0');
      case 'Q' -> 7 - (part.charAt(1) - '0');
      default -> 19 - Integer.parseInt(part);
    };
  }

  /** A percentage for CSS: a decimal point, whatever the locale. */
  private static String width(double fraction) {
    return String.format(Locale.ROOT, "%.2f", Math.max(0, Math.min(1, fraction)) * 100);
  }
}
