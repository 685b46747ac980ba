package no.nav.ia.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InstancesTest {

  private final AtomicLong now = new AtomicLong();
  private final Instances two =
      new Instances(
          "http://127.0.0.1:8082, http://127.0.0.1:8182/", Duration.ofSeconds(5), now::get);

  @Test
  void requestsTakeTurnsAcrossTheInstances() {
    assertThat(two.order()).containsExactly("http://127.0.0.1:8082", "http://127.0.0.1:8182");
    assertThat(two.order()).containsExactly("http://127.0.0.1:8182", "http://127.0.0.1:8082");
    assertThat(two.order().get(0)).isEqualTo("http://127.0.0.1:8082");
  }

  @Test
  void anInstanceThatRefusedIsTriedLastUntilItsPauseIsOver() {
    two.down("http://127.0.0.1:8082");
    for (int i = 0; i < 4; i++) {
      assertThat(two.order()).containsExactly("http://127.0.0.1:8182", "http://127.0.0.1:8082");
    }
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(two.order()).contains("http://127.0.0.1:8082").hasSize(2);
    assertThat(java.util.stream.IntStream.range(0, 2).mapToObj(i -> two.order().get(0)))
        .as("back in turn after the pause")
        .contains("http://127.0.0.1:8082");
  }

  @Test
  void whenEveryInstanceIsOutTheOneBackSoonestComesFirst() {
    two.down("http://127.0.0.1:8182");
    now.addAndGet(1_000);
    two.down("http://127.0.0.1:8082");
    assertThat(two.order()).containsExactly("http://127.0.0.1:8182", "http://127.0.0.1:8082");
    two.up("http://127.0.0.1:8082");
    assertThat(two.order().get(0)).isIn("http://127.0.0.1:8082");
  }

  @Test
  void oneConfiguredBaseIsOneInstance() {
    Instances one = new Instances("http://127.0.0.1:8081", Duration.ofSeconds(5), now::get);
    assertThat(one.order()).containsExactly("http://127.0.0.1:8081");
  }
}
