package no.nav.ia.delivery.events;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import no.nav.ia.platform.events.EventTopic;

/** Offers the topic's contract to platform-events, which serves it as AsyncAPI. */
@Singleton
public class EventContract {

  @Produces
  @Singleton
  EventTopic deliveryEvents() {
    return DeliveryEvents.CONTRACT;
  }
}
