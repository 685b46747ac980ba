package no.nav.ia.platform.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The platform's one time zone. A delivery date, a signing date, a period and a deadline are
 * Norwegian calendar dates, whatever zone the server runs in (UTC on NAIS): just after midnight in
 * Oslo it is still yesterday in UTC.
 */
public final class NorwegianTime {

  public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

  private NorwegianTime() {}

  /** Today's date in Norway. */
  public static LocalDate today() {
    return today(Clock.systemUTC());
  }

  /** The date in Norway at the clock's instant, whatever zone the clock itself is in. */
  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }

  /** The date in Norway at {@code moment}, whatever offset it was written with. */
  public static LocalDate dateOf(OffsetDateTime moment) {
    return LocalDate.ofInstant(moment.toInstant(), ZONE);
  }

  /** The system clock, read in Norwegian time. */
  public static Clock clock() {
    return clock(Clock.systemUTC());
  }

  /** A clock (a server's, in UTC) read in Norwegian time. */
  public static Clock clock(Clock base) {
    return base.withZone(ZONE);
  }
}
