package no.nav.ia.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The open loop's schedule and accounting, on simulated time: requests go out at their due times
 * whatever the answers do, and every latency runs from the due time, so a stall is paid by every
 * request that was due during it (no coordinated omission).
 */
class OpenLoopTest {

  private static final long MS = 1_000_000;
  private static final long S = 1_000 * MS;

  private final SimulatedClock clock = new SimulatedClock();
  private final List<Long> sentAt = new ArrayList<>();

  /** Answers {@code status} when the clock reaches {@code at}. */
  private CompletableFuture<Integer> answer(long at, int status) {
    CompletableFuture<Integer> answer = new CompletableFuture<>();
    clock.at(at, () -> answer.complete(status));
    return answer;
  }

  /** A server that answers in 1 ms, except that nothing is answered from 2 s to 3 s. */
  private CompletableFuture<Integer> stallingServer(long n) {
    long now = clock.nanoTime();
    sentAt.add(now);
    boolean stalled = now >= 2 * S && now < 3 * S;
    return answer((stalled ? 3 * S : now) + MS, 201);
  }

  @Test
  void aStallIsPaidByEveryRequestDueDuringItAndTheScheduleKeepsGoing() throws Exception {
    OpenLoop.Result result = new OpenLoop(clock, this::stallingServer, 10_000).run(100, 10, 30 * S);

    assertThat(result.requests()).isEqualTo(1000);
    assertThat(result.ok()).isEqualTo(1000);
    // Every request went out on time, every 10 ms, the stall notwithstanding (a closed loop would
    // have sent nothing while it waited).
    for (int i = 0; i < 1000; i++) {
      assertThat(sentAt.get(i)).isEqualTo(i * 10 * MS);
    }
    // The 100 requests due in the stall waited 11 ms to 1001 ms; the other 900 took 1 ms.
    assertThat(result.latencies()[200]).isEqualTo(1001 * MS);
    assertThat(result.latencies()[299]).isEqualTo(11 * MS);
    assertThat(Stats.percentile(result.latencies(), 50)).isEqualTo(MS);
    assertThat(Stats.percentile(result.latencies(), 99)).isEqualTo(901 * MS);
    assertThat(result.outstandingLimitHits()).isZero();
    // The stall's 100, and request 300 sent at 3.000 s, a millisecond before their answers.
    assertThat(result.maxOutstanding()).isEqualTo(101);
  }

  @Test
  void requestsSentLateBecauseTheSenderBlockedAreTimedFromWhenTheyWereDue() throws Exception {
    OpenLoop.Sender blocksOnce =
        n -> {
          if (n == 100) {
            clock.sleepUntil(clock.nanoTime() + 500 * MS);
          }
          return answer(clock.nanoTime() + MS, 201);
        };

    OpenLoop.Result result = new OpenLoop(clock, blocksOnce, 10_000).run(100, 10, 30 * S);

    // Request 100 was due at 1.00 s and returned from send at 1.50 s; 101..149, due at 1.01 to
    // 1.49 s, went out at 1.50 s: each counts its wait.
    assertThat(result.latencies()[100]).isEqualTo(501 * MS);
    assertThat(result.latencies()[101]).isEqualTo(491 * MS);
    assertThat(result.latencies()[120]).isEqualTo(301 * MS);
    assertThat(result.latencies()[149]).isEqualTo(11 * MS);
    assertThat(result.latencies()[150]).isEqualTo(MS);
    assertThat(result.maxSendLagNanos()).isEqualTo(490 * MS);
    assertThat(result.requests()).isEqualTo(1000);
  }

  @Test
  void aRequestThatWaitedForASlotCountsItsWaitAndTheLimitIsCounted() throws Exception {
    OpenLoop.Result result = new OpenLoop(clock, this::stallingServer, 10).run(100, 10, 30 * S);

    // 200..209 took the ten slots at 2.00-2.09 s; 210, due at 2.10 s, waited for the stall's end
    // (3.001 s) before it could go.
    assertThat(result.outstandingLimitHits()).isPositive();
    assertThat(result.maxOutstanding()).isEqualTo(10);
    assertThat(result.latencies()[210]).isGreaterThanOrEqualTo(901 * MS);
    assertThat(result.latencies()[299]).isGreaterThan(MS);
    assertThat(result.ok()).isEqualTo(1000);
    assertThat(Stats.percentile(result.latencies(), 99)).isGreaterThanOrEqualTo(800 * MS);
  }

  @Test
  void theAchievedRateIsAnswersPerSecondUntilTheLastAnswer() throws Exception {
    // One worker, 20 ms a request: 50 a second, half the rate asked; the backlog drains until 20 s.
    long[] busyUntil = {0};
    OpenLoop.Sender slowServer =
        n -> {
          busyUntil[0] = Math.max(clock.nanoTime(), busyUntil[0]) + 20 * MS;
          return answer(busyUntil[0], 201);
        };

    OpenLoop.Result result = new OpenLoop(clock, slowServer, 10_000).run(100, 10, 30 * S);

    assertThat(result.rateAsked()).isEqualTo(100);
    assertThat(result.requests()).isEqualTo(1000);
    assertThat(result.seconds()).isCloseTo(20.0, within(1e-9));
    assertThat(result.rateAchieved()).isCloseTo(50.0, within(1e-9));
    // The last request, due at 9.99 s, was answered at 20 s.
    assertThat(result.latencies()[999]).isEqualTo(20 * S - 9990 * MS);
  }

  @Test
  void aServerThatKeepsUpAchievesTheRateAsked() throws Exception {
    OpenLoop.Result result =
        new OpenLoop(clock, n -> answer(clock.nanoTime() + 5 * MS, 201), 10_000)
            .run(100, 10, 30 * S);

    assertThat(result.seconds()).isCloseTo(10.0, within(1e-9));
    assertThat(result.rateAchieved()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void refusalsErrorsAndRequestsNeverAnsweredAreFailuresAndOnlyAnswers2xxCount() throws Exception {
    OpenLoop.Sender mixed =
        n -> {
          if (n == 3) {
            throw new IllegalStateException("refused at once");
          }
          if (n == 4) {
            return CompletableFuture.failedFuture(new IOException("connection reset"));
          }
          if (n == 7) {
            return new CompletableFuture<>();
          }
          return answer(clock.nanoTime() + MS, n % 5 == 0 ? 429 : n == 9 ? 500 : 201);
        };

    OpenLoop.Result result = new OpenLoop(clock, mixed, 100).run(10, 1, 2 * S);

    assertThat(result.requests()).isEqualTo(10);
    assertThat(result.ok()).isEqualTo(4); // 1, 2, 6, 8
    assertThat(result.failed()).isEqualTo(6); // 0, 5 (429), 3, 4 (no answer), 7 (never), 9 (500)
    assertThat(result.rateLimited()).isEqualTo(2);
    assertThat(result.unanswered()).isEqualTo(1);
    // The one never answered is timed to the end of the drain: last send at 0.9 s, plus 2 s.
    assertThat(result.latencies()[7]).isEqualTo(2900 * MS - 700 * MS);
    assertThat(result.seconds()).isCloseTo(2.9, within(1e-9));
    assertThat(result.rateAchieved()).isCloseTo(4 / 2.9, within(1e-9));
  }
}
