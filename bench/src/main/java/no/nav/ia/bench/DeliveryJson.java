package no.nav.ia.bench;

/** The body of a valid delivery. */
final class DeliveryJson {

  private DeliveryJson() {}

  static String of(String orgNumber, String direction, String deliveredOn) {
    return "{\"orgNumber\":\""
        + orgNumber
        + "\",\"service\":\"SICK_LEAVE\",\"direction\":\""
        + direction
        + "\",\"subGoals\":[1],\"deliveredOn\":\""
        + deliveredOn
        + "\",\"form\":\"DIRECT\"}";
  }
}
