package no.nav.ia.scorecard.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.platform.events.EventEnvelope;

/**
 * The events of both topics as this service reads them: its own records of the fields it uses (a
 * tolerant reader; the producers' records and the committed samples stay the contract, and
 * ScorecardEventTest reads every sample with these). A missing field the projection needs fails the
 * event, which the consumer parks; a type it does not know is not read at all.
 */
public sealed interface ScorecardEvent {

  /**
   * The event's payload as this service's record of its type, if it is a type the projection
   * counts.
   */
  static Optional<ScorecardEvent> read(EventEnvelope event, ObjectMapper json) {
    Class<? extends ScorecardEvent> type =
        switch (event.type()) {
          case "DeliveryRecorded" -> DeliveryRecorded.class;
          case "DeliveryCorrected" -> DeliveryCorrected.class;
          case "DeliveryVoided" -> DeliveryVoided.class;
          case "AgreementRegistered" -> AgreementRegistered.class;
          case "AgreementTerminated" -> AgreementTerminated.class;
          case "ContactPersonAssigned" -> ContactPersonAssigned.class;
          case "CampaignStarted" -> CampaignStarted.class;
          case "ResigningStatusChanged" -> ResigningStatusChanged.class;
          case "ResigningCaseAdded" -> ResigningCaseAdded.class;
          case "ResigningCaseRemoved" -> ResigningCaseRemoved.class;
          default -> null;
        };
    return type == null ? Optional.empty() : Optional.of(event.payloadAs(type, json));
  }

  /** One version of a delivery: what it counted as. */
  record Facts(
      String orgNumber,
      String countyCode,
      String service,
      String direction,
      List<Integer> subGoals,
      LocalDate deliveredOn,
      Integer registrationLagDays,
      String form,
      String adviser) {
    public Facts {
      Objects.requireNonNull(orgNumber, "orgNumber");
      Objects.requireNonNull(countyCode, "countyCode");
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(subGoals, "subGoals");
      Objects.requireNonNull(deliveredOn, "deliveredOn");
    }

    public int lagDays() {
      return registrationLagDays == null ? 0 : registrationLagDays;
    }

    /**
     * The form; a delivery recorded without one (as before version 2 of the contract) is direct.
     */
    public String formOrDirect() {
      return form == null ? "DIRECT" : form;
    }
  }

  /**
   * A delivery event: the delivery, its version, and the facts that version counts (or stops
   * counting).
   */
  sealed interface DeliveryEvent extends ScorecardEvent {
    UUID deliveryId();

    long version();

    /** The facts of this version. */
    Facts facts();

    /** Whether this version counts (a voided delivery does not). */
    default boolean live() {
      return true;
    }
  }

  record DeliveryRecorded(UUID deliveryId, long version, Facts delivery) implements DeliveryEvent {
    public DeliveryRecorded {
      Objects.requireNonNull(deliveryId, "deliveryId");
      Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public Facts facts() {
      return delivery;
    }
  }

  record DeliveryCorrected(UUID deliveryId, long version, Facts after) implements DeliveryEvent {
    public DeliveryCorrected {
      Objects.requireNonNull(deliveryId, "deliveryId");
      Objects.requireNonNull(after, "after");
    }

    @Override
    public Facts facts() {
      return after;
    }
  }

  record DeliveryVoided(UUID deliveryId, long version, Facts before) implements DeliveryEvent {
    public DeliveryVoided {
      Objects.requireNonNull(deliveryId, "deliveryId");
      Objects.requireNonNull(before, "before");
    }

    @Override
    public Facts facts() {
      return before;
    }

    @Override
    public boolean live() {
      return false;
    }
  }

  record AgreementRegistered(
      UUID agreementId,
      String orgNumber,
      String countyCode,
      int employees,
      LocalDate signedOn,
      String contactPerson)
      implements ScorecardEvent {
    public AgreementRegistered {
      Objects.requireNonNull(agreementId, "agreementId");
      Objects.requireNonNull(orgNumber, "orgNumber");
      Objects.requireNonNull(countyCode, "countyCode");
      Objects.requireNonNull(signedOn, "signedOn");
    }
  }

  record AgreementTerminated(
      UUID agreementId, String orgNumber, String countyCode, LocalDate signedOn, LocalDate endedOn)
      implements ScorecardEvent {
    public AgreementTerminated {
      Objects.requireNonNull(agreementId, "agreementId");
      Objects.requireNonNull(orgNumber, "orgNumber");
      Objects.requireNonNull(countyCode, "countyCode");
      Objects.requireNonNull(signedOn, "signedOn");
      Objects.requireNonNull(endedOn, "endedOn");
    }
  }

  record ContactPersonAssigned(
      UUID agreementId, String orgNumber, String countyCode, String navIdent)
      implements ScorecardEvent {
    public ContactPersonAssigned {
      Objects.requireNonNull(agreementId, "agreementId");
      Objects.requireNonNull(orgNumber, "orgNumber");
      Objects.requireNonNull(countyCode, "countyCode");
    }
  }

  record CampaignStarted(
      UUID campaignId, LocalDate deadline, LocalDate startedOn, Map<String, Integer> dueByCounty)
      implements ScorecardEvent {
    public CampaignStarted {
      Objects.requireNonNull(campaignId, "campaignId");
      Objects.requireNonNull(deadline, "deadline");
      Objects.requireNonNull(startedOn, "startedOn");
      dueByCounty = dueByCounty == null ? Map.of() : dueByCounty;
    }
  }

  /** An agreement recorded late, signed before the campaign started: one more due in its county. */
  record ResigningCaseAdded(UUID campaignId, UUID agreementId, String countyCode)
      implements ScorecardEvent {
    public ResigningCaseAdded {
      Objects.requireNonNull(campaignId, "campaignId");
      Objects.requireNonNull(agreementId, "agreementId");
      Objects.requireNonNull(countyCode, "countyCode");
    }
  }

  /**
   * A due agreement ended with a day before the campaign started: not due after all, one less due
   * in its county (and one less re-signed, had it re-signed).
   */
  record ResigningCaseRemoved(UUID campaignId, UUID agreementId, String countyCode)
      implements ScorecardEvent {
    public ResigningCaseRemoved {
      Objects.requireNonNull(campaignId, "campaignId");
      Objects.requireNonNull(agreementId, "agreementId");
      Objects.requireNonNull(countyCode, "countyCode");
    }
  }

  record ResigningStatusChanged(
      UUID campaignId, UUID agreementId, String countyCode, String to, LocalDate on)
      implements ScorecardEvent {
    public ResigningStatusChanged {
      Objects.requireNonNull(campaignId, "campaignId");
      Objects.requireNonNull(agreementId, "agreementId");
      Objects.requireNonNull(countyCode, "countyCode");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(on, "on");
    }
  }
}
