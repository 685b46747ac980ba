package no.nav.ia.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.problem.FieldError;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void theLastPageOfTheLargestSizeStillStartsAtAPositiveRow() {
    int page = Params.page(String.valueOf(Params.MAX_PAGE));
    int size = Params.size(String.valueOf(Params.MAX_PAGE_SIZE));
    assertThat(page * size).isPositive();
  }

  @Test
  void aPageWhoseFirstRowWouldOverflowIsAFieldErrorNotAServerError() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class, () -> Params.page(String.valueOf(Params.MAX_PAGE + 1)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errors()).extracting(FieldError::field).containsExactly("page");
    assertThat(catchThrowableOfType(ApiException.class, () -> Params.page("5000000")).status())
        .isEqualTo(400);
    assertThat(catchThrowableOfType(ApiException.class, () -> Params.page("99999999999")).status())
        .isEqualTo(400);
  }

  @Test
  void aFlagIsTrueOrFalseAndNothingElse() {
    assertThat(Params.flag("includeVoided", null, false)).isFalse();
    assertThat(Params.flag("includeVoided", "TRUE", false)).isTrue();
    assertThat(Params.flag("includeVoided", "false", true)).isFalse();
    for (String word : List.of("1", "yes", "on", "sant")) {
      ApiException refused =
          catchThrowableOfType(ApiException.class, () -> Params.flag("includeVoided", word, false));
      assertThat(refused.errors()).extracting(FieldError::field).containsExactly("includeVoided");
    }
  }

  @Test
  void pagingDefaultsToTheFirstPageOfFifty() {
    assertThat(Params.page(null)).isZero();
    assertThat(Params.size(" ")).isEqualTo(50);
  }
}
