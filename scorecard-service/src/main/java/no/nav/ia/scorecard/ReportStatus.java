package no.nav.ia.scorecard;

/** A half-year report is a draft until its manager submits it. */
public enum ReportStatus {
  DRAFT,
  SUBMITTED
}
