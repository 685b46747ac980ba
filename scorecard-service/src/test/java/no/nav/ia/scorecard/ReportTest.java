package no.nav.ia.scorecard;

import static java.time.ZoneOffset.UTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.DomainException.Kind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The rules of the half-year report: due dates, versions, the frozen submission, the sections. */
class ReportTest {

  static final OffsetDateTime AT = OffsetDateTime.of(2024, 8, 20, 10, 0, 0, 0, ZoneOffset.UTC);
  static final ReportSections WRITTEN =
      new ReportSections("Møter i rådet", "Bygg", "Lavere fravær", "Ingen");

  /** A draft of the half-year with every section written (version 1), ready to submit. */
  static Report written(String halfYear) {
    Report r = Report.draft("03", HalfYear.parse(halfYear));
    r.editSections(0, WRITTEN, "Z990002", AT);
    return r;
  }

  static void refused(ThrowingCallable call, Kind kind, String code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.code()).isEqualTo(code);
            });
  }

  /** Refused, naming exactly these fields in this order. */
  static void naming(ThrowingCallable call, String... fields) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(e.violations())
                    .extracting(DomainException.Violation::field)
                    .containsExactly(fields));
  }

  @Test
  void theFirstHalfIsDueOnFirstSeptemberAndTheSecondOnFirstMarchTheYearAfter() {
    assertThat(HalfYear.parse("2024-H1").due()).isEqualTo(LocalDate.of(2024, 9, 1));
    assertThat(HalfYear.parse("2024-H2").due()).isEqualTo(LocalDate.of(2025, 3, 1));
  }

  @Test
  void aReportSubmittedAfterItsDueDayInNorwayIsLateAndOneOnItNot() {
    Report onTime = written("2024-H1");
    assertThat(onTime.submittedLate()).isFalse();
    // 23:30 Norwegian time on the due day (21:30 UTC in summer).
    onTime.submit(null, "{}", "Z990002", OffsetDateTime.of(2024, 9, 1, 21, 30, 0, 0, UTC));
    assertThat(onTime.submittedLate()).isFalse();

    Report late = written("2024-H1");
    // 00:30 Norwegian time the day after (still 1 September in UTC).
    late.submit(null, "{}", "Z990002", OffsetDateTime.of(2024, 9, 1, 22, 30, 0, 0, UTC));
    assertThat(late.submittedLate()).isTrue();
    assertThat(late.overdue(LocalDate.of(2024, 9, 2))).isFalse();
  }

  @Test
  void aDraftIsOverdueTheDayAfterItsDueDateAndASubmittedOneNever() {
    Report r = written("2024-H1");
    assertThat(r.overdue(LocalDate.of(2024, 9, 1))).isFalse();
    assertThat(r.overdue(LocalDate.of(2024, 9, 2))).isTrue();
    r.submit(null, "{}", "Z990002", AT);
    assertThat(r.overdue(LocalDate.of(2030, 1, 1))).isFalse();
  }

  @Test
  void onlyHalfYearsAreReportPeriods() {
    for (String period : new String[] {"2024", "2024-Q1", "2024-H3", "2024-05", "H1", ""}) {
      refused(() -> HalfYear.parse(period), Kind.INVALID, "VALIDATION_FAILED");
    }
    refused(() -> HalfYear.parse(null), Kind.INVALID, "VALIDATION_FAILED");
  }

  @Test
  void everyEditNeedsTheVersionReadAndAddsOne() {
    Report r = Report.draft("03", HalfYear.parse("2024-H1"));
    ReportChange first = r.editSections(0, WRITTEN, "Z990002", AT).orElseThrow();
    assertThat(r.version).isEqualTo(1);
    assertThat(first.version).isEqualTo(1);
    assertThat(first.action).isEqualTo(ReportChange.Action.SECTIONS_EDITED);
    assertThat(first.sections()).isEqualTo(WRITTEN);
    refused(
        () -> r.editSections(0, ReportSections.EMPTY, "Z990002", AT), Kind.STALE, "STALE_VERSION");
    assertThat(r.sections()).isEqualTo(WRITTEN);
    r.editSections(1, ReportSections.EMPTY, "Z990002", AT);
    assertThat(r.version).isEqualTo(2);
    assertThat(r.sections()).isEqualTo(ReportSections.EMPTY);
  }

  @Test
  void theSameSectionsAgainAreNoChangeButStillNeedTheVersionRead() {
    Report r = Report.draft("03", HalfYear.parse("2024-H1"));
    r.editSections(0, WRITTEN, "Z990002", AT);
    assertThat(r.editSections(1, WRITTEN, "Z990002", AT)).isEmpty();
    assertThat(r.version).isEqualTo(1);
    refused(() -> r.editSections(0, WRITTEN, "Z990002", AT), Kind.STALE, "STALE_VERSION");
    assertThat(
            Report.draft("03", HalfYear.parse("2024-H1"))
                .editSections(0, ReportSections.EMPTY, "Z990002", AT))
        .as("nothing written on an empty draft")
        .isEmpty();
  }

  @Test
  void aSubmittedReportKeepsItsFiguresAndTakesNoEditsNorASecondSubmission() {
    Report r = Report.draft("03", HalfYear.parse("2024-H1"));
    r.editSections(0, WRITTEN, "Z990002", AT);
    refused(() -> r.submit(0L, "{}", "Z990002", AT), Kind.STALE, "STALE_VERSION");
    ReportChange submitted = r.submit(1L, "{\"total\":3}", "Z990002", AT);
    assertThat(submitted.action).isEqualTo(ReportChange.Action.SUBMITTED);
    assertThat(r.status).isEqualTo(ReportStatus.SUBMITTED);
    assertThat(r.frozenFigures).isEqualTo("{\"total\":3}");
    assertThat(r.submittedBy).isEqualTo("Z990002");
    refused(
        () -> r.submit(null, "{\"total\":4}", "Z990002", AT),
        Kind.CONFLICT,
        "REPORT_ALREADY_SUBMITTED");
    refused(
        () -> r.editSections(2, ReportSections.EMPTY, "Z990002", AT),
        Kind.CONFLICT,
        "REPORT_SUBMITTED");
    assertThat(r.frozenFigures).isEqualTo("{\"total\":3}");
    assertThat(r.version).isEqualTo(2);
  }

  @Test
  void aReopenedReportIsADraftAgainAndItsSubmissionKeepsTheFiguresItFroze() {
    Report r = written("2024-H1");
    assertThat(r.mayHaveBeenReopened()).isFalse();
    ReportChange submitted = r.submit(1L, "{\"total\":3}", "Z990002", AT);
    assertThat(submitted.figures).isEqualTo("{\"total\":3}");
    assertThat(r.mayHaveBeenReopened()).isFalse();

    ReportChange reopened = r.reopen(2L, "  Mars mangler \n", "Z990003", AT.plusDays(1));
    assertThat(r.mayHaveBeenReopened()).isTrue();
    assertThat(r.status).isEqualTo(ReportStatus.DRAFT);
    assertThat(r.version).isEqualTo(3);
    assertThat(r.frozenFigures).isNull();
    assertThat(r.submittedBy).isNull();
    assertThat(r.submittedAt).isNull();
    assertThat(r.sections()).isEqualTo(WRITTEN);
    // Submitted on time: handed back, it is with its manager to mend, not overdue nor late.
    assertThat(r.overdue(LocalDate.of(2024, 9, 2))).isFalse();
    assertThat(r.submittedLate()).isFalse();
    assertThat(r.firstSubmittedAt).isEqualTo(AT);
    assertThat(reopened.action).isEqualTo(ReportChange.Action.REOPENED);
    assertThat(reopened.version).isEqualTo(3);
    assertThat(reopened.changedBy).isEqualTo("Z990003");
    assertThat(reopened.reason).isEqualTo("Mars mangler");
    assertThat(reopened.figures).isNull();

    // Its manager edits it and submits it again after the due date: the first submission was on
    // time, so the report is not late (the coordinator handed it back).
    r.editSections(3, new ReportSections("Fem møter", "Bygg", "Ingen", "Ingen"), "Z990002", AT);
    OffsetDateTime again = OffsetDateTime.of(2024, 10, 1, 8, 0, 0, 0, UTC);
    r.submit(4L, "{\"total\":4}", "Z990002", again);
    assertThat(r.frozenFigures).isEqualTo("{\"total\":4}");
    assertThat(r.version).isEqualTo(5);
    assertThat(r.submittedAt).isEqualTo(again);
    assertThat(r.firstSubmittedAt).isEqualTo(AT);
    assertThat(r.submittedLate()).isFalse();
    assertThat(r.mayHaveBeenReopened()).isTrue();

    // One first submitted late stays late through a reopening.
    Report late = written("2024-H1");
    late.submit(1L, "{}", "Z990002", again);
    late.reopen(2L, "Mangler", "Z990003", again.plusDays(1));
    assertThat(late.submittedLate()).isTrue();
    assertThat(late.overdue(LocalDate.of(2024, 10, 3))).isFalse();
  }

  @Test
  void onlyASubmittedReportIsReopenedWithAWrittenReasonNamingNobodyAndARefusalChangesNothing() {
    Report draft = written("2024-H1");
    refused(() -> draft.reopen(null, "Feil", "Z990003", AT), Kind.CONFLICT, "REPORT_NOT_SUBMITTED");
    assertThat(draft.version).isEqualTo(1);

    Report r = written("2024-H1");
    r.submit(1L, "{}", "Z990002", AT);
    for (String reason :
        new String[] {
          null,
          "",
          "\u00a0\u200b\u3000",
          "gjelder 010190 10046",
          "Beløpet \u202E000 021",
          "Bell\u0007 ESC\u001b[31m",
          "x".repeat(Report.MAX_REASON_LENGTH + 1)
        }) {
      refused(() -> r.reopen(null, reason, "Z990003", AT), Kind.INVALID, "VALIDATION_FAILED");
      naming(() -> r.reopen(null, reason, "Z990003", AT), "reason");
    }
    refused(() -> r.reopen(1L, "Feil", "Z990003", AT), Kind.STALE, "STALE_VERSION");
    // One person with both roles does not hand back what they submitted (a review's manager and
    // coordinator reopened their own).
    refused(() -> r.reopen(2L, "Feil", "Z990002", AT), Kind.FORBIDDEN, "OWN_SUBMISSION");
    assertThat(r.submitted()).isTrue();
    assertThat(r.version).isEqualTo(2);
    assertThat(r.frozenFigures).isEqualTo("{}");
    // The longest reason is taken, counted in characters.
    r.reopen(2L, "æ".repeat(Report.MAX_REASON_LENGTH), "Z990003", AT);
    assertThat(r.submitted()).isFalse();
  }

  @Test
  void aReportIsSubmittedOnlyWithEverySectionWrittenAndARefusalChangesNothing() {
    Report empty = Report.draft("03", HalfYear.parse("2024-H1"));
    ThrowingCallable submitEmpty = () -> empty.submit(null, "{}", "Z990002", AT);
    refused(submitEmpty, Kind.NOT_ALLOWED_NOW, "SECTIONS_MISSING");
    naming(
        submitEmpty,
        "sections.iaCouncil",
        "sections.industries",
        "sections.effects",
        "sections.funds");
    assertThat(ReportSections.EMPTY.unwritten())
        .extracting(DomainException.Violation::message)
        .containsOnly("must be written before the report is submitted");
    assertThat(empty.submitted()).isFalse();
    assertThat(empty.version).isZero();
    assertThat(empty.frozenFigures).isNull();

    // Whitespace is nothing written; "Ingen" is.
    Report some = Report.draft("03", HalfYear.parse("2024-H1"));
    some.editSections(
        0, new ReportSections("Møter i rådet", " \n\t", "Ingen", null), "Z990002", AT);
    naming(() -> some.submit(1L, "{}", "Z990002", AT), "sections.industries", "sections.funds");
    assertThat(some.version).isEqualTo(1);
    some.editSections(
        1, new ReportSections("Møter i rådet", "Ingen", "Ingen", "Ingen"), "Z990002", AT);
    some.submit(2L, "{}", "Z990002", AT);
    assertThat(some.submitted()).isTrue();
  }

  @Test
  void aSectionIsAtMostTenThousandCharactersAndHoldsNoIdentityNumber() {
    String longest = "æ".repeat(ReportSections.MAX_LENGTH);
    assertThat(new ReportSections(longest, null, null, null).validated().iaCouncil())
        .isEqualTo(longest);
    naming(
        () -> new ReportSections(null, longest + "x", "gjelder 01019010046", null).validated(),
        "industries",
        "effects");
    // Control characters came back raw in the page and the CSV (a review's BEL and ESC); line
    // breaks and tabs are a section's own.
    naming(
        () ->
            new ReportSections("Bell\u0007 x", "ESC\u001b[31m rød", "C1\u009b", "a\u2028b")
                .validated(),
        "iaCouncil",
        "industries",
        "effects",
        "funds");
    assertThat(new ReportSections("Møter:\n\t- NHO\r\n", null, null, null).validated().iaCouncil())
        .isEqualTo("Møter:\n\t- NHO\r\n");
    // One stored before they were refused goes back unchanged with the form's other sections.
    ReportSections stored = new ReportSections("Bell\u0007 x", null, null, null);
    assertThat(
            new ReportSections("Bell\u0007 x", "Ingen", null, null).validated(stored).industries())
        .isEqualTo("Ingen");
    naming(
        () -> new ReportSections("Bell\u0007 y", null, null, null).validated(stored), "iaCouncil");
    Report r = Report.draft("03", HalfYear.parse("2024-H1"));
    refused(
        () ->
            r.editSections(
                0, new ReportSections("gjelder 01019010046", null, null, null), "Z990002", AT),
        Kind.INVALID,
        "VALIDATION_FAILED");
    assertThat(r.version).isZero();
  }

  @Test
  void anErasedSectionGoesFromTheReportAndEveryVersionInAVersionOfItsOwn() {
    Report r = written("2024-H1");
    ReportChange first = ReportChange.of(r, ReportChange.Action.SECTIONS_EDITED, "Z990002", AT);
    ReportChange submission = r.submit(null, "{}", "Z990002", AT);
    var erasure = r.eraseSection("industries", java.util.List.of(first, submission), "Z990003", AT);
    assertThat(erasure).isPresent();
    assertThat(erasure.get().action).isEqualTo(ReportChange.Action.SECTION_ERASED);
    assertThat(erasure.get().erased).isEqualTo("industries");
    assertThat(erasure.get().version).isEqualTo(3);
    assertThat(r.submitted()).isTrue();
    assertThat(r.sections())
        .isEqualTo(new ReportSections("Møter i rådet", null, "Lavere fravær", "Ingen"));
    assertThat(first.industries).isNull();
    assertThat(submission.industries).isNull();
    assertThat(first.iaCouncil).isEqualTo("Møter i rådet");
    // Nothing left: no change, no version.
    assertThat(r.eraseSection("industries", java.util.List.of(first, submission), "Z990003", AT))
        .isEmpty();
    assertThat(r.version).isEqualTo(3);
    refused(
        () -> r.eraseSection("Industries", java.util.List.of(), "Z990003", AT),
        Kind.NOT_FOUND,
        "SECTION_NOT_FOUND");
  }

  @Test
  void theReopeningsReasonsGoAndTheReopeningsStay() {
    Report r = written("2024-H1");
    ReportChange submission = r.submit(null, "{}", "Z990002", AT);
    ReportChange reopening = r.reopen(null, "Feil om en ansatt", "Z990003", AT);
    var erasure = r.eraseReasons(java.util.List.of(submission, reopening), "Z990002", AT);
    assertThat(erasure).map(c -> c.action).contains(ReportChange.Action.REASONS_ERASED);
    assertThat(reopening.reason).isNull();
    assertThat(reopening.changedBy).isEqualTo("Z990003");
    assertThat(r.version).isEqualTo(4);
    assertThat(r.eraseReasons(java.util.List.of(submission, reopening), "Z990002", AT)).isEmpty();
  }

  @Test
  void aSectionIsErasedUntilItIsWrittenAgain() {
    Report r = written("2024-H1");
    ReportChange first = ReportChange.of(r, ReportChange.Action.SECTIONS_EDITED, "Z990002", AT);
    java.util.List<ReportChange> history = new java.util.ArrayList<>(java.util.List.of(first));
    history.add(r.eraseSection("effects", history, "Z990002", AT).orElseThrow());
    assertThat(ReportChange.erasedSections(history)).containsOnlyKeys("effects");
    // An edit of the others leaves it erased; writing it again ends that.
    history.add(
        r.editSections(2, WRITTEN.without("effects").without("funds"), "Z990002", AT)
            .orElseThrow());
    assertThat(ReportChange.erasedSections(history)).containsOnlyKeys("effects");
    history.add(r.editSections(3, WRITTEN, "Z990002", AT).orElseThrow());
    assertThat(ReportChange.erasedSections(history)).isEmpty();
  }
}
