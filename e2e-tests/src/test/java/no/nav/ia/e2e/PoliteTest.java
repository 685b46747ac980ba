package no.nav.ia.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoliteTest {

  private static Response answer(int status, String retryAfter) {
    ResponseBuilder builder =
        new ResponseBuilder()
            .setStatusCode(status)
            .setBody("{}")
            .setContentType("application/json");
    if (retryAfter != null) {
      builder.setHeader("Retry-After", retryAfter);
    }
    return builder.build();
  }

  @Test
  void waitsTheSecondsOfRetryAfterAndSendsTheSameRequestAgainUntilItIsServed() {
    Deque<Response> answers =
        new ArrayDeque<>(List.of(answer(429, "2"), answer(429, "1"), answer(201, null)));
    List<Long> slept = new ArrayList<>();
    int[] sent = {0};
    int waitsBefore = Polite.waits();

    Response served =
        Polite.send(
            () -> {
              sent[0]++;
              return answers.pop();
            },
            slept::add);

    assertThat(served.statusCode()).isEqualTo(201);
    assertThat(sent[0]).isEqualTo(3);
    assertThat(slept).containsExactly(2000L, 1000L);
    assertThat(Polite.waits() - waitsBefore).isEqualTo(2);
  }

  @Test
  void anAnswerOtherThan429IsReturnedAsItIsWithoutWaiting() {
    List<Long> slept = new ArrayList<>();
    assertThat(Polite.send(() -> answer(503, "5"), slept::add).statusCode()).isEqualTo(503);
    assertThat(slept).isEmpty();
  }

  @Test
  void aClientThatIsRefusedForeverFailsWithTheLastAnswerInsteadOfHanging() {
    List<Long> slept = new ArrayList<>();
    assertThatThrownBy(() -> Polite.send(() -> answer(429, "1"), slept::add))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("still 429");
    assertThat(slept).hasSize(Polite.MAX_WAITS_PER_REQUEST);
  }
}
