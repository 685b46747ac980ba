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
import java.util.concurrent.atomic.AtomicReference;
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
    RegisterImports.Batch b = new RegisterImports.Batch(100, 0);
    for (String org : orgNumbers) {
      b.add(
          new RegisterEntry.Accepted(new RegisterEntry(org, "X AS", "AS", null, 1, "0301", null)));
    }
    return b;
  }

  /** Waits for the latch (at most the seconds given), then runs the rest. */
  static Runnable after(CountDownLatch latch, long seconds, Runnable then) {
    return () -> {
      try {
        latch.await(seconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      then.run();
    };
  }

  /** Notes that it ran, then counts the latch down. */
  static Runnable noting(List<String> order, String what, CountDownLatch ran) {
    return () -> {
      order.add(what);
      ran.countDown();
    };
  }

  @Test
  void atMostTheLimitIsWrittenAtOnceAndTheReaderWaitsForTheOldest() throws Exception {
    RegisterImports.Writing writing = new RegisterImports.Writing(writers, 2);
    CountDownLatch bothRunning = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Runnable held =
        () -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          bothRunning.countDown();
          after(release, 10, running::decrementAndGet).run();
        };
    writing.handOver(batch("100000001"), held);
    writing.handOver(batch("100000002"), held);
    assertThat(bothRunning.await(10, TimeUnit.SECONDS)).isTrue();
    CountDownLatch thirdRan = new CountDownLatch(1);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                writing.handOver(batch("100000003"), thirdRan::countDown);
              } catch (Throwable t) {
                failed.set(t);
              }
            });
    reader.start();
    assertThat(thirdRan.await(300, TimeUnit.MILLISECONDS))
        .as("the third batch is not written while two are")
        .isFalse();
    release.countDown();
    reader.join(10_000);
    assertThat(reader.isAlive()).isFalse();
    assertThat(failed.get()).isNull();
    writing.finished();
    assertThat(thirdRan.getCount()).isZero();
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void aBatchSharingAnOrgNumberWithOneBeingWrittenIsWrittenAfterIt() {
    RegisterImports.Writing writing = new RegisterImports.Writing(writers, 3);
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch secondRan = new CountDownLatch(1);
    // The first waits a second for the second: were they written at once, the second would be
    // first.
    writing.handOver(
        batch("100000001", "100000002"), after(secondRan, 1, () -> order.add("first")));
    writing.handOver(batch("100000005"), () -> order.add("other"));
    writing.handOver(batch("100000003", "100000002"), noting(order, "second", secondRan));
    writing.finished();
    assertThat(order).containsSubsequence("first", "second");
  }

  @Test
  void batchesWithoutASharedOrgNumberAreWrittenAtOnce() {
    RegisterImports.Writing writing = new RegisterImports.Writing(writers, 2);
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch secondRan = new CountDownLatch(1);
    writing.handOver(
        batch("100000001", "100000002"), after(secondRan, 5, () -> order.add("first")));
    writing.handOver(batch("100000003", "100000004"), noting(order, "second", secondRan));
    writing.finished();
    assertThat(order).containsExactly("second", "first");
  }

  @Test
  void aFailedWriteIsThrownToTheReaderAndSettlingWaitsForTheOthers() {
    RegisterImports.Writing writing = new RegisterImports.Writing(writers, 2);
    List<String> done = new CopyOnWriteArrayList<>();
    CountDownLatch never = new CountDownLatch(1);
    writing.handOver(
        batch("100000001"),
        () -> {
          throw new IllegalStateException("upserting a batch of the register failed");
        });
    writing.handOver(batch("100000002"), after(never, 1, () -> done.add("second")));
    assertThatThrownBy(() -> writing.handOver(batch("100000003"), () -> done.add("third")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("upserting");
    writing.settled(1);
    assertThat(done).containsExactly("second");
  }

  @Test
  void anInterruptedReaderStillWaitsForTheBatchBeingWrittenBeforeItSettles() throws Exception {
    RegisterImports.Writing writing = new RegisterImports.Writing(writers, 1);
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    writing.handOver(
        batch("100000001"),
        () -> {
          started.countDown();
          after(release, 10, () -> order.add("written")).run();
        });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                writing.handOver(batch("100000002"), () -> order.add("next"));
              } catch (IllegalStateException e) {
                thrown.set(e);
              }
              writing.settled(1);
              order.add("settled");
            });
    reader.start();
    reader.interrupt(); // a shutdown
    Thread.sleep(200);
    release.countDown();
    reader.join(10_000);
    assertThat(thrown.get()).hasMessageContaining("interrupted");
    assertThat(order).containsExactly("written", "settled");
  }

  @Test
  void aFailedImportSaysWhatItWroteBeforeItFailedAndThatNothingWasMarkedGone() {
    no.nav.ia.agreement.EnterpriseImport i = new no.nav.ia.agreement.EnterpriseImport();
    assertThat(RegisterImports.keptBefore(i)).isEqualTo("; nothing was changed");
    i.created = 1_204;
    i.updated = 94;
    assertThat(RegisterImports.keptBefore(i))
        .isEqualTo(
            "; the entities written before it stay as written (1,204 created, 94 updated), none"
                + " was marked gone: import a whole file to bring the copy to one file's state");
  }

  @Test
  void aBatchNamesEachRejectedEntityByItsPlaceInTheFileAndKeepsTheFirstOfAnOrgNumberGivenTwice() {
    RegisterImports.Batch b = new RegisterImports.Batch(100, 12_498);
    RegisterEntry first = new RegisterEntry("974760673", "FØRST AS", "AS", null, 1, "0301", null);
    b.add(new RegisterEntry.Accepted(first));
    b.add(new RegisterEntry.Rejected("923609016", "navn is missing"));
    b.add(
        new RegisterEntry.Accepted(
            new RegisterEntry("974760673", "SIST AS", "AS", null, 2, "0301", null)));
    assertThat(b.entries).containsExactly(java.util.Map.entry("974760673", first));
    assertThat(b.rejections)
        .containsExactly(
            "entity 12,500 of the file: navn is missing",
            "entity 12,501 of the file: 974760673: appears again; its first entry was kept");
    assertThat(b.placeOf("974760673")).isEqualTo("entity 12,499 of the file: ");
    assertThat(b.through()).isEqualTo(12_501);
  }
}
