package no.nav.ia.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client (token subject or client id): {@code burst} requests at once, refilled
 * at {@code perSecond}. One runaway integration runs dry on its own bucket and cannot starve
 * advisers.
 */
public final class RateLimiter {

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long updatedNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedNanos = now;
    }
  }

  public RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoClock = nanoClock;
  }

  /**
   * One gateway instance's share of a client's limit when {@code replicas} instances share the
   * clients (each request reaches one of them): the rate and burst divided among them, so a client
   * gets the configured total whichever instances its requests reach.
   */
  public static RateLimiter shareOf(
      double perSecond, int burst, int replicas, LongSupplier nanoClock) {
    int instances = Math.max(1, replicas);
    return new RateLimiter(
        perSecond / instances, Math.max(1, (int) Math.ceil((double) burst / instances)), nanoClock);
  }

  /** Takes one request from the client's bucket: zero if allowed, else how long to wait. */
  public Duration acquire(String client) {
    return acquire(client, 1);
  }

  /**
   * Takes {@code items} (a batch counts its items) from the client's bucket: allowed when the
   * bucket holds a whole token, and then it may go into debt, so a batch larger than the burst
   * still passes and the client waits afterwards until it has paid; zero if allowed, else how long
   * to wait.
   */
  public Duration acquire(String client, int items) {
    long now = nanoClock.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens =
          Math.min(burst, bucket.tokens + (now - bucket.updatedNanos) / 1e9 * perSecond);
      bucket.updatedNanos = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= Math.max(1, items);
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / perSecond * 1e9));
    }
  }

  /**
   * Gives {@code items} back to the client's bucket (never above its burst): what a request was
   * charged for work the service then did not do.
   */
  public void refund(String client, int items) {
    Bucket bucket = buckets.get(client);
    if (bucket == null || items <= 0) {
      return;
    }
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + items);
    }
  }

  /**
   * Forgets clients whose bucket has been full for a while, so memory does not grow with clients.
   */
  public void evictIdle(Duration idle) {
    long now = nanoClock.getAsLong();
    buckets.entrySet().removeIf(e -> now - e.getValue().updatedNanos > idle.toNanos());
  }

  int clients() {
    return buckets.size();
  }
}
