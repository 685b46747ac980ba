package no.nav.ia.scorecard.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nav.ia.scorecard.Period;
import no.nav.ia.scorecard.service.Projection.Fact;

/**
 * The delivery events of one batch, resolved in memory against the facts already applied: what each
 * delivery ends as, and by how much every aggregate row moves. Applying a delivery's events one by
 * one keeps a version only if it is newer than the one applied (of two with one version the first
 * applied wins), and each applied version takes the one before out of the counts and adds itself;
 * the sum of those steps is the newest version's counts less the first one's, whatever came in
 * between. So a batch gives what applying its events one by one in record order gives, and the
 * result does not depend on the order of a delivery's versions.
 */
final class ProjectionBatch {

  /** A delivery at one version. */
  record Versioned(long version, Fact fact) {}

  /**
   * What the batch changes.
   *
   * @param facts the new state of each delivery the batch changes, by id
   * @param deltas per aggregate table, each key (period, county, the table's columns) with its net
   *     change in deliveries; keys that net to zero are left out
   * @param enterprises each (county, period, org number) with its net change in deliveries, none
   *     zero
   */
  record Changes(
      Map<UUID, Versioned> facts,
      Map<String, Map<List<Object>, Long>> deltas,
      Map<List<String>, Long> enterprises) {

    boolean isEmpty() {
      return facts.isEmpty();
    }
  }

  /** The newest version of each delivery in the batch (the first of two with one version). */
  private final Map<UUID, Versioned> newest = new LinkedHashMap<>();

  /** Takes one delivery event, in record order. */
  void add(UUID deliveryId, long version, Fact fact) {
    Versioned seen = newest.get(deliveryId);
    if (seen == null || version > seen.version()) {
      newest.put(deliveryId, new Versioned(version, fact));
    }
  }

  boolean isEmpty() {
    return newest.isEmpty();
  }

  /** The deliveries the batch has events of. */
  Set<UUID> deliveryIds() {
    return newest.keySet();
  }

  /**
   * The changes against {@code applied}, the state already applied of those deliveries that have
   * one.
   */
  Changes resolve(Map<UUID, Versioned> applied) {
    Map<UUID, Versioned> facts = new LinkedHashMap<>();
    Map<String, Map<List<Object>, Long>> deltas = new LinkedHashMap<>();
    Aggregates.ALL.forEach(a -> deltas.put(a.table(), new HashMap<>()));
    Map<List<String>, Long> enterprises = new HashMap<>();
    newest.forEach(
        (id, next) -> {
          Versioned current = applied.get(id);
          if (current != null && current.version() >= next.version()) {
            return;
          }
          if (current != null && current.fact().live()) {
            count(current.fact(), -1, deltas, enterprises);
          }
          if (next.fact().live()) {
            count(next.fact(), +1, deltas, enterprises);
          }
          facts.put(id, next);
        });
    deltas.values().forEach(d -> d.values().removeIf(v -> v == 0));
    enterprises.values().removeIf(v -> v == 0);
    return new Changes(facts, deltas, enterprises);
  }

  /**
   * Adds (+1) or removes (-1) one delivery in every aggregate it counts in and for its enterprise,
   * in each of its card periods.
   */
  private static void count(
      Fact f,
      long delta,
      Map<String, Map<List<Object>, Long>> deltas,
      Map<List<String>, Long> enterprises) {
    List<String> periods = Period.containing(f.deliveredOn());
    for (Aggregates.Aggregate aggregate : Aggregates.ALL) {
      Map<List<Object>, Long> table = deltas.get(aggregate.table());
      for (List<Object> columns : aggregate.keys().apply(f)) {
        for (String period : periods) {
          List<Object> key = new ArrayList<>(columns.size() + 2);
          key.add(period);
          key.add(f.county());
          key.addAll(columns);
          table.merge(key, delta, Long::sum);
        }
      }
    }
    for (String period : periods) {
      enterprises.merge(List.of(f.county(), period, f.org()), delta, Long::sum);
    }
  }
}
