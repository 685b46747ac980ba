package no.nav.ia.scorecard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import no.nav.ia.scorecard.service.Projection.Fact;
import no.nav.ia.scorecard.service.ProjectionBatch.Changes;
import no.nav.ia.scorecard.service.ProjectionBatch.Versioned;
import org.junit.jupiter.api.Test;

/** A batch's delivery events resolved in memory: what each delivery ends as, and the deltas. */
class ProjectionBatchTest {

  static final UUID ID = UUID.fromString("2b8e7c1d-4f5a-4b6c-9d8e-7f6a5b4c3d21");

  static Fact fact(boolean live, String county, String day, String form, String adviser) {
    return new Fact(
        live,
        county,
        "974760673",
        "SICK_LEAVE",
        "SYSTEM",
        List.of(1, 3),
        LocalDate.parse(day),
        2,
        form,
        adviser);
  }

  static Fact live(String county, String day) {
    return fact(true, county, day, "DIRECT", "Z990001");
  }

  record Event(UUID id, long version, Fact fact) {}

  static Changes resolve(Map<UUID, Versioned> applied, List<Event> events) {
    ProjectionBatch batch = new ProjectionBatch();
    events.forEach(e -> batch.add(e.id(), e.version(), e.fact()));
    return batch.resolve(applied);
  }

  static Map<List<Object>, Long> periods(Changes c) {
    return c.deltas().get("delivery_period");
  }

