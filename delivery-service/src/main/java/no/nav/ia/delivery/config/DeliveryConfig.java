package no.nav.ia.delivery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** delivery-service settings. */
@ConfigMapping(prefix = "ia.delivery")
public interface DeliveryConfig {

  /**
   * How long an Idempotency-Key is remembered by default, as the OpenAPI document tells clients: a
   * retry after that records the delivery again.
   */
  int KEY_RETENTION_HOURS = 48;

  /** How long an Idempotency-Key is remembered (at least 24 hours). */
  @WithDefault("PT" + KEY_RETENTION_HOURS + "H")
  Duration idempotencyRetention();

  /** The most items one batch request may carry. */
  @WithDefault("1000")
  int maxBatchSize();

  /**
   * How long one batch request may record items: items not started by then are answered
   * DEADLINE_EXCEEDED (not recorded; send them again with their keys). Shorter than the gateway's
   * batch timeout (120 s), so a slow batch still gets its answer instead of a 504, and than the
   * graceful shutdown (20 s), so a batch running at a deploy still answers every item.
   */
  @WithDefault("15S")
  Duration batchDeadline();

  /**
   * How long after a termination reached the read model its agreement's deliveries are looked at
   * (EndedAgreements): longer than a transaction may run (60 s), so that every recording which read
   * the agreement as active before has committed or rolled back.
   */
  @WithDefault("90S")
  Duration terminationSettle();

  /** How often settled terminations are looked at (EndedAgreements' schedule, as {@code 5s}). */
  @WithDefault("5s")
  String terminationSweep();

  /**
   * The scope of tokens for agreement-service (HopTokens), asked when the read model has no
   * agreement.
   */
  String agreementServiceScope();
}
