package no.nav.ia.agreement.rest;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.nav.ia.test.Infra;

/**
 * Requests that meet at one row: another transaction holds it ({@code select ... for update}) until
 * every request waits for it, so they all read before any of them writes.
 */
final class HeldRow {

  private HeldRow() {}

  /** The requests' answers once the hold is let go without a change. */
  static List<Integer> answers(DataSource db, String hold, List<Callable<Integer>> requests)
      throws Exception {
    return answers(db, hold, null, requests);
  }

  /**
   * The requests' answers once the holder has run {@code then} (a change of its own, committed), or
   * let go without one ({@code then} null).
   */
  static List<Integer> answers(
      DataSource db, String hold, String then, List<Callable<Integer>> requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try (Connection holder = db.getConnection();
        Statement s = holder.createStatement()) {
      holder.setAutoCommit(false);
      s.execute(hold);
      List<Future<Integer>> sent = new ArrayList<>();
      for (Callable<Integer> request : requests) {
        sent.add(pool.submit(request));
      }
      awaitWaiting(db, requests.size(), Duration.ofSeconds(10));
      if (then == null) {
        holder.rollback();
      } else {
        s.execute(then);
        holder.commit();
      }
      List<Integer> answers = new ArrayList<>();
      for (Future<Integer> answer : sent) {
        answers.add(answer.get(30, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Until {@code count} sessions wait for a lock (at most {@code atMost}; the answers tell). */
  private static void awaitWaiting(DataSource db, int count, Duration atMost) throws Exception {
    long end = System.nanoTime() + atMost.toNanos();
    try (Connection c = db.getConnection()) {
      while (System.nanoTime() < end) {
        if (Infra.lockWaits(c, "%") >= count) {
          return;
        }
        Thread.sleep(20);
      }
    }
  }
}
