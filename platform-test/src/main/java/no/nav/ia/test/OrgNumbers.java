package no.nav.ia.test;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, valid organisation numbers for tests, unique within a JVM run. */
public final class OrgNumbers {

  private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};
  private static final AtomicInteger NEXT =
      new AtomicInteger((int) (System.nanoTime() % 1_000_000));

  private OrgNumbers() {}

  /** A valid number starting with {@code firstDigit} (tests of one service use their own digit). */
  public static String next(int firstDigit) {
    while (true) {
      String prefix = firstDigit + String.format("%07d", NEXT.incrementAndGet() % 10_000_000);
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        sum += (prefix.charAt(i) - '0') * WEIGHTS[i];
      }
      int remainder = sum % 11;
      if (remainder != 1) {
        return prefix + (remainder == 0 ? 0 : 11 - remainder);
      }
    }
  }
}
