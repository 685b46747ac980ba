package no.nav.ia.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RelayProducerTest {

  private final List<MockProducer<String, String>> made = new ArrayList<>();
  private long now = 0;
  private final RelayProducer relay =
      new RelayProducer(
          () -> {
            MockProducer<String, String> p =
                new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
            made.add(p);
            return p;
          },
          () -> now);

  private void later() {
    now += RelayProducer.PAUSE.toNanos();
  }

  private static ProducerRecord<String, String> event() {
    return new ProducerRecord<>("ia.deliveries.v1", "974760673", "{}");
  }

  /** What the relay's round sees when the broker fails a send: the ack's failure. */
  private Throwable sendFailingWith(RuntimeException error) {
    Future<RecordMetadata> ack = relay.get().send(event());
    made.get(made.size() - 1).errorNext(error);
    return catchThrowable(ack::get);
  }

  @Test
  void aProducerTheClusterRefusesTheIdempotentWriteIsClosedAndTheNextRoundGetsANewOne() {
    Throwable failure = sendFailingWith(new ClusterAuthorizationException("no IDEMPOTENT_WRITE"));
    assertThat(failure).isInstanceOf(ExecutionException.class);

    assertThat(relay.failed(failure)).isTrue();

    assertThat(made.get(0).closed()).as("the old producer sends nothing more").isTrue();
    assertThat(relay.get()).isNotSameAs(made.get(0)).isSameAs(made.get(1));
    assertThat(relay.made()).isEqualTo(2);
    relay.get().send(event());
    assertThat(made.get(1).completeNext()).as("the new one sends").isTrue();
  }

  @Test
  void anAuthenticationFailureAndAFatalStatesPlainKafkaExceptionReplaceTheProducer() {
    assertThat(relay.failed(sendFailingWith(new SaslAuthenticationException("bad password"))))
        .isTrue();
    later();
    // kafka-clients 4.0 after an unexpected error to its producer-id request: a plain
    // KafkaException, and every later call one about its error state around it.
    KafkaException state =
        new KafkaException(
            "Cannot execute transactional method because we are in an error state",
            new KafkaException("Unexpected error in InitProducerIdResponse; unknown server error"));
    relay.get();
    assertThat(relay.failed(new RuntimeException(state))).isTrue();
    assertThat(relay.made()).isEqualTo(2);
    relay.get();
    assertThat(relay.made()).isEqualTo(3);
  }

  @Test
  void aCauseThatLastsReplacesTheProducerOncePerPauseNotEveryRound() {
    assertThat(relay.failed(sendFailingWith(new SaslAuthenticationException("bad password"))))
        .isTrue();
    for (int round = 0; round < 29; round++) {
      now += java.time.Duration.ofSeconds(1).toNanos();
      assertThat(relay.failed(sendFailingWith(new SaslAuthenticationException("bad password"))))
          .isFalse();
    }
    assertThat(made).hasSize(2);
    now += java.time.Duration.ofSeconds(1).toNanos();
    assertThat(relay.failed(sendFailingWith(new SaslAuthenticationException("bad password"))))
        .isTrue();
  }

  @Test
  void aStoppedRelayMakesNoNewProducer() {
    relay.get();
    relay.close(java.time.Duration.ZERO);
    assertThat(made.get(0).closed()).isTrue();
    assertThat(catchThrowable(relay::get)).isInstanceOf(IllegalStateException.class);
    assertThat(made).hasSize(1);
  }

  @Test
  void aBrokerAwayATimeoutOrARefusedRecordKeepTheProducerItReconnectsByItself() {
    for (RuntimeException error :
        List.of(
            new TimeoutException("Expiring 3 record(s): 30000 ms has passed"),
            new NotEnoughReplicasException("1 of 2 in sync"),
            new RecordTooLargeException("1,200,000 bytes"))) {
      assertThat(relay.failed(sendFailingWith(error))).as(error.toString()).isFalse();
    }
    assertThat(relay.failed(new java.util.concurrent.TimeoutException())).isFalse();
    assertThat(made).hasSize(1);
    assertThat(made.get(0).closed()).isFalse();
  }

  @Test
  void aSendOnAClosedKafkaProducerIsTakenAsOneThatCannotSendAgain() {
    // A real producer (it connects to nothing until it sends): closed, it refuses every send.
    KafkaProducer<String, String> closed =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"),
            new StringSerializer(),
            new StringSerializer());
    closed.close();
    Throwable failure = catchThrowable(() -> closed.send(event()));

    assertThat(failure).isInstanceOf(IllegalStateException.class);
    assertThat(RelayProducer.unusable(failure)).isTrue();
    assertThat(RelayProducer.unusable(new IllegalStateException("something else"))).isFalse();
  }

  @Test
  void withoutAProducerYetAFailureMakesNone() {
    assertThat(relay.failed(new ClusterAuthorizationException("no"))).isFalse();
    assertThat(relay.made()).isZero();
  }
}
