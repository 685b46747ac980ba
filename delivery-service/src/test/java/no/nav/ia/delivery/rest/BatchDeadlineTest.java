package no.nav.ia.delivery.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BatchDeadlineTest {

  @Test
  void itemsNotStartedByTheDeadlineAreAnsweredAndNotRecorded() {
    AtomicLong now = new AtomicLong(0);
    List<Integer> recorded = new ArrayList<>();
    // Each item takes 10 "seconds"; the deadline is at 25: items 0, 1 and 2 start before it.
    List<ItemResults.ItemResult> results =
        ItemResults.recordAll(
            5,
            i -> "org-" + i,
            now::get,
            25,
            i -> {
              recorded.add(i);
              now.addAndGet(10);
              return new ItemResults.ItemResult(i, null, "CREATED", null, null, null, null);
            });
    assertThat(recorded).containsExactly(0, 1, 2);
    assertThat(results)
        .extracting(ItemResults.ItemResult::status)
        .containsExactly("CREATED", "CREATED", "CREATED", "ERROR", "ERROR");
    assertThat(results.get(3).code()).isEqualTo("DEADLINE_EXCEEDED");
    assertThat(results.get(3).detail()).contains("send the item again with its key");
    assertThat(results.get(4).index()).isEqualTo(4);
    assertThat(results.get(4).orgNumber()).isEqualTo("org-4");
  }

  @Test
  void anItemThatMeetsADatabaseRestartSaysSendItAgainNotThatThePlatformFailed() {
    ItemResults.ItemResult away =
        ItemResults.attempt(
            2,
            "974760673",
            () -> {
              throw new IllegalStateException(
                  "key of delivery not claimed",
                  new java.sql.SQLException("An I/O error occurred", "08006"));
            });
    assertThat(away.status()).isEqualTo("ERROR");
    assertThat(away.code()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(away.orgNumber()).isEqualTo("974760673");

    ItemResults.ItemResult broken =
        ItemResults.attempt(
            3,
            "974760673",
            () -> {
              throw new IllegalStateException("a defect");
            });
    assertThat(broken.code()).isEqualTo("INTERNAL_ERROR");
  }
}
