package no.nav.ia.platform.events;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

/**
 * The relay's Kafka producer, made anew after an error a producer may never recover from.
 *
 * <p>An idempotent producer goes into a fatal state after some errors (kafka-clients 4.0: a produce
 * request refused for the cluster, a broker too old, an authentication failure or an unexpected
 * error while it asks for its producer id) and then fails every send with that error, or with a
 * plain {@code KafkaException} about its error state, even once the cause is gone (the ACL granted,
 * the credentials rotated): only a new producer sends again. Which errors do that differs between
 * client versions, so the rule is broad: a failure that Kafka does not call retriable and that is
 * not about one record (too large, a bad topic) replaces the producer, at most once per {@link
 * #PAUSE} so that a cause that lasts (wrong credentials) costs a reconnect every half minute, not
 * every round. Retriable failures (the broker away, a timeout) and a refused record leave the
 * producer as it is: it reconnects by itself, and a new one would not send that record either. The
 * old producer is closed at once; its records are still pending in the outbox and go again, in
 * order, with the new one (consumers drop an event id they have seen).
 */
final class RelayProducer {

  private static final Logger LOG = Logger.getLogger(RelayProducer.class);

  /** The least time between two replacements. */
  static final Duration PAUSE = Duration.ofSeconds(30);

  private final Supplier<? extends Producer<String, String>> factory;
  private final LongSupplier nanoTime;
  private Producer<String, String> current;
  private int made;
  private long replacedAt;
  private boolean replacedBefore;
  private boolean closed;

  RelayProducer(Supplier<? extends Producer<String, String>> factory) {
    this(factory, System::nanoTime);
  }

  RelayProducer(Supplier<? extends Producer<String, String>> factory, LongSupplier nanoTime) {
    this.factory = factory;
    this.nanoTime = nanoTime;
  }

  /** The producer to send with, made when there is none; refused once the relay has stopped. */
  synchronized Producer<String, String> get() {
    if (closed) {
      throw new IllegalStateException("the outbox relay has stopped");
    }
    if (current == null) {
      current = factory.get();
      made++;
    }
    return current;
  }

  /**
   * Takes note of a round that failed: when the failure may have left the producer unable to send
   * again and the last replacement is at least {@link #PAUSE} ago, the producer is closed and the
   * next round makes another. Returns whether it was.
   */
  synchronized boolean failed(Throwable failure) {
    if (current == null || !unusable(failure)) {
      return false;
    }
    long now = nanoTime.getAsLong();
    if (replacedBefore && now - replacedAt < PAUSE.toNanos()) {
      return false;
    }
    LOG.warnf(
        "outbox producer failed with an error it may not recover from (%s); closing it, the next"
            + " round makes a new one",
        failure.toString());
    try {
      current.close(Duration.ZERO);
    } catch (RuntimeException e) {
      LOG.debugf("closing the failed producer: %s", e.toString());
    }
    current = null;
    replacedAt = now;
    replacedBefore = true;
    return true;
  }

  /** How many producers were made (the first included). */
  synchronized int made() {
    return made;
  }

  /** Closes the producer for good: a round still running after the shutdown makes no new one. */
  synchronized void close(Duration timeout) {
    closed = true;
    if (current != null) {
      current.close(timeout);
      current = null;
    }
  }

  /**
   * Whether the failure may have left the producer unable to send again: the first Kafka error in
   * its causes is neither retriable nor about one record, or the producer was closed.
   */
  static boolean unusable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IllegalStateException
          && String.valueOf(t.getMessage()).contains("producer has been closed")) {
        return true;
      }
      if (t instanceof KafkaException) {
        return !(t instanceof RetriableException
            || t instanceof RecordTooLargeException
            || t instanceof RecordBatchTooLargeException
            || t instanceof InvalidTopicException
            || t instanceof SerializationException);
      }
    }
    return false;
  }
}
