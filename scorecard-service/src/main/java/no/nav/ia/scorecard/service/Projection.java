package no.nav.ia.scorecard.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Array;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import no.nav.ia.platform.events.EventEnvelope;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.scorecard.events.ScorecardEvent;
import no.nav.ia.scorecard.events.ScorecardEvent.AgreementRegistered;
import no.nav.ia.scorecard.events.ScorecardEvent.AgreementTerminated;
import no.nav.ia.scorecard.events.ScorecardEvent.CampaignStarted;
import no.nav.ia.scorecard.events.ScorecardEvent.ContactPersonAssigned;
import no.nav.ia.scorecard.events.ScorecardEvent.ResigningCaseAdded;
import no.nav.ia.scorecard.events.ScorecardEvent.ResigningCaseRemoved;
import no.nav.ia.scorecard.events.ScorecardEvent.ResigningStatusChanged;

/**
 * Applies events to the projection tables; runs inside the consumer's transaction. Deliveries are
 * applied by version: an event older than the state already applied (in the database or earlier in
 * the batch) changes nothing, so the result does not depend on the order in which a delivery's
 * events arrive. A batch's deliveries are applied set-wise, in the same number of statements
 * however many there are.
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

  /**
   * Logs a batch of events and applies them, in the consumer's transaction: the deliveries set-wise
   * ({@link #deliveries}), the other events (rare) one by one in record order.
   */
  public void apply(List<EventEnvelope> events, Function<EventEnvelope, String> topicOf) {
    log(events, topicOf);
    applyWithoutLog(events);
  }

  /** Applies the event's effect only; used by the rebuild, which replays the log itself. */
  public void applyWithoutLog(EventEnvelope event) {
    applyWithoutLog(List.of(event));
  }

  private void applyWithoutLog(List<EventEnvelope> events) {
    ProjectionBatch deliveries = new ProjectionBatch();
    for (EventEnvelope event : events) {
      ScorecardEvent e = ScorecardEvent.read(event, json).orElse(null);
      if (e instanceof ScorecardEvent.DeliveryEvent delivery) {
        deliveries.add(delivery.deliveryId(), delivery.version(), Fact.of(delivery));
      } else {
        applyOther(e, event);
      }
    }
    if (!deliveries.isEmpty()) {
      deliveries(deliveries);
    }
  }

  /** An event of another kind than a delivery: they are rare, and applied one by one. */
  private void applyOther(ScorecardEvent e, EventEnvelope event) {
    // Java 17: an instanceof chain over the sealed type (a pattern switch once the platform is on
    // 21).
    if (e instanceof AgreementRegistered registered) {
      agreementRegistered(registered);
    } else if (e instanceof AgreementTerminated terminated) {
      // Both upsert: arriving before the registration, they leave a row it completes (never a lost
      // update).
      // The day it was made too: deliveries put before it stay, also on days after a dated-back
      // end (V12).
      em.createNativeQuery(
              "insert into agreement_fact (agreement_id, org_number, county_code, signed_on, ended_on, ended_made_on)"
                  + " values (:id, :org, :county, :signed, :ended, :made)"
                  + " on conflict (agreement_id) do update set ended_on = excluded.ended_on,"
                  + " ended_made_on = excluded.ended_made_on")
          .setParameter("id", terminated.agreementId())
          .setParameter("org", terminated.orgNumber())
          .setParameter("county", terminated.countyCode())
          .setParameter("signed", terminated.signedOn())
          .setParameter("ended", terminated.endedOn())
          .setParameter("made", NorwegianTime.dateOf(event.occurredAt()))
          .executeUpdate();
      noteCounty(terminated.orgNumber());
    } else if (e instanceof ContactPersonAssigned assigned) {
      // The day the agreement first got a contact person (none is ever removed) stays the earliest
      // seen, so a redelivered or late assignment leaves it as it is.
      em.createNativeQuery(
              "insert into agreement_fact (agreement_id, org_number, county_code, contact_person, contact_person_since)"
                  + " values (:id, :org, :county, :who, :since)"
                  + " on conflict (agreement_id) do update set contact_person = excluded.contact_person,"
                  + " contact_person_since = least(agreement_fact.contact_person_since, excluded.contact_person_since)")
          .setParameter("id", assigned.agreementId())
          .setParameter("org", assigned.orgNumber())
          .setParameter("county", assigned.countyCode())
          .setParameter("who", assigned.navIdent())
          .setParameter("since", NorwegianTime.dateOf(event.occurredAt()))
          .executeUpdate();
      noteCounty(assigned.orgNumber());
    } else if (e instanceof CampaignStarted started) {
      campaignStarted(started, event);
    } else if (e instanceof ResigningStatusChanged changed) {
      resigningStatusChanged(changed);
    } else if (e instanceof ResigningCaseAdded added) {
      dueChanged("campaign_due_added", added.campaignId(), added.agreementId(), added.countyCode());
    } else if (e instanceof ResigningCaseRemoved removed) {
      // Kept apart from the statuses: it counts once whatever came before it, and a status event
      // of the agreement delivered again after it cannot bring it back.
      dueChanged(
          "campaign_due_removed",
          removed.campaignId(),
          removed.agreementId(),
          removed.countyCode());
    }
    // Anything else (null): an event type the projection does not count.
  }

  /** How long a batch waits for a lock before it is tried again later. */
  static final String LOCK_WAIT = "5s";

  /** The projection's own log, replayed by a rebuild: the batch's events in one insert. */
  private void log(List<EventEnvelope> events, Function<EventEnvelope, String> topicOf) {
    int n = events.size();
    UUID[] ids = new UUID[n];
    String[] topics = new String[n];
    String[] types = new String[n];
    OffsetDateTime[] occurred = new OffsetDateTime[n];
    String[] envelopes = new String[n];
    for (int i = 0; i < n; i++) {
      EventEnvelope event = events.get(i);
      ids[i] = event.eventId();
      topics[i] = topicOf.apply(event);
      types[i] = event.type();
      occurred[i] = event.occurredAt();
      try {
        envelopes[i] = json.writeValueAsString(event);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    // A rebuild holds the log (ProjectionRebuild) for as long as it takes, minutes on a large
    // log: the batch gives up after LOCK_WAIT instead of waiting that long, and the consumer tries
    // it again after its next poll (RetryPolicy: a lock not available is retried, never parked), so
    // it keeps polling and stays alive and in its group. Any lock wait later in this transaction
    // (another replica's rows) is bounded the same way.
    em.createNativeQuery("select set_config('lock_timeout', '" + LOCK_WAIT + "', true)")
        .getSingleResult();
    // In record order: the log's seq is the order a rebuild replays them in.
    em.createNativeQuery(
            "insert into event_log (event_id, topic, event_type, occurred_at, envelope)"
                + " select id, topic, type, at, env from unnest(:ids, :topics, :types, :at, :envelopes)"
                + " with ordinality as e(id, topic, type, at, env, n) order by n on conflict do nothing")
        .setParameter("ids", ids)
        .setParameter("topics", topics)
        .setParameter("types", types)
        .setParameter("at", occurred)
        .setParameter("envelopes", envelopes)
        .executeUpdate();
  }

  /**
   * Applies a batch's delivery events in a fixed number of statements, whatever their number: the
   * facts of its deliveries read and locked in one, the changes resolved in memory ({@link
   * ProjectionBatch}), one upsert per aggregate table, one for the enterprises and one for the
   * facts. Every statement takes its rows in key order, so concurrent consumers (other partitions,
   * other replicas) lock shared rows in the same order and wait for each other rather than
   * deadlock.
   */
  private void deliveries(ProjectionBatch batch) {
    UUID[] ids = batch.deliveryIds().toArray(UUID[]::new);
    // A delivery not yet in delivery_fact has no row to lock: two consumers could both count it as
    // new when its events sit in two partitions (a correction that moved it to another enterprise,
    // the key). A transaction lock per delivery id, taken in one order by every consumer, makes
    // them take turns.
    em.createNativeQuery(
            "select count(pg_advisory_xact_lock(k)) from (select distinct"
                + " hashtextextended(id::text, 0) k from unnest(:ids) id order by k) locks")
        .setParameter("ids", ids)
        .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select delivery_id, version, live, county_code, org_number, service, direction, sub_goals, delivered_on, lag_days, form, adviser"
                    + " from delivery_fact where delivery_id = any(:ids) order by delivery_id for update")
            .setParameter("ids", ids)
            .getResultList();
    Map<UUID, ProjectionBatch.Versioned> applied = new HashMap<>();
    for (Object[] row : rows) {
      applied.put(
          (UUID) row[0],
          new ProjectionBatch.Versioned(
              ((Number) row[1]).longValue(),
              new Fact(
                  (Boolean) row[2],
                  (String) row[3],
                  (String) row[4],
                  (String) row[5],
                  (String) row[6],
                  toList(row[7]),
                  toDate(row[8]),
                  ((Number) row[9]).intValue(),
                  (String) row[10],
                  (String) row[11])));
    }
    ProjectionBatch.Changes changes = batch.resolve(applied);
    if (changes.isEmpty()) {
      return;
    }
    for (Aggregates.Aggregate aggregate : Aggregates.ALL) {
      Map<List<Object>, Long> deltas = changes.deltas().get(aggregate.table());
      if (deltas.isEmpty()) {
        continue;
      }
      List<List<Object>> keys = List.copyOf(deltas.keySet());
      var q =
          em.createNativeQuery(aggregate.upsertSql())
              .setParameter("periods", column(keys, 0))
              .setParameter("counties", column(keys, 1))
              .setParameter("deltas", keys.stream().map(deltas::get).toArray(Long[]::new));
      for (int i = 0; i < aggregate.columns().size(); i++) {
        q.setParameter("v" + i, column(keys, i + 2));
      }
      q.executeUpdate();
    }
    enterprises(changes.enterprises());
    facts(changes.facts());
  }

  /**
   * Moves each enterprise's deliveries in its card periods; the county's count of enterprises with
   * deliveries moves by those that went from none to some (+1) or from some to none (-1). The
   * upsert returns each row's new count; the count before is that less the row's delta.
   */
  private void enterprises(Map<List<String>, Long> deltas) {
    if (deltas.isEmpty()) {
      return;
    }
    List<List<Object>> keys = deltas.keySet().stream().map(List::<Object>copyOf).toList();
    em.createNativeQuery(
            "with input as (select * from unnest(:counties, :periods, :orgs, :deltas)"
                + " as t(county_code, period, org_number, delta)),"
                + " changed as ("
                + " insert into enterprise_period (county_code, period, org_number, deliveries)"
                + " select county_code, period, org_number, delta from input order by county_code, period, org_number"
                + " on conflict (county_code, period, org_number) do update set deliveries = enterprise_period.deliveries + excluded.deliveries"
                + " returning county_code, period, org_number, deliveries),"
                + " moved as (select period, county_code,"
                + " sum(case when c.deliveries > 0 and c.deliveries - i.delta <= 0 then 1"
                + " when c.deliveries <= 0 and c.deliveries - i.delta > 0 then -1 else 0 end) enterprises"
                + " from changed c join input i using (county_code, period, org_number) group by period, county_code)"
                + " insert into enterprise_period_count (period, county_code, enterprises)"
                + " select period, county_code, enterprises from moved where enterprises <> 0 order by period, county_code"
                + " on conflict (period, county_code) do update set enterprises = enterprise_period_count.enterprises + excluded.enterprises")
        .setParameter("counties", column(keys, 0))
        .setParameter("periods", column(keys, 1))
        .setParameter("orgs", column(keys, 2))
        .setParameter("deltas", deltas.values().toArray(Long[]::new))
        .executeUpdate();
  }

  /** The new state of each delivery the batch changed. */
  private void facts(Map<UUID, ProjectionBatch.Versioned> facts) {
    int n = facts.size();
    UUID[] ids = new UUID[n];
    Long[] versions = new Long[n];
    Boolean[] live = new Boolean[n];
    String[] counties = new String[n];
    String[] orgs = new String[n];
    String[] services = new String[n];
    String[] directions = new String[n];
    String[] goals = new String[n];
    LocalDate[] days = new LocalDate[n];
    Integer[] lags = new Integer[n];
    String[] forms = new String[n];
    String[] advisers = new String[n];
    int i = 0;
    for (Map.Entry<UUID, ProjectionBatch.Versioned> entry : facts.entrySet()) {
      Fact f = entry.getValue().fact();
      ids[i] = entry.getKey();
      versions[i] = entry.getValue().version();
      live[i] = f.live();
      counties[i] = f.county();
      orgs[i] = f.org();
      services[i] = f.service();
      directions[i] = f.direction();
      goals[i] = arrayLiteral(f.subGoals());
      days[i] = f.deliveredOn();
      lags[i] = f.lagDays();
      forms[i] = f.form();
      advisers[i] = f.adviser();
      i++;
    }
    em.createNativeQuery(
            "insert into delivery_fact (delivery_id, version, live, county_code, org_number, service, direction, sub_goals, delivered_on, lag_days, form, adviser)"
                + " select id, v, live, county, org, service, direction, cast(goals as int[]), day, lag, form, adviser"
                + " from unnest(:ids, :versions, :live, :counties, :orgs, :services, :directions, :goals, :days, :lags, :forms, :advisers)"
                + " as t(id, v, live, county, org, service, direction, goals, day, lag, form, adviser) order by id"
                + " on conflict (delivery_id) do update set version = excluded.version, live = excluded.live,"
                + " county_code = excluded.county_code, org_number = excluded.org_number, service = excluded.service,"
                + " direction = excluded.direction, sub_goals = excluded.sub_goals, delivered_on = excluded.delivered_on,"
                + " lag_days = excluded.lag_days, form = excluded.form, adviser = excluded.adviser")
        .setParameter("ids", ids)
        .setParameter("versions", versions)
        .setParameter("live", live)
        .setParameter("counties", counties)
        .setParameter("orgs", orgs)
        .setParameter("services", services)
        .setParameter("directions", directions)
        .setParameter("goals", goals)
        .setParameter("days", days)
        .setParameter("lags", lags)
        .setParameter("forms", forms)
        .setParameter("advisers", advisers)
        .executeUpdate();
  }

  /**
   * The {@code index}th value of every key, as an array of the values' type (bound as a typed SQL
   * array).
   */
  private static Object[] column(List<List<Object>> keys, int index) {
    Class<?> type =
        keys.stream()
            .map(k -> k.get(index))
            .filter(Objects::nonNull)
            .findFirst()
            .<Class<?>>map(Object::getClass)
            .orElse(String.class);
    Object[] values = (Object[]) Array.newInstance(type, keys.size());
    for (int i = 0; i < values.length; i++) {
      values[i] = keys.get(i).get(index);
    }
    return values;
  }

  private void agreementRegistered(AgreementRegistered e) {
    em.createNativeQuery(
            "insert into agreement_fact (agreement_id, org_number, county_code, employees, signed_on, contact_person, contact_person_since)"
                + " values (:id, :org, :county, :employees, :signed, :contact,"
                // Registered with a contact person: it has had one since it was signed.
                + " case when cast(:contact as text) is null then null else cast(:signed as date) end)"
                + " on conflict (agreement_id) do update set"
                + " org_number = excluded.org_number, county_code = excluded.county_code, employees = excluded.employees,"
                + " signed_on = excluded.signed_on, contact_person = coalesce(agreement_fact.contact_person, excluded.contact_person),"
                + " contact_person_since = least(agreement_fact.contact_person_since, excluded.contact_person_since)")
        .setParameter("id", e.agreementId())
        .setParameter("org", e.orgNumber())
        .setParameter("county", e.countyCode())
        .setParameter("employees", e.employees())
        .setParameter("signed", e.signedOn())
        .setParameter("contact", e.contactPerson())
        .executeUpdate();
    noteCounty(e.orgNumber());
  }

  /**
   * Keeps the years in which an enterprise had agreements in more than one county code, whose
   * deliveries a card of such a year must count as one enterprise's ({@code FiguresRepository}).
   */
  private void noteCounty(String org) {
    em.createNativeQuery("delete from enterprise_in_counties where org_number = :org")
        .setParameter("org", org)
        .executeUpdate();
    em.createNativeQuery(
            "insert into enterprise_in_counties (org_number, years)"
                + " select :org, years from enterprise_years_in_counties(:org)")
        .setParameter("org", org)
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

  /**
   * One agreement more ({@code campaign_due_added}) or less ({@code campaign_due_removed}) due in a
   * campaign than its start counted: a row per agreement, so a redelivery counts once.
   */
  private void dueChanged(String table, UUID campaign, UUID agreement, String county) {
    em.createNativeQuery(
            "insert into "
                + table
                + " (campaign_id, agreement_id, county_code)"
                + " values (:c, :a, :county) on conflict do nothing")
        .setParameter("c", campaign)
        .setParameter("a", agreement)
        .setParameter("county", county)
        .executeUpdate();
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
