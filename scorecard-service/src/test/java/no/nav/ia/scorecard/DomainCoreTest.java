package no.nav.ia.scorecard;

import no.nav.ia.test.Architecture;
import org.junit.jupiter.api.Test;

class DomainCoreTest {

  @Test
  void theDomainCoreKnowsNothingOfHttpNorOfTheLayersAroundIt() {
    Architecture.domainKnowsNoHttp("no.nav.ia.scorecard");
  }
}
