package no.nav.ia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventOrderTest {

  private static String event(String eventId, String delivery, int version) {
    return "{\"eventId\":\""
        + eventId
        + "\",\"type\":\"DeliveryCorrected\",\"payload\":{\"deliveryId\":\""
        + delivery
        + "\",\"version\":"
        + version
        + ",\"after\":{\"direction\":\"SYSTEM\"}}}";
  }

  @Test
  void versionsRisingPerDeliveryAreInOrderAndAnEventSentAgainIsSkipped() {
    EventOrder.Result result =
        EventOrder.check(
            List.of(
                event("e1", "a", 1),
                event("e2", "b", 1),
                event("e3", "a", 2),
                event("e1", "a", 1),
                event("e3", "a", 2),
                event("e4", "a", 3)));
    assertThat(result).isEqualTo(new EventOrder.Result(2, 0));
  }

  @Test
  void aLaterVersionBeforeAnEarlierOneIsAViolation() {
    EventOrder.Result result =
        EventOrder.check(
            List.of(
                event("e1", "a", 1),
                event("e3", "a", 3),
                event("e2", "a", 2),
                event("e5", "b", 1)));
    assertThat(result).isEqualTo(new EventOrder.Result(2, 1));
  }
}
