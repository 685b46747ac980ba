package no.nav.ia.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

  @Test
  void secondsAreReadAndAnythingElseMeansOneSecond() {
    assertThat(RetryAfter.millis("3")).isEqualTo(3000);
    assertThat(RetryAfter.millis(" 0 ")).isZero();
    assertThat(RetryAfter.millis(null)).isEqualTo(1000);
    assertThat(RetryAfter.millis("")).isEqualTo(1000);
    assertThat(RetryAfter.millis("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(1000);
    assertThat(RetryAfter.millis("-5")).isZero();
  }
}
