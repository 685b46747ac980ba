package no.nav.ia.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdentityNumbersTest {

  // Synthetic numbers with valid control digits (not real people).
  @ParameterizedTest
  @ValueSource(strings = {"01019010046", "41019010110"})
  void recognisesValidControlDigitsIncludingDNumbers(String value) {
    assertThat(NationalIdentityNumbers.isValid(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"01019010047", "01019010056", "0101901004", "010190100461", "abcdefghijk"})
  void rejectsWrongControlDigitsAndShapes(String value) {
    assertThat(NationalIdentityNumbers.isValid(value)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Samtale med 01019010046 om tilrettelegging",
        "fnr:01019010046",
        "010190 10046 ringte",
        "ref 010190-10046",
        "010190.10046",
        "fnr 010190/10046",
        "født 01.01.90 10046",
        "010 190 10046",
        "01 01 90 10046",
        "tlf 12 01019010046",
        "+47 01019010046",
        "010190\t10046 fra regnearket",
        "010190\n10046",
        "010190\u201310046",
        "010190\u00AD10046",
        "0101901\u200B0046",
        // Found in notes that were stored before: more than one separator between the groups.
        "Oppfølging av 010190 - 10046",
        "010190  10046",
        "010190 / 10046",
        "010190_10046",
        "\uFF10\uFF11\uFF10\uFF11\uFF19\uFF10\uFF11\uFF10\uFF10\uFF14\uFF16"
      })
  void findsANumberEmbeddedInText(String text) {
    assertThat(NationalIdentityNumbers.containsOne(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Org.nr 974760673, 12 ansatte",
        "Saksnummer 01019010047",
        "Telefon 22 33 44 55, møte 14.05.2012",
        "1234567890123 is too long to be one",
        "x010190100461x",
        "Møte 12.03.2024 kl 10, 15 deltakere",
        "Org.nr. 974 760 673, 120 ansatte",
        "010190 10047 has a wrong control digit",
        "01.01.90, 10046 kroner",
        "010190,10046 (a decimal number)",
        // Joined into a valid number by wide gaps anywhere: a date range, two phone numbers.
        "Samling 1.8.2024 - 3.8.2024 i Bodø",
        "7.10.2024 \u2013 21.10.2024",
        "Tlf 78 44 94 80 / 405 59 902",
        "Telefon 22 33 44 55 - 120 ansatte"
      })
  void leavesOrdinaryTextAlone(String text) {
    assertThat(NationalIdentityNumbers.containsOne(text)).isFalse();
  }
}
