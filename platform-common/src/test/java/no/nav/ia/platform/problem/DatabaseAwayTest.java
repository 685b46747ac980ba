package no.nav.ia.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A request that meets a database restart is told to send it again, not that the platform broke.
 */
class DatabaseAwayTest {

  private final ProblemMappers mappers = new ProblemMappers();

  DatabaseAwayTest() {
    mappers.json = new ObjectMapper();
  }

  @Test
  void aConnectionLostInTheMiddleOfARequestIs503WithRetryAfter() {
    Throwable failed =
        new IllegalStateException(
            "key of delivery 1 not claimed",
            new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    Response response = mappers.unexpected(failed);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
    assertThat(response.getEntity().toString())
        .contains("\"code\":\"SERVICE_UNAVAILABLE\"")
        .doesNotContain("I/O error", "delivery 1");
  }

  @Test
  void aServerShuttingDownAndAPoolThatWaitedInVainAreTheSame() {
    assertThat(
            mappers
                .unexpected(
                    new RuntimeException(
                        new SQLException(
                            "terminating connection due to administrator command", "57P01")))
                .getStatus())
        .isEqualTo(503);
    assertThat(
            mappers
                .unexpected(
                    new RuntimeException(
                        new SQLException("Acquisition timeout while waiting for new connection")))
                .getStatus())
        .isEqualTo(503);
  }

  @Test
  void aStatementTheDatabaseRefusesStaysAnInternalError() {
    assertThat(
            mappers
                .unexpected(new RuntimeException(new SQLException("syntax error", "42601")))
                .getStatus())
        .isEqualTo(500);
    assertThat(ProblemMappers.isDatabaseAway(new SQLException("duplicate key", "23505"))).isFalse();
    // A protocol violation is a defect to see, not a database to wait for.
    assertThat(ProblemMappers.isDatabaseAway(new SQLException("protocol", "08P01"))).isFalse();
  }
}
