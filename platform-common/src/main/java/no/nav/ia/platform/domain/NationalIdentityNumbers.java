package no.nav.ia.platform.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Norwegian national identity numbers (fødselsnummer, also D- and H-numbers): 11 digits whose
 * two control digits are valid, written together or in the forms people type, with a space, dot,
 * dash or slash between groups of digits ({@code 010190 10046}, {@code 010190/10046}, {@code
 * 01.01.90 10046}, {@code 010 190 10046}). Such data must never be stored or logged, so text
 * holding one is rejected.
 */
public final class NationalIdentityNumbers {

  /**
   * Eleven digits with at most one separator between two of them, not part of a longer digit run.
   */
  private static final Pattern CANDIDATE =
      Pattern.compile("(?<!\\d)\\d(?:[ .\\-/\\u00A0]?\\d){10}(?!\\d)");

  private static final int[] K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  private static final int[] K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  private NationalIdentityNumbers() {}

  /**
   * True if the text holds something that validates as an identity number, in any of the written
   * forms.
   */
  public static boolean containsOne(String text) {
    if (text == null) {
      return false;
    }
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
    return false;
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
