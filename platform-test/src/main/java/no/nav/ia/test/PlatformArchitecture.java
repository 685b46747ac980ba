package no.nav.ia.test;

import org.junit.jupiter.api.Test;

/**
 * The architecture rules every module with resources keeps, as tests: a module's test class extends
 * this one, so a rule added here runs in every module (the gateway and each service) without a copy
 * of its call in each. The classes read are those under {@code no.nav.ia} on the module's class
 * path: its own and the platform's it runs (platform-common, platform-events).
 */
public abstract class PlatformArchitecture {

  @Test
  void everyMeterSaysWhatItCounts() {
    Architecture.metersSayWhatTheyCount();
  }

  @Test
  void everyResourceKeepsTheBodysDeadline() {
    Architecture.resourcesKeepTheBodysDeadline();
  }
}
