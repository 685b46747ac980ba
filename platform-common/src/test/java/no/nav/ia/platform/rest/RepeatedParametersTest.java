package no.nav.ia.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatedParametersTest {

  @Test
  void namesAreFoldedAsVertxReadsThemAToZOnly() {
    assertThat(RepeatedParameters.asciiLowerCase("COUNTY")).isEqualTo("county");
    assertThat(RepeatedParameters.asciiLowerCase("contactPerson")).isEqualTo("contactperson");
    // Vert.x compares names ignoring the case of ASCII letters only: Ø and ø are two names.
    assertThat(RepeatedParameters.asciiLowerCase("Ø")).isEqualTo("Ø");
    assertThat(RepeatedParameters.asciiLowerCase("\u212A"))
        .as("the Kelvin sign")
        .isEqualTo("\u212A");
  }
}
