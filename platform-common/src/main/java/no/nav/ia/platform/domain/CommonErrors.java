package no.nav.ia.platform.domain;

/** The codes of the rules every service shares. */
public enum CommonErrors implements ErrorCode {
  VALIDATION_FAILED("400: fields break a rule; `errors` names each. Fix them; do not resend as is"),
  FORBIDDEN_COUNTY("403: the token gives no access to that county (or is bound to none)"),
  STALE_VERSION(
      "412: `If-Match` names a version that is not the current one; read it again, then change");

  private final String meaning;

  CommonErrors(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
