package no.nav.ia.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

  /**
   * Whether a person's county may be a county of before (16 Sør-Trøndelag, 30 Viken): false, so a
   * token of a centre that no longer exists (a group left over) binds its person to no county. The
   * contract tests set it, as they play centres of earlier years, each county its own data.
   */
  @WithDefault("false")
  boolean formerCountyTokens();

  interface Group {
    Optional<String> role();

    Optional<String> county();
  }
}
