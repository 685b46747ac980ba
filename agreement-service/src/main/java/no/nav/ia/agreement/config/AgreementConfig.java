package no.nav.ia.agreement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** agreement-service settings. */
@ConfigMapping(prefix = "ia.agreement")
public interface AgreementConfig {

  /**
   * Days after contact without an answer before an enterprise is due a reminder (the same for every
   * county).
   */
  @WithDefault("14")
  int reminderAfterDays();
}
