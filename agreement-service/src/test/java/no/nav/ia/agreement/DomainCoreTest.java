package no.nav.ia.agreement;

import no.nav.ia.test.Architecture;
import org.junit.jupiter.api.Test;

class DomainCoreTest {

  @Test
  void theDomainCoreKnowsNothingOfHttpNorOfTheLayersAroundIt() {
    Architecture.domainKnowsNoHttp("no.nav.ia.agreement");
  }
}
