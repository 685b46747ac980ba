package no.nav.ia.delivery.events;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The outbox rows of one event key (an enterprise's org number), as the tests read them back. */
public final class OutboxTable {

  /** One outbox row: its place in commit order, its event, and when it was marked published. */
  public record Row(long seq, UUID eventId, Timestamp publishedAt) {}

  private OutboxTable() {}

  /** The key's rows, in seq order. */
  public static List<Row> rows(DataSource dataSource, String key) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select seq, event_id, published_at from outbox_event where event_key = ?"
                    + " order by seq")) {
      q.setString(1, key);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getTimestamp(3)));
        }
      }
      return rows;
    }
  }

  /** The key's rows once there are {@code count} and all of them are marked published. */
  public static List<Row> awaitPublished(DataSource dataSource, String key, int count) {
    return await("the enterprise's events published")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> rows(dataSource, key),
            rows -> rows.size() == count && rows.stream().allMatch(r -> r.publishedAt() != null));
  }
}
