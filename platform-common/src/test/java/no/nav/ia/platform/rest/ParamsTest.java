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

  enum Status {
    ACTIVE,
    ENDED
  }

  @Test
  void aRefusedValueIsToldTheBoundItCrossedAndTheValuesAParameterTakes() {
    assertThat(catchThrowableOfType(ApiException.class, () -> Params.page("-1")).errors())
        .containsExactly(new FieldError("page", "must be 0 or more (pages count from 0)"));
    assertThat(catchThrowableOfType(ApiException.class, () -> Params.size("501")).errors())
        .containsExactly(new FieldError("size", "must be at most 500"));
    assertThat(
            catchThrowableOfType(
                    ApiException.class, () -> Params.enumValue("status", "OPEN", Status.class))
                .errors())
        .containsExactly(
            new FieldError("status", "is not one of the allowed values: ACTIVE, ENDED"));
    assertThat(
            catchThrowableOfType(
                    ApiException.class, () -> Params.enumValue("status", "active", Status.class))
                .errors())
        .containsExactly(
            new FieldError(
                "status",
                "is not one of the allowed values: ACTIVE, ENDED (written in capitals, as ACTIVE)"));
  }

  @Test
  void aDayHasAFourDigitYearSoTheDatabaseNeverMeetsOneOutOfItsRange() {
    assertThat(Params.date("from", "2024-02-29", null)).hasToString("2024-02-29");
    assertThat(Params.date("from", " ", null)).isNull();
    // ISO's signed years parse; PostgreSQL's date stops at 4713 BC (a 500 from the list).
    for (String day :
        List.of(
            "-999999999-01-01", "+999999999-12-31", "+10000-01-01", "-0001-01-01", "2024-2-29")) {
      ApiException refused =
          catchThrowableOfType(ApiException.class, () -> Params.date("from", day, null));
      assertThat(refused.status()).as(day).isEqualTo(400);
      assertThat(refused.errors())
          .extracting(FieldError::field, FieldError::message)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("from", "must be a date as YYYY-MM-DD"));
    }
    ApiException noSuchDay =
        catchThrowableOfType(ApiException.class, () -> Params.date("to", "2026-02-29", null));
    assertThat(noSuchDay.errors())
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "to", "is written YYYY-MM-DD, but there is no such day"));
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
