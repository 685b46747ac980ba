package no.nav.ia.delivery.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import no.nav.ia.delivery.Direction;
import no.nav.ia.delivery.Form;
import no.nav.ia.platform.domain.FreeText;
import no.nav.ia.platform.domain.NavIdent;
import no.nav.ia.platform.domain.NoIdentityNumber;
import no.nav.ia.platform.domain.NotBeforeIa;
import no.nav.ia.platform.domain.ServiceCode;
import no.nav.ia.platform.domain.ValidOrgNumber;
import no.nav.ia.platform.rest.ClosedBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;
import org.hibernate.validator.constraints.UniqueElements;

/** A delivery as an adviser's client records or corrects it. */
@ClosedBody
// What a GET answers besides the facts, so that a client may send back what it read.
@JsonIgnoreProperties({
  "id",
  "countyCode",
  "groupId",
  "registeredAt",
  "registrationLagDays",
  "status",
  "version"
})
@Schema(name = "RecordDeliveryRequest")
public record DeliveryRequest(
    @NotNull @ValidOrgNumber @Schema(examples = "974760673", pattern = "^\\d{9}$") String orgNumber,
    @NotNull @Schema(examples = "SICK_LEAVE") ServiceCode service,
    @NotNull @Schema(examples = "SYSTEM") Direction direction,
    @NotEmpty
        @Size(max = 3, message = "must name 1 to 3 sub-goals")
        @UniqueElements(message = "must name each sub-goal once")
        @Schema(examples = "[1]", uniqueItems = true)
        List<@NotNull @Min(1) @Max(3) Integer> subGoals,
    @NotNull @PastOrPresent @NotBeforeIa @Schema(examples = "2012-05-14") LocalDate deliveredOn,
    @Schema(
            nullable = true,
            description =
                "Left out or null: recorded without a form, read back as null and counted as"
                    + " DIRECT (as every delivery recorded before forms were asked for); a"
                    + " group's delivery is COURSE or INFORMATION",
            examples = "DIRECT")
        Form form,
    @CodePointLength(max = DeliveryRequest.NOTE_MAX, message = FreeText.AT_MOST)
        @NoIdentityNumber
        @Schema(
            nullable = true,
            description =
                "Free text about the service; never personal data: no employee's name, contact"
                    + " details or health (an identity number is refused). A correction does not"
                    + " take it out of the delivery's history, which the county's staff read:"
                    + " DELETE /api/v1/deliveries/{id}/note does",
            maxLength = DeliveryRequest.NOTE_MAX)
        String note,
    @Pattern(regexp = NavIdent.WHOLE, message = NavIdent.MESSAGE)
        @Schema(
            description =
                "The adviser who delivered: required when a system records; a person is the"
                    + " adviser and may name only themselves",
            examples = "Z990001")
        String adviser) {

  /**
   * A note's limit in characters as a person counts them (code points): an emoji or a letter
   * outside the basic plane is one, as the OpenAPI document's maxLength counts (Java's length()
   * counts it twice).
   */
  public static final int NOTE_MAX = 2000;
}
