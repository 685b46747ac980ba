package no.nav.ia.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Delivery bodies for the end-to-end tests. */
final class Deliveries {

  private Deliveries() {}

  /**
   * A direct sick-leave delivery with sub-goal 1 to the enterprise on the day ({@code SYSTEM} or
   * {@code INDIVIDUAL}); a map that may be changed.
   */
  static Map<String, Object> direct(String org, String direction, String day) {
    Map<String, Object> body = new HashMap<>();
    body.put("orgNumber", org);
    body.put("service", "SICK_LEAVE");
    body.put("direction", direction);
    body.put("subGoals", List.of(1));
    body.put("deliveredOn", day);
    body.put("form", "DIRECT");
    return body;
  }
}
