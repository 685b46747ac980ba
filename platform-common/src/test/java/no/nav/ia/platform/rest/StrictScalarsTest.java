package no.nav.ia.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictScalarsTest {

  enum Direction {
    SYSTEM,
    INDIVIDUAL
  }

  record Request(
      String name,
      Integer employees,
      List<Integer> subGoals,
      Direction direction,
      java.time.LocalDate signedOn,
      Boolean active,
      Double share) {

    Request(String name, Integer employees, List<Integer> subGoals, Direction direction) {
      this(name, employees, subGoals, direction, null, null, null);
    }
  }

  private final ObjectMapper mapper = mapper();

  private static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
    new NulCharacters.InJson().customize(mapper);
    new StrictScalars().customize(mapper);
    return mapper;
  }

  @Test
  void wellTypedValuesAreRead() throws Exception {
    Request r =
        mapper.readValue(
            "{\"name\":\"Bygg AS\",\"employees\":12,\"subGoals\":[1,3],\"direction\":\"SYSTEM\"}",
            Request.class);
    assertThat(r).isEqualTo(new Request("Bygg AS", 12, List.of(1, 3), Direction.SYSTEM));
  }

  @Test
  void aFractionIsNoWholeNumber() {
    assertThatThrownBy(() -> mapper.readValue("{\"employees\":1.5}", Request.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"subGoals\":[2.9]}", Request.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void aNumberOrBooleanIsNoText() {
    assertThatThrownBy(() -> mapper.readValue("{\"name\":5}", Request.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"name\":2.5}", Request.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"name\":true}", Request.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void aPositionIsNoCode() {
    assertThatThrownBy(() -> mapper.readValue("{\"direction\":1}", Request.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"direction\":\"1\"}", Request.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void textIsNoNumberNoTruthValueAndNoDateWithATime() {
    for (String body :
        List.of(
            "{\"employees\":\"5\"}",
            "{\"subGoals\":[\"1\"]}",
            "{\"share\":\"0.5\"}",
            "{\"active\":\"true\"}",
            "{\"signedOn\":\"2020-01-01T23:30:00\"}",
            "{\"signedOn\":\"2020-01-01T00:00:00Z\"}")) {
      assertThatThrownBy(() -> mapper.readValue(body, Request.class))
          .as(body)
          .isInstanceOf(MismatchedInputException.class);
    }
  }

  @Test
  void aCodeOrADateWithBlanksAroundItIsRefusedNotTrimmed() throws Exception {
    for (String body :
        List.of(
            "{\"direction\":\"SYSTEM \"}",
            "{\"direction\":\" SYSTEM\"}",
            "{\"direction\":\"SYSTEM\\t\"}",
            "{\"signedOn\":\"2020-01-01 \"}",
            "{\"signedOn\":\" 2020-01-01\"}",
            "{\"signedOn\":\"2020-01-01\\n\"}")) {
      assertThatThrownBy(() -> mapper.readValue(body, Request.class))
          .as(body)
          .isInstanceOf(MismatchedInputException.class)
          .satisfies(
              e ->
                  assertThat(((MismatchedInputException) e).getPath())
                      .as("names the field")
                      .hasSize(1));
    }
    // Text is text: its blanks are the client's (a note, a name).
    assertThat(mapper.readValue("{\"name\":\" Bygg AS \"}", Request.class).name())
        .isEqualTo(" Bygg AS ");
    assertThat(mapper.readValue("{\"direction\":\"SYSTEM\"}", Request.class).direction())
        .isEqualTo(Direction.SYSTEM);
  }

  @Test
  void aDateIsReadAsWritten() throws Exception {
    assertThat(mapper.readValue("{\"signedOn\":\"2020-01-01\"}", Request.class).signedOn())
        .isEqualTo(java.time.LocalDate.of(2020, 1, 1));
    // ISO's signed years parse; PostgreSQL's date does not reach them (a campaign's deadline).
    for (String day : List.of("+999999998-12-31", "-999999999-01-01", "+10000-01-01")) {
      assertThatThrownBy(() -> mapper.readValue("{\"signedOn\":\"" + day + "\"}", Request.class))
          .as(day)
          .isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidFormatException.class);
    }
  }

  @Test
  void aBodyIsOneJsonValueAndWhatFollowsItIsRefused() throws Exception {
    for (String body :
        List.of(
            "{\"employees\":22} {\"employees\":99}",
            "{\"employees\":23}]",
            "{\"name\":\"Bygg AS\"} garbage")) {
      assertThatThrownBy(() -> mapper.readValue(body, Request.class))
          .as(body)
          .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
      assertThatThrownBy(() -> mapper.readerFor(Request.class).readValue(body))
          .as(body)
          .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }
    assertThat(mapper.readValue("{\"employees\":22}\n  ", Request.class).employees()).isEqualTo(22);
  }
}
