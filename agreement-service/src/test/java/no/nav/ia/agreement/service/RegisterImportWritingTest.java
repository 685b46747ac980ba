package no.nav.ia.agreement.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.ia.agreement.RegisterEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the register import hands its batches to the writers. */
class RegisterImportWritingTest {

  final ExecutorService writers = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    writers.shutdownNow();
  }

  static RegisterImports.Batch batch(String... orgNumbers) {
    RegisterImports.Batch b = new RegisterImports.Batch(100);
    for (String org : orgNumbers) {
      b.add(
          new RegisterEntry.Accepted(new RegisterEntry(org, "X AS", "AS", null, 1, "0301", null)));
    }
    return b;
  }

  @Test
  void atMostTheLimitIsWrittenAtOnceAndTheReaderWaitsForTheOldest() throws Exception {
    RegisterImports.Writing writing = new RegisterImports.Writing(writers, 2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Runnable slow =
        () -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          running.decrementAndGet();
        };
    writing.handOver(batch("100000001"), slow);
    writing.handOver(batch("100000002"), slow);
    Thread reader = new Thread(() -> writing.handOver(batch("100000003"), slow));
    reader.start();
    reader.join(300);
    assertThat(reader.isAlive()).as("the third batch waits while two are written").isTrue();
    release.countDown();
    reader.join(5000);
    writing.finished();
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void aBatchSharingAnOrgNumberWithTheOneBeforeIsWrittenAfterIt() {
    RegisterImports.Writing writing = new RegisterImports.Writing(writers, 2);
    List<String> order = new CopyOnWriteArrayList<>();
    writing.handOver(batch("100000001", "100000002"), sleepThen(200, () -> order.add("first")));
    writing.handOver(batch("100000003", "100000002"), () -> order.add("second"));
    writing.finished();
    assertThat(order).containsExactly("first", "second");
  }

  @Test
  void batchesWithoutASharedOrgNumberAreWrittenAtOnce() {
    RegisterImports.Writing writing = new RegisterImports.Writing(writers, 2);
    List<String> order = new CopyOnWriteArrayList<>();
    writing.handOver(batch("100000001", "100000002"), sleepThen(300, () -> order.add("first")));
    writing.handOver(batch("100000003", "100000004"), () -> order.add("second"));
    writing.finished();
    assertThat(order).containsExactly("second", "first");
  }

  @Test
  void aFailedWriteIsThrownToTheReaderAndSettlingWaitsForTheOthers() {
    RegisterImports.Writing writing = new RegisterImports.Writing(writers, 2);
    List<String> done = new CopyOnWriteArrayList<>();
    writing.handOver(
        batch("100000001"),
        () -> {
          throw new IllegalStateException("upserting a batch of the register failed");
        });
    writing.handOver(batch("100000002"), sleepThen(200, () -> done.add("second")));
    assertThatThrownBy(() -> writing.handOver(batch("100000003"), () -> done.add("third")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("upserting");
    writing.settled(1);
    assertThat(done).containsExactly("second");
  }

  static Runnable sleepThen(long millis, Runnable then) {
    return () -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      then.run();
    };
  }
}
