package no.nav.ia.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The notes' pattern, published in the OpenAPI documents, refuses what FreeText says it does. */
class FreeTextLinesTest {

  @Test
  void theNotesPatternRefusesControlsSeparatorsAndWhatReordersTheTextAndNothingElse() {
    Pattern lines = Pattern.compile(FreeText.LINES);
    for (int cp = 0; cp <= 0xFFFF; cp++) {
      if (Character.isSurrogate((char) cp)) {
        continue;
      }
      boolean refused =
          FreeText.reorders(cp)
              || (Character.isISOControl(cp) && cp != '\t' && cp != '\n' && cp != '\r')
              || cp == 0x2028
              || cp == 0x2029;
      assertThat(lines.matcher("a" + Character.toString(cp) + "b").matches())
          .as("U+%04X", cp)
          .isEqualTo(!refused);
    }
  }
}
