package no.nav.ia.scorecard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.scorecard.Figures;
import no.nav.ia.scorecard.Period;
import no.nav.ia.scorecard.Tally;

/**
 * Reads a period's figures per county code from the aggregates kept per card period: a fixed number
 * of queries, each reading the rows of one period (or of the 24 months around it), so the cost
 * depends on counties and services, not on the number of deliveries or enterprises.
 */
@ApplicationScoped
public class FiguresRepository {

  @Inject EntityManager em;

  /** Every county code there has been (the registry does not change). */
  private static final String[] ALL_CODES =
      CountyRegistry.get().all().stream().map(CountyRegistry.County::code).toArray(String[]::new);

  /**
   * Every statement of the transaction reads the moment of its first (PostgreSQL's repeatable read,
   * read only): the figures of a card come from several tables, which a batch of the consumers
   * changes together. Called before the transaction has read anything.
   *
   * <p>Its statements (all of which take parameters) are planned for their values each time ({@code
   * plan_cache_mode}), not by a generic plan PostgreSQL keeps per connection: that plan is made
   * once and kept until the table's catalog entry changes (an analyze, a vacuum, a schema change),
   * so one made while the aggregates were small (a fresh start, a rebuild) scans them after a burst
   * of events has grown them a hundredfold, until autovacuum next analyzes them (bench: the
   * national card at 30-50 ms instead of 5-9 for up to a minute after a bulk load). Planning these
   * short queries costs a card 0.2-0.4 ms at 20,000 deliveries, up to 1 ms at a million.
   */
  public void oneMoment() {
    em.createNativeQuery(
            "set transaction isolation level repeatable read, read only;"
                + " set local plan_cache_mode = force_custom_plan")
        .executeUpdate();
  }

  /**
   * Which county codes' figures a snapshot reads: every code (the national card, the overview, the
   * regions) or a county's own (its card alone reads its codes' rows, at a million deliveries a
   * tenth of the national rows).
   */
  public static final class Codes {

    public static final Codes ALL = new Codes(null);

    private final String[] only;

    private Codes(String[] only) {
      this.only = only;
    }

    public static Codes only(Collection<String> codes) {
      return new Codes(codes.toArray(String[]::new));
    }

    /** The condition on a county code column, the list bound as the query's {@code ?param}. */
    String in(String column, int param) {
      return only == null ? "true" : column + " = any(?" + param + ")";
    }

    /** The list to bind (null for every code, where {@link #in} names no parameter). */
    String[] list() {
      return only;
    }
  }

  /** The period's figures per county code; {@code today} decides what "so far" means. */
  public Map<String, Figures> perCounty(
      Period period, Optional<UUID> campaign, LocalDate today, Codes codes) {
    Map<String, Figures> byCounty = new HashMap<>();
    LocalDate from = period.from();
    LocalDate to = period.to();

    deliveries(period, codes, byCounty);
    lastYearThisMonthSoFar(period, today, codes, byCounty);
    grouped(
        "select county_code, sub_goal, deliveries from subgoal_period where period = ?1 and deliveries <> 0"
            + (" and " + codes.in("county_code", 2)),
        byCounty,
        (f, r) -> f.bySubGoal.merge(String.valueOf(num(r[1])), num(r[2]), Long::sum),
        period.id(),
        codes.list());
    grouped(
        "select county_code, lag_days, deliveries from lag_period where period = ?1 and deliveries <> 0"
            + (" and " + codes.in("county_code", 2)),
        byCounty,
        (f, r) -> f.lagHistogram.merge((int) num(r[1]), num(r[2]), Long::sum),
        period.id(),
        codes.list());
    grouped(
        "select county_code, enterprises from enterprise_period_count where period = ?1"
            + (" and " + codes.in("county_code", 2)),
        byCounty,
        (f, r) -> f.withDelivery += num(r[1]),
        period.id(),
        codes.list());
    grouped(
        "select county_code,"
            + " count(*) filter (where signed_on <= ?2 and (ended_on is null or ended_on >= ?2)),"
            + " count(*) filter (where signed_on between ?1 and ?2),"
            + " count(*) filter (where signed_on <= ?2 and (ended_on is null or ended_on >= ?2) and contact_person_since <= ?2)"
            + (" from agreement_fact where " + codes.in("county_code", 3) + " group by 1"),
        byCounty,
        (f, r) -> {
          f.activeAgreements += num(r[1]);
          f.newAgreements += num(r[2]);
          f.withContactPerson += num(r[3]);
        },
        from,
        to,
        codes.list());
    campaign.ifPresent(
        c -> {
          String in = codes.in("county_code", 2);
          grouped(
              "select county_code, due from campaign_due where campaign_id = ?1 and "
                  + in
                  + (" union all select county_code, count(*) from campaign_due_added"
                      + " where campaign_id = ?1 and "
                      + in
                      + " group by 1")
                  + (" union all select county_code, -count(*) from campaign_due_removed"
                      + " where campaign_id = ?1 and "
                      + in
                      + " group by 1"),
              byCounty,
              (f, r) -> f.resigningDue += num(r[1]),
              c,
              codes.list());
          grouped(
              "select county_code, count(*) from resigning_fact r where campaign_id = ?1 and status = 'RESIGNED'"
                  + (" and " + codes.in("r.county_code", 2))
                  + " and not exists (select 1 from campaign_due_removed d"
                  + " where d.campaign_id = r.campaign_id and d.agreement_id = r.agreement_id)"
                  + " group by 1",
              byCounty,
              (f, r) -> f.resigningResigned += num(r[1]),
              c,
              codes.list());
        });
    return byCounty;
  }

