package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.HashMap;
import java.util.Map;
import no.nav.ia.test.OrgNumbers;

/**
 * Test data: valid org numbers that no other test uses, request bodies, and enterprises in the
 * register copy.
 */
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

  /**
   * An enterprise in the register copy, as an import would leave it (without the import's other
   * fields), written straight into the table.
   */
  public static void inTheRegister(String org, String name, String county) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Panache.getEntityManager()
                    .createNativeQuery(
                        "insert into enterprise (org_number, name, county_code, search_words,"
                            + " content_hash, updated_at) values (:org, :name, :county, :words, 0,"
                            + " now())")
                    .setParameter("org", org)
                    .setParameter("name", name)
                    .setParameter("county", county)
                    .setParameter("words", SearchWords.indexed(name))
                    .executeUpdate());
  }

  /** An enterprise the register has deleted on that day, as an import leaves it in the copy. */
  public static void deletedInTheRegister(String org, String name, String county, String on) {
    inTheRegister(org, name, county);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Panache.getEntityManager()
                    .createNativeQuery(
                        "update enterprise set deleted = true, deleted_on = cast(:on as date)"
                            + " where org_number = :org")
                    .setParameter("org", org)
                    .setParameter("on", on)
                    .executeUpdate());
  }
}
