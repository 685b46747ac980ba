package no.nav.ia.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the event consumer (where the service has one) is polling. */
@Readiness
@ApplicationScoped
public class EventConsumerHealth implements HealthCheck {

  @Inject EventConsumer consumer;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("event-consumer")
        .status(consumer.healthy())
        .withData("enabled", consumer.enabled())
        .build();
  }
}
