package no.nav.ia.delivery.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import no.nav.ia.delivery.DeliveryVersion;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One kept version of a delivery. */
public record VersionResponse(
    long version,
    @Schema(
            description =
                "RECORDED, CORRECTED, VOIDED, or NOTE_ERASED (the note taken out of this and every"
                    + " version before; the facts as they were)",
            examples = "CORRECTED")
        String change,
    @JsonRawValue
        @Schema(
            type = SchemaType.OBJECT,
            description =
                "The delivery's facts as they were in this version (orgNumber, countyCode, service,"
                    + " direction, subGoals, deliveredOn, form, note, adviser)")
        String delivery,
    String changedBy,
    OffsetDateTime changedAt) {

  static VersionResponse from(DeliveryVersion v) {
    return new VersionResponse(v.version, v.change, v.snapshot, v.changedBy, v.changedAt);
  }
}
