package no.nav.ia.platform.events;

import java.util.function.LongConsumer;

/**
 * One event's tries on its own, by the {@link RetryPolicy}: applied; to be tried again at the next
 * poll (the database away, or contention that did not pass); or to be parked with the reason of its
 * last failure once it has failed {@code maxAttempts} times for reasons of its own.
 */
final class Attempts {

  /** What became of the event. */
  record Outcome(Kind kind, String reason) {
    enum Kind {
      APPLIED,
      RETRY_LATER,
      PARK
    }

    static final Outcome APPLIED = new Outcome(Kind.APPLIED, null);
    static final Outcome RETRY_LATER = new Outcome(Kind.RETRY_LATER, null);
  }

  /** What the tries report as they go: contention retried at once, or deferred to the next poll. */
  interface Listener {
    void contentionRetried();

    void contentionDeferred(Exception last);

    void unavailable(Exception e);
  }

  private Attempts() {}

  static Outcome run(Runnable apply, int maxAttempts, LongConsumer sleep, Listener listener) {
    Exception last = null;
    int contended = 0;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        apply.run();
        return Outcome.APPLIED;
      } catch (Exception e) {
        switch (RetryPolicy.classify(e)) {
          case TRANSIENT -> {
            listener.unavailable(e);
            return Outcome.RETRY_LATER;
          }
          case CONTENTION -> {
            // Says nothing about the event: pause and try again without spending an attempt; if it
            // persists, leave the event for the next poll instead of parking it.
            if (++contended > RetryPolicy.CONTENTION_TRIES) {
              listener.contentionDeferred(e);
              return Outcome.RETRY_LATER;
            }
            listener.contentionRetried();
            sleep.accept(RetryPolicy.contentionBackoffMillis(contended));
            attempt--;
          }
          case PERMANENT -> last = e;
        }
      }
    }
    return new Outcome(Outcome.Kind.PARK, RetryPolicy.describe(last));
  }
}
