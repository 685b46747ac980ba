package no.nav.ia.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  final AtomicLong now = new AtomicLong();
  final RateLimiter limiter = new RateLimiter(2, 3, now::get);

  @Test
  void aClientMaySendItsBurstAndIsThenToldHowLongToWait() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("arena")).isZero();
    }
    assertThat(limiter.acquire("arena")).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aBatchCountsItsItemsAndABatchLargerThanTheBurstPassesThenTheClientWaitsItOff() {
    // 3 at once, 2 a second: a batch of 7 passes on a full bucket and leaves a debt of 4.
    assertThat(limiter.acquire("arena", 7)).isZero();
    assertThat(limiter.acquire("arena")).isEqualTo(Duration.ofMillis(2500));
    now.addAndGet(Duration.ofMillis(2500).toNanos());
    assertThat(limiter.acquire("arena")).isZero();
    assertThat(limiter.acquire("other", 2)).isZero();
    assertThat(limiter.acquire("other", 1)).isZero();
    assertThat(limiter.acquire("other", 1)).isPositive();
  }

  @Test
  void aBatchBodyIsCountedByItsItems() {
    assertThat(ClientRateLimit.items("[{\"a\":[1,2]},{\"b\":{}},3]".getBytes())).isEqualTo(3);
    assertThat(ClientRateLimit.items("[]".getBytes())).isEqualTo(1);
    assertThat(ClientRateLimit.items("{\"orgNumber\":\"1\"}".getBytes())).isEqualTo(1);
    assertThat(ClientRateLimit.items("[{\"broken\"".getBytes())).isEqualTo(1);
    assertThat(ClientRateLimit.items(null)).isEqualTo(1);
    String huge = "[" + "0,".repeat(5000) + "0]";
    assertThat(ClientRateLimit.items(huge.getBytes()))
        .as("never more than a batch may hold")
        .isEqualTo(1000);
  }

  @Test
  void aGroupIsCountedByItsEnterprisesAndOtherCallsAsOne() {
    String group = "{\"service\":\"SICK_LEAVE\",\"orgNumbers\":[\"1\",\"2\",\"3\"],\"note\":{}}";
    assertThat(ClientRateLimit.charge("deliveries/group", group.getBytes())).isEqualTo(3);
    assertThat(ClientRateLimit.charge("deliveries/batch", "[1,2]".getBytes())).isEqualTo(2);
    assertThat(ClientRateLimit.charge("deliveries", "[1,2]".getBytes())).isEqualTo(1);
    assertThat(ClientRateLimit.charge("deliveries/group", "{\"orgNumbers\":\"x\"}".getBytes()))
        .isEqualTo(1);
    assertThat(ClientRateLimit.charge("deliveries/group", "[1,2,3]".getBytes())).isEqualTo(1);
    assertThat(ClientRateLimit.charge("deliveries/group", "{\"orgNumbers\":[".getBytes()))
        .isEqualTo(1);
    assertThat(
            ClientRateLimit.charge(
                "deliveries/group", "{\"orgNumbers\":[\"1\"],\"orgNumbers\":[1,2,3,4]}".getBytes()))
        .as("a field named twice is charged for both")
        .isEqualTo(5);
    String huge = "{\"orgNumbers\":[" + "0,".repeat(5000) + "0]}";
    assertThat(ClientRateLimit.charge("deliveries/group", huge.getBytes())).isEqualTo(1000);
  }

  @Test
  void aBulkRequestTheServiceRefusedAsAWholeCostsOneRequest() {
    ClientRateLimit rates = new ClientRateLimit(limiter, true);
    // A batch of 1,000 refused (400: more than a batch may hold): one request, as any refusal.
    assertThat(rates.acquire("arena", 1000)).isZero();
    rates.settle("arena", 1000, 400);
    assertThat(rates.acquire("arena", 1)).isZero();
    assertThat(rates.acquire("arena", 1)).isZero();
    assertThat(rates.acquire("arena", 1)).as("the burst of 3 is spent").isPositive();
    // Taken item by item (2xx, results per item): every item stays charged.
    assertThat(rates.acquire("other", 7)).isZero();
    rates.settle("other", 7, 200);
    assertThat(rates.acquire("other", 1)).isEqualTo(Duration.ofMillis(2500));
    // Nor does a service that failed refund anything: the client should slow down.
    assertThat(rates.acquire("third", 7)).isZero();
    rates.settle("third", 7, 503);
    assertThat(rates.acquire("third", 1)).isPositive();
    // A client never charged has nothing to get back: its bucket starts full, as any new one.
    rates.settle("fourth", 1000, 400);
    for (int i = 0; i < 3; i++) {
      assertThat(rates.acquire("fourth", 1)).isZero();
    }
    assertThat(rates.acquire("fourth", 1)).isPositive();
    // A refund never fills a bucket above its burst.
    limiter.refund("arena", 1000);
    for (int i = 0; i < 3; i++) {
      assertThat(rates.acquire("arena", 1)).isZero();
    }
    assertThat(rates.acquire("arena", 1)).isPositive();
  }

  @Test
  void theBucketRefillsAtTheSustainedRate() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("arena");
    }
    now.addAndGet(Duration.ofMillis(500).toNanos());
    assertThat(limiter.acquire("arena")).isZero();
    assertThat(limiter.acquire("arena")).isPositive();
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("arena")).isZero();
    }
  }

  @Test
  void oneRunawayClientDoesNotStarveAnother() {
    for (int i = 0; i < 100; i++) {
      limiter.acquire("runaway");
    }
    assertThat(limiter.acquire("Z990001")).isZero();
  }

  @Test
  void idleClientsAreForgotten() {
    limiter.acquire("a");
    now.addAndGet(Duration.ofMinutes(11).toNanos());
    limiter.acquire("b");
    limiter.evictIdle(Duration.ofMinutes(10));
    assertThat(limiter.clients()).isEqualTo(1);
  }

  @Test
  void twoGatewayInstancesEachKeepHalfSoAClientGetsTheConfiguredLimitAcrossBoth() {
    RateLimiter first = RateLimiter.shareOf(2, 3, 2, now::get);
    RateLimiter second = RateLimiter.shareOf(2, 3, 2, now::get);
    int passed = 0;
    for (int i = 0; i < 10; i++) {
      passed += first.acquire("arena").isZero() ? 1 : 0;
      passed += second.acquire("arena").isZero() ? 1 : 0;
    }
    // A burst of 3 split in two: 2 each (rounded up), and 1 a second each, 2 a second together.
    assertThat(passed).isEqualTo(4);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(first.acquire("arena")).isZero();
    assertThat(second.acquire("arena")).isZero();
    assertThat(first.acquire("arena")).isPositive();
  }
}
