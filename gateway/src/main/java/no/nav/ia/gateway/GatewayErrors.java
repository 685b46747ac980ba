package no.nav.ia.gateway;

import no.nav.ia.platform.domain.ErrorCode;

/** The codes only the gateway answers (the services' own reach clients through it as they are). */
public enum GatewayErrors implements ErrorCode {
  BAD_REQUEST_TARGET("400: the request target must be a path, not an absolute URL"),
  BAD_GATEWAY("502: the service gave no valid answer; send it again (same idempotency key)"),
  UPSTREAM_TIMEOUT(
      "504: the service did not answer in time; it may have done it: send it again with the same"
          + " idempotency key, or read before repeating a change"),
  TOKEN_UNAVAILABLE(
      "503: the gateway could not get a token for the service; send it again after `Retry-After`");

  private final String meaning;

  GatewayErrors(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
