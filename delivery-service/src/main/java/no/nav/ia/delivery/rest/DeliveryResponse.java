package no.nav.ia.delivery.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import no.nav.ia.delivery.Delivery;

/** A delivery as clients see it. */
public record DeliveryResponse(
    UUID id,
    String orgNumber,
    String countyCode,
    String service,
    String direction,
    List<Integer> subGoals,
    LocalDate deliveredOn,
    String form,
    String note,
    String adviser,
    UUID groupId,
    OffsetDateTime registeredAt,
    int registrationLagDays,
    String status,
    long version) {

  public static DeliveryResponse from(Delivery d) {
    return new DeliveryResponse(
        d.id,
        d.orgNumber,
        d.countyCode,
        d.service.name(),
        d.direction.name(),
        d.subGoals,
        d.deliveredOn,
        d.form == null ? null : d.form.name(),
        d.note,
        d.adviser,
        d.groupId,
        d.registeredAt,
        d.registrationLagDays,
        d.status.name(),
        d.version);
  }

  public String etag() {
    return "\"" + version + "\"";
  }
}
