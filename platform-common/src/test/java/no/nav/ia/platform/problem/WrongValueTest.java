package no.nav.ia.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import no.nav.ia.platform.rest.StrictScalars;
import org.junit.jupiter.api.Test;

/** A value of the wrong kind: the answer says what the field takes (an integrator's review). */
class WrongValueTest {

  enum Direction {
    SYSTEM,
    INDIVIDUAL
  }

  record Request(Direction direction, LocalDate deliveredOn, int employees, String name) {}

  /** A field that takes fewer values than its enumeration has, as the OpenAPI document says. */
  record Narrowed(
      @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"INDIVIDUAL"})
          Direction direction) {}

  private final ObjectMapper mapper = mapper();

  private static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    new StrictScalars().customize(mapper);
    return mapper;
  }

  private List<FieldError> errorsOf(String json) {
    try {
      mapper.readValue(json, Request.class);
    } catch (JsonProcessingException e) {
      return ProblemMappers.jsonErrors(e);
    }
    throw new AssertionError("read without an error: " + json);
  }

  @Test
  void anUnknownValueOfAnEnumerationNamesTheValuesItTakes() {
    assertThat(errorsOf("{\"direction\":\"BOTH\"}"))
        .containsExactly(
            new FieldError("direction", "has an unknown value: must be one of SYSTEM, INDIVIDUAL"));
  }

  @Test
  void aFieldThatTakesFewerValuesNamesOnlyThose() throws Exception {
    // A campaign's case is never set back to PENDING: the answer listed it among the values.
    try {
      mapper.readValue("{\"direction\":\"BOTH\"}", Narrowed.class);
      throw new AssertionError("read without an error");
    } catch (JsonProcessingException e) {
      assertThat(ProblemMappers.jsonErrors(e))
          .containsExactly(
              new FieldError("direction", "has an unknown value: must be one of INDIVIDUAL"));
    }
  }

  @Test
  void aKnownValueWithBlanksOrInSmallLettersIsToldHowToWriteIt() {
    for (String padded : List.of("SYSTEM ", "SYSTEM\u00a0", " SYSTEM")) {
      assertThat(errorsOf("{\"direction\":\"" + padded + "\"}"))
          .as(padded)
          .containsExactly(
              new FieldError(
                  "direction", "has blanks around its value: must be SYSTEM without them"));
    }
    assertThat(errorsOf("{\"direction\":\"individual\"}"))
        .containsExactly(
            new FieldError(
                "direction",
                "has an unknown value: must be one of SYSTEM, INDIVIDUAL (written in capitals, as"
                    + " INDIVIDUAL)"));
  }

  @Test
  void aDateThatIsNoneSaysHowADateIsWritten() {
    for (String date : List.of("\"15.03.2026\"", "20260315", "\"2026-3-1\"")) {
      assertThat(errorsOf("{\"deliveredOn\":" + date + "}"))
          .as(date)
          .containsExactly(
              new FieldError(
                  "deliveredOn",
                  "is not a date: must be a day written YYYY-MM-DD, such as 2026-03-15"));
    }
    // Written as a day, but no day is so (an adviser's review was told how to write 2026-02-29).
    for (String date : List.of("\"2026-13-01\"", "\"2026-02-29\"")) {
      assertThat(errorsOf("{\"deliveredOn\":" + date + "}"))
          .as(date)
          .containsExactly(
              new FieldError("deliveredOn", "is written YYYY-MM-DD, but there is no such day"));
    }
  }

  @Test
  void aValueOfAnotherJsonTypeNamesTheTypeTheFieldTakes() {
    assertThat(errorsOf("{\"employees\":\"many\"}"))
        .containsExactly(new FieldError("employees", "has the wrong type: must be a whole number"));
    assertThat(errorsOf("{\"name\":{\"first\":\"Ola\"}}"))
        .containsExactly(new FieldError("name", "has the wrong type: must be text"));
  }
}
