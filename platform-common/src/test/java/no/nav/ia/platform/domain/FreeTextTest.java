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
  }
}
