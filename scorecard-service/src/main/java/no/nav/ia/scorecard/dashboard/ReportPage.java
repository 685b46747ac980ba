package no.nav.ia.scorecard.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import no.nav.ia.platform.domain.ServiceCode;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.scorecard.Tally;
import no.nav.ia.scorecard.rest.Card;
import no.nav.ia.scorecard.rest.ReportView;

/**
 * A half-year report as a printable page: the figures with the 2/3 target and the year before, the
 * deliveries per service and per sub-goal (DOMAIN.md's key figures), the written sections under the
 * headings of seed 001, and what has changed since submission. Texts are made here, Norwegian
 * style; the template only places them (and escapes them).
 */
public record ReportPage(
    String countyName,
    String countyCode,
    String period,
    String user,
    boolean submitted,
    String statusText,
    String reopenedText,
    String dueText,
    boolean overdue,
    List<Line> figures,
    List<Line> byService,
    List<Line> bySubGoal,
    String shareText,
    String targetText,
    boolean targetMet,
    String previousYearText,
    List<Section> sections,
    List<Change> changes) {

  private static final Locale NB = Norwegian.NB;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", NB);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm", NB);

  /** The half-year as people name it (1. halvår 2026); {@link #period} is its id. */
  public String periodName() {
    return Norwegian.period(period);
  }

  /** The sections' headings, after what seed 001 asks the report to account for. */
  static final Map<String, String> HEADINGS =
      Map.of(
          "iaCouncil", "IA-rådets arbeid: hva myndighetene og partene har gjort sammen",
          "industries", "Næringer, bransjer og sektorer med særlige aktiviteter",
          "effects", "Tiltak og vurdering av effekt",
          "funds", "Bruk av midler");

  private static final Map<String, String> FIGURES =
      Map.ofEntries(
          Map.entry("deliveries.total", "Leveranser i alt"),
          Map.entry("deliveries.system", "Systemrettede"),
          Map.entry("deliveries.individual", "Individrettede"),
          Map.entry("systemShare", "Systemrettet andel av direkte leveranser"),
          Map.entry("target.met", "Mål om minst 2/3 nådd"),
          Map.entry("agreements.active", "Aktive IA-avtaler"),
          Map.entry("agreements.newInPeriod", "Nye avtaler i perioden"),
          Map.entry("agreements.withContactPerson", "Avtaler med kontaktperson"),
          Map.entry("agreements.withDelivery", "Avtaler med leveranse"),
          Map.entry("forecast.yearTotal", "Prognose for leveranser i året"),
          Map.entry("resigning.due", "Avtaler til re-signering"),
          Map.entry("resigning.resigned", "Re-signerte avtaler"),
          Map.entry("resigning.rate", "Andel re-signert"),
          Map.entry("previousYear.total", "Leveranser samme periode året før"));

  /** The figures per service and per sub-goal, named by their code after these. */
  private static final String BY_SERVICE = "deliveries.byService.";

  private static final String BY_SUB_GOAL = "deliveries.bySubGoal.";

  private static final String BY_FORM = "byForm.";

  /** A figure and its value. */
  public record Line(String label, String value) {}

  /**
   * A table of figures: its id, the heading above it and the heading of its names' column (none for
   * the figures of the period, which stand under the page's own heading), and its lines.
   */
  public record Table(String id, String heading, String column, List<Line> lines) {}

  /** The page's tables of figures: the period's, then deliveries per service and per sub-goal. */
  public List<Table> tables() {
    return List.of(
        new Table("figures", null, null, figures),
        new Table("by-service", "Leveranser per tjeneste", "Tjeneste", byService),
        new Table("by-sub-goal", "Leveranser per delmål", "Delmål", bySubGoal));
  }

  /**
   * A written section; {@code text} is empty when nothing is written, and {@code erased} then says
   * who erased its text and when, if someone did (null otherwise).
   */
  public record Section(String id, String heading, String text, String erased) {}

  /** A section's heading on the page and in the Excel file, by its field name. */
  public static String heading(String field) {
    return HEADINGS.get(field);
  }

  /** A figure that moved after submission. */
  public record Change(String label, String submitted, String now) {}

  public static ReportPage of(ReportView r, String user) {
    Card c = r.figures();
    List<Line> figures = new ArrayList<>();
    figures.add(new Line(FIGURES.get("deliveries.total"), num(c.deliveries().total())));
    figures.add(new Line(FIGURES.get("deliveries.system"), num(c.deliveries().system())));
    figures.add(new Line(FIGURES.get("deliveries.individual"), num(c.deliveries().individual())));
    c.byForm().forEach((form, n) -> figures.add(new Line(label("byForm." + form), num(n))));
    figures.add(new Line(FIGURES.get("agreements.active"), num(c.agreements().active())));
    figures.add(new Line(FIGURES.get("agreements.newInPeriod"), num(c.agreements().newInPeriod())));
    figures.add(
        new Line(
            FIGURES.get("agreements.withContactPerson"), num(c.agreements().withContactPerson())));
    figures.add(
        new Line(FIGURES.get("agreements.withDelivery"), num(c.agreements().withDelivery())));
    // DOMAIN.md's key figures besides the deliveries: the year's forecast and the re-signing.
    figures.add(new Line(FIGURES.get("forecast.yearTotal"), num(c.forecast().yearTotal())));
    if (c.resigning().campaignId() == null) {
      figures.add(new Line("Re-signering", "ingen kampanje"));
    } else {
      figures.add(new Line(FIGURES.get("resigning.due"), num(c.resigning().due())));
      figures.add(new Line(FIGURES.get("resigning.resigned"), num(c.resigning().resigned())));
      figures.add(new Line(FIGURES.get("resigning.rate"), value(c.resigning().rate())));
    }
    Double share = c.systemShare();
    Boolean met = c.target().met();
    Double change = c.previousYear().change();
    List<Section> sections = new ArrayList<>();
    var written =
        Map.of(
            "iaCouncil", text(r.sections().iaCouncil()),
            "industries", text(r.sections().industries()),
            "effects", text(r.sections().effects()),
            "funds", text(r.sections().funds()));
    Map<String, ReportView.ErasedSection> erased = new java.util.HashMap<>();
    r.erasedSections().forEach(e -> erased.put(e.section(), e));
    for (String id : no.nav.ia.scorecard.ReportSections.FIELDS) {
      ReportView.ErasedSection e = erased.get(id);
      sections.add(
          new Section(
              id,
              HEADINGS.get(id),
              written.get(id),
              e == null || !written.get(id).isEmpty()
                  ? null
                  : "Teksten er slettet av " + e.by() + " " + moment(e.at()) + "."));
    }
    return new ReportPage(
        r.county().name(),
        r.county().code(),
        r.period().id(),
        user,
        r.submittedAt() != null,
        r.submittedAt() == null
            ? (r.version() == 0 ? "Ikke påbegynt" : "Utkast")
                + ": tallene er foreløpige til rapporten sendes inn"
                + (c.asOf() == null ? "" : " (tall per " + moment(c.asOf()) + ")")
            : r.reopened() == null
                ? "Sendt inn "
                    + moment(r.submittedAt())
                    + " av "
                    + r.submittedBy()
                    + (r.submittedLate() ? ", etter fristen" : "")
                : "Sendt inn på nytt "
                    + moment(r.submittedAt())
                    + " av "
                    + r.submittedBy()
                    + " (først sendt inn "
                    + moment(r.firstSubmittedAt())
                    + (r.submittedLate() ? ", etter fristen" : "")
                    + ")",
        r.reopened() == null
            ? null
            : "Gjenåpnet "
                + moment(r.reopened().at())
                + " av "
                + r.reopened().by()
                + (r.reopened().reason() == null
                    ? " (grunnen er slettet)"
                    : ": " + r.reopened().reason()),
        day(r.due()),
        r.overdue(),
        figures,
        counts(c.deliveries().byService(), ReportPage::service),
        counts(c.deliveries().bySubGoal(), ReportPage::subGoal),
        share == null ? "–" : pct(share, 1),
        met == null ? "ingen direkte leveranser" : met ? "mål nådd" : "under 2/3",
        Boolean.TRUE.equals(met),
        Norwegian.deliveries(c.previousYear().total())
            + " i "
            + Norwegian.period(c.previousYear().period())
            + (c.previousYear().sameDays() == null
                ? ""
                : ", "
                    + Norwegian.count(c.previousYear().sameDays().total())
                    + " til og med "
                    + day(c.previousYear().sameDays().to()))
            + (change == null ? "" : " (" + Norwegian.change(change) + ")"),
        sections,
        r.changedSinceSubmission().stream()
            .map(d -> new Change(label(d.figure()), value(d.submitted()), value(d.now())))
            .toList());
  }

  /** A name inside a sentence: "Mål- og handlingsplan" lower-cased, "IA-veiledning" kept. */
  static String inSentence(String name) {
    return name.length() > 1 && Character.isLowerCase(name.charAt(1))
        ? Character.toLowerCase(name.charAt(0)) + name.substring(1)
        : name;
  }

  /** A service's Norwegian name (the code when it names none the page knows). */
  static String service(String code) {
    return ServiceCode.labelOf(code);
  }

  /** A sub-goal's name: {@code Delmål 2}. */
  static String subGoal(String goal) {
    return "Delmål " + goal;
  }

  /** Deliveries per key (service, sub-goal), in the card's order, each under its name. */
  private static List<Line> counts(Map<String, Long> byKey, UnaryOperator<String> name) {
    return byKey.entrySet().stream()
        .map(e -> new Line(name.apply(e.getKey()), num(e.getValue())))
        .toList();
  }

  private static String label(String figure) {
    if (figure.startsWith(BY_SERVICE)) {
      return "Leveranser, " + inSentence(service(figure.substring(BY_SERVICE.length())));
    }
    if (figure.startsWith(BY_FORM)) {
      String form = figure.substring(BY_FORM.length());
      return Tally.FORM_NAMES.getOrDefault(form, form);
    }
    if (figure.startsWith(BY_SUB_GOAL)) {
      return "Leveranser til " + inSentence(subGoal(figure.substring(BY_SUB_GOAL.length())));
    }
    return FIGURES.getOrDefault(figure, figure);
  }

  private static String value(Object v) {
    if (v == null) {
      return "–";
    }
    if (v instanceof Boolean b) {
      return b ? "ja" : "nei";
    }
    if (v instanceof Double d) {
      return pct(d, 1);
    }
    return v instanceof Number n ? num(n.longValue()) : String.valueOf(v);
  }

  /** The section's text, empty when nothing is written in it (the submission's rule, FreeText). */
  private static String text(String s) {
    return no.nav.ia.platform.domain.FreeText.isWritten(s) ? s : "";
  }

  private static String num(long n) {
    return Norwegian.count(n);
  }

  private static String pct(double fraction, int decimals) {
    return Norwegian.percent(fraction, decimals);
  }

  private static String day(LocalDate d) {
    return DAY.format(d);
  }

  private static String moment(OffsetDateTime t) {
    return MOMENT.format(t.atZoneSameInstant(NorwegianTime.ZONE));
  }
}
