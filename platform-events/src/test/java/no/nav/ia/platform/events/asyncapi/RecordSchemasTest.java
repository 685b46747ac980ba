package no.nav.ia.platform.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.nav.ia.platform.events.EventField;
import org.junit.jupiter.api.Test;

class RecordSchemasTest {

  enum Colour {
    RED,
    GREEN
  }

  record Inner(String name, @EventField(nullable = true) Colour colour) {}

  record Sample(
      UUID id,
      @EventField(pattern = EventField.ORG_NUMBER, description = "whose") String orgNumber,
      @EventField(values = Colour.class) String colourName,
      @EventField(nullable = true) String maybe,
      int count,
      long version,
      LocalDate on,
      OffsetDateTime at,
      List<Integer> goals,
      Set<String> tags,
      Map<String, Integer> perCounty,
      Inner inner,
      @EventField(nullable = true, addedLater = true) UUID since) {}

  final JsonNode schema = RecordSchemas.of(Sample.class);

  JsonNode property(String name) {
    return schema.get("properties").get(name);
  }

  @Test
  void everyComponentIsARequiredPropertyAndMoreFieldsAreAllowed() {
    assertThat(schema.get("type").asText()).isEqualTo("object");
    assertThat(schema.get("required"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "id",
            "orgNumber",
            "colourName",
            "maybe",
            "count",
            "version",
            "on",
            "at",
            "goals",
            "tags",
            "perCounty",
            "inner");
    // A field added later is described but not required: the topic holds events without it.
    assertThat(property("since").get("format").asText()).isEqualTo("uuid");
    assertThat(schema.get("additionalProperties").asBoolean()).isTrue();
    assertThat(schema.get("description").asText()).contains("ignores those it does not know");
  }

  @Test
  void javaTypesBecomeTheirJsonTypesAndFormats() {
    assertThat(property("id").toString()).isEqualTo("{\"type\":\"string\",\"format\":\"uuid\"}");
    assertThat(property("count").get("type").asText()).isEqualTo("integer");
    assertThat(property("version").get("type").asText()).isEqualTo("integer");
    assertThat(property("on").get("format").asText()).isEqualTo("date");
    assertThat(property("at").get("format").asText()).isEqualTo("date-time");
    assertThat(property("goals").toString())
        .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}");
    assertThat(property("tags").get("uniqueItems").asBoolean()).isTrue();
    assertThat(property("perCounty").toString())
        .isEqualTo("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}");
    assertThat(property("inner").get("title").asText()).isEqualTo("Inner");
    assertThat(property("inner").get("required")).hasSize(2);
  }

  @Test
  void anEventFieldAddsNullValuesAPatternAndADescription() {
    assertThat(property("maybe").get("type").toString()).isEqualTo("[\"string\",\"null\"]");
    assertThat(property("orgNumber").get("pattern").asText()).isEqualTo("^[0-9]{9}$");
    assertThat(property("orgNumber").get("description").asText()).isEqualTo("whose");
    assertThat(property("colourName").get("enum").toString()).isEqualTo("[\"RED\",\"GREEN\"]");
    JsonNode colour = property("inner").get("properties").get("colour");
    assertThat(colour.get("enum").toString()).isEqualTo("[\"RED\",\"GREEN\",null]");
    assertThat(colour.get("type").toString()).isEqualTo("[\"string\",\"null\"]");
  }

  record Unknown(Optional<String> value) {}

  record NullablePrimitive(@EventField(nullable = true) int count) {}

  record ValuesOnANumber(@EventField(values = Colour.class) Integer colour) {}

  record BoundsOnAString(@EventField(minimum = 0) String name) {}

  record DistinctOnANumber(@EventField(distinct = true) int count) {}

  record Bounded(
      @EventField(minimum = 0) int lag,
      @EventField(minimum = 1, maximum = 3, minItems = 1, distinct = true) List<Integer> goals) {}

  @Test
  void anEventFieldBoundsAnIntegerOrAListsIntegersAndMakesAListDistinctAndNonEmpty() {
    JsonNode bounded = RecordSchemas.of(Bounded.class).get("properties");
    assertThat(bounded.get("lag").toString()).isEqualTo("{\"type\":\"integer\",\"minimum\":0}");
    assertThat(bounded.get("goals").toString())
        .isEqualTo(
            "{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":3},"
                + "\"minItems\":1,\"uniqueItems\":true}");
  }

  @Test
  void aTypeItDoesNotKnowOrAPromiseThatCannotHoldIsAnError() {
    assertThatThrownBy(() -> RecordSchemas.of(Unknown.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Optional");
    assertThatThrownBy(() -> RecordSchemas.of(NullablePrimitive.class))
        .hasMessageContaining("never null");
    assertThatThrownBy(() -> RecordSchemas.of(ValuesOnANumber.class))
        .hasMessageContaining("for strings");
    assertThatThrownBy(() -> RecordSchemas.of(BoundsOnAString.class))
        .hasMessageContaining("for integers");
    assertThatThrownBy(() -> RecordSchemas.of(DistinctOnANumber.class))
        .hasMessageContaining("for lists");
  }
}
