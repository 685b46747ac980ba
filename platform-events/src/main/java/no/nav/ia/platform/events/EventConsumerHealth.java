package no.nav.ia.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive only while the event consumer (where the service has one) is polling: a consumer thread
 * that died is a restart, not a reason to stop serving the API. A broker outage does not stop the
 * polling (a poll then returns nothing), so it makes the pod neither unready nor dead.
 */
@Liveness
@ApplicationScoped
public class EventConsumerHealth implements HealthCheck {

  @Inject EventConsumer consumer;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("event-consumer")
        .status(consumer.healthy())
        .withData("enabled", consumer.enabled())
        .withData("lastPoll", consumer.lastPoll().toString())
        .build();
  }
}
