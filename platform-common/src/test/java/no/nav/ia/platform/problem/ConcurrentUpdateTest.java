package no.nav.ia.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ConcurrentUpdateTest {

  private final ProblemMappers mappers = new ProblemMappers();

  ConcurrentUpdateTest() {
    mappers.json = new ObjectMapper();
  }

  @Test
  void anOptimisticLockFailureWrappedByTheCommitIs409WithItsOwnCode() {
    Throwable commitFailed =
        new IllegalStateException(
            "commit failed",
            new RuntimeException(
                "rolled back",
                new OptimisticLockException("Row was updated by another transaction")));

    Response response = mappers.unexpected(commitFailed);

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    assertThat(response.getEntity().toString())
        .contains("\"code\":\"CONCURRENT_UPDATE\"")
        .doesNotContain("Row was updated");
  }

  @Test
  void anyOtherFailureStaysAnInternalError() {
    assertThat(
            mappers
                .unexpected(new IllegalStateException("boom", new RuntimeException("deeper")))
                .getStatus())
        .isEqualTo(500);
    assertThat(ProblemMappers.isConcurrentUpdate(new NullPointerException())).isFalse();
  }
}
