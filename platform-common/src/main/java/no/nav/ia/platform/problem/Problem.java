package no.nav.ia.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one error body of the platform: RFC 9457 problem details plus {@code code} and {@code
 * callId}; {@code errors} names the fields refused, and {@code existing}, on a 409 about something
 * that is there already (an agreement, a campaign), the path of that resource when the caller may
 * read it: a client whose first answer was lost finds what it made without parsing {@code detail}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    String callId,
    List<FieldError> errors,
    String existing) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://ia.nav.no/problems/";
}
