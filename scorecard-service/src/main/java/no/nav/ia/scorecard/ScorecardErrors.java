package no.nav.ia.scorecard;

import no.nav.ia.platform.domain.ErrorCode;

/** The codes of scorecard-service's own refusals (the common ones are CommonErrors, HttpErrors). */
public enum ScorecardErrors implements ErrorCode {
  COUNTY_NOT_FOUND("404: no county with that code"),
  GROUPING_NOT_FOUND("404: no region grouping with that name"),
  REPORT_NOT_FOUND(
      "404: no report: the county did not exist at the end of that half-year, the half-year ended"
          + " before the first IA agreement (2001-10-03) or has not begun"),
  SECTION_NOT_FOUND(
      "404: a report has no section of that name (iaCouncil, industries, effects, funds)"),
  HALF_YEAR_NOT_OVER("422: a report can be submitted once its half-year has ended"),
  SECTIONS_MISSING(
      "422: sections of the report are not written yet; `errors` names each; write them, then"
          + " submit"),
  REPORT_SUBMITTED(
      "409: a submitted report cannot be changed (not a resend); a coordinator may reopen it"),
  REPORT_ALREADY_SUBMITTED("409: the report was submitted before; nothing to do"),
  REPORT_NOT_SUBMITTED("409: the report is a draft; only a submitted report is reopened"),
  OWN_SUBMISSION(
      "403: who submitted a report does not hand it back; another coordinator reopens it"),
  REBUILD_RUNNING(
      "409: a rebuild of the projections is running (on this or another instance); its figures"
          + " appear when it commits, and its log line says when");

  private final String meaning;

  ScorecardErrors(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
