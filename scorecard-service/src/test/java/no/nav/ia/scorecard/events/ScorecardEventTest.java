package no.nav.ia.scorecard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.nav.ia.platform.events.EventEnvelope;
import no.nav.ia.test.EventSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed samples (the producers' contract) read into this service's own event records. */
class ScorecardEventTest {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  static EventEnvelope envelope(ObjectNode sample) throws Exception {
    return JSON.treeToValue(sample, EventEnvelope.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DeliveryRecorded",
        "DeliveryCorrected",
        "DeliveryVoided",
        "AgreementRegistered",
        "AgreementTerminated",
        "ContactPersonAssigned",
        "CampaignStarted",
        "ResigningCaseAdded",
        "ResigningCaseRemoved",
        "ResigningStatusChanged"
      })
  void everySampleReadsIntoTheRecordOfItsType(String type) throws Exception {
    ScorecardEvent event =
        ScorecardEvent.read(envelope(EventSamples.sample(type)), JSON).orElseThrow();
    assertThat(event.getClass().getSimpleName()).isEqualTo(type);
  }

  @Test
  void aDeliveryEventsFactsAreTheVersionItNames() throws Exception {
    var recorded =
        (ScorecardEvent.DeliveryRecorded)
            ScorecardEvent.read(envelope(EventSamples.sample("DeliveryRecorded")), JSON)
                .orElseThrow();
    assertThat(recorded.facts().subGoals()).isEqualTo(List.of(1));
    assertThat(recorded.facts().deliveredOn()).isEqualTo(LocalDate.of(2012, 5, 14));
    assertThat(recorded.facts().lagDays()).isEqualTo(1);
    assertThat(recorded.live()).isTrue();
    var voided =
        (ScorecardEvent.DeliveryEvent)
            ScorecardEvent.read(envelope(EventSamples.sample("DeliveryVoided")), JSON)
                .orElseThrow();
    assertThat(voided.live()).isFalse();
    var started =
        (ScorecardEvent.CampaignStarted)
            ScorecardEvent.read(envelope(EventSamples.sample("CampaignStarted")), JSON)
                .orElseThrow();
    assertThat(started.dueByCounty()).isEqualTo(Map.of("03", 2, "12", 1));
  }

  @Test
  void anEventWithoutAFieldTheProjectionNeedsFailsAndAnUnknownTypeIsNotRead() throws Exception {
    ObjectNode terminated = EventSamples.sample("AgreementTerminated");
    ((ObjectNode) terminated.get("payload")).remove("endedOn");
    EventEnvelope broken = envelope(terminated);
    assertThatThrownBy(() -> ScorecardEvent.read(broken, JSON))
        .isInstanceOf(IllegalArgumentException.class);
    ObjectNode other = EventSamples.sample("AgreementTerminated");
    other.put("type", "AgreementRenamed");
    assertThat(ScorecardEvent.read(envelope(other), JSON)).isEmpty();
  }
}
