package no.nav.ia.platform.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Norwegian national identity numbers (fødselsnummer, also D-numbers): 11 digits whose two
 * control digits are valid, alone or written as 6+5 digits with a space, dot or dash. Such data
 * must never be stored or logged, so text holding one is rejected.
 */
public final class NationalIdentityNumbers {

  private static final Pattern CANDIDATE = Pattern.compile("(?<!\\d)(\\d{6})[ .\\-]?(\\d{5})(?!\\d)");
  private static final int[] K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  private static final int[] K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  private NationalIdentityNumbers() {}

  /** True if the text holds something that validates as an identity number. */
  public static boolean containsOne(String text) {
    if (text == null) {
      return false;
    }
    Matcher m = CANDIDATE.matcher(text);
    while (m.find()) {
      if (isValid(m.group(1) + m.group(2))) {
        return true;
      }
    }
    return false;
  }

  /** 11 digits with valid control digits (modulus 11, both). */
  public static boolean isValid(String digits) {
    if (digits == null || !digits.matches("\\d{11}")) {
      return false;
    }
    int k1 = control(digits, K1);
    int k2 = control(digits, K2);
    return k1 == digits.charAt(9) - '0' && k2 == digits.charAt(10) - '0';
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
