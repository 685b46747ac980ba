package no.nav.ia.platform.problem;

import no.nav.ia.platform.domain.ErrorCode;

/**
 * The codes of the HTTP layer, which any service (or the gateway in front of them) answers whatever
 * the path.
 */
public enum HttpErrors implements ErrorCode {
  MALFORMED_BODY(
      "400: the body is not well-formed JSON or does not fit the request; `errors` says where"),
  BAD_REQUEST("400 (or another 4xx the HTTP layer refuses with): the request cannot be read"),
  UNAUTHENTICATED("401: no valid bearer token; get a new token and send it again"),
  FORBIDDEN("403: the token's roles do not allow this operation"),
  NOT_FOUND("404: nothing at this path; check the path and the ids in it"),
  METHOD_NOT_ALLOWED("405: this path does not take this method; `Allow` lists the ones it takes"),
  NOT_ACCEPTABLE("406: this path cannot answer in the media type `Accept` asks for"),
  CONFLICT("409: it clashes with what exists"),
  CONCURRENT_UPDATE("409: someone changed it at the same moment; read it again and repeat"),
  PRECONDITION_FAILED("412: a precondition header does not hold"),
  PAYLOAD_TOO_LARGE("413: the body is larger than this path takes; send less per request"),
  UNSUPPORTED_MEDIA_TYPE("415: the body is not application/json"),
  PRECONDITION_REQUIRED("428: this change needs `If-Match` with the version (ETag) read"),
  TOO_MANY_REQUESTS("429: over this client's rate; wait `Retry-After` seconds and send it again"),
  INTERNAL_ERROR(
      "500: the platform failed; quote `callId` to the team. Safe to resend with the"
          + " same idempotency key"),
  SERVICE_UNAVAILABLE(
      "503: a service or its database is away; send it again later (same idempotency key)"),
  BUSY("503: too many bodies are being read at once; wait `Retry-After` seconds, send it again");

  private final String meaning;

  HttpErrors(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
