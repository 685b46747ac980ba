package no.nav.ia.platform.rest;

import no.nav.ia.platform.problem.ApiException;

/**
 * The version an {@code If-Match} header names, for the resources whose ETag is their version:
 * {@code "3"}, {@code 3} or {@code W/"3"}. Missing is 428; a value that names no version is 412, as
 * a stale one is.
 */
public final class IfMatch {

  private IfMatch() {}

  /** The version, required: 428 {@code PRECONDITION_REQUIRED} without the header. */
  public static long required(String ifMatch, String change) {
    if (ifMatch == null) {
      throw new ApiException(
          428,
          "PRECONDITION_REQUIRED",
          "Precondition required",
          change + " needs If-Match with the version read",
          null);
    }
    return version(ifMatch);
  }

  /** The version the header names; 412 {@code STALE_VERSION} when it names none. */
  public static long version(String ifMatch) {
    String v = ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    try {
      return Long.parseLong(v.replace("\"", ""));
    } catch (NumberFormatException e) {
      throw ApiException.preconditionFailed(
          "STALE_VERSION", "If-Match does not name a version of it");
    }
  }
}
