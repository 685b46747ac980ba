package no.nav.ia.agreement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.nav.ia.agreement.FromRegister;
import no.nav.ia.agreement.SearchWords;
import no.nav.ia.platform.domain.CountyRegistry;

/**
 * Finds enterprises in the register copy with PostgreSQL's text search over the folded name words
 * (every word a prefix, all of them required), an exact org number, or by county, industry (a NACE
 * prefix), size and whether they have an active agreement. Best match first: live before deleted,
 * then the name with the fewest other words (the shortest name as written: folded, Å would count
 * twice and rank Norwegian names below their peers), then by name; a search with more than {@link
 * #SORTED_HERE} matches comes in name order instead.
 */
@ApplicationScoped
public class EnterpriseSearch {

  /** Whether to list only enterprises with an active agreement, only those without, or both. */
  public enum WithAgreement {
    ACTIVE,
    NONE
  }

  /**
   * What a search asks for. {@code agreementCounties}: the counties whose agreements the {@code
   * agreement} filter sees (empty: every county's); an agreement held in another county is that
   * county's record, so for such a caller its enterprise has none.
   */
  public record Filter(
      String q,
      Optional<String> county,
      String industry,
      Integer minEmployees,
      Integer maxEmployees,
      WithAgreement agreement,
      Optional<Set<String>> agreementCounties,
      int page,
      int size) {}

  /**
   * An enterprise of the register with its agreement, if any: the active one, else the one that
   * ended last ({@code agreementEndedOn} set), so that a centre sees that it was an IA enterprise.
   * Not {@code inRegister}: an enterprise the register copy does not have (yet), known only through
   * its agreement, whose facts are the agreement's.
   */
  public record Found(
      String orgNumber,
      String name,
      String organisationForm,
      String industry,
      Integer employees,
      String municipality,
      String countyCode,
      boolean deleted,
      boolean inRegister,
      UUID agreementId,
      String agreementStatus,
      String contactPerson,
      String agreementCountyCode,
      LocalDate agreementEndedOn,
      LocalDate deletedOn) {

    /**
     * The county whose records these are (the agreement's: the active one's, else the last ended
     * one's, under which its deliveries were recorded; without either, the register's): only a
     * caller of that county sees the platform's own records of the enterprise.
     */
    public String recordsCounty() {
      return agreementCountyCode != null ? agreementCountyCode : countyCode;
    }

    /** The enterprise with this ended agreement in place of none. */
    Found with(Ended a) {
      return new Found(
          orgNumber,
          name,
          organisationForm,
          industry,
          employees,
          municipality,
          countyCode,
          deleted,
          inRegister,
          a.id(),
          a.status(),
          a.contactPerson(),
          a.countyCode(),
          a.endedOn(),
          deletedOn);
    }
  }

  /**
   * Which of an enterprise's ended agreements is the one that ended last (every ended agreement has
   * its end day; were one without it, it would not hide the one that really ended last).
   */
  private static final String LAST_ENDED_FIRST = "ended_on desc nulls last, signed_on desc";

  /** An enterprise's agreement that ended last. */
  record Ended(
      UUID id, String status, String contactPerson, String countyCode, LocalDate endedOn) {}

  /**
   * An enterprise's page: what a search shows, its re-signing case's status in the campaign not yet
   * closed (there is at most one), and its latest live delivery.
   */
  public record Details(Found enterprise, Resigning resigning, LatestDelivery latestDelivery) {}

  public record LatestDelivery(LocalDate deliveredOn, String service) {}

  public record Resigning(UUID campaignId, String status, LocalDate deadline) {}

  private static final String COLUMNS =
      "e.org_number, e.name, e.organisation_form, e.industry, e.employees, e.municipality,"
          + " e.county_code, e.deleted, a.id, a.status, a.contact_person, a.county_code,"
          + " e.deleted_on";
  private static final String FROM =
      " from enterprise e left join agreement a on a.org_number = e.org_number and a.status = 'ACTIVE'";

