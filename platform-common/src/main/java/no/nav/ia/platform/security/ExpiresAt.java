package no.nav.ia.platform.security;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * A Caffeine expiry at the moment each value names (a token's end of life): a value lives from its
 * creation or update until then, and reading it changes nothing.
 */
final class ExpiresAt<K, V> implements Expiry<K, V> {

  private final Function<V, Instant> moment;
  private final Clock clock;

  ExpiresAt(Function<V, Instant> moment, Clock clock) {
    this.moment = moment;
    this.clock = clock;
  }

  @Override
  public long expireAfterCreate(K key, V value, long currentTime) {
    return Math.max(0, Duration.between(clock.instant(), moment.apply(value)).toNanos());
  }

  @Override
  public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
    return expireAfterCreate(key, value, currentTime);
  }

  @Override
  public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
    return currentDuration;
  }
}
