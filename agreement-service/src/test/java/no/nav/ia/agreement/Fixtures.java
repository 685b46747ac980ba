package no.nav.ia.agreement;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data: valid org numbers that no other test uses, and request bodies. */
public final class Fixtures {

  private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};
  private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

  private Fixtures() {}

  /** A fresh, valid organisasjonsnummer. */
  public static String orgNumber() {
    while (true) {
      String prefix = String.format("9%07d", NEXT.incrementAndGet() % 10_000_000);
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

  public static Map<String, Object> agreement(String orgNumber, String county) {
    Map<String, Object> body = new HashMap<>();
    body.put("orgNumber", orgNumber);
    body.put("name", "Testbedrift AS");
    body.put("countyCode", county);
    body.put("employees", 42);
    body.put("signedOn", "2011-03-01");
    return body;
  }
}
