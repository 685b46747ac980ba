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
    long n = Math.abs(UUID.randomUUID().getMostSignificantBits() >> 2);
    long e = Math.abs(UUID.randomUUID().getMostSignificantBits() >> 2);
    // The script makes its ids from two random numbers, as lpad(to_hex(n), 32, '0')::uuid.
    UUID id = UUID.fromString(uuidOf(n));
    UUID event = UUID.fromString(uuidOf(e));
    String script =
        Files.readString(Path.of("..", "bench", "delivery-transaction.sql"))
            .replace(":client_id", "1")
            .replace(":n::bigint", n + "::bigint")
            .replace("-:n'", "-" + n + "'")
            .replace(":e::bigint", e + "::bigint")
            .replace(":org", org);
    // pgbench's own commands (\set) are left out; "\;" sends statements together, one by one here.
    String sql =
        Arrays.stream(script.split("\n"))
            .filter(line -> !line.startsWith("--") && !line.startsWith("\\"))
            .reduce("", (a, b) -> a + b + "\n")
            .replace(" \\;\n", ";\n");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String statement : sql.split(";\n")) {
                String s = statement.strip();
                if (s.isEmpty() || s.equals("begin") || s.equals("commit")) {
                  continue;
                }
                if (s.startsWith("select") || s.startsWith("with")) {
                  assertThat(em.createNativeQuery(s).getResultList()).as(s).hasSize(1);
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
    assertThat(parsed.eventId()).isEqualTo(event);
    assertThat(parsed.payload().at("/deliveryId").asText()).isEqualTo(id.toString());
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        em.createNativeQuery(
                                "select count(*) from idempotency_key where delivery_id = ?1")
                            .setParameter(1, id)
                            .getSingleResult()))
        .as("the key claimed")
        .isEqualTo(1L);
  }

  static String uuidOf(long n) {
    String hex = String.format("%032x", n);
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }
}
