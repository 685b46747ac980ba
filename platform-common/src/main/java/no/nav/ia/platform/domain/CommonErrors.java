package no.nav.ia.platform.domain;

/** The codes of the rules every service shares. */
public enum CommonErrors implements ErrorCode {
  VALIDATION_FAILED("400: fields break a rule; `errors` names each. Fix them; do not resend as is"),
  FORBIDDEN_COUNTY(
      "403: the thing is in a county the token gives no access to (or the token is bound to none):"
          + " it exists, but not for you; not a resend"),
  STALE_VERSION(
      "412: `If-Match` names no current version (an older one, `*`, or no ETag); read it again and"
          + " send the change with the ETag read");

  private final String meaning;

  CommonErrors(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
