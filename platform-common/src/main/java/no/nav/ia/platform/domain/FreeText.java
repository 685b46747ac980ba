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
    return text != null && text.codePoints().anyMatch(FreeText::isVisible);
  }

  /**
   * Whether a character shows: not a space of any kind, a control or format character, a mark
   * (which shows only on a letter), nor one of the blank letters Unicode has (the Hangul fillers
   * and the braille blank, with which a re-check named an agreement that showed as nothing).
   */
  public static boolean isVisible(int cp) {
    int type = Character.getType(cp);
    return !Character.isWhitespace(cp)
        && !Character.isSpaceChar(cp)
        && !Character.isISOControl(cp)
        && type != Character.FORMAT
        && type != Character.NON_SPACING_MARK
        && type != Character.ENCLOSING_MARK
        && cp != 0x115F
        && cp != 0x1160
        && cp != 0x3164
        && cp != 0xFFA0
        && cp != 0x2800;
  }

  /**
   * Whether the text holds a bidirectional embedding, override or isolate (U+202A to U+202E, U+2066
   * to U+2069): invisible, they reorder what follows them, so a page could show "000 021" for what
   * was written "120 000" (a review's report section did). Direction marks (U+200E, U+200F) reorder
   * nothing beyond themselves and stay allowed.
   */
  public static boolean reordersText(String text) {
    return text != null && text.codePoints().anyMatch(FreeText::reorders);
  }

  /** Whether the character is a bidirectional embedding, override or isolate. */
  public static boolean reorders(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  }

  /** What a text that {@link #reordersText} is told. */
  public static final String REORDERS_MESSAGE =
      "must not hold direction overrides or isolates (U+202A-U+202E, U+2066-U+2069): they reorder"
          + " the text after them";

  /**
   * A note of several lines, as a {@code @Pattern} (published in the OpenAPI documents, so anchored
   * and written for ECMA-262 too): line breaks and tabs, no other control character, no line or
   * paragraph separator and no direction override or isolate ({@link #reorders}).
   */
  public static final String LINES =
      "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u2028\\u2029"
          + "\\u202A-\\u202E\\u2066-\\u2069]*$";

  /** What a note {@link #LINES} refuses is told. */
  public static final String LINES_MESSAGE =
      "must not hold control characters other than line breaks and tabs, nor direction overrides"
          + " or isolates (U+202A-U+202E, U+2066-U+2069)";

  /**
   * A text's limit is in characters as a person counts them (code points, as the OpenAPI documents'
   * maxLength): an emoji is one, where Java's length() counts two. For {@code @CodePointLength(max
   * = ..., message = FreeText.AT_MOST)}.
   */
  public static final String AT_MOST = "must be at most {max} characters";

  /**
   * Whether the text holds what {@link #LINES} refuses: a control character other than a line break
   * or a tab, a line or paragraph separator, a direction override or isolate (a review stored BEL
   * and an ESC sequence in a report's section, which came back raw in its page and its CSV).
   */
  public static boolean breaksLines(String text) {
    return text != null && !LINES_PATTERN.matcher(text).matches();
  }

  /** {@link #LINES} compiled: the one statement of the rule, for the checks made in code. */
  private static final java.util.regex.Pattern LINES_PATTERN =
      java.util.regex.Pattern.compile(LINES);

  /** A note as kept: none when nothing is written in it, else without the blanks around it. */
  public static String noteOrNull(String text) {
    return isWritten(text) ? strip(text) : null;
  }

  /**
   * The text without the spaces around it, whatever spaces they are: {@link String#strip} keeps the
   * no-break spaces Word and web pages paste (a review's agreement named "\u00a0Kantmellomrom
   * AS\u00a0" sorted before every other name).
   */
  public static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && isSpace(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  /** A space of any kind, or an invisible one of the format characters (ZWSP, BOM, word joiner). */
  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || cp == 0x200B
        || cp == 0xFEFF
        || cp == 0x2060;
  }
}
