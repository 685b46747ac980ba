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
   * lifetime (an adviser's, or a system's), so this covers every caller of a busy hour; an entry of
   * an Entra ID token takes about 7 KB of heap, so a full cache about 15 MB. A token longer than 8
   * KB is refused before it is verified ({@link VerifiedTokenIdentityProvider#MAX_TOKEN_LENGTH}),
   * which bounds an entry however large a token a client sends.
   */
  @WithDefault("2000")
  int size();
}
