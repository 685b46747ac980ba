package no.nav.ia.scorecard.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import no.nav.ia.scorecard.HalfYear;
import no.nav.ia.scorecard.ReportStatus;
import no.nav.ia.scorecard.service.ReportService.Reading;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every county's report of a half-year, for the coordinators. */
public record Reports(String period, LocalDate due, List<Line> counties) {

  public record Line(
      Card.Scope county,
      ReportStatus status,
      LocalDate due,
      boolean overdue,
      @Schema(
              description =
                  "First submitted after its due date (that submission's day in Norwegian time): kept"
                      + " through a reopening, and not set by a submission anew after a coordinator reopened it")
          boolean submittedLate,
      long version,
      @Schema(nullable = true) String submittedBy,
      @Schema(nullable = true) OffsetDateTime submittedAt,
      @Schema(
              nullable = true,
              description =
                  "When it was first submitted: submittedAt unless a coordinator reopened it since"
                      + " (submittedLate is judged on it)")
          OffsetDateTime firstSubmittedAt,
      @Schema(
              description =
                  "How many figures have moved since the report was last submitted (later"
                      + " deliveries, corrections, voids: the report's changedSinceSubmission);"
                      + " 0 for a draft never submitted")
          int changedSinceSubmission,
      @Schema(nullable = true, description = ReportView.REOPENED) ReportView.Reopened reopened,
      @Schema(
              description =
                  "The sections whose text was erased and not written since, by field name"
                      + " (the report's erasedSections); a submitted report with one is a"
                      + " coordinator's to reopen")
          List<String> erasedSections) {

    static Line of(Reading r) {
      var report = r.report();
      return new Line(
          new Card.Scope("COUNTY", r.county().code(), r.county().name()),
          report.status,
          report.halfYear().due(),
          report.overdue(r.today()),
          report.submittedLate(),
          report.version,
          report.submittedBy,
          report.submittedAt,
          report.firstSubmission(),
          changed(r),
          ReportView.Reopened.of(r),
          List.copyOf(r.erasedSections().keySet()));
    }

    static int changed(Reading r) {
      return ReportView.changedSinceSubmission(r).size();
    }
  }

  /** The report's own columns, before the card's: names for programs, headings for people. */
  private static final List<CardsCsv.Column> COLUMNS =
      List.of(
          new CardsCsv.Column("report_status", "Status"),
          new CardsCsv.Column("due", "Frist"),
          new CardsCsv.Column("overdue", "Over fristen"),
          new CardsCsv.Column("submitted_by", "Sendt inn av"),
          new CardsCsv.Column("submitted_at", "Sendt inn"),
          new CardsCsv.Column("submitted_late", "Sendt etter fristen"),
          new CardsCsv.Column("section_ia_council", "IA-rådets arbeid"),
          new CardsCsv.Column("section_industries", "Næringer og bransjer"),
          new CardsCsv.Column("section_effects", "Tiltak og effekt"),
          new CardsCsv.Column("section_funds", "Bruk av midler"));

  /**
   * The columns added after the card's, in the order they were added: programs read the earlier
   * ones by position.
   */
  private static final List<CardsCsv.Column> ADDED =
      List.of(
          new CardsCsv.Column("changed_since_submission", "Tall endret etter innsending"),
          new CardsCsv.Column("reopened_at", "Gjenåpnet"),
          new CardsCsv.Column("reopened_by", "Gjenåpnet av"),
          new CardsCsv.Column("reopened_reason", "Grunn til gjenåpning"),
          new CardsCsv.Column("first_submitted_at", "Først sendt inn"),
          new CardsCsv.Column("erased_sections", "Slettet tekst"));

  /** How a half-year's compilation is offered for saving, in either dialect. */
  static String attachment(HalfYear halfYear) {
    return "attachment; filename=\"halvarsrapporter-" + halfYear.id() + ".csv\"";
  }

  /** {@link #csv(List, CardsCsv.Dialect)} for programs. */
  static String csv(List<Reading> readings) {
    return csv(readings, CardsCsv.Dialect.API);
  }

  /**
   * The national compilation as CSV: a row per county with its report's status and sections, its
   * figures (as submitted, or live for a draft) in the columns of the card CSV, and how many of a
   * submitted report's have moved since; for programs ({@code Accept: text/csv}) or for Excel set
   * to Norwegian (the dashboard's download, {@link CardsCsv.Dialect#EXCEL_NO}: the headings and
   * words of the page, semicolons).
   */
  static String csv(List<Reading> readings, CardsCsv.Dialect dialect) {
    StringBuilder csv = new StringBuilder(dialect.start());
    for (CardsCsv.Column c : COLUMNS) {
      csv.append(dialect.name(c)).append(dialect.separator);
    }
    csv.append(CardsCsv.header(dialect));
    for (CardsCsv.Column c : ADDED) {
      csv.append(dialect.separator).append(dialect.name(c));
    }
    csv.append(dialect.lineEnd);
    for (Reading r : readings) {
      var report = r.report();
      boolean submitted = report.status == ReportStatus.SUBMITTED;
      List<Object> row =
          new java.util.ArrayList<>(
              List.of(
                  new CardsCsv.Term(
                      report.status.name(),
                      submitted ? "Sendt inn" : report.version == 0 ? "Ikke påbegynt" : "Utkast"),
                  report.halfYear().due(),
                  CardsCsv.Term.of(report.overdue(r.today())),
                  report.submittedBy == null ? "" : report.submittedBy,
                  report.submittedAt == null ? "" : report.submittedAt,
                  CardsCsv.Term.of(report.submittedLate())));
      report
          .sections()
          .byField()
          .values()
          .forEach(text -> row.add(CardsCsv.quote(text == null ? "" : text, dialect)));
      row.addAll(CardsCsv.row(r.figures()));
      row.add(Line.changed(r));
      ReportView.Reopened reopened = ReportView.Reopened.of(r);
      row.add(reopened == null ? "" : reopened.at());
      row.add(reopened == null ? "" : reopened.by());
      row.add(
          reopened == null || reopened.reason() == null
              ? ""
              : CardsCsv.quote(reopened.reason(), dialect));
      OffsetDateTime first = report.firstSubmission();
      row.add(first == null ? "" : first);
      row.add(
          new CardsCsv.Term(
              String.join(" ", r.erasedSections().keySet()),
              String.join(
                  ", ",
                  r.erasedSections().keySet().stream()
                      .map(no.nav.ia.scorecard.dashboard.ReportPage::heading)
                      .toList())));
      csv.append(CardsCsv.line(row, dialect)).append(dialect.lineEnd);
    }
    return csv.toString();
  }
}
