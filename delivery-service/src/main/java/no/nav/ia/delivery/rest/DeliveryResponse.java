package no.nav.ia.delivery.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import no.nav.ia.delivery.Delivery;
import no.nav.ia.delivery.DeliveryStatus;
import no.nav.ia.delivery.Direction;
import no.nav.ia.delivery.Form;
import no.nav.ia.platform.domain.ServiceCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery as clients see it. */
public record DeliveryResponse(
    UUID id,
    String orgNumber,
    String countyCode,
    ServiceCode service,
    Direction direction,
    List<Integer> subGoals,
    LocalDate deliveredOn,
    @Schema(nullable = true, description = "None: recorded without a form (counted as direct)")
        Form form,
    @Schema(nullable = true) String note,
    @Schema(nullable = true) String adviser,
    @Schema(nullable = true, description = "The group delivery it was recorded in") UUID groupId,
    OffsetDateTime registeredAt,
    int registrationLagDays,
    DeliveryStatus status,
    long version) {

  public static DeliveryResponse from(Delivery d) {
    return new DeliveryResponse(
        d.id,
        d.orgNumber,
        d.countyCode,
        d.service,
        d.direction,
        d.subGoals,
        d.deliveredOn,
        d.form,
        d.note,
        d.adviser,
        d.groupId,
        d.registeredAt,
        d.registrationLagDays,
        d.status,
        d.version);
  }

  public String etag() {
    return "\"" + version + "\"";
  }
}
