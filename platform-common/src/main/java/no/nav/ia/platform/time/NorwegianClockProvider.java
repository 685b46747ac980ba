package no.nav.ia.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * The clock of Bean Validation's {@code @Past}, {@code @PastOrPresent} and {@code @Future} checks
 * (Quarkus hands a ClockProvider bean to its ValidatorFactory). The default clock is the JVM's
 * zone, which would refuse a delivery dated today between midnight and 01:00/02:00 Oslo time on a
 * UTC server.
 */
@ApplicationScoped
public class NorwegianClockProvider implements ClockProvider {

  private final Clock clock;

  public NorwegianClockProvider() {
    this(NorwegianTime.clock());
  }

  /** Another clock, such as a fixed one in a test of the moment just after midnight. */
  public NorwegianClockProvider(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Clock getClock() {
    return clock;
  }
}
