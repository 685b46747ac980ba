package no.nav.ia.platform.problem;

import no.nav.ia.platform.domain.ErrorCode;

/**
 * The codes of the HTTP layer, which any service (or the gateway in front of them) answers whatever
 * the path.
 */
public enum HttpErrors implements ErrorCode {
  MALFORMED_BODY(
      "400: the body is not well-formed JSON or does not fit the request (a field of the wrong type,"
          + " an unknown field or value); `errors` says where. Fix it; do not resend as is"),
  BAD_REQUEST(
      "400 (or another 4xx the HTTP layer refuses with): the request cannot be read"
          + " as sent (no valid Host, two Authorization headers). Fix it. A target the HTTP server"
          + " cannot parse (such as %zz), and a request line or headers over its limits (414,"
          + " 431), are refused before the platform sees them, with no body at all"),
  UNAUTHENTICATED(
      "401: no valid bearer token (none, expired, or for another audience than the one called);"
          + " get a token for it and send the request again"),
  FORBIDDEN("403: the token's roles do not allow this operation; another token, not a resend"),
  NOT_FOUND("404: nothing at this path; check the path and the ids in it"),
  METHOD_NOT_ALLOWED(
      "405: this path does not take this method; `Allow` lists the ones it takes (at the gateway,"
          + " for TRACE, CONNECT or an unknown method, the methods the gateway forwards)"),
  NOT_ACCEPTABLE(
      "406: this path cannot answer in the media type `Accept` asks for; ask for application/json"
          + " (or text/csv where the operation offers it)"),
  REQUEST_TIMEOUT(
      "408: the request's body did not arrive in time (the client stalled or sent too slowly);"
          + " nothing was done and the connection is closed. Send the request again as it was"
          + " (the same idempotency key or If-Match)"),
  CONCURRENT_UPDATE("409: someone changed it at the same moment; read it again and repeat"),
  PAYLOAD_TOO_LARGE("413: the body is larger than this path takes; send less per request"),
  UNSUPPORTED_MEDIA_TYPE(
      "415: the body is not application/json, or is sent with a Content-Encoding; send plain JSON"),
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
