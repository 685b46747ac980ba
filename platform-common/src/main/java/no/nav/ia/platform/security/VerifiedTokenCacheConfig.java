package no.nav.ia.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The cache of verified bearer tokens ({@link VerifiedTokenIdentityProvider}): whether it is used
 * and how many tokens it holds at the most.
 */
@ConfigMapping(prefix = "ia.security.verified-token-cache")
public interface VerifiedTokenCacheConfig {

  /** Off: every request's token is verified in full, as without the cache. */
  @WithDefault("true")
  boolean enabled();

  /**
   * Tokens kept at the most (the least used go first). A live token is one caller's for its
   * lifetime, so a few thousand cover every adviser and system of a working day.
   */
  @WithDefault("5000")
  int size();
}
