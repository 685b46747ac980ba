package no.nav.ia.scorecard.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import no.nav.ia.scorecard.Report;
import no.nav.ia.scorecard.ReportChange;
import no.nav.ia.scorecard.ReportSections;
import no.nav.ia.scorecard.ReportStatus;
import no.nav.ia.scorecard.Tally;
import no.nav.ia.scorecard.service.ReportService.Reading;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A county's half-year report as API.md describes it. {@code figures} is the county card of the
 * half-year: live while a draft, frozen at submission; {@code changedSinceSubmission} lists the
 * figures that later events (a correction, a void, a late delivery) have moved since.
 */
public record ReportView(
    Card.Scope county,
    Card.PeriodView period,
    ReportStatus status,
    LocalDate due,
    boolean overdue,
    @Schema(
            description =
                "First submitted after its due date (that submission's day in Norwegian time): kept"
                    + " through a reopening, and not set by a submission anew after a coordinator reopened it")
        boolean submittedLate,
    long version,
    Card figures,
    Sections sections,
    @Schema(nullable = true) String submittedBy,
    @Schema(nullable = true) OffsetDateTime submittedAt,
    @Schema(
            nullable = true,
            description =
                "When it was first submitted: the same as submittedAt unless a coordinator reopened"
                    + " it since (submittedLate is judged on it)")
        OffsetDateTime firstSubmittedAt,
    @Schema(
            description =
                "The figures that have moved since the report was last submitted: a submitted"
                    + " one's frozen figures against the live ones; a reopened draft's live"
                    + " figures against those its submission froze; empty for a draft never"
                    + " submitted")
        List<Difference> changedSinceSubmission,
    @Schema(nullable = true, description = REOPENED) Reopened reopened,
    @Schema(description = ERASED) List<ErasedSection> erasedSections) {

  static final String ERASED =
      "The sections whose text was erased (DELETE .../sections/{section}) and not written since:"
          + " which, who erased it and when; a submitted report keeps its figures and status, and"
          + " a coordinator reopens it for the section to be written again (empty when none)";

  /** A section whose text was erased. */
  public record ErasedSection(String section, String by, OffsetDateTime at) {
    static List<ErasedSection> of(Reading r) {
      return r.erasedSections().values().stream()
          .map(c -> new ErasedSection(c.erased, c.changedBy, c.changedAt))
          .toList();
    }
  }

  static final String REOPENED =
      "The last time a coordinator reopened it after a submission: who, when and why, on the draft"
          + " it made and on the report submitted anew (null when never reopened)";

  /** A coordinator's reopening of a submitted report. */
  @Schema(name = "ReportReopened")
  public record Reopened(
      String by,
      OffsetDateTime at,
      @Schema(nullable = true, description = "Why; null once erased (DELETE .../reopening-reasons)")
          String reason) {
    static Reopened of(Reading r) {
      return r.reopening().map(c -> new Reopened(c.changedBy, c.changedAt, c.reason)).orElse(null);
    }
  }

  /**
   * What a section may hold, said rather than published as a pattern: the record is the answer's
   * too, and a section stored before control characters were refused may hold one (and be sent back
   * so).
   */
  static final String SECTION =
      "Free text; line breaks and tabs, no other control character (an edit refuses a new one)";

  @no.nav.ia.platform.rest.ClosedBody
  public record Sections(
      @Schema(nullable = true, maxLength = ReportSections.MAX_LENGTH, description = SECTION)
          String iaCouncil,
      @Schema(nullable = true, maxLength = ReportSections.MAX_LENGTH, description = SECTION)
          String industries,
      @Schema(nullable = true, maxLength = ReportSections.MAX_LENGTH, description = SECTION)
          String effects,
      @Schema(nullable = true, maxLength = ReportSections.MAX_LENGTH, description = SECTION)
          String funds) {

    static Sections of(ReportSections s) {
      return new Sections(s.iaCouncil(), s.industries(), s.effects(), s.funds());
    }

    ReportSections toDomain() {
      return new ReportSections(iaCouncil, industries, effects, funds);
    }
  }

  /** A figure as submitted and as it stands now. */
  public record Difference(String figure, Object submitted, Object now) {}

  /** One version of the report. */
  public record Change(
      long version,
      ReportChange.Action action,
      String changedBy,
      OffsetDateTime changedAt,
      Sections sections,
      @Schema(
              nullable = true,
              description = "On a submission: the figures it froze (kept when it is reopened)")
          Card figures,
      @Schema(nullable = true, description = "On a reopening: why (null once erased)")
          String reason,
      @Schema(
              nullable = true,
              description =
                  "On an erasure: what went, a section's field name (SECTION_ERASED) or reason"
                      + " (REASONS_ERASED)")
          String erased) {
    static Change of(ReportChange c, Function<String, Card> cards) {
      return new Change(
          c.version,
          c.action,
          c.changedBy,
          c.changedAt,
          Sections.of(c.sections()),
          c.figures == null ? null : cards.apply(c.figures),
          c.reason,
          c.erased);
    }
  }

  /** A coordinator's reopening of a submitted report. */
  @no.nav.ia.platform.rest.ClosedBody
  public record Reopening(
      @Schema(
              required = true,
              minLength = 1,
              maxLength = Report.MAX_REASON_LENGTH,
              pattern = no.nav.ia.platform.domain.FreeText.LINES,
              description = "Why, for the county's manager (no national identity number)")
          String reason) {}

  static ReportView of(Reading r) {
    var report = r.report();
    return new ReportView(
        new Card.Scope("COUNTY", r.county().code(), r.county().name()),
        r.figures().period(),
        report.status,
        report.halfYear().due(),
        report.overdue(r.today()),
        report.submittedLate(),
        report.version,
        r.figures(),
        Sections.of(report.sections()),
        report.submittedBy,
        report.submittedAt,
        report.firstSubmission(),
        changedSinceSubmission(r),
        Reopened.of(r),
        ErasedSection.of(r));
  }

  /** What has moved since the last submission ({@link Reading#submittedFigures}). */
  public static List<Difference> changedSinceSubmission(Reading r) {
    // Without live figures (a reading made without them) nothing is known to have moved.
    Card submitted = r.submittedFigures();
    return submitted == null || r.live() == null
        ? List.of()
        : differences(submitted, r.live(), r.frozenOn());
  }

  /**
   * The figures a manager reports on, by name, from a card whose figures were frozen on {@code
   * frozenOn} (the submission's day; null: not known).
   */
  static Map<String, Object> reported(Card c, LocalDate frozenOn) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("deliveries.total", c.deliveries().total());
    figures.put("deliveries.system", c.deliveries().system());
    figures.put("deliveries.individual", c.deliveries().individual());
    // Every service and sub-goal, as the card and the national CSV have them.
    Card.SERVICES.forEach(
        s ->
            figures.put(
                "deliveries.byService." + s, c.deliveries().byService().getOrDefault(s, 0L)));
    Card.SUB_GOALS.forEach(
        g ->
            figures.put(
                "deliveries.bySubGoal." + g, c.deliveries().bySubGoal().getOrDefault(g, 0L)));
    Tally.FORMS.forEach(f -> figures.put("byForm." + f, c.byForm().getOrDefault(f, 0L)));
    figures.put("systemShare", c.systemShare());
    figures.put("target.met", c.target().met());
    figures.put("agreements.active", c.agreements().active());
    figures.put("agreements.newInPeriod", c.agreements().newInPeriod());
    figures.put("agreements.withContactPerson", c.agreements().withContactPerson());
    figures.put("agreements.withDelivery", c.agreements().withDelivery());
    figures.put("resigning.resigned", c.resigning().resigned());
    // The report shows it beside its own ("Samme periode året før"): a late delivery there moves
    // it.
    figures.put("previousYear.total", c.previousYear() == null ? null : c.previousYear().total());
    // The report's "Prognose for leveranser i året": once the year is over, the year's own total,
    // which a late delivery in its other half moves (a review saw 9 frozen, 10 live, nothing said).
    // Frozen while the year ran it was an estimate, and the total after New Year is no change.
    if (frozenOn != null && c.period().to().getYear() < frozenOn.getYear()) {
      figures.put("forecast.yearTotal", c.forecast().yearTotal());
    }
    return figures;
  }

  static List<Difference> differences(Card submitted, Card now, LocalDate frozenOn) {
    Map<String, Object> before = reported(submitted, frozenOn);
    Map<String, Object> after = reported(now, frozenOn);
    List<Difference> differences = new ArrayList<>();
    before.forEach(
        (figure, value) -> {
          if (!Objects.equals(value, after.get(figure))) {
            differences.add(new Difference(figure, value, after.get(figure)));
          }
        });
    return differences;
  }
}
