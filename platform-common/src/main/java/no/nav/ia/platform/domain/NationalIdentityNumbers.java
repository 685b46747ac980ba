package no.nav.ia.platform.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Norwegian national identity numbers (fødselsnummer, also D- and H-numbers): 11 digits whose
 * two control digits are valid, written together or in the forms people type, with a space, dot,
 * dash or slash between groups of digits, or up to three between the birth date and the rest
 * ({@code 010190 10046}, {@code 010190/10046}, {@code 01.01.90 10046}, {@code 010 190 10046}). Such
 * data must never be stored or logged, so text holding one is rejected. Any whitespace (a tab, a
 * line break), dash (the en dash a word processor makes of a hyphen) or minus sign separates like a
 * space; invisible format characters (a soft hyphen, a zero-width space) are seen through, and
 * digits of any script (full-width, Arabic-Indic, Devanagari) read as the digits they are.
 */
public final class NationalIdentityNumbers {

  /**
   * A separator between two digits: whitespace, any space, line or paragraph separator of Unicode
   * (the no-break, thin, en and em spaces word processors and mail clients put between groups of
   * digits), a dot or a middle dot, a dash, a minus sign (U+2212, and the modifier and heavy ones a
   * font picker offers) or a slash. Other punctuation ({@code + : ( ) '}) separates nothing: a
   * number written with it takes intent, and a sum or a time next to a date would join.
   */
  private static final String SEPARATOR = "\\s\\p{Z}.\\u00B7\\p{Pd}/\\u2212\\u02D7\\u2796";

  /**
   * Eleven digits with at most one separator between two of them ({@code 010 190 10046}, {@code
   * 01.01.90 10046}), or the six digits of the birth date written together, then up to three
   * separators, then the five ({@code 150585 - 43206}, {@code 150585 / 43206}, {@code 150585
   * 43206}, {@code 150585_43206}); not part of a longer digit run. Wider gaps elsewhere would join
   * a date range ({@code 1.8.2024 - 3.8.2024}) or two phone numbers ({@code 78 44 94 80 / 405 59
   * 902}) into a valid number about once in a hundred. A comma joins nothing: between digits it is
   * the Norwegian decimal sign, and after a date it starts the next thing ({@code 01.01.90, 10046
   * kroner}).
   */
  private static final Pattern CANDIDATE = candidate();

  private static Pattern candidate() {
    String one = "[" + SEPARATOR + "]?";
    String gap = "[" + SEPARATOR + "_]{1,3}";
    return Pattern.compile(
        "(?<!\\d)(?:\\d(?:" + one + "\\d){10}|\\d{6}" + gap + "\\d(?:" + one + "\\d){4})(?!\\d)");
  }

  /** A day as people write it: day, month and a year of two or four digits (15.05.1985, 1.5.85). */
  private static final String DATE = "(\\d{1,2})[./\\-](\\d{1,2})[./\\-](\\d{4}|\\d{2})";

  /**
   * A birth date written as a date, then the five digits after up to three separators ({@code
   * 15.05.1985 43206}, {@code 1.5.85 - 43206}): the forms CANDIDATE cannot see, a four-digit year
   * or a one-digit day or month, in the same shape it takes (the number right after the date).
   */
  private static final Pattern DATE_THEN_FIVE =
      Pattern.compile("(?<!\\d)" + DATE + "[" + SEPARATOR + "_]{1,3}(\\d{5})(?!\\d)");

  /**
   * The five digits after the birth date, named as what they are ({@code pnr. 43206}, {@code
   * personnummer 43206}): with the birth date anywhere in the text ({@code f. 150585, pnr. 43206},
   * {@code personnummer 43206, født 15.05.85}), a review's notes that spelled a person's number out
   * in two places.
   */
  private static final Pattern NAMED_FIVE =
      Pattern.compile(
          "(?iu)(?<![\\p{L}\\d])(?:pnr|p\\.nr|pers\\.? ?nr|personnr|personnummer(?:et)?"
              + "|individnr|individnummer(?:et)?)[\\s.:#=-]{0,3}(\\d{5})(?!\\d)");

  /** A day written as a date ({@link #DATE}) or as six digits together (150585). */
  private static final Pattern ANY_DATE =
      Pattern.compile("(?<!\\d)(?:" + DATE + "|(\\d{6}))(?!\\d)");

