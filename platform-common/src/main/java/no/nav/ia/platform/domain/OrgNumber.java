package no.nav.ia.platform.domain;

/** Organisasjonsnummer: 9 digits, the last a modulus-11 check digit (weights 3 2 7 6 5 4 3 2). */
public final class OrgNumber {

  private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

  private OrgNumber() {}

  public static boolean isValid(String value) {
    if (value == null
        || value.length() != 9
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false; // checked without a regex: this runs on every delivery and search
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (value.charAt(i) - '0') * WEIGHTS[i];
    }
    int remainder = sum % 11;
    if (remainder == 1) {
      return false;
    }
    int check = remainder == 0 ? 0 : 11 - remainder;
    return check == value.charAt(8) - '0';
  }
}
