package no.nav.ia.delivery.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.platform.events.EventEnvelope;

/**
 * The agreement events as delivery-service reads them: only what decides whether a delivery may be
 * recorded (which county's agreement covers an enterprise on a date). Its own records of the fields
 * it uses; the producer's records and the committed samples stay the contract (AgreementEventTest).
 */
sealed interface AgreementEvent {

  UUID agreementId();

  String orgNumber();

  String countyCode();

  LocalDate signedOn();

  /**
   * The payload as this service's record of its type, if it is a type that moves the read model.
   */
  static Optional<AgreementEvent> read(EventEnvelope event, ObjectMapper json) {
    return switch (event.type()) {
      case "AgreementRegistered" -> Optional.of(event.payloadAs(Registered.class, json));
      case "AgreementTerminated" -> Optional.of(event.payloadAs(Terminated.class, json));
      // Contact persons and campaigns do not decide whether a delivery may be recorded.
      default -> Optional.empty();
    };
  }

  record Registered(UUID agreementId, String orgNumber, String countyCode, LocalDate signedOn)
      implements AgreementEvent {
    public Registered {
      Objects.requireNonNull(agreementId, "agreementId");
      Objects.requireNonNull(orgNumber, "orgNumber");
      Objects.requireNonNull(countyCode, "countyCode");
      Objects.requireNonNull(signedOn, "signedOn");
    }
  }

  record Terminated(
      UUID agreementId, String orgNumber, String countyCode, LocalDate signedOn, LocalDate endedOn)
      implements AgreementEvent {
    public Terminated {
      Objects.requireNonNull(agreementId, "agreementId");
      Objects.requireNonNull(orgNumber, "orgNumber");
      Objects.requireNonNull(countyCode, "countyCode");
      Objects.requireNonNull(signedOn, "signedOn");
      Objects.requireNonNull(endedOn, "endedOn");
    }
  }
}
