package no.nav.ia.agreement.config;

import static org.assertj.core.api.Assertions.assertThat;

import no.nav.ia.test.NaisProfile;
import org.junit.jupiter.api.Test;

/** On NAIS every shared NAIS setting holds: none is overridden by a local default of this app. */
class NaisProfileTest {

  @Test
  void everyNaisSettingHoldsOnNais() {
    assertThat(NaisProfile.shadowed()).isEmpty();
  }
}