  @Inject EntityManager em;

  /**
   * Up to this many matches are taken from the text index and sorted by best match (live first,
   * fewest other words: the shortest folded name, then by name). With more (a common word alone),
   * sorting them all would cost a read of every match, so the name index is walked instead and the
   * walk stops at the page: such a page comes in name order, and its total is a lower bound that
   * tells the client to type more of the name.
   */
  static final int SORTED_HERE = 3000;

  /** A page of matches and how many there are ({@code exact} false: at least {@code total}). */
  public record Result(List<Found> items, int page, int size, long total, boolean exact) {}

  /** The order of a search with many matches: the order of the name indexes (V5). */
  private static final String BY_NAME = " order by e.deleted, e.name, e.org_number";

  @Transactional
  public Result search(Filter f) {
    StringBuilder where = new StringBuilder(" where true");
    Map<String, Object> params = new LinkedHashMap<>();
    if (f.q() != null && !f.q().isBlank()) {
      String q = f.q().strip();
      Optional<String> org = orgNumberIn(q);
      if (org.isPresent()) {
        where.append(" and e.org_number = :org");
        params.put("org", org.get());
      } else {
        // "!!!" names no word and is refused: asking for everything is what leaving q out is for.
        String query = SearchWords.prefixQuery(SearchWords.queryWords(q));
        where.append(" and e.search @@ cast(:query as tsquery)");
        params.put("query", query);
      }
    }
    f.county()
        .ifPresent(
            c -> {
              // With ACTIVE: the county whose agreements they are, wherever the register places
              // the enterprise now (a centre's own agreement of an enterprise that moved is its
              // own). Else where the register places it. Either way a county merged into this one
              // is included: a register copy with municipality numbers from before 2020 places an
              // enterprise of Innlandet in 04 or 05, as the working lists take an agreement of 04
              // for Innlandet's.
              where.append(
                  f.agreement() == WithAgreement.ACTIVE
                      ? " and a.county_code in (:countyCodes)"
                      : " and e.county_code in (:countyCodes)");
              params.put("countyCodes", CountyRegistry.get().withMergedPredecessors(c));
            });
    if (f.industry() != null) {
      where.append(" and e.industry like :industry");
      params.put("industry", f.industry() + "%");
    }
    if (f.minEmployees() != null) {
      where.append(" and coalesce(e.employees, 0) >= :min");
      params.put("min", f.minEmployees());
    }
    if (f.maxEmployees() != null) {
      where.append(" and coalesce(e.employees, 0) <= :max");
      params.put("max", f.maxEmployees());
    }
    // Strict predicates on the joined agreement, so that the planner makes the join an inner one
    // and estimates the matches well (the choice of the sorted path below depends on it).
    if (f.agreement() == WithAgreement.ACTIVE) {
      where.append(" and a.id is not null");
      f.agreementCounties()
          .ifPresent(
              counties -> {
                where.append(" and a.county_code in (:agreementCounties)");
                params.put("agreementCounties", counties);
              });
    } else if (f.agreement() == WithAgreement.NONE) {
      if (f.agreementCounties().isEmpty()) {
        where.append(" and a.id is null");
      } else {
        where.append(
            " and not exists (select 1 from agreement x where x.org_number = e.org_number"
                + " and x.status = 'ACTIVE' and x.county_code in (:agreementCounties))");
        params.put("agreementCounties", f.agreementCounties().get());
      }
    }
    int from = f.page() * f.size();

    // 1. Few matches by the database's own estimate (a plan, no rows read): up to one more than
    // are sorted here, sorted by best match in the database, the page and how many there are.
    if (estimatedRows(where, params) <= SORTED_HERE) {
      Query best =
          em.createNativeQuery(
              "select m.org_number, count(*) over () from (select e.org_number, e.deleted,"
                  + " length(e.name) as length, e.name"
                  + FROM
                  + where
                  + " limit "
                  + (SORTED_HERE + 1)
                  + ") m order by m.deleted, "
                  + (f.q() == null || f.q().isBlank() ? "" : "m.length, ")
                  + "m.name collate norwegian, m.org_number"
                  + " limit :limit offset :offset");
      params.forEach(best::setParameter);
      best.setParameter("limit", f.size());
      best.setParameter("offset", (long) from);
      List<?> matches = best.getResultList();
      long total =
          matches.isEmpty()
              ? count(where, params)
              : ((Number) ((Object[]) matches.get(0))[1]).longValue();
      if (total <= SORTED_HERE) {
        List<String> page = matches.stream().map(r -> (String) ((Object[]) r)[0]).toList();
        return new Result(rows(page, f.agreementCounties()), f.page(), f.size(), total, true);
      }
    }

    // 2. Many: walk a name index (the planner would otherwise fetch every match to sort it).
    em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
    Query select =
        em.createNativeQuery(
            "select e.org_number" + FROM + where + BY_NAME + " limit :limit offset :offset");
    params.forEach(select::setParameter);
    select.setParameter("limit", f.size());
    select.setParameter("offset", (long) from);
    List<String> page = select.getResultList().stream().map(String.class::cast).toList();
    return new Result(rows(page, f.agreementCounties()), f.page(), f.size(), SORTED_HERE, false);
  }

