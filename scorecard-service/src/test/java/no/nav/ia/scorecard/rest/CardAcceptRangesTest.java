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
  void aTypeTheHeaderNamesIsNotOverruledByItsRange() {
    // "Anything textual but CSV": the range gives way to the more specific refusal, and the
    // refusal goes (RESTEasy Reactive would serve a refused type as the least wanted one).
    assertThat(CardAcceptRanges.narrowed("text/csv;q=0, text/*")).isEqualTo("application/json");
    assertThat(CardAcceptRanges.narrowed("application/json;q=0")).isEqualTo("text/csv");
    assertThat(CardAcceptRanges.narrowed("application/*;q=0, text/csv;q=0"))
        .isEqualTo(CardAcceptRanges.NONE);
    assertThat(CardAcceptRanges.narrowed("text/csv; Q=0.000, application/json;q=0.5"))
        .isEqualTo("application/json;q=0.5");
    assertThat(CardAcceptRanges.narrowed("text/csv;q=0.01")).isEqualTo("text/csv;q=0.01");
    assertThat(CardAcceptRanges.narrowed("application/*, APPLICATION/JSON;q=0.1, text/*;q=0.5"))
        .isEqualTo("APPLICATION/JSON;q=0.1, text/csv;q=0.5");
  }

  @Test
  void aCommaInsideAQuotedParameterSplitsNothing() {
    assertThat(CardAcceptRanges.narrowed("text/*;x=\"a,b\", image/png"))
        .isEqualTo("text/csv;x=\"a,b\", image/png");
  }

  @Test
  void everythingElseIsLeftAsItWas() {
    assertThat(CardAcceptRanges.narrowed("*/*")).isEqualTo("*/*");
    assertThat(CardAcceptRanges.narrowed("image/*, text/html;level=1"))
        .isEqualTo("image/*, text/html;level=1");
  }
}
