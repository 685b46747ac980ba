package no.nav.ia.gateway.ratelimit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import no.nav.ia.gateway.config.GatewayConfig;

/** The gateway's rate limit per client, from configuration ({@code ia.gateway.rate-limit.*}). */
@ApplicationScoped
public class ClientRateLimit {

  private final RateLimiter limiter;
  private final boolean enabled;

  ClientRateLimit(GatewayConfig config) {
    this.enabled = config.rateLimit().enabled();
    this.limiter =
        RateLimiter.shareOf(
            config.rateLimit().perSecond(),
            config.rateLimit().burst(),
            config.rateLimit().replicas(),
            System::nanoTime);
  }

  /**
   * Zero if the client may go on with a request of {@code items} (1, or a batch's items), else how
   * long it should wait.
   */
  public Duration acquire(String client, int items) {
    return enabled ? limiter.acquire(client, items) : Duration.ZERO;
  }

  /**
   * The most items a batch is charged: the services take at most 1,000, so a larger body is refused
   * there.
   */
  static final int MAX_CHARGED_ITEMS = 1000;

  /**
   * The items of a batch body (a JSON array's elements), at most {@link #MAX_CHARGED_ITEMS}; 1 for
   * anything else, which the service refuses.
   */
  public static int items(byte[] body) {
    if (body == null || body.length == 0) {
      return 1;
    }
    try (com.fasterxml.jackson.core.JsonParser parser =
        new com.fasterxml.jackson.core.JsonFactory().createParser(body)) {
      if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        return 1;
      }
      int items = 0;
      while (items < MAX_CHARGED_ITEMS
          && parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
        parser.skipChildren();
        items++;
      }
      return Math.max(1, items);
    } catch (java.io.IOException | RuntimeException notAnArray) {
      return 1;
    }
  }

  @Scheduled(every = "5m")
  void evict() {
    limiter.evictIdle(Duration.ofMinutes(10));
  }
}