  private static final Pattern UUID_FORM =
      Pattern.compile(
          "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

  /**
   * Whether the text is a UUID as written (8-4-4-4-12 hex digits). An id of this form (a call id,
   * an Entra ID client id) is taken as it is: the detector reads the digits between its dashes as a
   * valid number in about one random UUID of 3,500 (1,407 of 5,000,000 measured), and writing a
   * person's number as a UUID takes intent.
   */
  public static boolean isUuidForm(String text) {
    return text != null && UUID_FORM.matcher(text).matches();
  }

  /**
   * Whether a key a client chose (an {@code Idempotency-Key}, which is stored) holds a person's
   * number as eleven digits together: keys join their parts with dashes and counters ({@code
   * run-1765000000-1-23}), which the forms of free text would read as a number once in a hundred.
   */
  public static boolean inKey(String key) {
    if (key == null || isUuidForm(key)) {
      return false;
    }
    Matcher m = ELEVEN.matcher(key);
    while (m.find()) {
      if (isValid(m.group())) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern ELEVEN = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

  /**
   * Whether an id a client chose (a call id, a token's client id or subject) holds a person's
   * number: one written as a UUID does not ({@link #isUuidForm}); an underscore or a colon, which
   * ids use between their parts, separates groups of digits as a space does.
   */
  public static boolean inId(String id) {
    return id != null && !isUuidForm(id) && containsOne(id.replace('_', ' ').replace(':', ' '));
  }

  private static final int[] K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  private static final int[] K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  private NationalIdentityNumbers() {}

  /**
   * True if the text holds something that validates as an identity number, in any of the written
   * forms.
   */
  public static boolean containsOne(String text) {
    if (text == null || !hasNineDigits(text)) {
      return false;
    }
    text = readable(text);
    Matcher m = CANDIDATE.matcher(text);
    int from = 0;
    // Each start is tried on its own: a candidate with wrong control digits must not hide one that
    // overlaps it.
    while (from < text.length() && m.find(from)) {
      if (isValid(digitsOf(m.group()))) {
        return true;
      }
      from = m.start() + 1;
    }
    return splitUp(text);
  }

  /**
   * The birth date and the five digits after it written apart ({@link #DATE_THEN_FIVE}, {@link
   * #NAMED_FIVE}).
   */
  private static boolean splitUp(String text) {
    Matcher dateThenFive = DATE_THEN_FIVE.matcher(text);
    while (dateThenFive.find()) {
      if (isValid(birthDate(dateThenFive, 1) + dateThenFive.group(4))) {
        return true;
      }
    }
    Matcher named = NAMED_FIVE.matcher(text);
    while (named.find()) {
      Matcher date = ANY_DATE.matcher(text);
      while (date.find()) {
        String day = date.group(4) != null ? date.group(4) : birthDate(date, 1);
        if (isValid(day + named.group(1))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The six digits (DDMMYY) of the date in the matcher's groups {@code first} to {@code first + 2}.
   */
  private static String birthDate(Matcher m, int first) {
    String day = m.group(first);
    String month = m.group(first + 1);
    String year = m.group(first + 2);
    return (day.length() == 1 ? "0" + day : day)
        + (month.length() == 1 ? "0" + month : month)
        + year.substring(year.length() - 2);
  }

  /**
   * Whether the text may hold nine digits once read ({@link #readable}), the fewest a number takes
   * written apart (1.1.90 10046): most notes hold fewer, and are done without folding or matching.
   * A digit of any script counts one, another numeric character (a superscript, a circled twenty, a
   * fraction) as the up to three digits it folds to.
   */
  private static boolean hasNineDigits(String text) {
    int digits = 0;
    for (int i = 0; i < text.length() && digits < 9; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c >= 0x80) {
        int cp = text.codePointAt(i);
        int type = Character.getType(cp);
        digits +=
            type == Character.DECIMAL_DIGIT_NUMBER ? 1 : type == Character.OTHER_NUMBER ? 3 : 0;
        if (Character.isSupplementaryCodePoint(cp)) {
          i++;
        }
      }
    }
    return digits >= 9;
  }

  /**
   * The text as a reader sees it: compatibility forms folded (a superscript or full-width digit, a
   * full-width stop, an ideographic space), invisible characters and combining marks gone, every
   * decimal digit written 0-9.
   */
  private static String readable(String text) {
    boolean plain = true;
    for (int i = 0; i < text.length() && plain; i++) {
      char c = text.charAt(i);
      plain = c < 0x80 || (Character.isLetter(c) && !Character.isSurrogate(c));
    }
    if (plain) {
      // The common case, æøå included: nothing but ASCII and letters.
      return text;
    }
    String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
    StringBuilder read = new StringBuilder(folded.length());
    folded
        .codePoints()
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              if (type == Character.FORMAT
                  || type == Character.NON_SPACING_MARK
                  || type == Character.ENCLOSING_MARK) {
                return;
              }
              if (cp >= 0x80 && Character.isDigit(cp)) {
                read.append((char) ('0' + Character.digit(cp, 10)));
              } else {
                read.appendCodePoint(cp);
              }
            });
    return read.toString();
  }

  /** 11 digits with valid control digits (modulus 11, both). */
  public static boolean isValid(String digits) {
    if (digits == null || digits.length() != 11) {
      return false;
    }
    for (int i = 0; i < 11; i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return false;
      }
    }
    int k1 = control(digits, K1);
    int k2 = control(digits, K2);
    return k1 == digits.charAt(9) - '0' && k2 == digits.charAt(10) - '0';
  }

  private static String digitsOf(String candidate) {
    StringBuilder digits = new StringBuilder(11);
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  private static int control(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    int check = 11 - sum % 11;
    return check == 11 ? 0 : check; // 10 means no valid number: never equals a digit
  }
}
