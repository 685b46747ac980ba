package no.nav.ia.delivery.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.platform.events.OutboxRelay;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The relay's linger on the real database and broker: deliveries committed one after another,
 * within the linger of the first one's wake-up, go out in one round instead of one round each. The
 * linger is stretched to two seconds here so that three requests fit in it on a slow machine.
 */
@QuarkusTest
@TestProfile(OutboxRelayLingerTest.LongLinger.class)
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class OutboxRelayLingerTest {

  /**
   * A linger long enough for a few requests, and no catch-up round in between (its wake-up would
   * start a linger of its own at any moment).
   */
  public static class LongLinger implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("ia.events.relay-linger", "PT2S", "quarkus.scheduler.enabled", "false");
    }
  }

  @Inject DataSource dataSource;
  @Inject OutboxRelay relay;

  @Test
  void deliveriesCommittedWithinTheLingerGoOutInOneRound() throws Exception {
    String org = Fixtures.enterpriseIn("11");
    // Outlasts the start's catch-up round, so that the first commit below starts the linger.
    relay.drain();
    for (int i = 0; i < 3; i++) {
      given()
          .auth()
          .oauth2(Tokens.adviser("11"))
          .contentType(ContentType.JSON)
          .body(Fixtures.delivery(org))
          .post("/api/v1/deliveries")
          .then()
          .statusCode(201);
    }
    List<Timestamp> publishedAt =
        await("the three events published")
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> publishedAt(org),
                marks -> marks.size() == 3 && marks.stream().allMatch(m -> m != null));
    assertThat(publishedAt.stream().distinct())
        .as("marked by one round (one statement, one timestamp), not a round per commit")
        .hasSize(1);
  }

  /** When each of the enterprise's outbox rows was marked published (null: not yet). */
  private List<Timestamp> publishedAt(String org) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("select published_at from outbox_event where event_key = ?")) {
      q.setString(1, org);
      List<Timestamp> marks = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          marks.add(rs.getTimestamp(1));
        }
      }
      return marks;
    }
  }
}
