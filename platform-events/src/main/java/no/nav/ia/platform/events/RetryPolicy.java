package no.nav.ia.platform.events;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import no.nav.ia.platform.problem.Causes;

/**
 * How the consumer treats a failure to apply an event: the database away is retried later without
 * spending an attempt; two writers meeting (deadlock, serialization failure) is retried at once
 * after a growing pause, and deferred to the next poll if it persists; anything else is the event's
 * own and counts as an attempt, until the event is parked.
 */
final class RetryPolicy {

  /** What a failure says. */
  enum Failure {
    /** The database is unavailable: try the event again later, never park it for this. */
    TRANSIENT,
    /** Two writers met: try again after a pause. */
    CONTENTION,
    /** The event itself failed: an attempt spent. */
    PERMANENT
  }

  /** Tries of one event against contention before it waits for the next poll. */
  static final int CONTENTION_TRIES = 8;

  private RetryPolicy() {}

  static Failure classify(Throwable e) {
    if (isTransient(e)) {
      return Failure.TRANSIENT;
    }
    return isContention(e) ? Failure.CONTENTION : Failure.PERMANENT;
  }

  /** Deadlock (40P01) and serialization failure (40001): two writers met; trying again helps. */
  static boolean isContention(Throwable e) {
    return Causes.any(
        e,
        t ->
            t instanceof SQLException sql
                && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())));
  }

  /**
   * A lost or refused connection, no connection to be had from the pool, a lock not had within the
   * transaction's lock_timeout (55P03: a table held by maintenance, such as scorecard-service's
   * rebuild), the server short of something (class 53: connections, disk, memory) or shutting down
   * or starting (57P01-57P03). None of these is the event's fault: parking it would take a good
   * event out of the projection until someone replays it. A statement cancelled by its timeout
   * (57014) stays the event's own, so an event that can never be applied in time is parked.
   */
  static boolean isTransient(Throwable e) {
    return Causes.any(
        e,
        t ->
            t instanceof SQLException sql && isServerUnavailable(sql.getSQLState())
                || t instanceof java.net.ConnectException
                || t.getClass().getName().contains("AcquisitionTimeout")
                || t instanceof org.hibernate.exception.JDBCConnectionException);
  }

  private static boolean isServerUnavailable(String state) {
    return state != null
        && (state.startsWith("08")
            || state.startsWith("53")
            || "55P03".equals(state)
            || "57P01".equals(state)
            || "57P02".equals(state)
            || "57P03".equals(state));
  }

  /**
   * 50, 100, 200 ... ms, at most 2 s, with jitter so that two replicas do not meet again in step.
   */
  static long contentionBackoffMillis(int tries) {
    long base = Math.min(2000, 50L << Math.min(tries - 1, 6));
    return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
  }

  /** The root cause in one line of at most 1,000 characters: what a parked event's reason says. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    String reason = root.getClass().getSimpleName() + message;
    return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
  }
}
