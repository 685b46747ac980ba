package no.nav.ia.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests at a fixed arrival rate, whatever the answers do (an open loop), with each request's
 * latency counted from the moment it was due to be sent, not from when it went out. A closed loop
 * (wrk's 32 connections) sends nothing while its connections wait, so a stall delays the requests
 * it never sent and their waiting is not measured (coordinated omission); here request {@code i} is
 * due at {@code start + i / rate}, one scheduler thread sends it then (or as soon as it can after,
 * catching up without skipping), and its latency runs from the due time to the answer.
 *
 * <p>Outstanding requests are bounded (sockets are not free); when the bound is reached the
 * scheduler waits for a slot and counts it. That waiting hides nothing: the requests sent late are
 * still timed from their due times.
 */
final class OpenLoop {

  /** Sends request {@code n}; the future answers its HTTP status or fails when none came. */
  interface Sender {
    CompletableFuture<Integer> send(long n);
  }

  /** Time as the scheduler sees it: the real clock, or a simulated one in tests. */
  interface Clock {
    long nanoTime();

    /** Returns at or after {@code deadline} (in {@link #nanoTime()} terms). */
    void sleepUntil(long deadline) throws InterruptedException;

    Clock SYSTEM =
        new Clock() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleepUntil(long deadline) throws InterruptedException {
            for (long left = deadline - System.nanoTime();
                left > 0;
                left = deadline - System.nanoTime()) {
              LockSupport.parkNanos(left);
              if (Thread.interrupted()) {
                throw new InterruptedException();
              }
            }
          }
        };
  }

  /**
   * What a run measured. {@code latencies} holds one value per request in nanoseconds from its due
   * time to its answer (or to the failure, or to the end of the drain for one never answered).
   * {@code seconds} runs from the first due time to the later of the scheduled end and the last
   * answer, so a platform that falls behind shows a lower achieved rate.
   */
  record Result(
      double rateAsked,
      long requests,
      long ok,
      long failed,
      long rateLimited,
      long unanswered,
      long outstandingLimitHits,
      long maxOutstanding,
      long maxSendLagNanos,
      double seconds,
      long[] latencies) {

    /** Requests answered 2xx per second over the run. */
    double rateAchieved() {
      return seconds > 0 ? ok / seconds : 0;
    }
  }

  /** How often the scheduler looks for a free slot or for the last answers while it waits. */
  static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

  private final Clock clock;
  private final Sender sender;
  private final int outstandingLimit;

  OpenLoop(Clock clock, Sender sender, int outstandingLimit) {
    this.clock = clock;
    this.sender = sender;
    this.outstandingLimit = outstandingLimit;
  }

  /**
   * Sends {@code rate × seconds} requests at fixed intervals from this thread, then waits up to
   * {@code drainNanos} after the last send for the answers still out.
   */
  Result run(double rate, double seconds, long drainNanos) throws InterruptedException {
    int count = (int) Math.max(1, Math.round(rate * seconds));
    double interval = 1e9 / rate;
    Tally tally = new Tally(count);
    Semaphore slots = new Semaphore(outstandingLimit);
    long limitHits = 0;
    long maxOutstanding = 0;
    long maxSendLag = 0;
    long start = clock.nanoTime();
    long[] due = new long[count];
    for (int i = 0; i < count; i++) {
      due[i] = start + (long) (i * interval);
      clock.sleepUntil(due[i]);
      if (!slots.tryAcquire()) {
        limitHits++;
        while (!slots.tryAcquire()) {
          clock.sleepUntil(clock.nanoTime() + POLL_NANOS);
        }
      }
      maxOutstanding = Math.max(maxOutstanding, outstandingLimit - slots.availablePermits());
      maxSendLag = Math.max(maxSendLag, clock.nanoTime() - due[i]);
      int n = i;
      CompletableFuture<Integer> answer;
      try {
        answer = sender.send(n);
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      answer.whenComplete(
          (status, error) -> {
            tally.answered(n, due[n], clock.nanoTime(), error == null ? status : -1);
            slots.release();
          });
    }
    long drainEnd = clock.nanoTime() + drainNanos;
    while (slots.availablePermits() < outstandingLimit && clock.nanoTime() < drainEnd) {
      clock.sleepUntil(Math.min(drainEnd, clock.nanoTime() + POLL_NANOS));
    }
    return tally.close(
        clock.nanoTime(),
        due,
        start + (long) (seconds * 1e9),
        rate,
        limitHits,
        maxOutstanding,
        maxSendLag);
  }

  /**
   * The answers as they come (on the HTTP client's threads), and the ones that never came once the
   * drain is over; one lock, so that an answer racing the end is counted once, either way.
   */
  private static final class Tally {
    private final long[] latencies;
    private long ok;
    private long failed;
    private long rateLimited;
    private long lastAnswer = Long.MIN_VALUE;
    private boolean closed;

    Tally(int count) {
      latencies = new long[count];
      java.util.Arrays.fill(latencies, -1);
    }

    /** Status -1: no answer (timeout, connection refused or reset). */
    synchronized void answered(int n, long due, long now, int status) {
      if (closed) {
        return;
      }
      latencies[n] = now - due;
      lastAnswer = Math.max(lastAnswer, now);
      if (status >= 200 && status < 300) {
        ok++;
      } else {
        failed++;
        rateLimited += status == 429 ? 1 : 0;
      }
    }

    synchronized Result close(
        long cutoff,
        long[] due,
        long scheduledEnd,
        double rate,
        long limitHits,
        long maxOutstanding,
        long maxSendLag) {
      closed = true;
      long unanswered = 0;
      for (int i = 0; i < latencies.length; i++) {
        if (latencies[i] < 0) {
          latencies[i] = cutoff - due[i];
          unanswered++;
        }
      }
      long start = due.length > 0 ? due[0] : scheduledEnd;
      long end = Math.max(scheduledEnd, unanswered > 0 ? cutoff : lastAnswer);
      return new Result(
          rate,
          latencies.length,
          ok,
          failed + unanswered,
          rateLimited,
          unanswered,
          limitHits,
          maxOutstanding,
          maxSendLag,
          (end - start) / 1e9,
          latencies.clone());
    }
  }
}
