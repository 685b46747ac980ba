package no.nav.ia.gateway.upstream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The instances (replicas) of one service, from a route's configured value: one base URL, or
 * several separated by commas. Requests take turns (round robin); an instance that refused a
 * connection, or of several one that did not answer in time, is left out for a while (until it
 * answers again, at the latest), and when every instance is out the one back soonest is tried.
 */
public final class Instances {

  private final List<String> bases;
  private final long pauseNanos;
  private final LongSupplier clock;
  private final AtomicInteger next = new AtomicInteger();

  /** Base URL to the time (clock nanos) until which it is left out. */
  private final ConcurrentHashMap<String, Long> outUntil = new ConcurrentHashMap<>();

  public Instances(String configured, java.time.Duration pause, LongSupplier clock) {
    this.bases =
        Arrays.stream(configured.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
            .toList();
    if (bases.isEmpty()) {
      throw new IllegalArgumentException("no instance in '" + configured + "'");
    }
    this.pauseNanos = pause.toNanos();
    this.clock = clock;
  }

  /**
   * The instances in the order to try them for one request: those in service first, starting at the
   * next in turn, then those left out, the one back soonest first.
   */
  public List<String> order() {
    int start = Math.floorMod(next.getAndIncrement(), bases.size());
    long now = clock.getAsLong();
    List<String> in = new ArrayList<>(bases.size());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < bases.size(); i++) {
      String base = bases.get((start + i) % bases.size());
      Long until = outUntil.get(base);
      if (until == null || until - now <= 0) {
        in.add(base);
      } else {
        out.add(base);
      }
    }
    out.sort((a, b) -> Long.compare(outUntil.getOrDefault(a, 0L), outUntil.getOrDefault(b, 0L)));
    in.addAll(out);
    return in;
  }

  /** The instance refused a connection or did not answer: leave it out for the pause. */
  public void down(String base) {
    outUntil.put(base, clock.getAsLong() + pauseNanos);
  }

  /** The instance answered: it is in service. */
  public void up(String base) {
    outUntil.remove(base);
  }
}
