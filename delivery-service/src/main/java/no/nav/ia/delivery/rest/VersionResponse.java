package no.nav.ia.delivery.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import no.nav.ia.delivery.DeliveryVersion;

/** One kept version of a delivery. */
public record VersionResponse(
    long version,
    String change,
    @JsonRawValue String delivery,
    String changedBy,
    OffsetDateTime changedAt) {

  static VersionResponse from(DeliveryVersion v) {
    return new VersionResponse(v.version, v.change, v.snapshot, v.changedBy, v.changedAt);
  }
}
