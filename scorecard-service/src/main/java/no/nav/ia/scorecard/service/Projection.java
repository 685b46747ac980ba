package no.nav.ia.scorecard.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.nav.ia.platform.events.EventEnvelope;
import no.nav.ia.scorecard.Period;
import no.nav.ia.scorecard.events.ScorecardEvent;
import no.nav.ia.scorecard.events.ScorecardEvent.AgreementRegistered;
import no.nav.ia.scorecard.events.ScorecardEvent.AgreementTerminated;
import no.nav.ia.scorecard.events.ScorecardEvent.CampaignStarted;
import no.nav.ia.scorecard.events.ScorecardEvent.ContactPersonAssigned;
import no.nav.ia.scorecard.events.ScorecardEvent.ResigningStatusChanged;

/**
 * Applies events to the projection tables; runs inside the consumer's transaction. Deliveries are
 * applied by version: an event older than the state already applied changes nothing, so the result
 * does not depend on the order in which a delivery's events arrive.
 */
@ApplicationScoped
public class Projection {

  @Inject EntityManager em;
  @Inject ObjectMapper json;

  /** One version of a delivery as the projection counts it. */
  record Fact(
      boolean live,
      String county,
      String org,
      String service,
      String direction,
      List<Integer> subGoals,
      LocalDate deliveredOn,
      int lagDays,
      String form,
      String adviser) {

    static Fact of(ScorecardEvent.DeliveryEvent event) {
      ScorecardEvent.Facts f = event.facts();
      return new Fact(
          event.live(),
          f.countyCode(),
          f.orgNumber(),
          f.service(),
          f.direction(),
          List.copyOf(f.subGoals()),
          f.deliveredOn(),
          f.lagDays(),
          f.formOrDirect(),
          f.adviser());
    }
  }

