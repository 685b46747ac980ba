package no.nav.ia.agreement.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import no.nav.ia.platform.events.EventType;
import no.nav.ia.platform.events.asyncapi.AsyncApiDocument;
import no.nav.ia.test.Architecture;
import no.nav.ia.test.EventContracts;
import no.nav.ia.test.EventSamples;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document of ia.agreement-events-v1, made from the event records, against the
 * committed samples (a real JSON Schema validator) and the committed document.
 */
class EventContractTest {

  static final JsonNode DOCUMENT = AsyncApiDocument.of(List.of(AgreementEvents.CONTRACT));

  static List<String> types() {
    return AgreementEvents.CONTRACT.types().stream().map(EventType::name).toList();
  }

  static ObjectNode payloadOf(ObjectNode envelope) {
    return (ObjectNode) envelope.get("payload");
  }

  @Test
  void everyEventTypeOnTheTopicHasACommittedSampleAndAMessage() {
    assertThat(types())
        .containsExactlyInAnyOrder(
            "AgreementRegistered",
            "ContactPersonAssigned",
            "AgreementCorrected",
            "AgreementTerminated",
            "AgreementResigned",
            "CampaignStarted",
            "ResigningCaseAdded",
            "ResigningCaseRemoved",
            "ResigningStatusChanged");
    for (String type : types()) {
      assertThat(EventSamples.sample(type).get("type").asText()).isEqualTo(type);
    }
    assertThat(EventContracts.types(DOCUMENT)).containsExactlyInAnyOrderElementsOf(types());
  }

  @Test
  void everyCommittedSampleFitsTheSchemaOfItsType() {
    for (String type : types()) {
      assertThat(EventContracts.violations(DOCUMENT, EventSamples.sample(type))).as(type).isEmpty();
    }
  }

  @Test
  void aSampleWithoutAFieldTheProducerAlwaysWritesIsRefused() {
    for (String type : types()) {
      Map<String, ObjectNode> broken =
          EventContracts.withoutEachRequiredField(DOCUMENT, EventSamples.sample(type));
      assertThat(broken).containsKeys("eventId", "payload");
      broken.forEach(
          (missing, envelope) ->
              assertThat(EventContracts.violations(DOCUMENT, envelope))
                  .as(type + " without " + missing)
                  .isNotEmpty());
    }
  }

  @Test
  void valuesOutsideTheContractAreRefusedAndAddedFieldsAreNot() {
    ObjectNode status = EventSamples.sample("ResigningStatusChanged");
    payloadOf(status).put("to", "SIGNED_AGAIN");
    ObjectNode org = EventSamples.sample("AgreementRegistered");
    payloadOf(org).put("orgNumber", "97476067");
    ObjectNode date = EventSamples.sample("AgreementTerminated");
    payloadOf(date).put("endedOn", "2012-02-30");
    ObjectNode county = EventSamples.sample("ContactPersonAssigned");
    payloadOf(county).putNull("countyCode");
    ObjectNode type = EventSamples.sample("AgreementRegistered");
    type.put("type", "AgreementTerminated");
    for (ObjectNode envelope : List.of(status, org, date, county, type)) {
      assertThat(EventContracts.violations(DOCUMENT, envelope))
          .as(envelope.toString())
          .isNotEmpty();
    }
    ObjectNode tolerated = EventSamples.sample("AgreementRegistered");
    payloadOf(tolerated).putNull("contactPerson").put("addedLater", true);
    tolerated.put("schemaVersion", 2);
    assertThat(EventContracts.violations(DOCUMENT, tolerated)).isEmpty();
  }

  @Test
  void theDocumentIsTheCommittedOne() {
    assertThat(EventContracts.isCommitted("agreement-service", DOCUMENT))
        .as(
            "the AsyncAPI document differs from platform-test/src/main/resources/asyncapi/"
                + "agreement-service.json; when the change is meant, copy"
                + " target/asyncapi/agreement-service.json over it")
        .isTrue();
  }

  @Test
  void eventsGoOutOnlyUnderTheTypesOfTheTopicsContract() {
    Architecture.eventsGoOutUnderTheirTopicsContract("no.nav.ia.agreement");
  }
}
