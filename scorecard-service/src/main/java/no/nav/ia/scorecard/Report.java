package no.nav.ia.scorecard;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.platform.domain.CommonErrors;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.FreeText;
import no.nav.ia.platform.domain.NationalIdentityNumbers;
import no.nav.ia.platform.time.NorwegianTime;

/**
 * A county's half-year report: written sections the county's manager edits, and the county card of
 * the half-year, live while a draft and frozen at submission. Every change is a new version, kept
 * as a {@link ReportChange}. A report nobody has written yet is an empty draft at version 0.
 */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "county_code")
  public String countyCode;

  public String period;

  @Enumerated(EnumType.STRING)
  public ReportStatus status;

  /**
   * Starts at 0 (nothing written); every edit, submission and reopening adds one. Served as the
   * ETag.
   */
  public long version;

  @Column(name = "ia_council")
  public String iaCouncil;

  public String industries;
  public String effects;
  public String funds;

  @Column(name = "submitted_by")
  public String submittedBy;

  @Column(name = "submitted_at")
  public OffsetDateTime submittedAt;

  /**
   * When it was first submitted: kept through a reopening (null until then; for a report submitted
   * by a replica from before V14, its submission's time).
   */
  @Column(name = "first_submitted_at")
  public OffsetDateTime firstSubmittedAt;

  /** The card as it stood at submission (JSON); null while a draft. */
  @Column(name = "figures")
  public String frozenFigures;

  /** The empty draft of a county and half-year, before anyone has written in it. */
  public static Report draft(String countyCode, HalfYear halfYear) {
    Report r = new Report();
    r.id = UUID.randomUUID();
    r.countyCode = countyCode;
    r.period = halfYear.id();
    r.status = ReportStatus.DRAFT;
    r.version = 0;
    return r;
  }

  public HalfYear halfYear() {
    return HalfYear.parse(period);
  }

  public ReportSections sections() {
    return new ReportSections(iaCouncil, industries, effects, funds);
  }

  public boolean submitted() {
    return status == ReportStatus.SUBMITTED;
  }

  /**
   * Whether a coordinator may have reopened it: that takes at least a written version, its
   * submission and the reopening (a report nobody has written is at 0).
   */
  public boolean mayHaveBeenReopened() {
    return version >= 3;
  }

  /**
   * First submitted after its due date (the submission's day in Norwegian time): the coordinators
   * see which reports came late once they are in, not only which are still out. A report submitted
   * on time is not late for being reopened and submitted again after the due date: the coordinator
   * handed it back.
   */
  public boolean submittedLate() {
    OffsetDateTime first = firstSubmission();
    return first != null && halfYear().isPastDue(NorwegianTime.dateOf(first));
  }

  /** Past its due date and never submitted (a reopened one is with its manager to mend). */
  public boolean overdue(LocalDate today) {
    return !submitted() && firstSubmission() == null && halfYear().isPastDue(today);
  }

  /**
   * When it was first submitted, if it was (a submission from before V14: that one's time): what
   * the report and the coordinators' overview show as its first submission.
   */
  public OffsetDateTime firstSubmission() {
    return firstSubmittedAt != null ? firstSubmittedAt : submittedAt;
  }

  /**
   * Replaces the written sections; {@code expectedVersion} is the version the manager edited. A
   * submitted report is closed for edits. Sections the same as those written are no change: no new
   * version and nothing to keep (empty), as an identical change to an agreement or a delivery.
   */
  public Optional<ReportChange> editSections(
      long expectedVersion, ReportSections sections, String by, OffsetDateTime at) {
    return editSections(expectedVersion, sections, java.util.Set.of(), by, at);
  }

  /**
   * The same, where {@code leftOut} names the sections the request left out (rather than sent as
   * null): one of them that has text here is refused, not erased (an adviser's review lost the IA
   * council's text writing the next section alone).
   */
  public Optional<ReportChange> editSections(
      long expectedVersion,
      ReportSections sections,
      java.util.Set<String> leftOut,
      String by,
      OffsetDateTime at) {
    requireDraft();
    requireVersion(expectedVersion);
    List<DomainException.Violation> wouldErase = sections().writtenAmong(leftOut);
    if (!wouldErase.isEmpty()) {
      throw DomainException.invalid(wouldErase);
    }
    ReportSections valid = sections.validated(sections());
    if (valid.equals(sections())) {
      return Optional.empty();
    }
    write(valid);
    version++;
    return Optional.of(ReportChange.of(this, ReportChange.Action.SECTIONS_EDITED, by, at));
  }

  /**
   * Submits the report with the figures as they stand now ({@code figures}, the card as JSON):
   * later events do not change a submitted report. {@code expectedVersion}, when given, is the
   * version the manager read. Every section must be written (DOMAIN.md: the report has written
   * parts): a submitted report can no longer be edited, so one without them stays without.
   */
  public ReportChange submit(Long expectedVersion, String figures, String by, OffsetDateTime at) {
    if (submitted()) {
      throw DomainException.conflict(
          ScorecardErrors.REPORT_ALREADY_SUBMITTED,
          "The report was submitted " + submittedText() + "; " + REOPEN_HINT);
    }
    if (expectedVersion != null) {
      requireVersion(expectedVersion);
    }
    List<DomainException.Violation> unwritten = sections().unwritten();
    if (!unwritten.isEmpty()) {
      throw DomainException.notAllowedNow(
          ScorecardErrors.SECTIONS_MISSING,
          "Every section must be written before the report is submitted (write \"Ingen\" where"
              + " there is nothing to report)",
          unwritten);
    }
    status = ReportStatus.SUBMITTED;
    frozenFigures = figures;
    submittedBy = by;
    submittedAt = at;
    if (firstSubmittedAt == null) {
      firstSubmittedAt = at;
    }
    version++;
    ReportChange change = ReportChange.of(this, ReportChange.Action.SUBMITTED, by, at);
    change.figures = figures;
    return change;
  }

  /** The longest reason a reopening takes, in characters. */
  public static final int MAX_REASON_LENGTH = 1_000;

  /**
   * Reopens a submitted report, as a coordinator does when its manager has to mend it: a draft
   * again, with live figures and no submitter, to be edited and submitted anew. The submission
   * stays in the history with the figures it froze; {@code reason} (written, at most {@link
   * #MAX_REASON_LENGTH} characters, no national identity number) says why, for the manager and the
   * history. {@code expectedVersion}, when given, is the version the coordinator read.
   */
  public ReportChange reopen(Long expectedVersion, String reason, String by, OffsetDateTime at) {
    String why = validReason(reason);
    if (!submitted()) {
      throw DomainException.conflict(
          ScorecardErrors.REPORT_NOT_SUBMITTED,
          "The report is a draft: only a submitted one is reopened");
    }
    if (by != null && by.equals(submittedBy)) {
      // One person with both roles: handing back is the receiver's check on the sender (README).
      throw DomainException.forbidden(
          ScorecardErrors.OWN_SUBMISSION,
          "You submitted this report: another coordinator reopens it");
    }
    if (expectedVersion != null) {
      requireVersion(expectedVersion);
    }
    if (firstSubmittedAt == null) {
      // Submitted by a replica from before V14 (a rolling deploy).
      firstSubmittedAt = submittedAt;
    }
    status = ReportStatus.DRAFT;
    frozenFigures = null;
    submittedBy = null;
    submittedAt = null;
    version++;
    ReportChange change = ReportChange.of(this, ReportChange.Action.REOPENED, by, at);
    change.reason = why;
    return change;
  }

  private static String validReason(String reason) {
    if (!FreeText.isWritten(reason)) {
      throw DomainException.invalid("reason", "must say why the report is reopened");
    }
    String why = FreeText.strip(reason);
    if (why.codePointCount(0, why.length()) > MAX_REASON_LENGTH) {
      throw DomainException.invalid(
          "reason", "must be at most " + MAX_REASON_LENGTH + " characters");
    }
    if (NationalIdentityNumbers.containsOne(why)) {
      throw DomainException.invalid("reason", "must not contain a national identity number");
    }
    if (FreeText.reordersText(why)) {
      throw DomainException.invalid("reason", FreeText.REORDERS_MESSAGE);
    }
    if (FreeText.breaksLines(why)) {
      throw DomainException.invalid("reason", FreeText.LINES_MESSAGE);
    }
    return why;
  }

  /**
   * Erases a section's text (its field name, one of {@link ReportSections#FIELDS}) from the report
   * and from every version of its {@code history}, in a draft or a submitted report alike: a report
   * is about enterprises, and a text that named a person goes everywhere it is kept. The erasure is
   * a version of its own, saying which section and who erased it, so that an edit prepared on the
   * version before (a form left open) is refused (412) instead of writing the text back. Nothing
   * written anywhere is no change (empty). A submitted report stays submitted, with the section
   * empty; a coordinator reopens it for its manager to write the section again.
   */
  public Optional<ReportChange> eraseSection(
      String field, List<ReportChange> history, String by, OffsetDateTime at) {
    requireSection(field);
    boolean erased = false;
    for (ReportChange change : history) {
      erased |= change.eraseSection(field);
    }
    ReportSections without = sections().without(field);
    if (!without.equals(sections())) {
      write(without);
      erased = true;
    }
    return erased
        ? Optional.of(erasure(ReportChange.Action.SECTION_ERASED, field, by, at))
        : Optional.empty();
  }

  /**
   * Refuses (SECTION_NOT_FOUND) a name that is no section's field name: also where nothing is
   * written, so a misspelt erasure is not taken for one that found nothing.
   */
  public static void requireSection(String field) {
    if (!ReportSections.FIELDS.contains(field)) {
      throw DomainException.notFound(
          ScorecardErrors.SECTION_NOT_FOUND,
          "A report has no such section; its sections are "
              + String.join(", ", ReportSections.FIELDS));
    }
  }

  /**
   * Erases the reason of every reopening in the report's {@code history} (a coordinator's text for
   * its manager, which may have named a person), as {@link #eraseSection} erases a section: a
   * version of its own, nothing to erase no change. The reopenings stay, with who and when.
   */
  public Optional<ReportChange> eraseReasons(
      List<ReportChange> history, String by, OffsetDateTime at) {
    boolean erased = false;
    for (ReportChange change : history) {
      erased |= change.eraseReason();
    }
    return erased
        ? Optional.of(erasure(ReportChange.Action.REASONS_ERASED, "reason", by, at))
        : Optional.empty();
  }

  private ReportChange erasure(
      ReportChange.Action action, String what, String by, OffsetDateTime at) {
    version++;
    ReportChange change = ReportChange.of(this, action, by, at);
    change.erased = what;
    return change;
  }

  private void write(ReportSections sections) {
    iaCouncil = sections.iaCouncil();
    industries = sections.industries();
    effects = sections.effects();
    funds = sections.funds();
  }

  /** What a manager who finds the report submitted can do. */
  private static final String REOPEN_HINT =
      "a coordinator can reopen it (POST .../reopening with a reason) for changes";

  /** When it was submitted, in Norwegian time to the minute. */
  private String submittedText() {
    return submittedAt == null
        ? "before"
        : submittedAt
                .atZoneSameInstant(no.nav.ia.platform.time.NorwegianTime.ZONE)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
            + " Norwegian time";
  }

  private void requireDraft() {
    if (submitted()) {
      throw DomainException.conflict(
          ScorecardErrors.REPORT_SUBMITTED,
          "A submitted report cannot be changed: it was submitted "
              + submittedText()
              + "; "
              + REOPEN_HINT);
    }
  }

  private void requireVersion(long expected) {
    if (expected != version) {
      throw DomainException.stale(
          CommonErrors.STALE_VERSION,
          "The report is at version " + version + ", not " + expected + ": read it again");
    }
  }
}
