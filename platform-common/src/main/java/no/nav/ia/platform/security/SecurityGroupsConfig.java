package no.nav.ia.platform.security;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * Entra ID security groups to platform roles and counties: {@code ia.security.groups."<object
 * id>".role=manager} and {@code ...county=03}. Empty locally, where tokens carry {@code roles} and
 * {@code county} themselves.
 */
@ConfigMapping(prefix = "ia.security")
public interface SecurityGroupsConfig {

  Map<String, Group> groups();

  interface Group {
    Optional<String> role();

    Optional<String> county();
  }
}
