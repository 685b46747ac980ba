package no.nav.ia.platform.domain;

import java.util.List;

/**
 * A rule of the domain said no. It knows nothing of HTTP: its {@link Kind} says what sort of "no"
 * it is and its code which rule, and ProblemMappers turns the kind into a status in one place. Rule
 * tests assert the kind and the code.
 */
public class DomainException extends RuntimeException {

  /** What sort of refusal it is. */
  public enum Kind {
    /** A value breaks a rule (e.g. a date before the signing): the violations name the fields. */
    INVALID,
    /** Nothing with that identity exists. */
    NOT_FOUND,
    /** The caller may not act on it (e.g. another county's agreement). */
    FORBIDDEN,
    /** It clashes with what exists (e.g. a second active agreement). */
    CONFLICT,
    /** The thing's state does not allow it now (e.g. a move the re-signing rules do not allow). */
    NOT_ALLOWED_NOW,
    /** It changed since the caller read it. */
    STALE
  }

  /** One field that breaks a rule; the message never repeats the value. */
  public record Violation(String field, String message) {}

  private final Kind kind;
  private final String code;
  private final List<Violation> violations;
  private final String existing;

  private DomainException(Kind kind, ErrorCode code, String detail, List<Violation> violations) {
    this(kind, code, detail, violations, null);
  }

  private DomainException(
      Kind kind, ErrorCode code, String detail, List<Violation> violations, String existing) {
    super(detail);
    this.kind = kind;
    this.code = code.name();
    this.violations = List.copyOf(violations);
    this.existing = existing;
  }

  public static DomainException invalid(String field, String message) {
    return invalid(List.of(new Violation(field, message)));
  }

  public static DomainException invalid(List<Violation> violations) {
    return new DomainException(
        Kind.INVALID, CommonErrors.VALIDATION_FAILED, "One or more fields are invalid", violations);
  }

  public static DomainException notFound(ErrorCode code, String detail) {
    return new DomainException(Kind.NOT_FOUND, code, detail, List.of());
  }

  public static DomainException forbidden(ErrorCode code, String detail) {
    return new DomainException(Kind.FORBIDDEN, code, detail, List.of());
  }

  public static DomainException conflict(ErrorCode code, String detail) {
    return conflict(code, detail, null);
  }

  /**
   * A clash with something that exists, named by its path ({@code /api/v1/agreements/<id>}; null
   * when the caller may not read it).
   */
  public static DomainException conflict(ErrorCode code, String detail, String existing) {
    return new DomainException(Kind.CONFLICT, code, detail, List.of(), existing);
  }

  public static DomainException notAllowedNow(ErrorCode code, String detail) {
    return notAllowedNow(code, detail, List.of());
  }

  /** Not allowed now, because of the fields named (e.g. a report's sections not yet written). */
  public static DomainException notAllowedNow(
      ErrorCode code, String detail, List<Violation> violations) {
    return new DomainException(Kind.NOT_ALLOWED_NOW, code, detail, violations);
  }

  public static DomainException stale(ErrorCode code, String detail) {
    return new DomainException(Kind.STALE, code, detail, List.of());
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public List<Violation> violations() {
    return violations;
  }

  /** The path of what the conflict is with, or null. */
  public String existing() {
    return existing;
  }
}
