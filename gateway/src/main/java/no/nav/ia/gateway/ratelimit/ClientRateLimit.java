package no.nav.ia.gateway.ratelimit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import no.nav.ia.gateway.config.GatewayConfig;

/** The gateway's rate limit per client, from configuration ({@code ia.gateway.rate-limit.*}). */
@ApplicationScoped
public class ClientRateLimit {

  private final RateLimiter limiter;
  private final boolean enabled;

  @jakarta.inject.Inject
  ClientRateLimit(GatewayConfig config) {
    this(
        RateLimiter.shareOf(
            config.rateLimit().perSecond(),
            config.rateLimit().burst(),
            config.rateLimit().replicas(),
            System::nanoTime),
        config.rateLimit().enabled());
  }

  ClientRateLimit(RateLimiter limiter, boolean enabled) {
    this.limiter = limiter;
    this.enabled = enabled;
  }

  /**
   * Zero if the client may go on with a request of {@code items} (1, or a batch's items), else how
   * long it should wait.
   */
  public Duration acquire(String client, int items) {
    return enabled ? limiter.acquire(client, items) : Duration.ZERO;
  }

  /**
   * Settles a request charged {@code items} once answered {@code status} (by the service, or by the
   * gateway's own checks after the charge): a batch or group refused as a whole (a 4xx: too many
   * items, not JSON, a field missing) did no item's work, so it costs one request, not its items.
   * One mistake in a client's batch of a thousand would otherwise keep it out for minutes. Items
   * the service took one by one answer 2xx (their results per item) and stay charged.
   */
  public void settle(String client, int items, int status) {
    if (enabled && items > 1 && status >= 400 && status < 500) {
      limiter.refund(client, items - 1);
    }
  }

  /**
   * The most items a batch is charged: the services take at most 1,000, so a larger body is refused
   * there.
   */
  static final int MAX_CHARGED_ITEMS = 1000;

  /**
   * What a request to {@code path} is charged (API.md: the rate limit counts items): a batch's
   * items, a group's enterprises, else 1.
   */
  public static int charge(String path, byte[] body) {
    if (path.endsWith("deliveries/batch")) {
      return items(body);
    }
    if (path.endsWith("deliveries/group")) {
      return groupItems(body);
    }
    return 1;
  }

  /**
   * The items of a batch body (a JSON array's elements), at most {@link #MAX_CHARGED_ITEMS}; 1 for
   * anything else, which the service refuses.
   */
  public static int items(byte[] body) {
    if (body == null || body.length == 0) {
      return 1;
    }
    try (JsonParser parser = JSON.createParser(body)) {
      return parser.nextToken() == JsonToken.START_ARRAY ? elements(parser) : 1;
    } catch (IOException | RuntimeException notAnArray) {
      return 1;
    }
  }

  /**
   * The enterprises a group body names (its {@code orgNumbers} array's elements), at most {@link
   * #MAX_CHARGED_ITEMS}; 1 for anything else, which the service refuses.
   */
  public static int groupItems(byte[] body) {
    if (body == null || body.length == 0) {
      return 1;
    }
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return 1;
      }
      // Every top-level orgNumbers counts: a body naming the field twice is charged for both,
      // whichever of them the service's JSON reader keeps.
      int items = 0;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("orgNumbers") && value == JsonToken.START_ARRAY) {
          items += elements(parser);
        } else {
          parser.skipChildren();
        }
      }
      return Math.max(1, Math.min(items, MAX_CHARGED_ITEMS));
    } catch (IOException | RuntimeException malformed) {
      return 1;
    }
  }

  private static final JsonFactory JSON = new JsonFactory();

  /** The elements of the array the parser has just entered, at most MAX_CHARGED_ITEMS. */
  private static int elements(JsonParser parser) throws IOException {
    int items = 0;
    while (items < MAX_CHARGED_ITEMS && parser.nextToken() != JsonToken.END_ARRAY) {
      parser.skipChildren();
      items++;
    }
    return Math.max(1, items);
  }

  @Scheduled(every = "5m")
  void evict() {
    limiter.evictIdle(Duration.ofMinutes(10));
  }
}
