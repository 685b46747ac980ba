package no.nav.ia.platform.domain;

import java.util.regex.Pattern;

/** NAV-ident: one capital letter and six digits, e.g. Z990001. */
public final class NavIdent {

  public static final String REGEX = "[A-Z]\\d{6}";

  /**
   * The same, anchored, for {@code @Pattern}: Bean Validation matches the whole value either way,
   * but the OpenAPI document's {@code pattern} is a JSON Schema one, which matches anywhere.
   */
  public static final String WHOLE = "^" + REGEX + "$";

  /** What a field that must hold one says when it does not (z990001 is not one). */
  public static final String MESSAGE = "must be a NAV-ident (one capital letter and six digits)";

  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private NavIdent() {}

  public static boolean isValid(String value) {
    return value != null && PATTERN.matcher(value).matches();
  }
}
