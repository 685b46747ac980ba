package no.nav.ia.agreement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.agreement.FromRegister;
import no.nav.ia.agreement.SearchWords;
import no.nav.ia.platform.rest.Page;

/**
 * Finds enterprises in the register copy with PostgreSQL's text search over the folded name words
 * (every word a prefix, all of them required, best match first), an exact org number, or by county,
 * industry (a NACE prefix), size and whether they have an active agreement.
 */
@ApplicationScoped
public class EnterpriseSearch {

  /** Whether to list only enterprises with an active agreement, only those without, or both. */
  public enum WithAgreement {
    ACTIVE,
    NONE
  }

  public record Filter(
      String q,
      Optional<String> county,
      String industry,
      Integer minEmployees,
      Integer maxEmployees,
      WithAgreement agreement,
      int page,
      int size) {}

  /** An enterprise of the register with its active agreement, if any. */
  public record Found(
      String orgNumber,
      String name,
      String organisationForm,
      String industry,
      Integer employees,
      String municipality,
      String countyCode,
      boolean deleted,
      UUID agreementId,
      String agreementStatus,
      String contactPerson) {}

  /** An enterprise's page: what a search shows, its latest open re-signing case's status. */
  public record Details(Found enterprise, Resigning resigning) {}

  public record Resigning(UUID campaignId, String status, LocalDate deadline) {}

  private static final String COLUMNS =
      "e.org_number, e.name, e.organisation_form, e.industry, e.employees, e.municipality,"
          + " e.county_code, e.deleted, a.id, a.status, a.contact_person";
  private static final String FROM =
      " from enterprise e left join agreement a on a.org_number = e.org_number and a.status = 'ACTIVE'";

  @Inject EntityManager em;

  @Transactional
  public Page<Found> search(Filter f) {
    StringBuilder where = new StringBuilder(" where true");
    Map<String, Object> params = new LinkedHashMap<>();
    String rank = null;
    if (f.q() != null) {
      String q = f.q().strip();
      if (q.length() == 9 && q.chars().allMatch(c -> c >= '0' && c <= '9')) {
        where.append(" and e.org_number = :org");
        params.put("org", q);
      } else {
        List<String> words = SearchWords.of(q);
        if (!words.isEmpty()) {
          String query =
              String.join(
                  " & ",
                  words.stream().limit(SearchWords.MAX_QUERY_WORDS).map(w -> w + ":*").toList());
          where.append(" and e.search @@ to_tsquery('simple', :query)");
          params.put("query", query);
          rank = "ts_rank(e.search, to_tsquery('simple', :query))";
        }
      }
    }
    f.county()
        .ifPresent(
            c -> {
              where.append(" and e.county_code = :county");
              params.put("county", c);
            });
    if (f.industry() != null) {
      where.append(" and e.industry like :industry");
      params.put("industry", f.industry() + "%");
    }
    if (f.minEmployees() != null) {
      where.append(" and e.employees >= :min");
      params.put("min", f.minEmployees());
    }
    if (f.maxEmployees() != null) {
      where.append(" and e.employees <= :max");
      params.put("max", f.maxEmployees());
    }
    if (f.agreement() == WithAgreement.ACTIVE) {
      where.append(" and a.id is not null");
    } else if (f.agreement() == WithAgreement.NONE) {
      where.append(" and a.id is null");
    }
    // Live before deleted; then the best match (words that are whole words rank higher), the
    // shorter name (fewer other words), the name.
    String order =
        " order by e.deleted"
            + (rank == null ? "" : ", " + rank + " desc, length(e.search_words)")
            + ", e.name, e.org_number";
    Query select =
        em.createNativeQuery(
            "select " + COLUMNS + FROM + where + order + " limit :limit offset :offset");
    Query count = em.createNativeQuery("select count(*)" + FROM + where);
    params.forEach(
        (k, v) -> {
          select.setParameter(k, v);
          count.setParameter(k, v);
        });
    select.setParameter("limit", f.size());
    select.setParameter("offset", (long) f.page() * f.size());
    List<Found> items = new ArrayList<>();
    for (Object row : select.getResultList()) {
      items.add(found((Object[]) row));
    }
    long total = ((Number) count.getSingleResult()).longValue();
    return new Page<>(items, f.page(), f.size(), total);
  }

  @Transactional
  public Optional<Details> details(String orgNumber) {
    List<?> rows =
        em.createNativeQuery("select " + COLUMNS + FROM + " where e.org_number = :org")
            .setParameter("org", orgNumber)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Found found = found((Object[]) rows.get(0));
    List<?> open =
        em.createNativeQuery(
                "select c.id, rc.status, c.deadline from resigning_case rc"
                    + " join resigning_campaign c on c.id = rc.campaign_id"
                    + " join agreement a on a.id = rc.agreement_id"
                    + " where a.org_number = :org order by c.deadline desc limit 1")
            .setParameter("org", orgNumber)
            .getResultList();
    Resigning resigning = null;
    if (!open.isEmpty()) {
      Object[] r = (Object[]) open.get(0);
      resigning =
          new Resigning(
              (UUID) r[0],
              (String) r[1],
              r[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[2]);
    }
    return Optional.of(new Details(found, resigning));
  }

  /** What the register copy knows of an enterprise, for a registration to fill in from. */
  @Transactional
  public Optional<FromRegister.Known> known(String orgNumber) {
    List<?> rows =
        em.createNativeQuery(
                "select name, employees, county_code, deleted from enterprise where org_number = :org")
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
                  (Boolean) r[3]);
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
        (UUID) r[8],
        (String) r[9],
        (String) r[10]);
  }
}
