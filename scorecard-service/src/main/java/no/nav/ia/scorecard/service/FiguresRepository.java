package no.nav.ia.scorecard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import no.nav.ia.scorecard.Figures;
import no.nav.ia.scorecard.Period;

/**
 * Reads a period's figures per county code from the pre-aggregated tables: a fixed number of
 * grouped queries whose cost depends on months and counties, not on the number of deliveries or
 * enterprises (the enterprises with a delivery are counted per period when events are applied).
 */
@ApplicationScoped
public class FiguresRepository {

  @Inject EntityManager em;

  public Map<String, Figures> perCounty(Period period, Optional<UUID> campaign) {
    Map<String, Figures> byCounty = new HashMap<>();
    LocalDate from = period.from();
    LocalDate to = period.to();
    LocalDate monthFrom = period.first().atDay(1);
    LocalDate monthTo = period.last().atDay(1);

    deliveries(period, byCounty);
    grouped("select county_code, sub_goal, sum(deliveries) from subgoal_month where month between ?1 and ?2 group by 1, 2 having sum(deliveries) <> 0",
        byCounty, (f, r) -> f.bySubGoal.merge(String.valueOf(num(r[1])), num(r[2]), Long::sum), monthFrom, monthTo);
    grouped("select county_code, lag_days, sum(deliveries) from lag_month where month between ?1 and ?2 group by 1, 2 having sum(deliveries) <> 0",
        byCounty, (f, r) -> f.lagHistogram.merge((int) num(r[1]), num(r[2]), Long::sum), monthFrom, monthTo);
    grouped("select county_code, enterprises from enterprise_period_count where period = ?1",
        byCounty, (f, r) -> f.withDelivery += num(r[1]), period.id());
    grouped("select county_code,"
        + " count(*) filter (where signed_on <= ?2 and (ended_on is null or ended_on >= ?2)),"
        + " count(*) filter (where signed_on between ?1 and ?2),"
        + " count(*) filter (where signed_on <= ?2 and (ended_on is null or ended_on >= ?2) and contact_person is not null)"
        + " from agreement_fact group by 1",
        byCounty, (f, r) -> {
          f.activeAgreements += num(r[1]);
          f.newAgreements += num(r[2]);
          f.withContactPerson += num(r[3]);
        }, from, to);
    campaign.ifPresent(c -> {
      grouped("select county_code, due from campaign_due where campaign_id = ?1", byCounty, (f, r) -> f.resigningDue += num(r[1]), c);
      grouped("select county_code, count(*) from resigning_fact where campaign_id = ?1 and status = 'RESIGNED' group by 1",
          byCounty, (f, r) -> f.resigningResigned += num(r[1]), c);
    });
    return byCounty;
  }

  /**
   * The period's deliveries by service and direction, the same period a year before, and the month
   * totals of this and last year, from one range read of the month rows of those two years (the
   * period and the year before it lie in them) instead of three grouped queries over them.
   */
  private void deliveries(Period period, Map<String, Figures> byCounty) {
    int year = period.year();
    Period before = period.yearBefore();
    Map<String, Map<List<String>, Long>> inPeriod = new HashMap<>();
    for (Object[] r : rows("select county_code, month, service, direction, deliveries from delivery_month where month between ?1 and ?2",
        YearMonth.of(year - 1, 1).atDay(1), YearMonth.of(year, 12).atDay(1))) {
      String county = (String) r[0];
      YearMonth month = YearMonth.from(Projection.toDate(r[1]));
      long n = num(r[4]);
      Figures f = of(byCounty, county);
      (month.getYear() == year ? f.monthsThisYear : f.monthsLastYear).merge(month.getMonthValue(), n, Long::sum);
      if (before.contains(month.atDay(1))) {
        f.previousYearTotal += n;
      }
      if (period.contains(month.atDay(1))) {
        inPeriod.computeIfAbsent(county, k -> new HashMap<>()).merge(List.of((String) r[2], (String) r[3]), n, Long::sum);
      }
    }
    inPeriod.forEach((county, groups) -> groups.forEach((serviceAndDirection, n) -> {
      if (n == 0) {
        return; // corrected or voided away: not a service with deliveries
      }
      Figures f = byCounty.get(county);
      f.byService.merge(serviceAndDirection.get(0), n, Long::sum);
      if ("SYSTEM".equals(serviceAndDirection.get(1))) {
        f.system += n;
      } else {
        f.individual += n;
      }
    }));
  }

  /** The newest re-signing campaign, whose progress the cards show. */
  public Optional<UUID> latestCampaign() {
    // Without a result class: Hibernate's plan cache compares result-set mappings on every call,
    // which cost more than the query itself (seen in a profile of the card endpoint).
    List<?> newest = em.createNativeQuery("select campaign_id from campaign order by started_at desc limit 1").getResultList();
    return newest.stream().findFirst().map(UUID.class::cast);
  }

  private void grouped(String sql, Map<String, Figures> byCounty, BiConsumer<Figures, Object[]> add, Object... params) {
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
