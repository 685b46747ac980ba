package no.nav.ia.scorecard.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.CountyRegistry.County;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.platform.time.Timestamps;
import no.nav.ia.scorecard.HalfYear;
import no.nav.ia.scorecard.Report;
import no.nav.ia.scorecard.ReportChange;
import no.nav.ia.scorecard.ReportSections;
import no.nav.ia.scorecard.ScorecardErrors;
import no.nav.ia.scorecard.rest.Card;

/**
 * The counties' half-year reports: reading one with its figures (live while a draft, frozen once
 * submitted), editing its sections, submitting it, reopening it, its history, and every county's
 * status for the coordinators.
 */
@ApplicationScoped
public class ReportService {

  private final CountyRegistry registry = CountyRegistry.get();

  @Inject EntityManager em;
  @Inject ScorecardService scorecards;
  @Inject ObjectMapper json;

  /**
   * A report as it is read: the report (an unsaved empty draft when nobody has written one), its
   * county, the county card as it stands now (null when read without figures), the one the report
   * shows (the frozen one once submitted), and for a report a coordinator reopened, the last
   * reopening (who, when, why) and, while it is a draft again, the figures its last submission
   * froze (null otherwise); the sections erased and not written since, with their erasure.
   */
  public record Reading(
      Report report,
      County county,
      Card live,
      Card figures,
      LocalDate today,
      Optional<ReportChange> reopening,
      Card submittedBefore,
      java.util.Map<String, ReportChange> erasedSections) {

    /**
     * The figures that have moved since the report was last submitted: a submitted one's frozen
     * against the live ones, a reopened draft's live against those its submission froze.
     */
    public Card submittedFigures() {
      return report.submitted() ? figures : submittedBefore;
    }

    /**
     * The day {@link #submittedFigures} were frozen, at the earliest: the submission's (a reopened
     * draft's first submission: its last one came no earlier); none before any.
     */
    public LocalDate frozenOn() {
      OffsetDateTime at = report.submitted() ? report.submittedAt : report.firstSubmission();
      return at == null ? null : NorwegianTime.dateOf(at);
    }
  }

