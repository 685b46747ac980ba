package no.nav.ia.platform.domain;

/**
 * Free text as a person reads it: whether anything is written in it. A text of spaces only is
 * nothing written, whatever spaces they are: the no-break spaces Word and Outlook paste for an
 * empty line, an ideographic or a line separator, a zero-width space from a web page ({@link
 * String#isBlank} takes a no-break space for text).
 */
public final class FreeText {

  private FreeText() {}

  /** Whether the text holds a character one can see (null holds none). */
  public static boolean isWritten(String text) {
    return text != null
        && text.codePoints()
            .anyMatch(
                cp ->
                    !Character.isWhitespace(cp)
                        && !Character.isSpaceChar(cp)
                        && !Character.isISOControl(cp)
                        && Character.getType(cp) != Character.FORMAT);
  }

  /** A note as kept: none when nothing is written in it, else without the blanks around it. */
  public static String noteOrNull(String text) {
    return isWritten(text) ? text.strip() : null;
  }
}
