package no.nav.ia.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.ia.platform.domain.CommonErrors;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.problem.HttpErrors;

/**
 * The version an {@code If-Match} header names, for the resources whose ETag is their version: the
 * ETag as sent ({@code "3"}), bare ({@code 3}), or weakened ({@code W/"3"}: a proxy that compresses
 * may weaken the ETags it passes on, and the version is the same). Missing is 428; anything else
 * names no version and is 412, as a stale one is: {@code *}, a list of ETags ({@code "2", "3"}: a
 * change is made against the one version read), or a value that is no ETag ({@code "1""2"}).
 */
public final class IfMatch {

  private IfMatch() {}

  /** The version, required: 428 {@code PRECONDITION_REQUIRED} without the header. */
  public static long required(String ifMatch, String change) {
    if (ifMatch == null) {
      throw new ApiException(
          428,
          HttpErrors.PRECONDITION_REQUIRED,
          "Precondition required",
          change + " needs If-Match with the version read",
          null);
    }
    return version(ifMatch);
  }

  /**
   * The version, when the client sent the header (null when not: the change is made on whatever
   * version there is); 412 {@code STALE_VERSION} when it names none.
   */
  public static Long optional(String ifMatch) {
    return ifMatch == null ? null : version(ifMatch);
  }

  /**
   * A version as a weak ETag ({@code W/"3"}), for an answer that carries, beside what its version
   * guards, figures or states that change without a new version (an agreement's register and
   * campaign states, a half-year report's live figures): a strong tag says one version is one set
   * of bytes (RFC 9110, 8.8.1). {@link #version} takes it back as it comes.
   */
  public static EntityTag weakTag(long version) {
    return new EntityTag(String.valueOf(version), true);
  }

  /** The version the header names; 412 {@code STALE_VERSION} when it names none. */
  public static long version(String ifMatch) {
    Matcher etag = ETAG.matcher(ifMatch.strip());
    if (etag.matches()) {
      String digits = etag.group(1) != null ? etag.group(1) : etag.group(2);
      try {
        return Long.parseLong(digits);
      } catch (NumberFormatException tooLong) {
        // More digits than a version has: it names none.
      }
    }
    // An API audit read 412 "stale" for If-Match: * as a riddle: say what to send instead.
    throw ApiException.preconditionFailed(
        CommonErrors.STALE_VERSION,
        "If-Match does not name a version of it: send the ETag header of your last read as it"
            + " came (a version number in quotes), not * or a list");
  }

  /** One ETag of digits, quoted (strong or weak), or the digits alone. */
  private static final Pattern ETAG = Pattern.compile("(?:W/)?\"([0-9]{1,19})\"|([0-9]{1,19})");
}
