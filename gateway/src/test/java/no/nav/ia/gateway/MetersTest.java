package no.nav.ia.gateway;

import no.nav.ia.test.Architecture;
import org.junit.jupiter.api.Test;

class MetersTest {

  @Test
  void everyMeterSaysWhatItCounts() {
    // The gateway's classes and platform-common's it runs.
    Architecture.metersSayWhatTheyCount();
  }
}