  public Reading read(String code, HalfYear halfYear) {
    County county = countyOf(code, halfYear);
    Card live = live(code, halfYear);
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                reading(
                    find(code, halfYear).orElseGet(() -> Report.draft(code, halfYear)),
                    county,
                    live,
                    NorwegianTime.today()));
  }

  public Reading editSections(
      String code,
      HalfYear halfYear,
      long expectedVersion,
      ReportSections sections,
      java.util.Set<String> leftOut,
      String by) {
    County county = countyOf(code, halfYear);
    Card live = live(code, halfYear);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Report report = locked(code, halfYear);
              report
                  .editSections(expectedVersion, sections, leftOut, by, Timestamps.now())
                  .ifPresent(change -> change.persist());
              return reading(report, county, live, NorwegianTime.today());
            });
  }

  /**
   * Submits the report with the county card as it stands now; a half-year that has not ended has no
   * figures to submit yet.
   */
  public Reading submit(String code, HalfYear halfYear, Long expectedVersion, String by) {
    County county = countyOf(code, halfYear);
    if (!NorwegianTime.today().isAfter(halfYear.period().to())) {
      throw DomainException.notAllowedNow(
          ScorecardErrors.HALF_YEAR_NOT_OVER,
          "A report can be submitted when its half-year has ended (after "
              + halfYear.period().to()
              + ")");
    }
    Card live = live(code, halfYear);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Report report = firstSubmissionKept(locked(code, halfYear));
              report.submit(expectedVersion, write(live), by, Timestamps.now()).persist();
              return reading(report, county, live, NorwegianTime.today());
            });
  }

  /**
   * Reopens a submitted report (a coordinator): a draft again, its figures live, to be mended and
   * submitted anew.
   */
  public Reading reopen(
      String code, HalfYear halfYear, Long expectedVersion, String reason, String by) {
    County county = countyOf(code, halfYear);
    Card live = live(code, halfYear);
    return QuarkusTransaction.requiringNew()
        .call(() -> reopened(code, halfYear, expectedVersion, reason, by, county, live));
  }

  private Reading reopened(
      String code,
      HalfYear halfYear,
      Long expectedVersion,
      String reason,
      String by,
      County county,
      Card live) {
    Report report = firstSubmissionKept(locked(code, halfYear));
    String frozen = report.frozenFigures;
    report.reopen(expectedVersion, reason, by, Timestamps.now()).persist();
    // A submission written by a replica from before V13 (a rolling deploy) has no figures on its
    // history row: they are put there before they leave the report.
    em.createNativeQuery(
            "update report_change set figures = :figures where report_id = :id"
                + " and action = 'SUBMITTED' and figures is null and version = (select max(version)"
                + " from report_change where report_id = :id and action = 'SUBMITTED')")
        .setParameter("figures", frozen)
        .setParameter("id", report.id)
        .executeUpdate();
    return reading(report, county, live, NorwegianTime.today());
  }

  /**
   * Erases a section's text from the report and its history (Report.eraseSection); a report nobody
   * has written has nothing to erase. Whether anything was erased.
   */
  public boolean eraseSection(String code, HalfYear halfYear, String field, String by) {
    Report.requireSection(field);
    return erased(
        code,
        halfYear,
        report -> report.eraseSection(field, ReportChange.of(report.id), by, Timestamps.now()));
  }

  /** Erases the reasons of the report's reopenings (Report.eraseReasons). Whether any was. */
  public boolean eraseReasons(String code, HalfYear halfYear, String by) {
    return erased(
        code,
        halfYear,
        report -> report.eraseReasons(ReportChange.of(report.id), by, Timestamps.now()));
  }

  /**
   * Makes {@code erasure} on the report, locked, when someone has written it; whether it erased.
   */
  private boolean erased(
      String code,
      HalfYear halfYear,
      java.util.function.Function<Report, Optional<ReportChange>> erasure) {
    countyOf(code, halfYear);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Optional<ReportChange> change =
                  find(code, halfYear, LockModeType.PESSIMISTIC_WRITE).flatMap(erasure);
              change.ifPresent(c -> c.persist());
              return change.isPresent();
            });
  }

  @Transactional
  public List<ReportChange> history(String code, HalfYear halfYear) {
    countyOf(code, halfYear);
    return find(code, halfYear).map(r -> ReportChange.of(r.id)).orElse(List.of());
  }

  /** Every county of the half-year with its report (an unsaved draft where none is written). */
  public List<Reading> all(HalfYear halfYear, boolean withFigures) {
    var snapshot = withFigures ? scorecards.snapshot(halfYear.period()) : null;
    return all(halfYear, snapshot);
  }

  /** As above, with the half-year's figures read already (null: without figures). */
  public List<Reading> all(HalfYear halfYear, ScorecardService.Snapshot snapshot) {
    return QuarkusTransaction.requiringNew().call(() -> readings(halfYear, snapshot));
  }

  private List<Reading> readings(HalfYear halfYear, ScorecardService.Snapshot snapshot) {
    LocalDate today = NorwegianTime.today();
    if (halfYear.noReport(today).isPresent()) {
      // No county has one: not a list of drafts "overdue" since 2000.
      return List.of();
    }
    return registry.validOn(halfYear.period().to()).stream()
        .map(
            county -> {
              Report report =
                  find(county.code(), halfYear)
                      .orElseGet(() -> Report.draft(county.code(), halfYear));
              Card live = snapshot == null ? null : scorecards.county(snapshot, county.code());
              return reading(report, county, live, today);
            })
        .toList();
  }

  /**
   * The county's card of the half-year as it stands now. A report's live figures are read first, in
   * a transaction of their own that sees one moment (ScorecardService.snapshot), and the report
   * after: a submission freezes figures that add up.
   */
  private Card live(String code, HalfYear halfYear) {
    return scorecards.countyCard(halfYear.period(), code);
  }

  private Reading reading(Report report, County county, Card live, LocalDate today) {
    Optional<ReportChange> reopening =
        report.mayHaveBeenReopened() ? ReportChange.reopening(report.id) : Optional.empty();
    Card submittedBefore =
        reopening.isPresent() && !report.submitted()
            ? ReportChange.lastSubmission(report.id)
                .filter(c -> c.figures != null)
                .map(c -> card(c.figures))
                .orElse(null)
            : null;
    return new Reading(
        report,
        county,
        live,
        report.submitted() ? frozen(report) : live,
        today,
        reopening,
        submittedBefore,
        // An erasure takes a version after a written one.
        report.version >= 2 ? ReportChange.erasedSections(report.id) : java.util.Map.of());
  }

  /**
   * The report with its first submission's time, which a replica from before V14 (a rolling deploy)
   * did not keep when it submitted or reopened: from the history, as V14 filled it.
   */
  private static Report firstSubmissionKept(Report report) {
    if (report.firstSubmittedAt == null && report.version >= 2) {
      report.firstSubmittedAt = ReportChange.firstSubmission(report.id).orElse(null);
    }
    return report;
  }

  /** A county of the half-year's structure (the counties that existed at its end). */
  private County countyOf(String code, HalfYear halfYear) {
    County county = scorecards.countyOf(code);
    Optional<String> none = halfYear.noReport(NorwegianTime.today());
    if (none.isPresent()) {
      throw DomainException.notFound(ScorecardErrors.REPORT_NOT_FOUND, none.get());
    }
    if (!county.isValidOn(halfYear.period().to())) {
      // Where its report is, so a manager of a county formed since finds the one they may write.
      List<String> inItsPlace =
          registry.inItsPlaceOn(code, halfYear.period().to()).stream()
              .map(c -> c.code() + " (" + c.name() + ")")
              .toList();
      throw DomainException.notFound(
          ScorecardErrors.REPORT_NOT_FOUND,
          "County "
              + code
              + " did not exist at the end of "
              + halfYear.id()
              + " and has no report"
              + (inItsPlace.isEmpty()
                  ? ""
                  : "; its area reported as " + String.join(" and ", inItsPlace)));
    }
    return county;
  }

  private Optional<Report> find(String code, HalfYear halfYear) {
    return find(code, halfYear, LockModeType.NONE);
  }

  /** The report's row when someone has written it, read with {@code lock}. */
  private Optional<Report> find(String code, HalfYear halfYear, LockModeType lock) {
    return Report.<Report>find("countyCode = ?1 and period = ?2", code, halfYear.id())
        .withLock(lock)
        .firstResultOptional();
  }

  /** The report's row, made if it is not there yet, locked for the rest of the transaction. */
  private Report locked(String code, HalfYear halfYear) {
    em.createNativeQuery(
            "insert into report (id, county_code, period, status, version)"
                + " values (:id, :county, :period, 'DRAFT', 0) on conflict do nothing")
        .setParameter("id", UUID.randomUUID())
        .setParameter("county", code)
        .setParameter("period", halfYear.id())
        .executeUpdate();
    return Report.<Report>find("countyCode = ?1 and period = ?2", code, halfYear.id())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult();
  }

  private Card frozen(Report report) {
    return card(report.frozenFigures);
  }

  /** Figures a submission froze (a report's or a history row's), as the card they were. */
  public Card card(String figures) {
    try {
      return json.readValue(figures, Card.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report holds unreadable figures", e);
    }
  }

  private String write(Card card) {
    try {
      return json.writeValueAsString(card);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
