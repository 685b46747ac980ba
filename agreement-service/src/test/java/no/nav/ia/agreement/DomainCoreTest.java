package no.nav.ia.agreement;

import no.nav.ia.test.Architecture;
import org.junit.jupiter.api.Test;

class DomainCoreTest {

  @Test
  void theDomainCoreKnowsNothingOfHttpNorOfTheLayersAroundIt() {
    Architecture.domainKnowsNoHttp("no.nav.ia.agreement");
  }

  @Test
  void everyMeterSaysWhatItCounts() {
    // This service's classes and the platform's it runs (platform-common, platform-events).
    Architecture.metersSayWhatTheyCount();
  }

  @Test
  void everyResourceKeepsTheBodysDeadline() {
    Architecture.resourcesKeepTheBodysDeadline();
  }
}
