package no.nav.ia.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.ServiceCode;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {

  static DeliveryFacts facts(Direction direction, List<Integer> goals, LocalDate on) {
    return new DeliveryFacts(
        "974760673", "03", ServiceCode.SICK_LEAVE, direction, goals, on, Form.DIRECT, null);
  }

  static Delivery recorded() {
    return Delivery.record(
        facts(Direction.SYSTEM, List.of(3, 1), LocalDate.of(2012, 5, 14)),
        "Z990001",
        OffsetDateTime.of(2012, 5, 20, 23, 30, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void aNewDeliveryIsLiveAtVersionOneWithSortedSubGoals() {
    Delivery d = recorded();
    assertThat(d.version).isEqualTo(1);
    assertThat(d.isLive()).isTrue();
    assertThat(d.subGoals).containsExactly(1, 3);
  }

  @Test
  void theRegistrationLagIsCountedInNorwegianDays() {
    // 23:30 UTC on 20 May is 01:30 on 21 May in Oslo: seven days after the 14th.
    assertThat(recorded().registrationLagDays).isEqualTo(7);
  }

  @Test
  void aCorrectionNeedsTheCurrentVersionAndAddsOne() {
    Delivery d = recorded();
    assertThatThrownBy(
            () -> d.correct(facts(Direction.INDIVIDUAL, List.of(1), LocalDate.of(2012, 5, 14)), 2))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e -> assertThat(((DomainException) e).kind()).isEqualTo(DomainException.Kind.STALE));
    d.correct(facts(Direction.INDIVIDUAL, List.of(1), LocalDate.of(2012, 5, 14)), 1);
    assertThat(d.version).isEqualTo(2);
    assertThat(d.direction).isEqualTo(Direction.INDIVIDUAL);
  }

  @Test
  void aCorrectionThatChangesNothingMakesNoNewVersion() {
    Delivery d = recorded();
    // The sub-goals in another order are the same sub-goals.
    assertThat(d.correct(facts(Direction.SYSTEM, List.of(1, 3, 3), LocalDate.of(2012, 5, 14)), 1))
        .isFalse();
    assertThat(d.version).isEqualTo(1);
    assertThat(
            d.correct(facts(Direction.SYSTEM, List.of(1, 3), LocalDate.of(2012, 5, 14)), "Z1", 1))
        .as("another adviser is a change")
        .isTrue();
    assertThat(d.version).isEqualTo(2);
  }

  @Test
  void aGroupsDeliveryIsNotCorrectedIntoADirectOne() {
    Delivery d = recorded();
    d.groupId = java.util.UUID.randomUUID();
    assertThatThrownBy(
            () -> d.correct(facts(Direction.SYSTEM, List.of(1), LocalDate.of(2012, 5, 14)), 1))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e -> assertThat(((DomainException) e).kind()).isEqualTo(DomainException.Kind.INVALID));
    // No form (null, as a read answers for a direct delivery) is direct too.
    DeliveryFacts noForm =
        new DeliveryFacts(
            "974760673",
            "03",
            ServiceCode.SICK_LEAVE,
            Direction.SYSTEM,
            List.of(1),
            LocalDate.of(2012, 5, 14),
            null,
            null);
    assertThatThrownBy(() -> d.correct(noForm, 1))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e -> assertThat(((DomainException) e).violations().get(0).field()).isEqualTo("form"));
    assertThat(d.version).isEqualTo(1);
  }

  @Test
  void aVoidedDeliveryCannotBeCorrectedOrVoidedAgain() {
    Delivery d = recorded();
    d.voidIt(null);
    assertThat(d.status).isEqualTo(DeliveryStatus.VOIDED);
    assertThat(d.version).isEqualTo(2);
    assertThatThrownBy(
            () -> d.correct(facts(Direction.SYSTEM, List.of(1), LocalDate.of(2012, 5, 14)), 2))
        .isInstanceOf(DomainException.class)
        .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("DELIVERY_VOIDED"));
    assertThatThrownBy(() -> d.voidIt(2L)).isInstanceOf(DomainException.class);
  }

  @Test
  void aVoidWithAStaleIfMatchIsRefused() {
    Delivery d = recorded();
    assertThatThrownBy(() -> d.voidIt(5L))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e -> assertThat(((DomainException) e).kind()).isEqualTo(DomainException.Kind.STALE));
    assertThat(d.isLive()).isTrue();
  }
}
