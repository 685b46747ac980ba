package no.nav.ia.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Outbox relay and consumer settings, shared by every service that produces or consumes events. */
@ConfigMapping(prefix = "ia.events")
public interface EventsConfig {

  /** How many outbox rows one relay round publishes at most. */
  @WithDefault("500")
  int relayBatchSize();

  /**
   * How long the relay waits after a wake-up before it reads the outbox, so that the rows of the
   * transactions committing meanwhile go out in the same round. A round costs about as much as the
   * deliveries it carries (a transaction, the lock, the read, the send, the mark): at 300
   * deliveries a second, rounds of one or two rows took 0.5 ms of the platform's CPU per delivery
   * more than rounds gathered for 10 ms (docs/performance.md, session 14). Events leave that much
   * later.
   */
  @WithDefault("PT0.01S")
  Duration relayLinger();

  /**
   * How often the parked events are counted (ia_events_parked_waiting, which the alert watches);
   * read by Parking's schedule as {@code ia.events.parked-count-interval}.
   */
  @WithDefault(Parking.COUNT_INTERVAL)
  String parkedCountInterval();

  /**
   * How long the relay's transaction may sit idle in PostgreSQL (waiting for Kafka) before the
   * server ends its session, and with it the relay lock. Longer than a send may take (the
   * producer's max.block.ms and delivery.timeout.ms, 10 s and 30 s): a live relay never meets it. A
   * holder whose machine died or was cut off without closing its connection, or whose process is
   * frozen, gives up the lock after this long instead of when the server's TCP keepalive notices
   * (two hours by Linux's defaults), so the other replica publishes again.
   */
  @WithDefault("PT1M")
  Duration relayHolderIdleLimit();

  /** How long a published outbox row is kept for inspection and replay. */
  @WithDefault("P7D")
  Duration outboxRetention();

  /** Whether this instance consumes events (off for tools that only produce). */
  @WithDefault("true")
  boolean consumerEnabled();

  /**
   * How many records one poll hands the consumer at most, over all its partitions: a poll is
   * applied as one batch (EventConsumer), so under a backlog this is how big batches get.
   */
  @WithDefault("500")
  int maxPollRecords();

  /**
   * How much a fetch waits for (bytes of records) before the broker answers it, up to {@link
   * #fetchMaxWait}: under a steady stream a poll then brings a batch instead of an event or two,
   * and each event costs a fraction of a poll, a transaction and a commit.
   */
  @WithDefault("16384")
  int fetchMinBytes();

  /**
   * How long the broker holds a fetch that has less than {@link #fetchMinBytes}: the most an event
   * waits for company, added to its lag when events are few. It is also how often an idle consumer
   * asks the broker: with the three services' consumers fetching every 25 ms the local broker spent
   * 48-74 ms of CPU a second with nothing to send and each service 21-28; every 50 ms, 28-33 and
   * 13-15. Under the bench's load (about 450 events a second of about 600 bytes) 16 KiB take about
   * 60 ms to gather, so each consumer polls, commits and writes half as often as with 25 ms, and
   * the consumers and the broker cost about half as much per delivery. 100 ms saved no more under
   * load (the 16 KiB come first) and added 25 ms to the median lag (docs/performance.md, session
   * 50).
   */
  @WithDefault("PT0.05S")
  Duration fetchMaxWait();

  /**
   * The most one fetch brings back over all partitions. The client reads a whole answer into one
   * buffer on the heap and, under it, into a direct buffer of the same size that the JDK keeps per
   * thread; with Kafka's defaults (50 MB, 1 MB a partition, six partitions here) a consumer
   * catching up on a backlog kept 13 MB of such direct buffers and its heap held fetches of
   * thousands of events it could not apply before the next polls. Twice what the consumer applies
   * in a poll is enough to keep it busy: loading 300,000 events at about the same rate, RSS 246 MB
   * instead of 251-254 (docs/performance.md, session 22). An event larger than this still comes
   * (the broker always sends the first batch).
   */
  @WithDefault("1048576")
  int fetchMaxBytes();

  /** The most one fetch brings back of one partition (see {@link #fetchMaxBytes}). */
  @WithDefault("262144")
  int maxPartitionFetchBytes();

  /** How often a failing event is tried before it is parked in the dead-letter table. */
  @WithDefault("3")
  int maxAttempts();
}