  /** How many rows match, counting at most one more than are sorted here. */
  private long count(CharSequence where, Map<String, Object> params) {
    Query count =
        em.createNativeQuery(
            "select count(*) from (select 1"
                + FROM
                + where
                + " limit "
                + (SORTED_HERE + 1)
                + ") m");
    params.forEach(count::setParameter);
    return ((Number) count.getSingleResult()).longValue();
  }

  /** How many rows the planner expects the search to match (its statistics, no rows read). */
  private long estimatedRows(CharSequence where, Map<String, Object> params) {
    Query plan = em.createNativeQuery("explain (format json) select 1" + FROM + where);
    params.forEach(plan::setParameter);
    String json = String.valueOf(plan.getSingleResult());
    java.util.regex.Matcher planned = PLAN_ROWS.matcher(json);
    return planned.find() ? Long.parseLong(planned.group(1)) : Long.MAX_VALUE;
  }

  private static final java.util.regex.Pattern PLAN_ROWS =
      java.util.regex.Pattern.compile("\"Plan Rows\": (\\d+)");

  /** The full rows of these org numbers, in this order. */
  private List<Found> rows(List<String> orgs, Optional<Set<String>> visible) {
    if (orgs.isEmpty()) {
      return List.of();
    }
    Map<String, Found> byOrg = new java.util.HashMap<>();
    for (Object row :
        em.createNativeQuery("select " + COLUMNS + FROM + " where e.org_number = any(:orgs)")
            .setParameter("orgs", orgs.toArray(String[]::new))
            .getResultList()) {
      Found found = found((Object[]) row);
      byOrg.put(found.orgNumber(), found);
    }
    return withEnded(orgs.stream().map(byOrg::get).toList(), visible);
  }

