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

  record Request(String name, Integer employees, List<Integer> subGoals, Direction direction) {}

  private final ObjectMapper mapper = mapper();

  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
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
}