  public void apply(String topic, EventEnvelope event) {
    String envelope;
    try {
      envelope = json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    em.createNativeQuery(
            "insert into event_log (event_id, topic, event_type, occurred_at, envelope) values (:id, :topic, :type, :at, :env) on conflict do nothing")
        .setParameter("id", event.eventId())
        .setParameter("topic", topic)
        .setParameter("type", event.type())
        .setParameter("at", event.occurredAt())
        .setParameter("env", envelope)
        .executeUpdate();
    applyWithoutLog(event);
  }

  /** Applies the event's effect only; used by the rebuild, which replays the log itself. */
  public void applyWithoutLog(EventEnvelope event) {
    // Java 17: an instanceof chain over the sealed type (a pattern switch once the platform is on
    // 21).
    ScorecardEvent e = ScorecardEvent.read(event, json).orElse(null);
    if (e instanceof ScorecardEvent.DeliveryEvent delivery) {
      delivery(delivery.deliveryId(), delivery.version(), Fact.of(delivery));
    } else if (e instanceof AgreementRegistered registered) {
      agreementRegistered(registered);
    } else if (e instanceof AgreementTerminated terminated) {
      // Both upsert: arriving before the registration, they leave a row it completes (never a lost
      // update).
      em.createNativeQuery(
              "insert into agreement_fact (agreement_id, org_number, county_code, signed_on, ended_on)"
                  + " values (:id, :org, :county, :signed, :ended)"
                  + " on conflict (agreement_id) do update set ended_on = excluded.ended_on")
          .setParameter("id", terminated.agreementId())
          .setParameter("org", terminated.orgNumber())
          .setParameter("county", terminated.countyCode())
          .setParameter("signed", terminated.signedOn())
          .setParameter("ended", terminated.endedOn())
          .executeUpdate();
    } else if (e instanceof ContactPersonAssigned assigned) {
      em.createNativeQuery(
              "insert into agreement_fact (agreement_id, org_number, county_code, contact_person)"
                  + " values (:id, :org, :county, :who)"
                  + " on conflict (agreement_id) do update set contact_person = excluded.contact_person")
          .setParameter("id", assigned.agreementId())
          .setParameter("org", assigned.orgNumber())
          .setParameter("county", assigned.countyCode())
          .setParameter("who", assigned.navIdent())
          .executeUpdate();
    } else if (e instanceof CampaignStarted started) {
      campaignStarted(started, event);
    } else if (e instanceof ResigningStatusChanged changed) {
      resigningStatusChanged(changed);
    }
    // Anything else (null): an event type the projection does not count.
  }

  private void delivery(UUID id, long version, Fact next) {
    Object[] current =
        (Object[])
            em.createNativeQuery(
                    "select version, live, county_code, org_number, service, direction, sub_goals, delivered_on, lag_days, form, adviser"
                        + " from delivery_fact where delivery_id = :id for update")
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElse(null);
    if (current != null) {
      if (((Number) current[0]).longValue() >= version) {
        return;
      }
      if ((Boolean) current[1]) {
        count(
            new Fact(
                true,
                (String) current[2],
                (String) current[3],
                (String) current[4],
                (String) current[5],
                toList(current[6]),
                toDate(current[7]),
                ((Number) current[8]).intValue(),
                (String) current[9],
                (String) current[10]),
            -1);
      }
    }
    if (next.live()) {
      count(next, +1);
    }
    em.createNativeQuery(
            "insert into delivery_fact (delivery_id, version, live, county_code, org_number, service, direction, sub_goals, delivered_on, lag_days, form, adviser)"
                + " values (:id, :v, :live, :county, :org, :service, :direction, cast(:goals as int[]), :on, :lag, :form, :adviser)"
                + " on conflict (delivery_id) do update set version = excluded.version, live = excluded.live,"
                + " county_code = excluded.county_code, org_number = excluded.org_number, service = excluded.service,"
                + " direction = excluded.direction, sub_goals = excluded.sub_goals, delivered_on = excluded.delivered_on,"
                + " lag_days = excluded.lag_days, form = excluded.form, adviser = excluded.adviser")
        .setParameter("id", id)
        .setParameter("v", version)
        .setParameter("live", next.live())
        .setParameter("county", next.county())
        .setParameter("org", next.org())
        .setParameter("service", next.service())
        .setParameter("direction", next.direction())
        .setParameter("goals", arrayLiteral(next.subGoals()))
        .setParameter("on", next.deliveredOn())
        .setParameter("lag", next.lagDays())
        .setParameter("form", next.form())
        .setParameter("adviser", next.adviser())
        .executeUpdate();
  }

  /**
   * Adds (+1) or removes (-1) one delivery from every aggregate it counts in, in each of its card
   * periods.
   */
  private void count(Fact f, int delta) {
    String periods = "{" + String.join(",", Period.containing(f.deliveredOn())) + "}";
    for (Aggregates.Aggregate aggregate : Aggregates.ALL) {
      for (List<Object> key : aggregate.keys().apply(f)) {
        var q =
            em.createNativeQuery(aggregate.upsertSql())
                .setParameter("county", f.county())
                .setParameter("periods", periods)
                .setParameter("delta", (long) delta);
        for (int i = 0; i < key.size(); i++) {
          q.setParameter("v" + i, key.get(i));
        }
        q.executeUpdate();
      }
    }
    enterprise(f, delta, periods);
  }

  /**
   * Counts the delivery for its enterprise in each card period containing the day; the county's
   * count of enterprises with deliveries moves when the enterprise's first one arrives or its last
   * one goes.
   */
  private void enterprise(Fact f, int delta, String periods) {
    em.createNativeQuery(
            "with changed as ("
                + " insert into enterprise_period (county_code, period, org_number, deliveries)"
                + " select :county, p, :org, :delta from unnest(cast(:periods as text[])) p"
                + " on conflict (county_code, period, org_number) do update set deliveries = enterprise_period.deliveries + excluded.deliveries"
                + " returning period, deliveries)"
                + " insert into enterprise_period_count (period, county_code, enterprises)"
                + " select period, :county, :delta from changed where deliveries = :firstOrLast"
                + " on conflict (period, county_code) do update set enterprises = enterprise_period_count.enterprises + excluded.enterprises")
        .setParameter("county", f.county())
        .setParameter("org", f.org())
        .setParameter("periods", periods)
        .setParameter("delta", (long) delta)
        .setParameter("firstOrLast", delta > 0 ? 1L : 0L)
        .executeUpdate();
  }

  private void agreementRegistered(AgreementRegistered e) {
    em.createNativeQuery(
            "insert into agreement_fact (agreement_id, org_number, county_code, employees, signed_on, contact_person)"
                + " values (:id, :org, :county, :employees, :signed, :contact) on conflict (agreement_id) do update set"
                + " org_number = excluded.org_number, county_code = excluded.county_code, employees = excluded.employees,"
                + " signed_on = excluded.signed_on, contact_person = coalesce(agreement_fact.contact_person, excluded.contact_person)")
        .setParameter("id", e.agreementId())
        .setParameter("org", e.orgNumber())
        .setParameter("county", e.countyCode())
        .setParameter("employees", e.employees())
        .setParameter("signed", e.signedOn())
        .setParameter("contact", e.contactPerson())
        .executeUpdate();
  }

  private void campaignStarted(CampaignStarted e, EventEnvelope event) {
    em.createNativeQuery(
            "insert into campaign (campaign_id, deadline, started_on, started_at) values (:id, :deadline, :started, :at) on conflict do nothing")
        .setParameter("id", e.campaignId())
        .setParameter("deadline", e.deadline())
        .setParameter("started", e.startedOn())
        .setParameter("at", event.occurredAt())
        .executeUpdate();
    e.dueByCounty()
        .forEach(
            (county, due) ->
                em.createNativeQuery(
                        "insert into campaign_due (campaign_id, county_code, due) values (:id, :county, :due) on conflict do nothing")
                    .setParameter("id", e.campaignId())
                    .setParameter("county", county)
                    .setParameter("due", due)
                    .executeUpdate());
  }

  private void resigningStatusChanged(ResigningStatusChanged e) {
    em.createNativeQuery(
            "insert into resigning_fact (campaign_id, agreement_id, county_code, status, changed_on)"
                + " values (:c, :a, :county, :status, :on) on conflict (campaign_id, agreement_id) do update set"
                + " status = excluded.status, changed_on = excluded.changed_on where resigning_fact.changed_on <= excluded.changed_on")
        .setParameter("c", e.campaignId())
        .setParameter("a", e.agreementId())
        .setParameter("county", e.countyCode())
        .setParameter("status", e.to())
        .setParameter("on", e.on())
        .executeUpdate();
  }

  private static String arrayLiteral(List<Integer> values) {
    return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
  }

  private static List<Integer> toList(Object array) {
    try {
      Object[] values =
          array instanceof java.sql.Array sql ? (Object[]) sql.getArray() : (Object[]) array;
      List<Integer> result = new ArrayList<>();
      for (Object v : values) {
        result.add(((Number) v).intValue());
      }
      return result;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalDate toDate(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
