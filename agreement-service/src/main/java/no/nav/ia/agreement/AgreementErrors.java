package no.nav.ia.agreement;

import no.nav.ia.platform.domain.ErrorCode;

/** The codes of agreement-service's own refusals (the common ones are CommonErrors, HttpErrors). */
public enum AgreementErrors implements ErrorCode {
  AGREEMENT_NOT_FOUND("404: no agreement with that id (another county's is 403 FORBIDDEN_COUNTY)"),
  AGREEMENT_EXISTS(
      "409: the enterprise already has an active agreement; read or end that one instead"),
  AGREEMENT_PERIODS_OVERLAP(
      "409: the enterprise's previous agreement ran past this signing date; sign from the day after"),
  AGREEMENT_ALREADY_ENDED("409: the agreement has already ended; nothing to do"),
  AGREEMENT_ENDED("422: the agreement has ended and takes no more changes; not a resend"),
  GROUP_CYCLE("422: the group is, through its own group agreements, a unit of this enterprise"),
  ENTERPRISE_NOT_FOUND("404: no enterprise with that org number in the register"),
  ENTERPRISE_DELETED("422: the register has the enterprise as deleted"),
  COUNTY_CONTRADICTS_REGISTER(
      "422: the register places the enterprise in another county; check the county given"),
  GROUPING_NOT_FOUND("404: no region grouping with that name"),
  IMPORT_NOT_FOUND("404: no register import with that id"),
  IMPORT_RUNNING("409: an import of the register is running; wait for it, then send it again"),
  CAMPAIGN_NOT_FOUND("404: no re-signing campaign with that id"),
  CAMPAIGN_ALREADY_OPEN("409: a re-signing campaign is open; one runs at a time"),
  CAMPAIGN_ALREADY_CLOSED("409: the campaign was closed before; nothing to do"),
  CAMPAIGN_CLOSED(
      "409: the campaign is closing or closed; its agreements take no more changes; not a resend"),
  CAMPAIGN_DEADLINE_NOT_REACHED("422: the campaign can be closed on or after its deadline"),
  AGREEMENT_NOT_DUE("404: the agreement is not due for re-signing in this campaign"),
  RESIGNING_TRANSITION_NOT_ALLOWED(
      "422: the agreement's re-signing status cannot move to that one (see the campaign rules)"),
  RESIGNING_NOTE_WAS_ERASED(
      "409: the case stands at that status and day, and the note they were recorded with was"
          + " erased since; the same change is not recorded again with a note (sent without it,"
          + " it is answered with the case as it stands)"),
  NO_GROUP_AGREEMENT(
      "422: the agreement was not signed under a group, so it cannot await the group's"),
  AGREEMENTS_BUSY(
      "503: agreements were being written for longer than a campaign start waits; send it again"
          + " in a minute");

  private final String meaning;

  AgreementErrors(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
