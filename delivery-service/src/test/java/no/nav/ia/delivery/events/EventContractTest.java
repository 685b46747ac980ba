package no.nav.ia.delivery.events;

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
 * The AsyncAPI document of ia.delivery-events-v1, made from the event records, against the
 * committed samples (a real JSON Schema validator) and the committed document.
 */
class EventContractTest {

  static final JsonNode DOCUMENT = AsyncApiDocument.of(List.of(DeliveryEvents.CONTRACT));

  static List<String> types() {
    return DeliveryEvents.CONTRACT.types().stream().map(EventType::name).toList();
  }

  static ObjectNode factsOf(ObjectNode envelope, String name) {
    return (ObjectNode) envelope.get("payload").get(name);
  }

  @Test
  void everyEventTypeOnTheTopicHasACommittedSampleAndAMessage() {
    assertThat(types())
        .containsExactlyInAnyOrder("DeliveryRecorded", "DeliveryCorrected", "DeliveryVoided");
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
      assertThat(broken).containsKeys("eventId", "payload", "payload.deliveryId");
      broken.forEach(
          (missing, envelope) ->
              assertThat(EventContracts.violations(DOCUMENT, envelope))
                  .as(type + " without " + missing)
                  .isNotEmpty());
    }
    assertThat(
            EventContracts.withoutEachRequiredField(
                DOCUMENT, EventSamples.sample("DeliveryCorrected")))
        .containsKeys("payload.before.service", "payload.after.form");
  }

  @Test
  void valuesOutsideTheContractAreRefusedAndAddedFieldsAreNot() {
    ObjectNode service = EventSamples.sample("DeliveryRecorded");
    factsOf(service, "delivery").put("service", "COFFEE");
    ObjectNode goals = EventSamples.sample("DeliveryCorrected");
    factsOf(goals, "after").putArray("subGoals").add("1");
    ObjectNode at = EventSamples.sample("DeliveryRecorded");
    ((ObjectNode) at.get("payload")).put("registeredAt", "yesterday");
    ObjectNode id = EventSamples.sample("DeliveryVoided");
    ((ObjectNode) id.get("payload")).put("deliveryId", "42");
    ObjectNode goalTwice = EventSamples.sample("DeliveryRecorded");
    factsOf(goalTwice, "delivery").putArray("subGoals").add(1).add(1);
    ObjectNode goalFour = EventSamples.sample("DeliveryRecorded");
    factsOf(goalFour, "delivery").putArray("subGoals").add(4);
    ObjectNode noGoal = EventSamples.sample("DeliveryVoided");
    factsOf(noGoal, "before").putArray("subGoals");
    ObjectNode lag = EventSamples.sample("DeliveryRecorded");
    factsOf(lag, "delivery").put("registrationLagDays", -1);
    for (ObjectNode envelope : List.of(service, goals, at, id, goalTwice, goalFour, noGoal, lag)) {
      assertThat(EventContracts.violations(DOCUMENT, envelope))
          .as(envelope.toString())
          .isNotEmpty();
    }
    ObjectNode tolerated = EventSamples.sample("DeliveryRecorded");
    factsOf(tolerated, "delivery").putNull("form").put("addedLater", "yes");
    assertThat(EventContracts.violations(DOCUMENT, tolerated)).isEmpty();
  }

  @Test
  void theDocumentIsTheCommittedOne() {
    assertThat(EventContracts.isCommitted("delivery-service", DOCUMENT))
        .as(
            "the AsyncAPI document differs from platform-test/src/main/resources/asyncapi/"
                + "delivery-service.json; when the change is meant, copy"
                + " target/asyncapi/delivery-service.json over it")
        .isTrue();
  }

  @Test
  void eventsGoOutOnlyUnderTheTypesOfTheTopicsContract() {
    Architecture.eventsGoOutUnderTheirTopicsContract("no.nav.ia.delivery");
  }
}
