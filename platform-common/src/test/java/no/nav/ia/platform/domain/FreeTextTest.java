package no.nav.ia.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextTest {

  @Test
  void spacesOfAnyKindAreNothingWritten() {
    for (String blank :
        new String[] {
          null, "", " \n\t ", "\u00A0\u00A0", "\u200B", "\u3000\u2028", "\u202F\u2007"
        }) {
      assertThat(FreeText.isWritten(blank)).as("%s", blank).isFalse();
      assertThat(FreeText.noteOrNull(blank)).as("%s", blank).isNull();
    }
    assertThat(FreeText.isWritten("Ingen")).isTrue();
    assertThat(FreeText.isWritten("\u00A0–\u00A0")).as("a dash is something").isTrue();
    assertThat(FreeText.noteOrNull("  Møte om sykefravær\n")).isEqualTo("Møte om sykefravær");
    assertThat(FreeText.noteOrNull("\u00a0Notat\u00a0")).isEqualTo("Notat");
  }

  @Test
  void spacesOfAnyKindGoFromTheEndsAndOnlyThere() {
    // String.strip keeps the no-break spaces a pasted name brings (a review's sorted first).
    assertThat(FreeText.strip("\u00a0Kantmellomrom\u00a0AS\u00a0"))
        .isEqualTo("Kantmellomrom\u00a0AS");
    assertThat(FreeText.strip("\u202f\u2007 \u3000Emrom AS\u2003\t\n")).isEqualTo("Emrom AS");
    // A mark at the end belongs to the letter before it.
    assertThat(FreeText.strip("Cafe\u0301 ")).isEqualTo("Cafe\u0301");
    assertThat(FreeText.strip("\u00a0")).isEmpty();
    assertThat(FreeText.strip("\u200b\ufeffNotat\u2060")).isEqualTo("Notat");
    assertThat(FreeText.strip("🐟")).isEqualTo("🐟");
  }

  @Test
  void whatALineOfTextMayNotHoldIsFound() {
    for (String broken :
        new String[] {
          "Bell\u0007", "ESC\u001b[31m", "DEL\u007f", "C1\u0085", "a\u2028b", "\u202eabc"
        }) {
      assertThat(FreeText.breaksLines(broken)).as("%s", broken).isTrue();
    }
    assertThat(FreeText.breaksLines("Møter:\n\t- NHO\r\n\u00a0æøå 🐟")).isFalse();
    assertThat(FreeText.breaksLines(null)).isFalse();
  }
}
