package no.nav.ia.scorecard.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import no.nav.ia.scorecard.service.Projection.Fact;

/**
 * The delivery aggregates the projection keeps per card period and county, each defined once: the
 * consumer's upsert per batch (Projection) and the rebuild's set-wise SQL (ProjectionRebuild) are
 * both made from these descriptors, so a new figure is one more line here. The enterprise counts
 * are not among them: they count distinct enterprises, two levels deep (Projection.enterprises).
 */
final class Aggregates {

  /**
   * One aggregate table, keyed by period, county and {@code columns}.
   *
   * @param from the rebuild's FROM over the live facts (with any unnest the keys need)
   * @param expressions the SQL of each key column in {@code from}, in the order of {@code columns}
   * @param keys each key (the values of {@code columns}) one fact counts under: one, or one per
   *     sub-goal
   */
  record Aggregate(
      String table,
      List<String> columns,
      String from,
      List<String> expressions,
      Function<Fact, List<List<Object>>> keys,
      String upsertSql) {

    /** An aggregate with its upsert made once (the consumer runs it for every batch). */
    static Aggregate of(
        String table,
        List<String> columns,
        String from,
        List<String> expressions,
        Function<Fact, List<List<Object>>> keys) {
      return new Aggregate(table, columns, from, expressions, keys, upsertSqlOf(table, columns));
    }

    Aggregate {
      if (columns.size() != expressions.size()) {
        throw new IllegalArgumentException(
            table + ": " + columns.size() + " columns, " + expressions.size() + " expressions");
      }
    }

    /**
     * Adds {@code :deltas} deliveries to the rows keyed by {@code :periods}, {@code :counties} and
     * {@code :v0..} (arrays of one length, one element per row, each key once), in key order: two
     * consumers that move some of the same rows lock them in the same order.
     */
    private static String upsertSqlOf(String table, List<String> columns) {
      String names = columns.stream().map(c -> ", " + c).reduce("", String::concat);
      String params =
          IntStream.range(0, columns.size()).mapToObj(i -> ", :v" + i).reduce("", String::concat);
      String key = "period, county_code" + names;
      return "insert into "
          + table
          + " ("
          + key
          + ", deliveries)"
          + " select "
          + key
          + ", delta from unnest(:periods, :counties"
          + params
          + ", :deltas) as t("
          + key
          + ", delta) order by "
          + key
          + " on conflict ("
          + key
          + ") do update set deliveries = "
          + table
          + ".deliveries + excluded.deliveries";
    }

    /**
     * Counts the table from the live facts: per month first, then each month into its card periods.
     */
    String rebuildSql() {
      String names = columns.stream().map(c -> ", " + c).reduce("", String::concat);
      List<String> selected = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        selected.add(", " + expressions.get(i) + " " + columns.get(i));
      }
      String groups =
          IntStream.rangeClosed(1, columns.size() + 2)
              .mapToObj(String::valueOf)
              .reduce((a, b) -> a + ", " + b)
              .orElseThrow();
      return "insert into "
          + table
          + " (period, county_code"
          + names
          + ", deliveries)"
          + " select p, county_code"
          + names
          + ", sum(n) from (select county_code, date_trunc('month', delivered_on)::date m"
          + String.join("", selected)
          + ", count(*) n from "
          + from
          + " where live group by "
          + groups
          + ") x,"
          + " unnest(card_periods(m)) p group by "
          + groups;
    }
  }

  static final List<Aggregate> ALL =
      List.of(
          Aggregate.of(
              "delivery_period",
              List.of("service", "direction"),
              "delivery_fact",
              List.of("service", "direction"),
              f -> List.of(List.of(f.service(), f.direction()))),
          Aggregate.of(
              "delivery_period_form",
              List.of("direction", "form"),
              "delivery_fact",
              List.of("direction", "form"),
              f -> List.of(List.of(f.direction(), f.form()))),
          Aggregate.of(
              "subgoal_period",
              List.of("sub_goal"),
              "delivery_fact, unnest(sub_goals) g",
              List.of("g"),
              f -> f.subGoals().stream().map(g -> List.<Object>of(g)).toList()),
          Aggregate.of(
              "lag_period",
              List.of("lag_days"),
              "delivery_fact",
              List.of("lag_days"),
              f -> List.of(List.of(f.lagDays()))));

  private Aggregates() {}
}
