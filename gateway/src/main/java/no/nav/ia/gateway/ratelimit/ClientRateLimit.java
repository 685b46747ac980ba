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
    this.limiter = new RateLimiter(config.rateLimit().perSecond(), config.rateLimit().burst(), System::nanoTime);
  }

  /** Zero if the client may go on, else how long it should wait. */
  public Duration acquire(String client) {
    return enabled ? limiter.acquire(client) : Duration.ZERO;
  }

  @Scheduled(every = "5m")
  void evict() {
    limiter.evictIdle(Duration.ofMinutes(10));
  }
}
