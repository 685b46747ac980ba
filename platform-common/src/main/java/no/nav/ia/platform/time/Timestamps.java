package no.nav.ia.platform.time;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The moment something is recorded, as PostgreSQL keeps it: UTC to the microsecond. Taken finer,
 * the answer of the request that wrote it would show nanoseconds that every later read shows
 * rounded ("…22.197718636Z", then "…22.197719Z"), and a client comparing the two would see a change
 * that never happened.
 */
public final class Timestamps {

  private Timestamps() {}

  /** Now, in UTC, to the microsecond. */
  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
