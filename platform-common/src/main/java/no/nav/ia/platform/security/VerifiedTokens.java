package no.nav.ia.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Identities of bearer tokens that passed verification, so that a caller who sends the same token
 * again is not verified again at full cost (an RSA signature check per request and hop).
 *
 * <p>The key is the whole token, signature included, with the OIDC tenant that verified it: a token
 * that differs in one character is another key, and a token verified by one tenant (its issuer,
 * keys and audience) is never answered for a request resolved to another. The key is the token
 * itself, not a hash of it: the identity kept holds the token anyway (as its credential), so a hash
 * would save no memory, and a hit then needs the very token that was verified, with no assumption
 * about a hash function. Only a token in its one canonical spelling, of at most 8 KB, gets here
 * ({@link VerifiedTokenIdentityProvider#wellFormed}): one valid token is one key. An entry is
 * handed out only before the moment it was stored with (the token's {@code exp}), checked against
 * the clock at every read, so it cannot outlive the token; the cache is bounded, the least used
 * going first. Only the caller stores, and only after a successful verification: nothing here can
 * make a failed token pass.
 */
public final class VerifiedTokens {

  record Key(String tenant, String token) {}

  private record Entry(SecurityIdentity identity, Instant validUntil) {}

  private final Cache<Key, Entry> cache;
  private final Clock clock;

  public VerifiedTokens(int maximumSize) {
    this(maximumSize, Clock.systemUTC(), Ticker.systemTicker());
  }

  /** With the clock the expiry is read from and the ticker Caffeine evicts by (tests). */
  VerifiedTokens(int maximumSize, Clock clock, Ticker ticker) {
    this.clock = clock;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .ticker(ticker)
            .expireAfter(new ExpiresAt<Key, Entry>(Entry::validUntil, clock))
            .build();
  }

  /** The identity {@code token} was verified to for {@code tenant}, while the token is valid. */
  public Optional<SecurityIdentity> get(String tenant, String token) {
    Key key = new Key(tenant, token);
    Entry entry = cache.getIfPresent(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.validUntil())) {
      cache.invalidate(key);
      return Optional.empty();
    }
    return Optional.of(entry.identity());
  }

  /**
   * Keeps the identity a successful verification of {@code token} for {@code tenant} gave, until
   * {@code validUntil} (not at all when that has passed).
   */
  public void put(String tenant, String token, SecurityIdentity identity, Instant validUntil) {
    if (clock.instant().isBefore(validUntil)) {
      cache.put(new Key(tenant, token), new Entry(identity, validUntil));
    }
  }

  /** How many tokens are held, after pending evictions (tests). */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
