package no.nav.ia.scorecard.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
      @Schema(description = "Submitted after its due date (its day in Norwegian time)")
          boolean submittedLate,
      long version,
      @Schema(nullable = true) String submittedBy,
      @Schema(nullable = true) OffsetDateTime submittedAt,
      @Schema(
              description =
                  "How many of the figures a submitted report froze have moved since (later"
                      + " deliveries, corrections, voids: the report's changedSinceSubmission);"
                      + " 0 for a draft, whose figures are live")
          int changedSinceSubmission) {

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
          changed(r));
    }

    static int changed(Reading r) {
      // Without live figures (a reading made without them) nothing is known to have moved.
      return r.report().submitted() && r.live() != null
          ? ReportView.differences(r.figures(), r.live()).size()
          : 0;
    }
  }

  /**
   * The national compilation as CSV: a row per county with its report's status and sections, its
   * figures (as submitted, or live for a draft) in the columns of the card CSV, and how many of a
   * submitted report's have moved since.
   */
  static String csv(List<Reading> readings) {
    StringBuilder csv =
        new StringBuilder(
            "report_status,due,overdue,submitted_by,submitted_at,submitted_late,"
                + "section_ia_council,section_industries,section_effects,section_funds,");
    // The column added last stays last: programs read this file by position.
    csv.append(CardsCsv.header()).append(",changed_since_submission").append('\n');
    for (Reading r : readings) {
      var report = r.report();
      List<Object> row =
          new java.util.ArrayList<>(
              List.of(
                  report.status,
                  report.halfYear().due(),
                  report.overdue(r.today()),
                  report.submittedBy == null ? "" : report.submittedBy,
                  report.submittedAt == null ? "" : report.submittedAt,
                  report.submittedLate()));
      report
          .sections()
          .byField()
          .values()
          .forEach(text -> row.add(CardsCsv.quote(text == null ? "" : text)));
      row.addAll(CardsCsv.row(r.figures()));
      row.add(Line.changed(r));
      csv.append(CardsCsv.line(row)).append('\n');
    }
    return csv.toString();
  }
}
