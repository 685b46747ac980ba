package no.nav.ia.scorecard;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a half-year report: what changed, who did it, and the sections it then had; a
 * submission keeps the figures it froze, a reopening its reason.
 */
@Entity
@Table(name = "report_change")
public class ReportChange extends PanacheEntityBase {

  public enum Action {
    SECTIONS_EDITED,
    SUBMITTED,
    REOPENED,
    /** A section's text erased from the report and every version of its history. */
    SECTION_ERASED,
    /** The reasons of every reopening erased from the history. */
    REASONS_ERASED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long seq;

  @Column(name = "report_id")
  public UUID reportId;

  public long version;

  @Enumerated(EnumType.STRING)
  public Action action;

  @Column(name = "changed_by")
  public String changedBy;

  @Column(name = "changed_at")
  public OffsetDateTime changedAt;

  @Column(name = "ia_council")
  public String iaCouncil;

  public String industries;
  public String effects;
  public String funds;

  /** On a submission: the card it froze (JSON), kept when the report is reopened. */
  public String figures;

  /** On a reopening: why (null once erased). */
  public String reason;

  /** On an erasure: what went, a section's field name or {@code reason}. */
  public String erased;

  static ReportChange of(Report report, Action action, String by, OffsetDateTime at) {
    ReportChange c = new ReportChange();
    c.reportId = report.id;
    c.version = report.version;
    c.action = action;
    c.changedBy = by;
    c.changedAt = at;
    c.write(report.sections());
    return c;
  }

  private void write(ReportSections sections) {
    iaCouncil = sections.iaCouncil();
    industries = sections.industries();
    effects = sections.effects();
    funds = sections.funds();
  }

  public ReportSections sections() {
    return new ReportSections(iaCouncil, industries, effects, funds);
  }

  /** Takes {@code field}'s text out of this version; whether it had any. */
  boolean eraseSection(String field) {
    ReportSections without = sections().without(field);
    if (without.equals(sections())) {
      return false;
    }
    write(without);
    return true;
  }

  /** Takes a reopening's reason out of this version; whether it had one. */
  boolean eraseReason() {
    boolean had = reason != null;
    reason = null;
    return had;
  }

  /**
   * The report's last reopening, if a coordinator reopened it: the one a draft is in, or the one
   * before the submission anew.
   */
  public static Optional<ReportChange> reopening(UUID reportId) {
    return last(reportId, Action.REOPENED);
  }

  /** The report's last submission, with the figures it froze. */
  public static Optional<ReportChange> lastSubmission(UUID reportId) {
    return last(reportId, Action.SUBMITTED);
  }

  /** When the report was first submitted, from its history. */
  public static Optional<OffsetDateTime> firstSubmission(UUID reportId) {
    return ReportChange.<ReportChange>find(
            "reportId = ?1 and action = ?2 order by version", reportId, Action.SUBMITTED)
        .firstResultOptional()
        .map(c -> c.changedAt);
  }

  private static Optional<ReportChange> last(UUID reportId, Action action) {
    return ReportChange.<ReportChange>find(
            "reportId = ?1 and action = ?2 order by version desc", reportId, action)
        .firstResultOptional();
  }

  /**
   * The sections of a report whose text was erased and not written since, by field name, each with
   * its (last) erasure; from the report's {@code history}, oldest first.
   */
  public static java.util.Map<String, ReportChange> erasedSections(List<ReportChange> history) {
    java.util.Map<String, ReportChange> erased = new java.util.LinkedHashMap<>();
    for (ReportChange change : history) {
      if (change.action == Action.SECTION_ERASED) {
        erased.put(change.erased, change);
      } else {
        change
            .sections()
            .byField()
            .forEach(
                (field, text) -> {
                  if (text != null) {
                    erased.remove(field);
                  }
                });
      }
    }
    java.util.Map<String, ReportChange> inOrder = new java.util.LinkedHashMap<>();
    ReportSections.FIELDS.forEach(
        f -> {
          if (erased.containsKey(f)) {
            inOrder.put(f, erased.get(f));
          }
        });
    return inOrder;
  }

  /** The report's sections erased and not written since ({@link #erasedSections}). */
  public static java.util.Map<String, ReportChange> erasedSections(UUID reportId) {
    return count("reportId = ?1 and action = ?2", reportId, Action.SECTION_ERASED) == 0
        ? java.util.Map.of()
        : erasedSections(of(reportId));
  }

  /** A report's changes, oldest first. */
  public static List<ReportChange> of(UUID reportId) {
    return list("reportId = ?1 order by version", reportId);
  }
}
