package no.nav.ia.scorecard;

import no.nav.ia.test.Architecture;
import no.nav.ia.test.PlatformArchitecture;
import org.junit.jupiter.api.Test;

/** The domain core's own rule, and the platform's architecture rules over this service. */
class DomainCoreTest extends PlatformArchitecture {

  @Test
  void theDomainCoreKnowsNothingOfHttpNorOfTheLayersAroundIt() {
    Architecture.domainKnowsNoHttp("no.nav.ia.scorecard");
  }
}
