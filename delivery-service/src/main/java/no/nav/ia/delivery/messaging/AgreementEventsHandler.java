package no.nav.ia.delivery.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import no.nav.ia.delivery.AgreementView;
import no.nav.ia.platform.events.EventEnvelope;
import no.nav.ia.platform.events.EventHandler;

/**
 * Keeps the agreement read model from {@code ia.agreement-events-v1}; other event types are
 * ignored.
 */
@ApplicationScoped
public class AgreementEventsHandler implements EventHandler {

  static final String TOPIC = "ia.agreement-events-v1";

  @Inject ObjectMapper json;

  @Override
  public Set<String> topics() {
    return Set.of(TOPIC);
  }

  @Override
  public void handle(EventEnvelope event) {
    AgreementEvent.read(event, json)
        .ifPresent(
            e -> {
              AgreementView view = remember(e);
              if (e instanceof AgreementEvent.Terminated terminated) {
                view.endedOn = terminated.endedOn();
                // What was recorded since it was made is looked at again (EndedAgreements).
                view.endedAt = event.occurredAt();
                view.endSettledAt = null;
              }
              view.persist();
            });
  }

  /**
   * The view of the event's agreement (new or known) with the fields every agreement event carries.
   */
  private static AgreementView remember(AgreementEvent e) {
    AgreementView view =
        AgreementView.<AgreementView>findByIdOptional(e.agreementId())
            .orElseGet(AgreementView::new);
    view.agreementId = e.agreementId();
    view.orgNumber = e.orgNumber();
    view.countyCode = e.countyCode();
    view.signedOn = e.signedOn();
    view.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    return view;
  }
}
