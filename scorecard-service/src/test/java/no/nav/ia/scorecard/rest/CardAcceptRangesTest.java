package no.nav.ia.scorecard.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardAcceptRangesTest {

  @Test
  void aRangeOfAKindTheCardsComeInBecomesThatTypeWithItsParameters() {
    assertThat(CardAcceptRanges.narrowed("text/*")).isEqualTo("text/csv");
    assertThat(CardAcceptRanges.narrowed("TEXT/*;q=0.4, application/*;q=0.9"))
        .isEqualTo("text/csv;q=0.4, application/json;q=0.9");
  }

  @Test
  void everythingElseIsLeftAsItWas() {
    assertThat(CardAcceptRanges.narrowed("*/*")).isEqualTo("*/*");
    assertThat(CardAcceptRanges.narrowed("image/*, text/html;level=1"))
        .isEqualTo("image/*, text/html;level=1");
  }
}
