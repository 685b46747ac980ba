package no.nav.ia.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import no.nav.ia.platform.problem.FieldError;
import no.nav.ia.platform.problem.ProblemMappers;
import org.junit.jupiter.api.Test;

/** What a client hears when its body does not fit the request, and what stays tolerant. */
class ClosedBodyTest {

  @ClosedBody
  @JsonIgnoreProperties({"id", "version"})
  record Correction(String service, String form, List<Item> items) {}

  @ClosedBody
  record Item(String orgNumber) {}

  /** An event's payload, or another service's answer: fields may be added to it. */
  record Payload(String service) {}

  private final ObjectMapper mapper = mapper();

  private static ObjectMapper mapper() {
    // As Quarkus makes it: unknown fields skipped unless the type says otherwise.
    ObjectMapper mapper =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    new NulCharacters.InJson().customize(mapper);
    new StrictScalars().customize(mapper);
    return mapper;
  }

  private List<FieldError> errorsOf(String json, Class<?> type) {
    return errorsOf(json, mapper.constructType(type));
  }

  private List<FieldError> errorsOf(String json, JavaType type) {
    try {
      mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      return ProblemMappers.jsonErrors(e);
    }
    throw new AssertionError("read without an error: " + json);
  }

  @Test
  void aFieldTheRequestDoesNotHaveIsRefusedByName() {
    // "Form" for "form" would otherwise store the correction without its form.
    assertThat(errorsOf("{\"service\":\"COURSE\",\"Form\":\"INFORMATION\"}", Correction.class))
        .containsExactly(new FieldError("Form", "is not a field of this request"));
    assertThat(errorsOf("{\"items\":[{\"orgNumber\":\"1\"},{\"org\":\"2\"}]}", Correction.class))
        .containsExactly(new FieldError("items[1].org", "is not a field of this request"));
  }

  @Test
  void aFieldNameThatIsNoNameIsNotSaidBack() {
    // A client's data in a key: the answer (and any log of it) must not carry it.
    assertThat(errorsOf("{\"01019010046\":\"x\"}", Correction.class))
        .containsExactly(new FieldError("body", "has a field that is not part of this request"));
    assertThat(errorsOf("{\"items\":[{\"x01019010046\":1}]}", Correction.class))
        .containsExactly(
            new FieldError("items[0]", "has a field that is not part of this request"));
    assertThat(errorsOf("{\"01019010046\":1,\"01019010046\":2}", Payload.class))
        .containsExactly(new FieldError("body", "has a field given twice"));
  }

  @Test
  void whatAReadAnsweredBesidesTheFactsMaySendBack() throws Exception {
    assertThat(
            mapper.readValue(
                "{\"id\":\"a\",\"version\":3,\"service\":\"COURSE\",\"form\":null}",
                Correction.class))
        .isEqualTo(new Correction("COURSE", null, null));
  }

  @Test
  void eventsAndAnswersFromOtherServicesStayTolerant() throws Exception {
    assertThat(mapper.readValue("{\"service\":\"COURSE\",\"addedLater\":1}", Payload.class))
        .isEqualTo(new Payload("COURSE"));
  }

  @Test
  void aKeyGivenTwiceIsRefusedNotTheLastOneKept() {
    assertThat(errorsOf("{\"service\":\"COURSE\",\"service\":\"SICK_LEAVE\"}", Payload.class))
        .containsExactly(new FieldError("service", "is given twice"));
  }

  @Test
  void aBodyCutOffIsNotWellFormedNotAWrongValue() {
    assertThat(errorsOf("{\"service\":\"COUR", Payload.class))
        .containsExactly(new FieldError("body", "is not well-formed JSON"));
  }

  @Test
  void wellFormedJsonOfTheWrongShapeSaysWhatShapeIsWanted() {
    assertThat(
            errorsOf("{}", mapper.getTypeFactory().constructCollectionType(List.class, Item.class)))
        .containsExactly(new FieldError("body", "must be a JSON array"));
    assertThat(errorsOf("[1]", Payload.class))
        .containsExactly(new FieldError("body", "must be a JSON object"));
  }
}
