package no.nav.ia.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
        "\uFF10\uFF11\uFF10\uFF11\uFF19\uFF10\uFF11\uFF10\uFF10\uFF14\uFF16",
        // Digits of other scripts, and minus signs between the groups.
        "\u0660\u0661\u0660\u0661\u0669\u0660\u0661\u0660\u0660\u0664\u0666",
        "fnr \u06F0\u06F1\u06F0\u06F1\u06F9\u06F0 \u06F1\u06F0\u06F0\u06F4\u06F6",
        "\u0966\u0967\u0966\u0967\u096F\u0966\u0967\u0966\u0966\u096A\u096C",
        "010190\u221210046",
        "010190 \u2212 10046",
        "010190\u02D710046",
        "\uD835\uDFCE\uD835\uDFCF\uD835\uDFCE\uD835\uDFCF\uD835\uDFD7\uD835\uDFCE10046",
        // Every space a word processor or mail client puts between groups of digits (a security
        // review stored notes with these), a middle dot, a full-width stop, superscript digits
        // and a combining mark.
        "Samtale 010190\u200910046",
        "010190\u200210046",
        "010190\u200310046",
        "010190\u200810046",
        "010190\u200A10046",
        "010190\u205F10046",
        "010190\u300010046",
        "010190\u168010046",
        "010190\u202810046",
        "010190\u00A010046",
        "010190\u202F10046",
        "010190\u00B710046",
        "01\uFF0E01\uFF0E90 10046",
        "\u2070\u00B9\u2070\u00B9\u2079\u2070\u00B9\u2070\u2070\u2074\u2076",
        "0\u03011019010046",
        // The birth date written as a date with its year in full, or apart from the five digits
        // and the five named (an adviser's review stored these).
        "Ola Nordmann 01.01.1990 10046",
        "1.1.90 10046",
        "f. 010190, pnr. 10046",
        "personnummer 10046, født 01.01.90",
        "Pnr: 10046 (født 1.1.1990)",
        // A re-check's: the date as eight digits, by month name, with spaces, an en dash or a
        // colon, and the five split once.
        "f. 01011990, pnr. 10046",
        "født 1. januar 1990, pnr. 10046",
        "1. jan. 1990 10046",
        "01 01 1990 10046",
        "01.01.1990 100 46",
        "01.01.1990 10 046",
        "01.01.1990: 10046",
        "01\u201301\u20131990 10046"
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
        "Telefon 22 33 44 55 - 120 ansatte",
        // Other scripts' digits and emoji do not make a number valid.
        "\u0660\u0661\u0660\u0661\u0669\u0660\u0661\u0660\u0660\u0664\u0667",
        "M\u00f8te \uD83D\uDE00 14.05.2012, 12 \u2212 3 deltakere",
        // Punctuation that is no separator, and the wide gaps above with typographic spaces.
        "Kl 10:15 m\u00f8te 010190+10046 kr",
        "Samling 1.8.2024\u2009\u2013\u20093.8.2024 i Bod\u00f8",
        "Tlf 78\u00A044\u00A094\u00A080 / 405\u00A059\u00A0902",
        // A date and five digits that are no person's number: after a comma, not named, or with
        // wrong control digits.
        "Møte 01.01.1990, 10046 kroner",
        "Faktura 10046 datert 01.01.90",
        "pnr. 10047, født 01.01.90",
        // A year in full that no person of working age or its individual number's century has.
        "Faktura 01.01.2024 10046 kr",
        "01.01.1890 10046"
      })
  void leavesOrdinaryTextAlone(String text) {
    assertThat(NationalIdentityNumbers.containsOne(text)).isFalse();
  }

  @Test
  void aKeyHoldsANumberOnlyAsElevenDigitsTogether() {
    assertThat(NationalIdentityNumbers.inKey("v-01019010046")).isTrue();
    assertThat(NationalIdentityNumbers.inKey("batch_01019010046_2")).isTrue();
    // Parts and counters joined by dashes, as clients build keys, are no number.
    assertThat(NationalIdentityNumbers.inKey("run-0101901004-6")).isFalse();
    assertThat(NationalIdentityNumbers.inKey("run-1765000000-1-23")).isFalse();
    assertThat(NationalIdentityNumbers.inKey("x010190100461")).isFalse();
    assertThat(NationalIdentityNumbers.inKey("01019010047")).isFalse();
    assertThat(NationalIdentityNumbers.inKey("x-010190-10046")).isTrue();
    assertThat(NationalIdentityNumbers.inKey("0b5c5e6a-1c5d-4e0b-9f3e-01019010046a")).isFalse();
  }
}
