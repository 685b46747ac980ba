package no.nav.ia.delivery.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.delivery.events.OutboxTable.Row;
import no.nav.ia.platform.events.OutboxRelay;
import no.nav.ia.test.PlatformTestResource;
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
    Fixtures.recordDeliveries(org, "11", 3);
    assertThat(
            OutboxTable.awaitPublished(dataSource, org, 3).stream()
                .map(Row::publishedAt)
                .distinct())
        .as("marked by one round (one statement, one timestamp), not a round per commit")
        .hasSize(1);
  }
}
