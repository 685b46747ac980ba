package no.nav.ia.agreement;

import java.util.HashMap;
import java.util.Map;
import no.nav.ia.test.OrgNumbers;

/** Test data: valid org numbers that no other test uses, and request bodies. */
public final class Fixtures {

  private Fixtures() {}

  /** A fresh, valid organisasjonsnummer. */
  public static String orgNumber() {
    return OrgNumbers.next(9);
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
