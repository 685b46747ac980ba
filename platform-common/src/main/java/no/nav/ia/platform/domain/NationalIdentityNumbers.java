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

  /** Norwegian month names and their abbreviations, for dates written out (15. mai 1985). */
  private static final String MONTHS =
      "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
          + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|des";

  /**
   * A day as people write it: day, month and a year of two or four digits with a dot, slash or any
   * dash between (15.05.1985, 1.5.85, 01–01–1990); eight digits together with the year in full
   * (15051985); with spaces between and the year in full (15 05 1985); or the month by name and the
   * year in full (15. mai 1985).
   */
  private static final String DATE =
      "(?:(?<d>\\d{1,2})[./\\p{Pd}\\u2212](?<m>\\d{1,2})[./\\p{Pd}\\u2212](?<y>\\d{4}|\\d{2})"
          + "|(?<d8>\\d{2})(?<m8>\\d{2})(?<y8>(?:19|20)\\d{2})"
          + "|(?<ds>\\d{1,2}) (?<ms>\\d{1,2}) (?<ys>(?:18|19|20)\\d{2})"
          + "|(?<dn>\\d{1,2})\\.? ?(?<mn>"
          + MONTHS
          + ")\\.? (?<yn>(?:18|19|20)\\d{2}))";

  /** Five digits, or five with one space or dot between two of them (432 06, 43 206). */
  private static final String FIVE = "(?<five>\\d(?:[ .]?\\d){4})";

  /**
   * A birth date written as a date, then the five digits after up to three separators or a colon
   * ({@code 15.05.1985 43206}, {@code 1.5.85 - 43206}, {@code 15. mai 1985: 432 06}): the forms
   * CANDIDATE cannot see, in the same shape it takes (the number right after the date).
   */
  private static final Pattern DATE_THEN_FIVE =
      Pattern.compile("(?iu)(?<!\\d)" + DATE + "[" + SEPARATOR + "_:]{1,3}" + FIVE + "(?!\\d)");

  /**
   * The five digits after the birth date, named as what they are ({@code pnr. 43206}, {@code
   * personnummer 43206}): with the birth date anywhere in the text ({@code f. 150585, pnr. 43206},
   * {@code personnummer 43206, født 15.05.85}), a review's notes that spelled a person's number out
   * in two places.
   */
  private static final Pattern NAMED_FIVE =
      Pattern.compile(
          "(?iu)(?<![\\p{L}\\d])(?:pnr|p\\.nr|pers\\.? ?nr|personnr|personnummer(?:et)?"
              + "|individnr|individnummer(?:et)?)[\\s.:#=-]{0,3}"
              + FIVE
              + "(?!\\d)");

  /** A day written as a date ({@link #DATE}) or as six digits together (150585). */
  private static final Pattern ANY_DATE =
      Pattern.compile("(?iu)(?<!\\d)(?:" + DATE + "|(?<d6>\\d{6}))(?!\\d)");

  /** The most distinct dates or named numbers a text is searched for pairs of (a bound on work). */
  private static final int MAX_PARTS = 64;

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
   * number: eleven digits together, or the birth date's six and the five with one separator between
   * ({@code 150585-43206}), that make a valid number whose birth date is a day (a D- or H-number's
   * too). Keys join their parts with dashes and counters ({@code run-1765000000-1-23}), which the
   * free text's wider forms would read as a number once in a hundred, and a random id of eleven
   * digits passes the control digits about once in 120: the day makes that rare.
   */
  public static boolean inKey(String key) {
    if (key == null || isUuidForm(key)) {
      return false;
    }
    Matcher m = IN_KEY.matcher(key);
    while (m.find()) {
      String digits = digitsOf(m.group());
      if (isValid(digits) && isDay(digits)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern IN_KEY =
      Pattern.compile("(?<!\\d)(?:\\d{11}|\\d{6}[-_.:/ ]\\d{5})(?!\\d)");

  /**
   * Whether the first four digits are a day and month (a D-number adds 4 to the day's first digit,
   * an H-number 4 to the month's).
   */
  private static boolean isDay(String digits) {
    int day = Integer.parseInt(digits.substring(0, 2));
    int month = Integer.parseInt(digits.substring(2, 4));
    if (day > 40) {
      day -= 40;
    }
    if (month > 40) {
      month -= 40;
    }
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
  }

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
   * #NAMED_FIVE}). Each pattern is scanned once; the named numbers and the dates are then paired (a
   * bounded number of each: a text of 10,000 characters repeating "pnr 12345" took half a second
   * when each name scanned the text again).
   */
  private static boolean splitUp(String text) {
    Matcher dateThenFive = DATE_THEN_FIVE.matcher(text);
    while (dateThenFive.find()) {
      if (isBirth(birthDate(dateThenFive), digitsOf(dateThenFive.group("five")))) {
        return true;
      }
    }
    java.util.Set<String> fives = new java.util.LinkedHashSet<>();
    Matcher named = NAMED_FIVE.matcher(text);
    while (named.find() && fives.size() < MAX_PARTS) {
      fives.add(digitsOf(named.group("five")));
    }
    if (fives.isEmpty()) {
      return false;
    }
    java.util.Set<String> dates = new java.util.LinkedHashSet<>();
    Matcher date = ANY_DATE.matcher(text);
    while (date.find() && dates.size() < MAX_PARTS) {
      dates.add(date.group("d6") != null ? date.group("d6") : birthDate(date));
    }
    for (String five : fives) {
      for (String day : dates) {
        if (isBirth(day, five)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The birth date (DDMMYY, or DDMMYYYY when the year is written in full) of the date the matcher
   * found.
   */
  private static String birthDate(Matcher m) {
    if (m.group("d8") != null) {
      return m.group("d8") + m.group("m8") + m.group("y8");
    }
    if (m.group("ds") != null) {
      return two(m.group("ds")) + two(m.group("ms")) + m.group("ys");
    }
    if (m.group("dn") != null) {
      return two(m.group("dn")) + monthOf(m.group("mn")) + m.group("yn");
    }
    return two(m.group("d")) + two(m.group("m")) + m.group("y");
  }

  private static String two(String digits) {
    return digits.length() == 1 ? "0" + digits : digits;
  }

  /** The month's two digits by its Norwegian name or abbreviation. */
  private static String monthOf(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    String[] months = {
      "jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"
    };
    for (int i = 0; i < months.length; i++) {
      if (n.startsWith(months[i])) {
        return two(String.valueOf(i + 1));
      }
    }
    return "00";
  }

  /**
   * Whether a birth date (DDMMYY or DDMMYYYY) and five digits make a valid number; with the year in
   * full, only one of a person born at least 15 years ago, in the century the individual number
   * gives ("faktura 01.01.2026 59000" is no person's: a review measured 1.2 % of dates with a year
   * in full and an amount taken for one).
   */
  private static boolean isBirth(String day, String five) {
    if (day.length() == 8) {
      int year = Integer.parseInt(day.substring(4));
      int individual = Integer.parseInt(five.substring(0, 3));
      boolean century =
          (year >= 1900 && year <= 1999 && (individual <= 499 || individual >= 900))
              || (year >= 1854 && year <= 1899 && individual >= 500 && individual <= 749)
              || (year >= 2000 && year <= 2039 && individual >= 500);
      if (!century || year > java.time.Year.now().getValue() - 15) {
        return false;
      }
      day = day.substring(0, 4) + day.substring(6);
    }
    return isValid(day + five);
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
