package no.nav.ia.bench;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Simulated time for {@link OpenLoop}: sleeping moves the clock forward and runs, in time order,
 * what the fake servers scheduled meanwhile (their answers), each at its own time. One thread, so
 * the tests are exact to the nanosecond.
 */
final class SimulatedClock implements OpenLoop.Clock {

  private record Event(long time, long order, Runnable action) {}

  private final PriorityQueue<Event> events =
      new PriorityQueue<>(Comparator.comparingLong(Event::time).thenComparingLong(Event::order));
  private long now;
  private long order;

  /** Runs {@code action} when the clock reaches {@code time}. */
  void at(long time, Runnable action) {
    events.add(new Event(time, order++, action));
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleepUntil(long deadline) {
    while (!events.isEmpty() && events.peek().time() <= deadline) {
      Event next = events.poll();
      now = Math.max(now, next.time());
      next.action().run();
    }
    now = Math.max(now, deadline);
  }
}
