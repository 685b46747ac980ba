package no.nav.ia.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import no.nav.ia.platform.domain.ErrorCode;
import org.junit.jupiter.api.Test;

class ErrorCodesTest {

  enum Service implements ErrorCode {
    THING_NOT_FOUND("404: no thing with that id");

    private final String meaning;

    Service(String meaning) {
      this.meaning = meaning;
    }

    @Override
    public String meaning() {
      return meaning;
    }
  }

  enum Clashing implements ErrorCode {
    STALE_VERSION;

    @Override
    public String meaning() {
      return "409: something else";
    }
  }

  @Test
  void aServiceListsItsOwnCodesBesideTheOnesEveryServiceAnswersSortedByCode() {
    Map<String, String> codes = ErrorCodes.of(Service.values());

    assertThat(codes)
        .containsEntry("THING_NOT_FOUND", "404: no thing with that id")
        .containsKeys("VALIDATION_FAILED", "STALE_VERSION", "MALFORMED_BODY", "INTERNAL_ERROR");
    assertThat(java.util.List.copyOf(codes.keySet())).isSorted();
    assertThat(ErrorCodes.describe(codes))
        .contains("\n- `THING_NOT_FOUND`: 404: no thing with that id\n");
  }

  @Test
  void oneCodeCannotMeanTwoThings() {
    assertThatThrownBy(() -> ErrorCodes.of(Clashing.values()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("409: something else");
  }

  @Test
  void everyCommonCodeSaysItsStatus() {
    assertThat(ErrorCodes.of())
        .allSatisfy((code, meaning) -> assertThat(meaning).matches("\\d{3}( .*)?: .+"));
  }
}
