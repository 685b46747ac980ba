package no.nav.ia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJaOTkwMDAxIn0.c2lnbmF0dXJl";

  /** A clock the test moves; Caffeine's ticker reads the same time. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2025-03-01T08:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    long nanos() {
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
  }

  final TestClock clock = new TestClock();

  VerifiedTokens cache(int size) {
    return new VerifiedTokens(size, clock, clock::nanos);
  }

  static SecurityIdentity identity(String name) {
    return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).build();
  }

  @Test
  void aTokenIsHandedOutUntilItsExpiryAndNotAtIt() {
    VerifiedTokens cache = cache(10);
    SecurityIdentity adviser = identity("Z990001");
    Instant exp = clock.now.plus(Duration.ofMinutes(60));
    cache.put("Default", TOKEN, adviser, exp);

    clock.now = exp.minusSeconds(1);
    assertThat(cache.get("Default", TOKEN)).containsSame(adviser);
    clock.now = exp;
    assertThat(cache.get("Default", TOKEN)).isEmpty();
  }

  @Test
  void anExpiredEntryIsEvictedWithoutBeingRead() {
    VerifiedTokens cache = cache(10);
    cache.put("Default", TOKEN, identity("Z990001"), clock.now.plusSeconds(60));
    assertThat(cache.size()).isEqualTo(1);
    clock.now = clock.now.plusSeconds(60);
    assertThat(cache.size()).isZero();
  }

  @Test
  void aTokenAlreadyExpiredIsNotKept() {
    VerifiedTokens cache = cache(10);
    cache.put("Default", TOKEN, identity("Z990001"), clock.now);
    assertThat(cache.get("Default", TOKEN)).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void theKeyIsTheWholeTokenSignatureIncluded() {
    VerifiedTokens cache = cache(10);
    cache.put("Default", TOKEN, identity("Z990001"), clock.now.plusSeconds(600));
    String otherSignature = TOKEN.substring(0, TOKEN.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
    assertThat(cache.get("Default", otherSignature)).isEmpty();
    assertThat(cache.get("Default", TOKEN.substring(0, TOKEN.length() - 1))).isEmpty();
    assertThat(cache.get("Default", TOKEN + "x")).isEmpty();
    assertThat(cache.get("Default", new String(TOKEN))).isPresent();
  }

  @Test
  void aTokenVerifiedByOneTenantIsNotAnsweredForAnother() {
    VerifiedTokens cache = cache(10);
    cache.put("Default", TOKEN, identity("Z990001"), clock.now.plusSeconds(600));
    assertThat(cache.get("machines", TOKEN)).isEmpty();
    assertThat(cache.get("Default", TOKEN)).isPresent();
  }

  @Test
  void theCacheHoldsNoMoreThanItsSize() {
    VerifiedTokens cache = cache(3);
    for (int i = 0; i < 50; i++) {
      cache.put("Default", TOKEN + i, identity("Z" + i), clock.now.plusSeconds(600));
    }
    assertThat(cache.size()).isEqualTo(3);
  }
}