  /**
   * For each enterprise with deliveries under more than one county code in the period, those codes:
   * read only for the enterprises that had agreements in two counties in the period's year (an
   * agreement's year running to its end, or to the day a termination dated back was made; a GiST
   * index on the years), one lookup of the enterprise counts' key per agreement of theirs (a
   * lateral subquery with a limit, so that the planner cannot turn it into a scan of the period's
   * enterprises). Of the codes read only.
   */
  public Collection<Set<String>> enterprisesInSeveralCodes(Period period, Codes read) {
    Map<String, Set<String>> codes = new HashMap<>();
    rows(
            "select a.org_number, a.county_code"
                + " from (select distinct org_number from enterprise_in_counties where years @> ?2) s"
                + " join agreement_fact a on a.org_number = s.org_number"
                + (" and " + read.in("a.county_code", 3))
                + " cross join lateral (select 1 from enterprise_period e"
                + " where e.county_code = a.county_code and e.period = ?1"
                + " and e.org_number = a.org_number and e.deliveries > 0 limit 1) served",
            period.id(),
            period.year(),
            read.list())
        .forEach(
            r -> codes.computeIfAbsent((String) r[0], o -> new HashSet<>()).add((String) r[1]));
    codes.values().removeIf(c -> c.size() < 2);
    return codes.values();
  }

  /**
   * The period's deliveries by service (a service corrected or voided down to zero is not a service
   * with deliveries), and by direction and form for the period itself, the same period a year
   * before and every month of this year and the year before (the trend and the forecast).
   */
  private void deliveries(Period period, Codes codes, Map<String, Figures> byCounty) {
    grouped(
        "select county_code, service, deliveries from delivery_period where period = ?1 and deliveries <> 0"
            + (" and " + codes.in("county_code", 2)),
        byCounty,
        (f, r) -> f.byService.merge((String) r[1], num(r[2]), Long::sum),
        period.id(),
        codes.list());
    int year = period.year();
    String before = period.yearBefore().id();
    Map<String, YearMonth> months = new HashMap<>();
    for (int y = year - 1; y <= year; y++) {
      for (int m = 1; m <= 12; m++) {
        months.put(YearMonth.of(y, m).toString(), YearMonth.of(y, m));
      }
    }
    Set<String> ids = new HashSet<>(months.keySet());
    ids.add(before);
    ids.add(period.id());
    grouped(
        "select county_code, period, direction, form, deliveries from delivery_period_form"
            + " where period = any(?1) and deliveries <> 0"
            + (" and " + codes.in("county_code", 2)),
        byCounty,
        (f, r) -> {
          // One period can be more than one of these: the card of May is a month of the trend.
          String id = (String) r[1];
          String direction = (String) r[2];
          String form = (String) r[3];
          long n = num(r[4]);
          if (id.equals(period.id())) {
            f.deliveries.add(direction, form, n);
          }
          if (id.equals(before)) {
            f.previousYearTotal += n;
          }
          YearMonth month = months.get(id);
          if (month != null) {
            f.months.computeIfAbsent(month, m -> new Tally()).add(direction, form, n);
          }
        },
        ids.toArray(String[]::new),
        codes.list());
  }

  /**
   * For a period of the running year, each code's deliveries of this month a year before up to
   * today's date then: the one figure the per-period aggregates cannot give, counted from the facts
   * of at most a month through the index of live deliveries by county and day (every code named, so
   * that it is a range read per code, not a scan).
   */
  private void lastYearThisMonthSoFar(
      Period period, LocalDate today, Codes codes, Map<String, Figures> byCounty) {
    if (period.year() != today.getYear()) {
      return;
    }
    LocalDate then = today.minusYears(1);
    grouped(
        "select county_code, count(*) from delivery_fact where live"
            + " and county_code = any(?1) and delivered_on between ?2 and ?3"
            + " group by 1",
        byCounty,
        (f, r) -> f.lastYearThisMonthSoFar += num(r[1]),
        codes.list() == null ? ALL_CODES : codes.list(),
        then.withDayOfMonth(1),
        then);
  }

