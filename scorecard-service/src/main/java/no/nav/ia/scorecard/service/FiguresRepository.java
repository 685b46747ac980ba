package no.nav.ia.scorecard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import no.nav.ia.scorecard.Figures;
import no.nav.ia.scorecard.Period;

/**
 * Reads a period's figures per county code from the aggregates kept per card period: a fixed number
 * of queries, each reading the rows of one period (or of the 24 months around it), so the cost
 * depends on counties and services, not on the number of deliveries or enterprises.
 */
@ApplicationScoped
public class FiguresRepository {

  @Inject EntityManager em;

  public Map<String, Figures> perCounty(Period period, Optional<UUID> campaign) {
    Map<String, Figures> byCounty = new HashMap<>();
    LocalDate from = period.from();
    LocalDate to = period.to();

    deliveries(period, byCounty);
    grouped(
        "select county_code, sub_goal, deliveries from subgoal_period where period = ?1 and deliveries <> 0",
        byCounty,
        (f, r) -> f.bySubGoal.merge(String.valueOf(num(r[1])), num(r[2]), Long::sum),
        period.id());
    grouped(
        "select county_code, lag_days, deliveries from lag_period where period = ?1 and deliveries <> 0",
        byCounty,
        (f, r) -> f.lagHistogram.merge((int) num(r[1]), num(r[2]), Long::sum),
        period.id());
    grouped(
        "select county_code, enterprises from enterprise_period_count where period = ?1",
        byCounty,
        (f, r) -> f.withDelivery += num(r[1]),
        period.id());
    grouped(
        "select county_code,"
            + " count(*) filter (where signed_on <= ?2 and (ended_on is null or ended_on >= ?2)),"
            + " count(*) filter (where signed_on between ?1 and ?2),"
            + " count(*) filter (where signed_on <= ?2 and (ended_on is null or ended_on >= ?2) and contact_person is not null)"
            + " from agreement_fact group by 1",
        byCounty,
        (f, r) -> {
          f.activeAgreements += num(r[1]);
          f.newAgreements += num(r[2]);
          f.withContactPerson += num(r[3]);
        },
        from,
        to);
    campaign.ifPresent(
        c -> {
          grouped(
              "select county_code, due from campaign_due where campaign_id = ?1",
              byCounty,
              (f, r) -> f.resigningDue += num(r[1]),
              c);
          grouped(
              "select county_code, count(*) from resigning_fact where campaign_id = ?1 and status = 'RESIGNED' group by 1",
              byCounty,
              (f, r) -> f.resigningResigned += num(r[1]),
              c);
        });
    return byCounty;
  }

  /**
   * The period's deliveries by service and direction (a group corrected or voided down to zero is
   * not a service with deliveries), and from the per-county totals the same period a year before
   * and the month series of this and last year.
   */
  private void deliveries(Period period, Map<String, Figures> byCounty) {
    grouped(
        "select county_code, service, direction, deliveries from delivery_period where period = ?1 and deliveries <> 0",
        byCounty,
        (f, r) -> {
          long n = num(r[3]);
          f.byService.merge((String) r[1], n, Long::sum);
          if ("SYSTEM".equals(r[2])) {
            f.system += n;
          } else {
            f.individual += n;
          }
        },
        period.id());
    int year = period.year();
    String before = period.yearBefore().id();
    Map<String, YearMonth> months = new HashMap<>();
    for (int y = year - 1; y <= year; y++) {
      for (int m = 1; m <= 12; m++) {
        months.put(YearMonth.of(y, m).toString(), YearMonth.of(y, m));
      }
    }
    List<String> ids = new ArrayList<>(months.keySet());
    ids.add(before);
    grouped(
        "select county_code, period, deliveries from delivery_period_total where period = any(cast(?1 as varchar[]))",
        byCounty,
        (f, r) -> {
          String id = (String) r[1];
          long n = num(r[2]);
          if (id.equals(before)) {
            f.previousYearTotal += n;
          }
          YearMonth month = months.get(id);
          if (month != null) {
            (month.getYear() == year ? f.monthsThisYear : f.monthsLastYear)
                .merge(month.getMonthValue(), n, Long::sum);
          }
        },
        "{" + String.join(",", ids) + "}");
  }

  /** The newest re-signing campaign, whose progress the cards show. */
  public Optional<UUID> latestCampaign() {
    // Without a result class: Hibernate's plan cache compares result-set mappings on every call,
    // which cost more than the query itself (seen in a profile of the card endpoint).
    List<?> newest =
        em.createNativeQuery("select campaign_id from campaign order by started_at desc limit 1")
            .getResultList();
    return newest.stream().findFirst().map(UUID.class::cast);
  }

  private void grouped(
      String sql,
      Map<String, Figures> byCounty,
      BiConsumer<Figures, Object[]> add,
      Object... params) {
    rows(sql, params).forEach(r -> add.accept(of(byCounty, r[0]), r));
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return q.getResultList();
  }

  private static Figures of(Map<String, Figures> byCounty, Object county) {
    return byCounty.computeIfAbsent((String) county, k -> new Figures());
  }

  private static long num(Object value) {
    return ((Number) value).longValue();
  }
}