  @Test
  void severalVersionsOfOneDeliveryInOneBatchGiveTheNewestInAnyOrder() {
    List<Event> versions =
        List.of(
            new Event(ID, 1, live("03", "2024-05-14")),
            new Event(ID, 2, live("11", "2024-05-14")),
            new Event(ID, 3, live("15", "2024-05-14")),
            new Event(ID, 4, fact(false, "15", "2024-05-14", "DIRECT", "Z990001")),
            new Event(ID, 5, live("18", "2023-02-01")));
    Changes inOrder = resolve(Map.of(), versions);
    assertThat(inOrder.facts()).containsOnlyKeys(ID);
    assertThat(inOrder.facts().get(ID).version()).isEqualTo(5);
    // Only the newest counts: one delivery in county 18's four periods of the day.
    assertThat(periods(inOrder))
        .containsOnly(
            entry(List.of("2023", "18", "SICK_LEAVE", "SYSTEM"), 1L),
            entry(List.of("2023-H1", "18", "SICK_LEAVE", "SYSTEM"), 1L),
            entry(List.of("2023-Q1", "18", "SICK_LEAVE", "SYSTEM"), 1L),
            entry(List.of("2023-02", "18", "SICK_LEAVE", "SYSTEM"), 1L));
    assertThat(inOrder.deltas().get("subgoal_period"))
        .hasSize(8)
        .containsEntry(List.of("2023-02", "18", 1), 1L)
        .containsEntry(List.of("2023-02", "18", 3), 1L);
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      List<Event> shuffled = new ArrayList<>(versions);
      Collections.shuffle(shuffled, random);
      assertThat(resolve(Map.of(), shuffled)).isEqualTo(inOrder);
    }
    // The same versions over two batches, newest first: the second batch changes nothing.
    Changes first = resolve(Map.of(), List.of(versions.get(4), versions.get(0)));
    assertThat(first).isEqualTo(inOrder);
    assertThat(resolve(first.facts(), versions.subList(1, 4)).isEmpty()).isTrue();
  }

  @Test
  void aVoidThenALateOlderVersionChangesNothing() {
    Fact voided = fact(false, "14", "2013-04-14", "DIRECT", "Z990001");
    Event recorded = new Event(ID, 1, live("14", "2013-04-14"));
    // In one batch: the void is newest, and a delivery that never counted leaves no delta.
    Changes together = resolve(Map.of(), List.of(new Event(ID, 2, voided), recorded));
    assertThat(together.facts()).containsExactly(entry(ID, new Versioned(2, voided)));
    assertThat(together.deltas().values()).allMatch(Map::isEmpty);
    assertThat(together.enterprises()).isEmpty();
    // Across batches: the late record meets the void already applied.
    assertThat(resolve(Map.of(ID, new Versioned(2, voided)), List.of(recorded)).isEmpty()).isTrue();
    // A void of an applied live version takes it out of every count.
    Changes removed =
        resolve(
            Map.of(ID, new Versioned(1, recorded.fact())),
            List.of(new Event(ID, 2, voided), recorded));
    assertThat(periods(removed)).hasSize(4).allSatisfy((k, v) -> assertThat(v).isEqualTo(-1L));
    assertThat(removed.enterprises())
        .containsOnly(
            entry(List.of("14", "2013", "974760673"), -1L),
            entry(List.of("14", "2013-H1", "974760673"), -1L),
            entry(List.of("14", "2013-Q2", "974760673"), -1L),
            entry(List.of("14", "2013-04", "974760673"), -1L));
  }

  @Test
  void aCorrectionMovesCountyPeriodFormAndAdviser() {
    Fact before = fact(true, "03", "2024-05-14", "DIRECT", "Z990001");
    Fact after = fact(true, "11", "2024-06-02", "COURSE", "Z990002");
    Changes moved = resolve(Map.of(ID, new Versioned(1, before)), List.of(new Event(ID, 2, after)));
    assertThat(moved.facts()).containsExactly(entry(ID, new Versioned(2, after)));
    assertThat(moved.deltas().get("delivery_period_form"))
        .containsOnly(
            entry(List.of("2024", "03", "SYSTEM", "DIRECT"), -1L),
            entry(List.of("2024-H1", "03", "SYSTEM", "DIRECT"), -1L),
            entry(List.of("2024-Q2", "03", "SYSTEM", "DIRECT"), -1L),
            entry(List.of("2024-05", "03", "SYSTEM", "DIRECT"), -1L),
            entry(List.of("2024", "11", "SYSTEM", "COURSE"), 1L),
            entry(List.of("2024-H1", "11", "SYSTEM", "COURSE"), 1L),
            entry(List.of("2024-Q2", "11", "SYSTEM", "COURSE"), 1L),
            entry(List.of("2024-06", "11", "SYSTEM", "COURSE"), 1L));
    assertThat(moved.deltas().get("lag_period")).hasSize(8);

    // Within a county, a move from May to June nets out in the year, half and quarter.
    Fact june = fact(true, "03", "2024-06-02", "DIRECT", "Z990001");
    Changes month = resolve(Map.of(ID, new Versioned(1, before)), List.of(new Event(ID, 2, june)));
    assertThat(periods(month))
        .containsOnly(
            entry(List.of("2024-05", "03", "SICK_LEAVE", "SYSTEM"), -1L),
            entry(List.of("2024-06", "03", "SICK_LEAVE", "SYSTEM"), 1L));

    // Another adviser only: the fact changes, no count does.
    Fact other = fact(true, "03", "2024-05-14", "DIRECT", "Z990003");
    Changes adviser =
        resolve(Map.of(ID, new Versioned(1, before)), List.of(new Event(ID, 2, other)));
    assertThat(adviser.facts()).containsExactly(entry(ID, new Versioned(2, other)));
    assertThat(adviser.deltas().values()).allMatch(Map::isEmpty);
    assertThat(adviser.enterprises()).isEmpty();
  }

  @Test
  void anEnterprisesFirstAndLastDeliveryInAPeriodMoveItsCount() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    // Two first deliveries of one enterprise in May: +2 for it (the database turns 0 -> 2 into one
    // more enterprise).
    Changes recorded =
        resolve(
            Map.of(),
            List.of(
                new Event(first, 1, live("20", "2012-05-03")),
                new Event(second, 1, live("20", "2012-05-20"))));
    assertThat(recorded.enterprises())
        .containsOnly(
            entry(List.of("20", "2012", "974760673"), 2L),
            entry(List.of("20", "2012-H1", "974760673"), 2L),
            entry(List.of("20", "2012-Q2", "974760673"), 2L),
            entry(List.of("20", "2012-05", "974760673"), 2L));
    // Its delivery voided and another one recorded in the same batch: they net out in every
    // period, so its rows and the county's count stay as they are.
    Map<UUID, Versioned> applied = Map.of(first, recorded.facts().get(first));
    Changes swapped =
        resolve(
            applied,
            List.of(
                new Event(first, 2, fact(false, "20", "2012-05-03", "DIRECT", "Z990001")),
                new Event(second, 1, live("20", "2012-05-20"))));
    assertThat(swapped.enterprises()).isEmpty();
    assertThat(swapped.facts()).containsOnlyKeys(first, second);
  }

  /**
   * Random events of a few deliveries cut into random batches give what applying them one by one
   * gives: the same facts and, summed, the same deltas.
   */
  @Test
  void batchesGiveWhatApplyingOneByOneGives() {
    Random random = new Random(13);
    List<String> counties = List.of("03", "11", "46");
    for (int round = 0; round < 200; round++) {
      List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        events.add(
            new Event(
                ids.get(random.nextInt(ids.size())),
                1 + random.nextInt(5),
                fact(
                    random.nextInt(4) > 0,
                    counties.get(random.nextInt(counties.size())),
                    "2024-0" + (1 + random.nextInt(9)) + "-10",
                    random.nextBoolean() ? "DIRECT" : "COURSE",
                    "Z99000" + random.nextInt(3))));
      }
      Outcome oneByOne = new Outcome();
      events.forEach(e -> oneByOne.take(List.of(e)));
      Outcome batched = new Outcome();
      for (int from = 0; from < events.size(); ) {
        int to = Math.min(events.size(), from + 1 + random.nextInt(6));
        batched.take(events.subList(from, to));
        from = to;
      }
      assertThat(batched.facts).isEqualTo(oneByOne.facts);
      assertThat(batched.deltas).isEqualTo(oneByOne.deltas);
      assertThat(batched.enterprises).isEqualTo(oneByOne.enterprises);
    }
  }

  /** The projection's state after batches: the facts, and each row's summed deltas (none zero). */
  static final class Outcome {
    final Map<UUID, Versioned> facts = new HashMap<>();
    final Map<String, Map<List<Object>, Long>> deltas = new HashMap<>();
    final Map<List<String>, Long> enterprises = new HashMap<>();

    void take(List<Event> batch) {
      Changes c = resolve(Map.copyOf(facts), batch);
      facts.putAll(c.facts());
      c.deltas()
          .forEach(
              (table, rows) ->
                  rows.forEach(
                      (k, v) ->
                          deltas
                              .computeIfAbsent(table, t -> new HashMap<>())
                              .merge(k, v, Long::sum)));
      c.enterprises().forEach((k, v) -> enterprises.merge(k, v, Long::sum));
      deltas.values().forEach(rows -> rows.values().removeIf(v -> v == 0));
      enterprises.values().removeIf(v -> v == 0);
    }
  }
}