  /**
   * The county codes' live deliveries of a period per adviser: counted from the facts themselves
   * (one county's period, through an index), so the breakdown costs nothing on the way in.
   */
  public Map<String, AdviserFigures> perAdviser(Period period, Collection<String> counties) {
    Map<String, AdviserFigures> byAdviser = new TreeMap<>();
    // One scan: a row per adviser, direction and form, and per adviser a row (grouping 1) with the
    // enterprises, which a sum over the first rows cannot give.
    rows(
            "select coalesce(adviser, ''), direction, form, count(*), count(distinct org_number),"
                + " grouping(direction, form) from delivery_fact"
                + " where live and county_code = any(?1) and delivered_on between ?2 and ?3"
                + " group by grouping sets ((coalesce(adviser, ''), direction, form), (coalesce(adviser, '')))",
            counties.toArray(String[]::new),
            period.from(),
            period.to())
        .forEach(
            r -> {
              AdviserFigures adviser =
                  byAdviser.computeIfAbsent((String) r[0], a -> new AdviserFigures());
              if (num(r[5]) == 0) {
                adviser.deliveries.add((String) r[1], (String) r[2], num(r[3]));
              } else {
                adviser.enterprises = num(r[4]);
              }
            });
    return byAdviser;
  }

  /** One adviser's deliveries in a county and period, and the enterprises they went to. */
  public static final class AdviserFigures {
    public final Tally deliveries = new Tally();
    public long enterprises;
  }

  /** The card periods with at least one live delivery in some county. */
  public List<String> periodsWithFigures() {
    return rows("select distinct period from delivery_period_form where deliveries <> 0").stream()
        .map(r -> (String) r[0])
        .toList();
  }

  /**
   * The re-signing campaign a period's cards show: the newest started by the period's end (none for
   * a period before the first), so a card of 2017 does not show a campaign of 2026.
   */
  public Optional<UUID> latestCampaign(LocalDate periodEnd) {
    return rows(
            "select campaign_id from campaign where started_on <= ?1"
                + " order by started_at desc limit 1",
            periodEnd)
        .stream()
        .findFirst()
        .map(r -> (UUID) r[0]);
  }

  private void grouped(
      String sql,
      Map<String, Figures> byCounty,
      BiConsumer<Figures, Object[]> add,
      Object... params) {
    rows(sql, params).forEach(r -> add.accept(of(byCounty, r[0]), r));
  }

  /**
   * The rows of a query written with JPA's numbered parameters ({@code ?1}, used in any order and
   * more than once), read with plain JDBC on the session's own connection, so inside the card's
   * transaction and its one moment. A card reads about 1,400 aggregate rows at a million
   * deliveries; Hibernate's native query resolved a result-set mapping per query and built each row
   * through it, which cost the service more CPU per card than PostgreSQL spent on the queries. The
   * SQL holds no {@code ?} but its parameters (none in a literal or comment, no jsonb {@code ?}
   * operator); values come as the driver gives them ({@code java.sql.Date} for a date column, where
   * Hibernate gave a LocalDate: no query here reads one). A list is passed as a {@code String[]},
   * which the driver binds as a varchar array, never as text cast to one in the SQL: in a generic
   * plan (see {@link #oneMoment}) a cast of a parameter is evaluated for every row a scan reads
   * (perf of the slow national cards showed PostgreSQL parsing the same array literal row by row).
   */
  List<Object[]> rows(String sql, Object... params) {
    Jdbc statement = JDBC.computeIfAbsent(sql, Jdbc::of);
    return em.unwrap(org.hibernate.Session.class)
        .doReturningWork(
            connection -> {
              try (java.sql.PreparedStatement prepared =
                  connection.prepareStatement(statement.sql)) {
                for (int i = 0; i < statement.params.length; i++) {
                  prepared.setObject(i + 1, params[statement.params[i]]);
                }
                List<Object[]> rows = new java.util.ArrayList<>();
                try (java.sql.ResultSet result = prepared.executeQuery()) {
                  int columns = result.getMetaData().getColumnCount();
                  while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                      row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                  }
                }
                return rows;
              }
            });
  }

  /** A query's SQL as JDBC takes it, and which of the numbered parameters each {@code ?} is. */
  record Jdbc(String sql, int[] params) {

    private static final java.util.regex.Pattern NUMBERED =
        java.util.regex.Pattern.compile("\\?(\\d+)");

    static Jdbc of(String sql) {
      java.util.regex.Matcher m = NUMBERED.matcher(sql);
      StringBuilder plain = new StringBuilder();
      List<Integer> order = new java.util.ArrayList<>();
      while (m.find()) {
        order.add(Integer.parseInt(m.group(1)) - 1);
        m.appendReplacement(plain, "?");
      }
      m.appendTail(plain);
      return new Jdbc(plain.toString(), order.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /** The queries are this class's constants (a few built from them), so the map stays small. */
  private static final Map<String, Jdbc> JDBC = new java.util.concurrent.ConcurrentHashMap<>();

  private static Figures of(Map<String, Figures> byCounty, Object county) {
    return byCounty.computeIfAbsent((String) county, k -> new Figures());
  }

  private static long num(Object value) {
    return ((Number) value).longValue();
  }
}
