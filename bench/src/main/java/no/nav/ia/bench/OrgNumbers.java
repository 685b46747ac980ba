package no.nav.ia.bench;

import java.util.concurrent.ThreadLocalRandom;

/** Valid Norwegian organisation numbers (modulus 11 with weights 3,2,7,6,5,4,3,2). */
final class OrgNumbers {

  private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

  private OrgNumbers() {}

  static String random() {
    while (true) {
      StringBuilder digits = new StringBuilder("9");
      for (int i = 1; i < 8; i++) {
        digits.append(ThreadLocalRandom.current().nextInt(10));
      }
      int check = checkDigit(digits);
      if (check >= 0) {
        return digits.append(check).toString();
      }
    }
  }

  /** The check digit of eight digits, or -1 when no valid number ends them (remainder 1). */
  static int checkDigit(CharSequence eight) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (eight.charAt(i) - '0') * WEIGHTS[i];
    }
    int remainder = sum % 11;
    return remainder == 0 ? 0 : remainder == 1 ? -1 : 11 - remainder;
  }

  /** The same number with a wrong check digit. */
  static String withWrongCheckDigit(String valid) {
    int last = valid.charAt(8) - '0';
    return valid.substring(0, 8) + ((last + 1) % 10);
  }
}