  /**
   * The enterprises, each without an active agreement the caller may see given the one that ended
   * last among the counties the caller sees ({@code visible}, every county when empty), if any: one
   * look-up for the page in the partial index of ended agreements (V11), after the page is read,
   * and none when the caller sees every enterprise's active agreement. An adviser's review found a
   * centre's own ended agreement gone from the page once the register had moved the enterprise and
   * another county's centre had signed it: the active agreement is that county's record, the ended
   * one still this centre's. Not a join in the search itself, which would look up the ended
   * agreements of every match it sorts or walks, and not in FROM, whose active agreement the {@code
   * agreement} filter is about: an enterprise whose agreement ended has none.
   */
  private List<Found> withEnded(List<Found> found, Optional<Set<String>> visible) {
    java.util.function.Predicate<String> sees = c -> visible.map(v -> v.contains(c)).orElse(true);
    List<String> without =
        found.stream()
            .filter(f -> f.agreementId() == null || !sees.test(f.agreementCountyCode()))
            .map(Found::orgNumber)
            .toList();
    if (without.isEmpty()) {
      return found;
    }
    if (visible.isPresent() && visible.get().isEmpty()) {
      return found; // a token bound to no county sees no county's agreement
    }
    Map<String, Ended> ended = new java.util.HashMap<>();
    // The status as a literal, so that the plan uses the partial index (V11).
    var query =
        em.createNativeQuery(
                "select distinct on (org_number) org_number, id, status, contact_person,"
                    + " county_code, ended_on from agreement"
                    + " where org_number = any(:orgs) and status = 'ENDED'"
                    + (visible.isPresent() ? " and county_code = any(:counties)" : "")
                    + " order by org_number, "
                    + LAST_ENDED_FIRST)
            .setParameter("orgs", without.toArray(String[]::new));
    visible.ifPresent(v -> query.setParameter("counties", v.toArray(String[]::new)));
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      ended.put(
          (String) r[0],
          new Ended((UUID) r[1], (String) r[2], (String) r[3], (String) r[4], date(r[5])));
    }
    return found.stream()
        .map(f -> ended.containsKey(f.orgNumber()) ? f.with(ended.get(f.orgNumber())) : f)
        .toList();
  }

  /**
   * The org number a query is, as people write one: nine digits, in groups or not ("974 760 673",
   * also with a no-break space, a tab, a dot or a hyphen between them), or as an invoice prints it
   * for VAT ("NO 974 760 673 MVA", the country code and "MVA" in any case); empty for a query of
   * name words.
   */
  public static Optional<String> orgNumberIn(String q) {
    if (q == null) {
      return Optional.empty();
    }
    String number = q.strip();
    String upper = number.toUpperCase(java.util.Locale.ROOT);
    if (upper.startsWith("NO") && upper.length() > 2 && !Character.isLetter(upper.charAt(2))) {
      number = number.substring(2);
      upper = upper.substring(2);
    }
    if (upper.endsWith("MVA")) {
      number = number.substring(0, number.length() - 3);
    }
    StringBuilder digits = new StringBuilder(9);
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '.' || c == '-')) {
        return Optional.empty();
      }
    }
    return digits.length() == 9 ? Optional.of(digits.toString()) : Optional.empty();
  }

  /**
   * The enterprise, its re-signing status and its latest live delivery among those recorded under
   * the counties {@code deliveriesIn} (all when empty). An enterprise the register copy does not
   * have but an agreement of those counties names is found through that agreement ({@link
   * #fromAgreement}).
   */
  @Transactional
  public Optional<Details> details(String orgNumber, Optional<Set<String>> deliveriesIn) {
    List<?> rows =
        em.createNativeQuery("select " + COLUMNS + FROM + " where e.org_number = :org")
            .setParameter("org", orgNumber)
            .getResultList();
    Optional<Found> known =
        rows.isEmpty()
            ? fromAgreement(orgNumber, deliveriesIn)
            : Optional.of(withEnded(List.of(found((Object[]) rows.get(0))), deliveriesIn).get(0));
    if (known.isEmpty()) {
      return Optional.empty();
    }
    Found found = known.get();
    // The re-signing status is the active agreement's: an ended agreement's case is over (and an
    // ended one shown in place of another county's active one must not carry that one's case).
    List<?> open =
        !"ACTIVE".equals(found.agreementStatus())
            ? List.of()
            : em.createNativeQuery(
                    "select c.id, rc.status, c.deadline from resigning_case rc"
                        + " join resigning_campaign c on c.id = rc.campaign_id"
                        + " join agreement a on a.id = rc.agreement_id"
                        + " where a.org_number = :org and a.status = 'ACTIVE' and c.status <> 'CLOSED'"
                        + " order by c.deadline desc limit 1")
                .setParameter("org", orgNumber)
                .getResultList();
    Resigning resigning = null;
    if (!open.isEmpty()) {
      Object[] r = (Object[]) open.get(0);
      resigning = new Resigning((UUID) r[0], (String) r[1], date(r[2]));
    }
    LatestDelivery latest =
        no.nav.ia.agreement.DeliverySeen.latest(orgNumber, deliveriesIn)
            .map(d -> new LatestDelivery(d.deliveredOn, d.service))
            .orElse(null);
    return Optional.of(new Details(found, resigning, latest));
  }

  /**
   * Whether a county other than {@code counties} has (or had) an agreement with the enterprise:
   * asked by itself, not after a lookup among the counties, so an agreement of theirs registered in
   * between does not make it one.
   */
  @Transactional
  public boolean hasAgreementOutside(String orgNumber, Set<String> counties) {
    return !em.createNativeQuery(
            "select 1 from agreement where org_number = :org"
                + " and not county_code = any(:counties) limit 1")
        .setParameter("org", orgNumber)
        .setParameter("counties", counties.toArray(String[]::new))
        .getResultList()
        .isEmpty();
  }

  /**
   * An enterprise the register copy does not have (registered in the register since the last
   * import, its agreement registered with its facts given), as its agreement names it: among the
   * agreements of {@code counties} (all when empty), the active one, else the one that ended last
   * (the choice of {@link #withEnded}). Its name, size and county are that agreement's; the
   * register's other facts are unknown.
   */
  private Optional<Found> fromAgreement(String orgNumber, Optional<Set<String>> counties) {
    // Among the agreements of the caller's counties only (all for those who see every county): a
    // centre finds the enterprise its own county kept an agreement with, also when another county
    // has the active one now (whose page that centre may not see).
    var query =
        em.createNativeQuery(
                "select org_number, name, employees, county_code, id, status, contact_person,"
                    + " ended_on from agreement where org_number = :org"
                    + (counties.isPresent() ? " and county_code = any(:counties)" : "")
                    + " order by status = 'ACTIVE' desc, "
                    + LAST_ENDED_FIRST
                    + " limit 1")
            .setParameter("org", orgNumber);
    counties.ifPresent(c -> query.setParameter("counties", c.toArray(String[]::new)));
    List<?> rows = query.getResultList();
    return rows.stream().findFirst().map(row -> ofAgreement((Object[]) row));
  }

  /** An enterprise as its agreement names it: the agreement's name, size and county. */
  private static Found ofAgreement(Object[] r) {
    return new Found(
        (String) r[0],
        (String) r[1],
        null,
        null,
        ((Number) r[2]).intValue(),
        null,
        (String) r[3],
        false,
        false,
        (UUID) r[4],
        (String) r[5],
        (String) r[6],
        (String) r[3],
        date(r[7]),
        null);
  }

  /** What the register copy knows of an enterprise, for a registration to fill in from. */
  @Transactional
  public Optional<FromRegister.Known> known(String orgNumber) {
    List<?> rows =
        em.createNativeQuery(
                "select name, employees, county_code, deleted, deleted_on from enterprise"
                    + " where org_number = :org")
            .setParameter("org", orgNumber)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row -> {
              Object[] r = (Object[]) row;
              return new FromRegister.Known(
                  (String) r[0],
                  r[1] == null ? null : ((Number) r[1]).intValue(),
                  (String) r[2],
                  (Boolean) r[3],
                  date(r[4]));
            });
  }

  private static Found found(Object[] r) {
    return new Found(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        r[4] == null ? null : ((Number) r[4]).intValue(),
        (String) r[5],
        (String) r[6],
        (Boolean) r[7],
        true,
        (UUID) r[8],
        (String) r[9],
        (String) r[10],
        (String) r[11],
        null,
        date(r[12]));
  }

  /** A date column as the driver gives it (a java.sql.Date, or a LocalDate). */
  private static LocalDate date(Object column) {
    return column instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) column;
  }
}
