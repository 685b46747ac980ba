package no.nav.ia.delivery.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import no.nav.ia.delivery.AgreementView;
import no.nav.ia.platform.events.EventEnvelope;
import no.nav.ia.platform.events.EventHandler;

/** Keeps the agreement read model from {@code ia.agreement-events-v1}; other event types are ignored. */
@ApplicationScoped
public class AgreementEventsHandler implements EventHandler {

  static final String TOPIC = "ia.agreement-events-v1";

  @Override
  public Set<String> topics() {
    return Set.of(TOPIC);
  }

  @Override
  public void handle(EventEnvelope event) {
    JsonNode p = event.payload();
    switch (event.type()) {
      case "AgreementRegistered" -> remember(p).persist();
      case "AgreementTerminated" -> {
        AgreementView view = remember(p);
        view.endedOn = LocalDate.parse(p.required("endedOn").asText());
        view.persist();
      }
      default -> {
        // Contact persons and campaigns do not decide whether a delivery may be recorded.
      }
    }
  }

  /** The view of the event's agreement (new or known) with the fields every agreement event carries. */
  private static AgreementView remember(JsonNode p) {
    UUID id = UUID.fromString(p.required("agreementId").asText());
    AgreementView view = AgreementView.<AgreementView>findByIdOptional(id).orElseGet(AgreementView::new);
    view.agreementId = id;
    view.orgNumber = p.required("orgNumber").asText();
    view.countyCode = p.required("countyCode").asText();
    view.signedOn = LocalDate.parse(p.required("signedOn").asText());
    view.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    return view;
  }
}
