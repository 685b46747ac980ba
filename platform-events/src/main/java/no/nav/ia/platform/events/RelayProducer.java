package no.nav.ia.platform.events;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.jboss.logging.Logger;

/**
 * The relay's Kafka producer, made anew after an error that leaves a producer unusable for good.
 *
 * <p>An idempotent producer that meets one of a few errors (the cluster refuses it the idempotent
 * write, the broker is too old, its authentication failed while it asked for its producer id) goes
 * into a fatal state and fails every later send with that error, even once the cause is gone (the
 * ACL granted, the credentials rotated): only a new producer writes again. Every other failure (the
 * broker away, a timeout, a record refused) leaves the producer as it is: it reconnects by itself,
 * and a new one would only cost a reconnect per round. The old producer is closed at once, so that
 * nothing it still held is sent after what the new one sends; its records are still pending in the
 * outbox and go again in order (consumers drop an event id they have seen).
 */
final class RelayProducer {

  private static final Logger LOG = Logger.getLogger(RelayProducer.class);

  private final Supplier<? extends Producer<String, String>> factory;
  private Producer<String, String> current;
  private int made;

  RelayProducer(Supplier<? extends Producer<String, String>> factory) {
    this.factory = factory;
  }

  /** The producer to send with, made when there is none. */
  synchronized Producer<String, String> get() {
    if (current == null) {
      current = factory.get();
      made++;
    }
    return current;
  }

  /**
   * Takes note of a round that failed: when the failure means the producer cannot send again, it is
   * closed and the next round makes another. Returns whether it was.
   */
  synchronized boolean failed(Throwable failure) {
    if (current == null || !unusable(failure)) {
      return false;
    }
    LOG.warnf(
        "outbox producer cannot send again (%s); closing it, the next round makes a new one",
        failure.toString());
    try {
      current.close(Duration.ZERO);
    } catch (RuntimeException e) {
      LOG.debugf("closing the failed producer: %s", e.toString());
    }
    current = null;
    return true;
  }

  /** How many producers were made (the first included). */
  synchronized int made() {
    return made;
  }

  synchronized void close(Duration timeout) {
    if (current != null) {
      current.close(timeout);
      current = null;
    }
  }

  /**
   * Whether the failure, or one of its causes, is one after which a Kafka producer never sends
   * again: the errors its transaction manager takes as fatal for an idempotent producer, and a send
   * on a producer already closed.
   */
  static boolean unusable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ClusterAuthorizationException
          || t instanceof TransactionalIdAuthorizationException
          || t instanceof ProducerFencedException
          || t instanceof UnsupportedVersionException
          || t instanceof AuthenticationException
          || (t instanceof IllegalStateException
              && String.valueOf(t.getMessage()).contains("producer has been closed"))) {
        return true;
      }
    }
    return false;
  }
}
