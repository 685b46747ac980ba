package no.nav.ia.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * How the consumer tells failures apart: retry later, retry now with a pause, or count as the
 * event's own.
 */
class RetryPolicyTest {

  private static Throwable wrapped(SQLException cause) {
    return new RuntimeException("commit failed", new IllegalStateException("flush", cause));
  }

  @Test
  void deadlocksAndSerializationFailuresAreContentionNotTheEventsFault() {
    assertThat(RetryPolicy.isContention(wrapped(new SQLException("deadlock detected", "40P01"))))
        .isTrue();
    assertThat(
            RetryPolicy.isContention(
                wrapped(new SQLException("could not serialize access", "40001"))))
        .isTrue();
    assertThat(RetryPolicy.isContention(wrapped(new SQLException("null value in column", "23502"))))
        .isFalse();
    assertThat(RetryPolicy.isContention(new IllegalArgumentException("no delivery in payload")))
        .isFalse();
  }

  @Test
  void aLostConnectionIsTransientAndIsNotContention() {
    Throwable lost = wrapped(new SQLException("connection refused", "08001"));
    assertThat(RetryPolicy.isTransient(lost)).isTrue();
    assertThat(RetryPolicy.isContention(lost)).isFalse();
  }

  @Test
  void aServerShortOfConnectionsOrShuttingDownIsTransientNotTheEventsFault() {
    for (String state : new String[] {"53300", "53100", "57P01", "57P02", "57P03"}) {
      assertThat(RetryPolicy.classify(wrapped(new SQLException("server", state))))
          .as(state)
          .isEqualTo(RetryPolicy.Failure.TRANSIENT);
    }
    assertThat(
            RetryPolicy.classify(
                wrapped(new SQLException("canceling statement due to statement timeout", "57014"))))
        .isEqualTo(RetryPolicy.Failure.PERMANENT);
  }

  @Test
  void aLockNotHadInTimeIsTriedAgainLaterNeverSpendingAnAttempt() {
    Throwable locked =
        wrapped(new SQLException("canceling statement due to lock timeout", "55P03"));
    assertThat(RetryPolicy.classify(locked)).isEqualTo(RetryPolicy.Failure.TRANSIENT);
  }

  @Test
  void theContentionPauseGrowsAndStaysWithinTwoSeconds() {
    for (int tries = 1; tries <= RetryPolicy.CONTENTION_TRIES + 5; tries++) {
      long expectedMax = Math.min(2000, 50L << Math.min(tries - 1, 6));
      assertThat(RetryPolicy.contentionBackoffMillis(tries))
          .isBetween(expectedMax / 2, expectedMax);
    }
  }
}
