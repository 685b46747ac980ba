package no.nav.ia.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One event's tries: what the consumer does with each kind of failure, without a database. */
class AttemptsTest {

  final List<Long> pauses = new ArrayList<>();
  final AtomicInteger retried = new AtomicInteger();
  final AtomicInteger deferred = new AtomicInteger();
  final AtomicInteger unavailable = new AtomicInteger();
  final Attempts.Listener listener =
      new Attempts.Listener() {
        @Override
        public void contentionRetried() {
          retried.incrementAndGet();
        }

        @Override
        public void contentionDeferred(Exception last) {
          deferred.incrementAndGet();
        }

        @Override
        public void unavailable(Exception e) {
          unavailable.incrementAndGet();
        }
      };

  /** Fails with each of {@code failures} in turn, then succeeds. */
  static Runnable failing(AtomicInteger calls, RuntimeException... failures) {
    return () -> {
      int call = calls.getAndIncrement();
      if (call < failures.length) {
        throw failures[call];
      }
    };
  }

  static RuntimeException sql(String state) {
    return new RuntimeException(new SQLException("from the database", state));
  }

  @Test
  void anEventThatFailsOnItsOwnIsParkedAfterItsAttemptsWithTheLastReason() {
    AtomicInteger calls = new AtomicInteger();
    Attempts.Outcome outcome =
        Attempts.run(
            failing(
                calls,
                new IllegalArgumentException("first"),
                new IllegalArgumentException("second"),
                new IllegalArgumentException("third")),
            3,
            pauses::add,
            listener);
    assertThat(outcome.kind()).isEqualTo(Attempts.Outcome.Kind.PARK);
    assertThat(outcome.reason()).isEqualTo("IllegalArgumentException: third");
    assertThat(calls).hasValue(3);
    assertThat(pauses).isEmpty();
  }

  @Test
  void aFailureThatPassesIsApplied() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(
            Attempts.run(
                failing(calls, new IllegalStateException("once")), 3, pauses::add, listener))
        .isEqualTo(Attempts.Outcome.APPLIED);
    assertThat(calls).hasValue(2);
  }

  @Test
  void theDatabaseAwayIsTriedAgainLaterAndNeverParked() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(Attempts.run(failing(calls, sql("08006")), 3, pauses::add, listener))
        .isEqualTo(Attempts.Outcome.RETRY_LATER);
    assertThat(calls).hasValue(1);
    assertThat(unavailable).hasValue(1);
  }

  @Test
  void contentionIsRetriedAfterAPauseWithoutSpendingAnAttempt() {
    AtomicInteger calls = new AtomicInteger();
    Attempts.Outcome outcome =
        Attempts.run(
            failing(
                calls, sql("40P01"), sql("40001"), sql("40P01"), new IllegalStateException("own")),
            2,
            pauses::add,
            listener);
    // Three contentions retried, then one failure of its own: one attempt of two spent, the next
    // applies.
    assertThat(outcome).isEqualTo(Attempts.Outcome.APPLIED);
    assertThat(retried).hasValue(3);
    assertThat(pauses).hasSize(3).allSatisfy(p -> assertThat(p).isBetween(25L, 2000L));
  }

  @Test
  void contentionThatPersistsWaitsForTheNextPollInsteadOfParking() {
    RuntimeException[] always = new RuntimeException[RetryPolicy.CONTENTION_TRIES + 1];
    java.util.Arrays.fill(always, sql("40001"));
    Attempts.Outcome outcome =
        Attempts.run(failing(new AtomicInteger(), always), 3, pauses::add, listener);
    assertThat(outcome).isEqualTo(Attempts.Outcome.RETRY_LATER);
    assertThat(deferred).hasValue(1);
    assertThat(retried).hasValue(RetryPolicy.CONTENTION_TRIES);
  }
}
