package no.nav.ia.scorecard.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import no.nav.ia.platform.events.EventEnvelope;
import no.nav.ia.platform.events.EventHandler;
import no.nav.ia.scorecard.service.Projection;
import no.nav.ia.scorecard.service.ProjectionState;

/**
 * Feeds both topics into the projections, in the consumer's transaction (idempotent by event id).
 */
@ApplicationScoped
public class ScorecardEventsHandler implements EventHandler {

  static final String AGREEMENTS = "ia.agreement-events-v1";
  static final String DELIVERIES = "ia.delivery-events-v1";

  @Inject Projection projection;
  @Inject ProjectionState state;

  @Override
  public Set<String> topics() {
    return Set.of(AGREEMENTS, DELIVERIES);
  }

  /** One event on its own (after a batch failed, a dead letter's replay): a batch of one. */
  @Override
  public void handle(EventEnvelope event) {
    handleAll(List.of(event));
  }

  /** A poll's new events, the deliveries among them set-wise. */
  @Override
  public void handleAll(List<EventEnvelope> events) {
    projection.apply(events, ScorecardEventsHandler::topicOf);
  }

  private static String topicOf(EventEnvelope event) {
    return event.type().startsWith("Delivery") ? DELIVERIES : AGREEMENTS;
  }

  /**
   * The cards' asOf, written once per batch: one row that every consumer would otherwise update per
   * event.
   */
  @Override
  public void applied(List<EventEnvelope> events) {
    events.stream()
        .map(EventEnvelope::occurredAt)
        .filter(java.util.Objects::nonNull)
        .max(java.util.Comparator.naturalOrder())
        .ifPresent(state::applied);
  }
}
