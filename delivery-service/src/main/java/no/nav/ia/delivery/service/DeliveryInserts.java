package no.nav.ia.delivery.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import no.nav.ia.delivery.Delivery;
import no.nav.ia.delivery.DeliveryVersion;

/**
 * A new delivery and its first version, written as two plain INSERTs instead of entity persists:
 * the entities are still built by their own rules ({@link Delivery#record}), but the session never
 * holds them, so recording copies, dirty-checks and flushes nothing. The statements run on the
 * connection of the caller's JTA transaction (Agroal hands out the connection enlisted in it, the
 * one Hibernate uses too), so they commit or roll back with the key's claim and the outbox event.
 * Corrections and voids change loaded entities and stay with the ORM.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeliveryInserts {

  @Inject AgroalDataSource dataSource;

  /** Writes a delivery no one has seen yet (its row is not in the persistence context). */
  public void insert(Delivery d) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement i =
            c.prepareStatement(
                "insert into delivery (id, org_number, county_code, service, direction,"
                    + " sub_goals, delivered_on, form, note, adviser, group_id, registered_at,"
                    + " registration_lag_days, status, version)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
      i.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("delivery " + d.id + " not written", e);
    }
  }

  /** Writes a kept version of a delivery written before it in this transaction. */
  public void insert(DeliveryVersion v) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement i =
            c.prepareStatement(
                "insert into delivery_version (delivery_id, version, change, snapshot,"
                    + " changed_by, changed_at, call_id) values (?, ?, ?, ?, ?, ?, ?)")) {
      i.setObject(1, v.deliveryId);
      i.setLong(2, v.version);
      i.setString(3, v.change);
      i.setString(4, v.snapshot);
      i.setString(5, v.changedBy);
      i.setObject(6, v.changedAt);
      i.setString(7, v.callId);
      i.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "version " + v.version + " of delivery " + v.deliveryId + " not written", e);
    }
  }
}
