package no.nav.ia.delivery.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.delivery.events.OutboxTable.Row;
import no.nav.ia.platform.events.OutboxRelay;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay on the real database and broker: a backlog goes out as one batch in commit order
 * and is marked in one go; a failed send leaves the batch pending; relays racing for one backlog
 * send each event once.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class OutboxRelayTest {

  @Inject DataSource dataSource;
  @Inject OutboxRelay relay;

  @Test
  void aBacklogGoesOutAsOneBatchInSeqOrderAndIsMarkedPublishedTogether() throws Exception {
    String org = Fixtures.enterpriseIn("12");
    try (Connection otherReplica = lockedRelay()) {
      Fixtures.recordDeliveries(org, "12", 5);
      assertThat(rows(org)).hasSize(5).allSatisfy(r -> assertThat(r.publishedAt()).isNull());
      otherReplica.rollback();
    }
    List<Row> rows = awaitPublished(org, 5);
    assertThat(rows.stream().map(Row::publishedAt).distinct())
        .as("one batch, marked by one statement")
        .hasSize(1);
    assertThat(eventIdsOnKafka(org))
        .as("each event once, in seq order (one key, so one partition)")
        .containsExactlyElementsOf(rows.stream().map(Row::eventId).toList());
  }

  @Test
  void relaysRacingForOneBacklogSendEachEventOnce() throws Exception {
    String org = Fixtures.enterpriseIn("15");
    try (Connection otherReplica = lockedRelay()) {
      Fixtures.recordDeliveries(org, "15", 8);
      otherReplica.rollback();
    }
    ExecutorService replicas = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> drains = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        drains.add(relay::drain);
      }
      replicas.invokeAll(drains);
    } finally {
      replicas.shutdown();
    }
    List<Row> rows = awaitPublished(org, 8);
    assertThat(eventIdsOnKafka(org))
        .containsExactlyElementsOf(rows.stream().map(Row::eventId).toList());
  }

  @Test
  void aSendThatFailsLeavesTheWholeBatchPendingAndNothingAfterItIsSent() throws Exception {
    String org = Fixtures.enterpriseIn("18");
    UUID poison = UUID.randomUUID();
    try {
      try (Connection otherReplica = lockedRelay()) {
        insertTooLargeForKafka(poison);
        Fixtures.recordDeliveries(org, "18", 2);
        otherReplica.rollback();
      }
      assertThat(relay.drain()).as("published by a round whose send failed").isZero();
      Fixtures.sleep(Duration.ofSeconds(2));
      assertThat(rows(org)).hasSize(2).allSatisfy(r -> assertThat(r.publishedAt()).isNull());
      assertThat(rows(tooLargeKey(poison))).singleElement().extracting(Row::publishedAt).isNull();
      // Bounded: a relay that sent them would send them again every round, and the topic would
      // never fall quiet for readAll.
      assertThatThrownBy(
              () ->
                  TestKafka.await(
                      DeliveryEvents.TOPIC, r -> org.equals(r.key()), Duration.ofSeconds(3)))
          .as("sent after the record the producer refused")
          .isInstanceOf(AssertionError.class);
    } finally {
      try (Connection c = dataSource.getConnection();
          PreparedStatement d = c.prepareStatement("delete from outbox_event where event_id = ?")) {
        d.setObject(1, poison);
        d.executeUpdate();
      }
    }
    relay.drain();
    assertThat(eventIdsOnKafka(org))
        .containsExactlyElementsOf(awaitPublished(org, 2).stream().map(Row::eventId).toList());
  }

  /** A connection holding the relay lock, as another replica in the middle of a batch would. */
  @Test
  void aRelayLockHolderThatStopsAnsweringLosesTheLockAfterItsIdleLimit() throws Exception {
    // A holder whose machine went away without closing its connection: its transaction sits idle.
    // A connection of its own, not the pool's: PostgreSQL ends its session.
    try (Connection holder = no.nav.ia.test.Infra.connection("delivery");
        Connection other = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      assertThat(takeRelayLock(holder, "1000ms")).isTrue();
      other.setAutoCommit(false);
      assertThat(takeRelayLock(other, "60000ms")).as("held by the first").isFalse();
      other.rollback();
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      boolean taken = false;
      while (!taken && System.nanoTime() < until) {
        Thread.sleep(250);
        taken = takeRelayLock(other, "60000ms");
        other.rollback();
      }
      assertThat(taken).as("free once PostgreSQL ended the idle holder's session").isTrue();
      assertThatThrownBy(() -> takeRelayLock(holder, "1000ms"))
          .as("the holder's session is gone")
          .isInstanceOf(java.sql.SQLException.class);
    }
    // The setting is the transaction's own: a pooled connection goes back without it.
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      takeRelayLock(c, "1000ms");
      c.commit();
      try (var rs = s.executeQuery("show idle_in_transaction_session_timeout")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("0");
      }
    }
  }

  private static boolean takeRelayLock(Connection c, String idleLimit) throws Exception {
    try (PreparedStatement q = c.prepareStatement(OutboxRelay.LOCK_SQL)) {
      q.setString(1, idleLimit);
      q.setLong(2, OutboxRelay.LOCK_KEY);
      try (var rs = q.executeQuery()) {
        rs.next();
        return rs.getBoolean(2);
      }
    }
  }

  private Connection lockedRelay() throws Exception {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("select pg_advisory_xact_lock(" + OutboxRelay.LOCK_KEY + ")");
    }
    return c;
  }

  /** An event the producer refuses at once: larger than a Kafka request may be. */
  private void insertTooLargeForKafka(UUID eventId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement i =
            c.prepareStatement(
                "insert into outbox_event (event_id, topic, event_key, event_type, envelope,"
                    + " created_at) values (?, ?, ?, 'DeliveryRecorded', ?, now())")) {
      i.setObject(1, eventId);
      i.setString(2, DeliveryEvents.TOPIC);
      i.setString(3, tooLargeKey(eventId));
      i.setString(4, "x".repeat(2 * 1024 * 1024));
      i.executeUpdate();
    }
  }

  private static String tooLargeKey(UUID eventId) {
    return "too-large-" + eventId;
  }

  private List<Row> rows(String org) throws Exception {
    return OutboxTable.rows(dataSource, org);
  }

  private List<Row> awaitPublished(String org, int count) {
    return OutboxTable.awaitPublished(dataSource, org, count);
  }

  /** The event ids of the enterprise's records on the topic, in offset order. */
  private static List<UUID> eventIdsOnKafka(String org) {
    List<ConsumerRecord<String, String>> records =
        TestKafka.readAll(DeliveryEvents.TOPIC, r -> org.equals(r.key()), Duration.ofSeconds(2));
    List<UUID> ids = new ArrayList<>();
    for (ConsumerRecord<String, String> r : records) {
      ids.add(
          UUID.fromString(
              new String(
                  r.headers().lastHeader(OutboxRelay.EVENT_ID_HEADER).value(),
                  StandardCharsets.UTF_8)));
    }
    assertThat(new HashSet<>(ids)).as("no event sent twice").hasSameSizeAs(ids);
    return ids;
  }
}
