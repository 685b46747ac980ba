package no.nav.ia.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ClockProvider;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class NorwegianClockProviderTest {

  record Registration(@PastOrPresent LocalDate deliveredOn) {}

  /** 00:30 on 24 November in Oslo, still 23 November in UTC. */
  static final Instant AFTER_MIDNIGHT_IN_OSLO = Instant.parse("2026-11-23T23:30:00Z");

  static Validator validatorWith(ClockProvider clocks) {
    return Validation.byDefaultProvider()
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .clockProvider(clocks)
        .buildValidatorFactory()
        .getValidator();
  }

  @Test
  void justAfterMidnightInOsloTodaysNorwegianDateIsNotInTheFuture() {
    Validator norwegian =
        validatorWith(
            new NorwegianClockProvider(Clock.fixed(AFTER_MIDNIGHT_IN_OSLO, NorwegianTime.ZONE)));

    assertThat(norwegian.validate(new Registration(LocalDate.of(2026, 11, 24)))).isEmpty();
    assertThat(norwegian.validate(new Registration(LocalDate.of(2026, 11, 25)))).hasSize(1);
  }

  @Test
  void onAServerInUtcTodayIsTheNorwegianDate() {
    Clock server = Clock.fixed(AFTER_MIDNIGHT_IN_OSLO, ZoneOffset.UTC);
    assertThat(NorwegianTime.today(server)).isEqualTo(LocalDate.of(2026, 11, 24));
  }

  @Test
  void anEventsMomentInUtcFallsOnTheNorwegianDate() {
    assertThat(NorwegianTime.dateOf(AFTER_MIDNIGHT_IN_OSLO.atOffset(ZoneOffset.UTC)))
        .isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(NorwegianTime.dateOf(AFTER_MIDNIGHT_IN_OSLO.atOffset(ZoneOffset.ofHours(-5))))
        .as("the offset it was written with does not matter")
        .isEqualTo(LocalDate.of(2026, 11, 24));
  }

  @Test
  void theDefaultProvidersClockIsTheServersClockReadInNorwegianTime() {
    Validator validator =
        validatorWith(
            new NorwegianClockProvider(
                NorwegianTime.clock(Clock.fixed(AFTER_MIDNIGHT_IN_OSLO, ZoneOffset.UTC))));
    assertThat(validator.validate(new Registration(LocalDate.of(2026, 11, 24))))
        .as("today in Oslo, tomorrow in UTC")
        .isEmpty();
    assertThat(new NorwegianClockProvider().getClock().getZone()).isEqualTo(NorwegianTime.ZONE);
  }
}
