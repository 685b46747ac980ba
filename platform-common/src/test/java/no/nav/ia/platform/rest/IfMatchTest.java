package no.nav.ia.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.nav.ia.platform.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which If-Match values name a version, and that all others are 412 (and a missing one 428). */
class IfMatchTest {

  @Test
  void theETagAsSentBareOrWeakenedNamesItsVersion() {
    assertThat(IfMatch.version("\"3\"")).isEqualTo(3);
    assertThat(IfMatch.version(" 3 ")).isEqualTo(3);
    assertThat(IfMatch.version("W/\"12\"")).isEqualTo(12);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*",
        "\"1\"\"2\"",
        "\"1\", \"2\"",
        "\"1\",\"1\"",
        "1\"2",
        "\"-1\"",
        "\"1",
        "w/\"1\"",
        "\"99999999999999999999\"",
        ""
      })
  void anythingElseNamesNoVersionAndIs412(String ifMatch) {
    assertThatThrownBy(() -> IfMatch.version(ifMatch))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(412))
        .hasMessageContaining("send the ETag header of your last read");
  }

  @Test
  void withoutTheHeaderAChangeIs428() {
    assertThatThrownBy(() -> IfMatch.required(null, "A correction"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(428));
  }

  @Test
  void whereTheHeaderIsOptionalItsAbsenceNamesNoVersionAndABadOneIsStill412() {
    assertThat(IfMatch.optional(null)).isNull();
    assertThat(IfMatch.optional("W/\"4\"")).isEqualTo(4L);
    assertThatThrownBy(() -> IfMatch.optional("*"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(412));
  }
}
