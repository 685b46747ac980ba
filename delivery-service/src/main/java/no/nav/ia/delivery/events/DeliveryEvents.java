package no.nav.ia.delivery.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import no.nav.ia.delivery.Delivery;
import no.nav.ia.platform.time.NorwegianTime;

/**
 * The wire contract of {@code ia.delivery-events-v1}. Every event carries the full facts the
 * scorecard counts, so it never calls back. The free-text note is never put on a topic.
 */
public final class DeliveryEvents {

  public static final String TOPIC = "ia.delivery-events-v1";

  private DeliveryEvents() {}

  /** The countable facts of one version of a delivery. */
  public record Facts(
      String orgNumber,
      String countyCode,
      String service,
      String direction,
      List<Integer> subGoals,
      LocalDate deliveredOn,
      LocalDate registeredOn,
      int registrationLagDays,
      String form,
      String adviser) {

    public static Facts of(Delivery d) {
      return new Facts(
          d.orgNumber,
          d.countyCode,
          d.service.name(),
          d.direction.name(),
          List.copyOf(d.subGoals),
          d.deliveredOn,
          d.registeredAt.atZoneSameInstant(NorwegianTime.ZONE).toLocalDate(),
          d.registrationLagDays,
          d.form == null ? null : d.form.name(),
          d.adviser);
    }
  }

  public record DeliveryRecorded(
      UUID deliveryId, long version, OffsetDateTime registeredAt, Facts delivery) {}

  public record DeliveryCorrected(
      UUID deliveryId, long version, String correctedBy, Facts before, Facts after) {}

  public record DeliveryVoided(UUID deliveryId, long version, String voidedBy, Facts before) {}
}
