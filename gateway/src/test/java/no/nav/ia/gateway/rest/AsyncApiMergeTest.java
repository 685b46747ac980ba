package no.nav.ia.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import no.nav.ia.test.EventContracts;
import org.junit.jupiter.api.Test;

class AsyncApiMergeTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNode AGREEMENTS = EventContracts.committed("agreement-service");
  static final JsonNode DELIVERIES = EventContracts.committed("delivery-service");

  final JsonNode merged = AsyncApiMerge.merge(JSON, List.of(AGREEMENTS, DELIVERIES));

  @Test
  void theProducersChannelsOperationsAndMessagesStandSideBySide() {
    assertThat(merged.get("channels").fieldNames())
        .toIterable()
        .containsExactly("ia.agreement-events-v1", "ia.delivery-events-v1");
    assertThat(merged.get("operations")).hasSize(2);
    assertThat(EventContracts.types(merged))
        .containsAll(EventContracts.types(AGREEMENTS))
        .containsAll(EventContracts.types(DELIVERIES))
        .hasSize(12);
    assertThat(merged.at("/components/schemas/EventEnvelope"))
        .isEqualTo(AGREEMENTS.at("/components/schemas/EventEnvelope"));
  }

  @Test
  void everyReferenceInTheMergedDocumentResolves() {
    List<String> references = merged.findValuesAsText("$ref");
    assertThat(references).hasSizeGreaterThan(16);
    for (String reference : references) {
      assertThat(merged.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
    }
  }

  @Test
  void theInfoIsThePlatformsAndSaysHowToRead() {
    assertThat(merged.at("/info/title").asText()).isEqualTo("IA platform events");
    assertThat(merged.at("/info/description").asText())
        .contains("tolerant readers")
        .contains("org number")
        .contains("skips a type it does not know")
        .contains("reads the delivery or agreement over REST");
    assertThat(merged.get("asyncapi").asText()).isEqualTo("3.0.0");
  }
}
