package no.nav.ia.delivery.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.delivery.AgreementView;
import no.nav.ia.delivery.Delivery;
import no.nav.ia.delivery.DeliveryVersion;

/**
 * Recording a delivery in two statements on the connection of the caller's JTA transaction (Agroal
 * hands out the connection enlisted in it, the one Hibernate uses too), so they commit or roll back
 * together: the first claims the Idempotency-Key and reads the enterprise's agreements from the
 * read model ({@link #claim}); the second writes the delivery, its first version and, with {@link
 * no.nav.ia.platform.events.Outbox#publishWith}, its event ({@link #RECORDED}, {@link
 * #bindRecorded}). With the commit, three round trips to the database instead of six, and the
 * session never holds an entity: the entities are still built by their own rules ({@link
 * Delivery#record}), but nothing is copied, dirty-checked or flushed. Corrections and voids change
 * loaded entities and stay with the ORM.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeliveryInserts {

  /** What the claim found: whether an earlier request holds the key, and the agreements. */
  public record Claim(boolean takenBefore, List<Term> agreements) {

    /** The county of the enterprise's agreement active on the day, if the read model has one. */
    public Optional<String> countyActiveOn(LocalDate day) {
      return agreements.stream()
          .filter(a -> AgreementView.isActiveOn(a.signedOn(), a.endedOn(), day))
          .map(Term::countyCode)
          .findFirst();
    }
  }

  /** One agreement of the enterprise as the read model holds it. */
  public record Term(String countyCode, LocalDate signedOn, LocalDate endedOn) {}

  /**
   * The key's claim and the read model in one statement. The claim comes first: a parallel request
   * with the same key waits on its row and then finds it taken, and a retry gets its first result
   * whatever the read model says now. Without a key nothing is claimed.
   */
  private static final String CLAIM =
      """
      with claim as (
        insert into idempotency_key (actor, key, request_hash, delivery_id, created_at)
        select ?, ?, ?, ?, now() where ?
        on conflict do nothing returning 1)
      select (select count(*) from claim), a.county_code, a.signed_on, a.ended_on
        from (select 1) one left join agreement_view a on a.org_number = ?
      """;

  /** A new delivery and its first version; {@link #bindRecorded} binds their parameters. */
  public static final String RECORDED =
      "insert into delivery (id, org_number, county_code, service, direction, sub_goals,"
          + " delivered_on, form, note, adviser, group_id, registered_at, registration_lag_days,"
          + " status, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);\n"
          + "insert into delivery_version (delivery_id, version, change, snapshot, changed_by,"
          + " changed_at, call_id, changer_scope) values (?, ?, ?, ?, ?, ?, ?, ?)";

  @Inject AgroalDataSource dataSource;

  /**
   * Claims the key (null: no key) for the delivery {@code id} and reads the enterprise's
   * agreements.
   */
  public Claim claim(String actor, String key, String requestHash, UUID id, String orgNumber) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement(CLAIM)) {
      q.setString(1, actor);
      q.setString(2, key);
      q.setString(3, requestHash);
      q.setObject(4, id);
      q.setBoolean(5, key != null);
      q.setString(6, orgNumber);
      boolean claimed = true;
      List<Term> agreements = new ArrayList<>(1);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          claimed = rs.getInt(1) == 1;
          String county = rs.getString(2);
          if (county != null) {
            agreements.add(
                new Term(
                    county, rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
          }
        }
      }
      return new Claim(key != null && !claimed, agreements);
    } catch (SQLException e) {
      throw new IllegalStateException("key of delivery " + id + " not claimed", e);
    }
  }

  /**
   * Binds {@link #RECORDED}'s parameters: a delivery no one has seen yet (its row is not in the
   * persistence context) and its first version. Returns how many it bound.
   */
  public static int bindRecorded(Connection c, PreparedStatement i, Delivery d, DeliveryVersion v)
      throws SQLException {
    i.setObject(1, d.id);
    i.setString(2, d.orgNumber);
    i.setString(3, d.countyCode);
    i.setString(4, d.service.name());
    i.setString(5, d.direction.name());
    i.setArray(6, c.createArrayOf("int4", d.subGoals.toArray()));
    i.setObject(7, d.deliveredOn);
    i.setString(8, d.form == null ? null : d.form.name());
    i.setString(9, d.note);
    i.setString(10, d.adviser);
    i.setObject(11, d.groupId);
    i.setObject(12, d.registeredAt);
    i.setInt(13, d.registrationLagDays);
    i.setString(14, d.status.name());
    i.setLong(15, d.version);
    i.setObject(16, v.deliveryId);
    i.setLong(17, v.version);
    i.setString(18, v.change);
    i.setString(19, v.snapshot);
    i.setString(20, v.changedBy);
    i.setObject(21, v.changedAt);
    i.setString(22, v.callId);
    i.setString(23, v.changerScope);
    return 23;
  }
}
