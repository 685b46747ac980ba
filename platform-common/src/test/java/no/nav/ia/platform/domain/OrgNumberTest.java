package no.nav.ia.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"974760673", "889640782", "923609016", "910825526"})
  void acceptsRealOrganisationNumbers(String value) {
    assertThat(OrgNumber.isValid(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"974760674", "889640781", "123456789", "97476067", "9747606730", "97476067a", ""})
  void rejectsWrongCheckDigitsAndShapes(String value) {
    assertThat(OrgNumber.isValid(value)).isFalse();
  }

  @Test
  void rejectsNumbersWhoseRemainderIsOneBecauseNoCheckDigitExists() {
    // Prefix 40000000: weighted sum 4 * 3 = 12, remainder 1, so no last digit makes it valid.
    assertThat(OrgNumber.isValid("400000000")).isFalse();
    assertThat(OrgNumber.isValid("400000001")).isFalse();
  }

  @Test
  void rejectsNull() {
    assertThat(OrgNumber.isValid(null)).isFalse();
  }

  @Test
  void navIdentIsOneLetterAndSixDigits() {
    assertThat(NavIdent.isValid("Z990001")).isTrue();
    assertThat(NavIdent.isValid("z990001")).isFalse();
    assertThat(NavIdent.isValid("Z99000")).isFalse();
    assertThat(NavIdent.isValid("ZZ990001")).isFalse();
  }
}
