package no.nav.ia.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The statements on the outbox table, as plain SQL: an event is written with one INSERT (sent
 * together with the statements of the change it reports, {@link #insertWith}), a batch is read as
 * the columns a send needs (no entity is loaded, copied or dirty-checked) and marked published with
 * one statement. Each runs on the connection of the caller's transaction: inside a JTA transaction
 * Agroal hands out the connection enlisted in it, so the relay lock, the read and the mark commit
 * or roll back together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class OutboxRows {

  /** The columns a send needs of one unpublished row. */
  record Pending(
      long seq,
      String topic,
      String key,
      String envelope,
      UUID eventId,
      String type,
      String callId) {}

  /**
   * A new row: {@code seq} comes from its identity column (publication order) and {@code
   * published_at} stays null until the relay has sent it.
   */
  record Written(
      UUID eventId,
      String topic,
      String key,
      String type,
      String envelope,
      String callId,
      OffsetDateTime createdAt) {}

  @Inject AgroalDataSource dataSource;

  private static final String INSERT =
      "insert into outbox_event (event_id, topic, event_key, event_type, envelope, call_id,"
          + " created_at) values (?, ?, ?, ?, ?, ?, ?)";

  /**
   * Writes the change ({@code changeSql}, its parameters bound by {@code change}) and the event in
   * one statement, so one round trip to the database: PostgreSQL's driver sends statements joined
   * by semicolons together and runs them in order, the first failing one failing all. Without a
   * change, the event alone.
   */
  void insertWith(String changeSql, Outbox.Change change, Written row) {
    String sql = changeSql == null ? INSERT : changeSql + ";\n" + INSERT;
    try (Connection c = dataSource.getConnection();
        PreparedStatement i = c.prepareStatement(sql)) {
      int n = change == null ? 0 : change.bind(c, i);
      i.setObject(n + 1, row.eventId());
      i.setString(n + 2, row.topic());
      i.setString(n + 3, row.key());
      i.setString(n + 4, row.type());
      i.setString(n + 5, row.envelope());
      i.setString(n + 6, row.callId());
      i.setObject(n + 7, row.createdAt());
      i.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          (changeSql == null ? "event " : "change and event ") + row.type() + " not written", e);
    }
  }

  /**
   * Takes the transaction-scoped advisory lock {@code key} if no other transaction holds it; it is
   * released when this transaction ends, however it ends. The transaction may then sit idle for at
   * most {@code idleLimit} before PostgreSQL ends the session (and the lock): {@link
   * OutboxRelay#LOCK_SQL}.
   */
  boolean tryLock(long key, Duration idleLimit) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement(OutboxRelay.LOCK_SQL)) {
      q.setString(1, idleLimit.toMillis() + "ms");
      q.setLong(2, key);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getBoolean(2);
      }
    }
  }

  /** The oldest {@code limit} unpublished rows, in commit order (seq). */
  List<Pending> pending(int limit) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select seq, topic, event_key, envelope, event_id, event_type, call_id"
                    + " from outbox_event where published_at is null order by seq limit ?")) {
      q.setInt(1, limit);
      List<Pending> batch = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          batch.add(
              new Pending(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getObject(5, UUID.class),
                  rs.getString(6),
                  rs.getString(7)));
        }
      }
      return batch;
    }
  }

  /**
   * Marks exactly these rows published, in one statement. By their seqs, not a seq range: seqs are
   * taken at insert and rows commit in another order, so a row inside the range may have committed
   * only after the batch was read; a range would mark it published unsent.
   */
  int markPublished(List<Pending> batch, OffsetDateTime at) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement u =
            c.prepareStatement("update outbox_event set published_at = ? where seq = any(?)")) {
      Array seqs = c.createArrayOf("bigint", batch.stream().map(Pending::seq).toArray());
      u.setObject(1, at);
      u.setArray(2, seqs);
      return u.executeUpdate();
    }
  }

  /** Seconds since the oldest unpublished row was written; 0 when none is waiting. */
  double oldestPendingSeconds() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select coalesce(extract(epoch from now() - min(created_at)), 0)"
                    + " from outbox_event where published_at is null");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getDouble(1);
    }
  }

  /** Deletes the rows published before {@code before}; returns how many. */
  int purgePublishedBefore(OffsetDateTime before) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement d =
            c.prepareStatement(
                "delete from outbox_event where published_at is not null and published_at < ?")) {
      d.setObject(1, before);
      return d.executeUpdate();
    }
  }
}
