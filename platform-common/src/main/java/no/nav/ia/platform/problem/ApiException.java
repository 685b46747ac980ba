package no.nav.ia.platform.problem;

import java.util.List;
import no.nav.ia.platform.domain.CommonErrors;
import no.nav.ia.platform.domain.ErrorCode;

/** A client-facing failure with a stable code; mapped to problem+json by {@link ProblemMappers}. */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String title;
  private final List<FieldError> errors;

  public ApiException(
      int status, ErrorCode code, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.code = code.name();
    this.title = title;
    this.errors = errors == null ? null : List.copyOf(errors);
  }

  /**
   * The one 400 for fields a request got wrong, whoever finds them (Bean Validation, a resource's
   * own rule, a route filter): the same code, title and detail, and the fields named.
   */
  public static ApiException invalid(List<FieldError> errors) {
    return new ApiException(
        400,
        CommonErrors.VALIDATION_FAILED,
        "Invalid request",
        "One or more fields are invalid",
        errors);
  }

  public static ApiException invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static ApiException badRequest(ErrorCode code, String detail) {
    return new ApiException(400, code, "Bad request", detail, null);
  }

  public static ApiException notFound(ErrorCode code, String detail) {
    return new ApiException(404, code, "Not found", detail, null);
  }

  public static ApiException conflict(ErrorCode code, String detail) {
    return new ApiException(409, code, "Conflict", detail, null);
  }

  public static ApiException unprocessable(ErrorCode code, String detail) {
    return new ApiException(422, code, "Not allowed now", detail, null);
  }

  public static ApiException forbidden(ErrorCode code, String detail) {
    return new ApiException(403, code, "Forbidden", detail, null);
  }

  public static ApiException preconditionFailed(ErrorCode code, String detail) {
    return new ApiException(412, code, "Precondition failed", detail, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
