package no.nav.ia.delivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import no.nav.ia.platform.events.EventEnvelope;
import no.nav.ia.test.EventSamples;
import org.junit.jupiter.api.Test;

/**
 * The committed samples (agreement-service's contract) read into delivery-service's own records.
 */
class AgreementEventTest {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  static EventEnvelope envelope(ObjectNode sample) throws Exception {
    return JSON.treeToValue(sample, EventEnvelope.class);
  }

  @Test
  void registrationsAndTerminationsAreReadAndTheOtherTypesLeftAlone() throws Exception {
    var registered =
        AgreementEvent.read(envelope(EventSamples.sample("AgreementRegistered")), JSON)
            .orElseThrow();
    assertThat(registered).isInstanceOf(AgreementEvent.Registered.class);
    assertThat(registered.countyCode()).isEqualTo("03");
    assertThat(registered.signedOn()).isEqualTo(LocalDate.of(2010, 3, 1));
    var terminated =
        (AgreementEvent.Terminated)
            AgreementEvent.read(envelope(EventSamples.sample("AgreementTerminated")), JSON)
                .orElseThrow();
    assertThat(terminated.endedOn()).isEqualTo(LocalDate.of(2012, 12, 31));
    for (String other :
        new String[] {
          "ContactPersonAssigned",
          "CampaignStarted",
          "ResigningCaseAdded",
          "ResigningCaseRemoved",
          "ResigningStatusChanged"
        }) {
      assertThat(AgreementEvent.read(envelope(EventSamples.sample(other)), JSON))
          .as(other)
          .isEmpty();
    }
  }

  @Test
  void aRegistrationWithoutItsCountyFails() throws Exception {
    ObjectNode registered = EventSamples.sample("AgreementRegistered");
    ((ObjectNode) registered.get("payload")).remove("countyCode");
    EventEnvelope broken = envelope(registered);
    assertThatThrownBy(() -> AgreementEvent.read(broken, JSON))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
