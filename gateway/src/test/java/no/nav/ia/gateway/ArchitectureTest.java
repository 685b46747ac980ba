package no.nav.ia.gateway;

import no.nav.ia.test.Architecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void everyMeterSaysWhatItCounts() {
    // The gateway's classes and platform-common's it runs.
    Architecture.metersSayWhatTheyCount();
  }

  @Test
  void everyResourceKeepsTheBodysDeadline() {
    // The gateway's resources and platform-common's.
    Architecture.resourcesKeepTheBodysDeadline();
  }
}
