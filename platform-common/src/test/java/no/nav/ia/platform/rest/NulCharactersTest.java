package no.nav.ia.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class NulCharactersTest {

  record Item(String name, List<String> tags) {}

  record Request(String note, Item item) {}

  private final ObjectMapper json = mapper();

  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    new NulCharacters.InJson().customize(mapper);
    return mapper;
  }

  @Test
  void aStringWithTheNulCharacterIsRefusedNamingItsField() {
    assertThat(path("{\"note\": \"a\\u0000b\"}")).isEqualTo("note");
    assertThat(path("{\"item\": {\"name\": \"\\u0000\"}}")).isEqualTo("item.name");
    assertThat(path("{\"item\": {\"tags\": [\"ok\", \"x\\u0000\"]}}")).isEqualTo("item.tags[1]");
  }

  @Test
  void halfACharacterIsRefusedAndAWholeOneIsNot() throws Exception {
    // A high surrogate alone, at the end or before another character, and a low one alone.
    for (String half : List.of("kurs \\ud83d", "\\ud83dx", "\\udc4d kurs")) {
      String body = "{\"note\": \"" + half + "\"}";
      assertThat(path(body)).as(body).isEqualTo("note");
      assertThat(
              catchThrowableOfType(
                      NulCharacters.Refused.class, () -> json.readValue(body, Request.class))
                  .getOriginalMessage())
          .isEqualTo(NulCharacters.HALF_CHARACTER);
    }
    assertThat(json.readValue("{\"note\": \"\\ud83d\\udc4d kurs\"}", Request.class).note())
        .isEqualTo("\uD83D\uDC4D kurs");
    assertThat(json.readValue("{\"note\": \"👍\"}", Request.class).note()).isEqualTo("👍");
  }

  @Test
  void aTreeReadAsARecordIsCheckedAlike() throws Exception {
    var tree = json.readTree("{\"note\": \"\\u0000\"}");
    assertThat(
            catchThrowableOfType(
                NulCharacters.Refused.class, () -> json.treeToValue(tree, Request.class)))
        .isNotNull();
  }

  @Test
  void everyOtherStringReadsAsBefore() throws Exception {
    Request r =
        json.readValue(
            "{\"note\": \"Æ ø å \\u0001 \\t\", \"item\": {\"name\": 42, \"tags\": null}}",
            Request.class);
    assertThat(r.note()).isEqualTo("Æ ø å \u0001 \t");
    assertThat(r.item().name()).isEqualTo("42");
    assertThat(r.item().tags()).isNull();
    assertThat(json.readValue("{\"note\": null}", Request.class).note()).isNull();
  }

  private String path(String body) {
    JsonMappingException e =
        catchThrowableOfType(
            NulCharacters.Refused.class, () -> json.readValue(body, Request.class));
    assertThat(e).as(body).isNotNull();
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
        .orElse("");
  }
}
