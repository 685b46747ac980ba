package no.nav.ia.bench;

/** An independent check of Norwegian identity-number control digits (modulus 11, both). */
final class BadInputsCheck {

  private BadInputsCheck() {}

  static boolean valid(String d) {
    int[] k1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    int[] k2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    return digit(d, k1) == d.charAt(9) - '0' && digit(d, k2) == d.charAt(10) - '0';
  }

  private static int digit(String d, int[] w) {
    int sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += (d.charAt(i) - '0') * w[i];
    }
    int c = 11 - sum % 11;
    return c == 11 ? 0 : c;
  }
}
