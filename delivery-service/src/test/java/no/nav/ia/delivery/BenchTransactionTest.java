package no.nav.ia.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import no.nav.ia.platform.events.EventEnvelope;
import no.nav.ia.test.PlatformTestResource;
import org.junit.jupiter.api.Test;

/**
 * bench/delivery-transaction.sql is what bench/run's pgbench compares the platform with: it must be
 * the statements delivery-service runs, on its schema, with values it accepts. Run on the service's
 * own database, it must leave a delivery the service reads back and an outbox event it can relay.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class BenchTransactionTest {

  @Inject EntityManager em;
  @Inject ObjectMapper json;

  @Test
  void theBenchmarksTransactionFollowsTheSchemaAndTheRules() throws Exception {
    String org = Fixtures.orgNumber();
    UUID id = UUID.randomUUID();
    UUID event = UUID.randomUUID();
    String script =
        Files.readString(Path.of("..", "bench", "delivery-transaction.sql"))
            .replace(":client_id", "1")
            .replace(":n", "42")
            .replace(":org", org)
            .replace(":id", id.toString())
            .replace(":event", event.toString());
    // psql's own commands (\set, \gset) and the transaction control are pgbench's; the rest is SQL.
    String sql =
        Arrays.stream(script.split("\n"))
            .filter(
                line ->
                    !line.startsWith("--") && !line.startsWith("\\") && !line.contains("\\gset"))
            .reduce("", (a, b) -> a + b + "\n");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String statement : sql.split(";\n")) {
                String s = statement.strip();
                if (s.isEmpty() || s.equals("begin") || s.equals("commit")) {
                  continue;
                }
                if (s.startsWith("select")) {
                  em.createNativeQuery(s).getResultList();
                } else {
                  assertThat(em.createNativeQuery(s).executeUpdate()).as(s).isEqualTo(1);
                }
              }
            });
    Delivery delivery =
        QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(id));
    assertThat(delivery.status).isEqualTo(DeliveryStatus.LIVE);
    assertThat(delivery.orgNumber).isEqualTo(org);
    String envelope =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (String)
                        em.createNativeQuery(
                                "select envelope from outbox_event where event_id = ?1")
                            .setParameter(1, event)
                            .getSingleResult());
    EventEnvelope parsed = json.readValue(envelope, EventEnvelope.class);
    assertThat(parsed.type()).isEqualTo("DeliveryRecorded");
    assertThat(parsed.payload().at("/deliveryId").asText()).isEqualTo(id.toString());
  }
}
