package no.nav.ia.delivery.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import no.nav.ia.delivery.Direction;
import no.nav.ia.delivery.Form;
import no.nav.ia.platform.domain.FreeText;
import no.nav.ia.platform.domain.NavIdent;
import no.nav.ia.platform.domain.NoIdentityNumber;
import no.nav.ia.platform.domain.NotBeforeIa;
import no.nav.ia.platform.domain.ServiceCode;
import no.nav.ia.platform.domain.ValidOrgNumber;
import no.nav.ia.platform.problem.FieldError;
import no.nav.ia.platform.rest.ClosedBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;
import org.hibernate.validator.constraints.UniqueElements;

/** One course or information meeting for several enterprises: a delivery to each of them. */
@ClosedBody
@Schema(name = "RecordGroupDeliveryRequest")
public record GroupRequest(
    @NotEmpty
        @Size(max = MAX_ENTERPRISES, message = "must name at most 200 enterprises")
        @Schema(examples = "[\"974760673\", \"889640782\"]")
        List<@NotNull @ValidOrgNumber String> orgNumbers,
    @NotNull @Schema(examples = "SICK_LEAVE") ServiceCode service,
    @NotNull @Schema(examples = "SYSTEM") Direction direction,
    @NotEmpty
        @Size(max = 3, message = "must name 1 to 3 sub-goals")
        @UniqueElements(message = "must name each sub-goal once")
        @Schema(examples = "[1]", uniqueItems = true)
        List<@NotNull @Min(1) @Max(3) Integer> subGoals,
    @NotNull @PastOrPresent @NotBeforeIa @Schema(examples = "2012-05-14") LocalDate deliveredOn,
    @NotNull
        @Schema(
            description = "COURSE or INFORMATION",
            enumeration = {"COURSE", "INFORMATION"},
            examples = "COURSE")
        Form form,
    @CodePointLength(max = DeliveryRequest.NOTE_MAX, message = FreeText.AT_MOST)
        @NoIdentityNumber
        @Schema(
            nullable = true,
            description =
                "Free text about the meeting, written on each enterprise's delivery; never"
                    + " personal data: no participant's name, contact details or health (an"
                    + " identity number is refused). Erasing one delivery's note erases the"
                    + " group's",
            maxLength = DeliveryRequest.NOTE_MAX)
        String note,
    @Pattern(regexp = NavIdent.WHOLE, message = NavIdent.MESSAGE)
        @Schema(
            description =
                "The adviser: required when a system records; a person may name only themselves",
            examples = "Z990001")
        String adviser) {

  /** The most enterprises one group names (API.md). */
  public static final int MAX_ENTERPRISES = 200;

  /** What the annotations cannot say: each enterprise once, and a course or information form. */
  List<FieldError> problems() {
    List<FieldError> problems = new ArrayList<>();
    if (new HashSet<>(orgNumbers).size() < orgNumbers.size()) {
      problems.add(new FieldError("orgNumbers", "must name each enterprise once"));
    }
    if (form == Form.DIRECT) {
      problems.add(
          new FieldError(
              "form",
              "must be COURSE or INFORMATION: a direct delivery is recorded for its enterprise"));
    }
    return problems;
  }

  /** The delivery to one of the enterprises. */
  DeliveryRequest itemFor(String orgNumber) {
    return new DeliveryRequest(
        orgNumber, service, direction, subGoals, deliveredOn, form, note, adviser);
  }

  /**
   * What the group's key binds: the meeting (service, direction, sub-goals, day, form, note and the
   * adviser it names, {@link no.nav.ia.delivery.DeliveredBy#named}), not its list of enterprises,
   * so a list put right goes with the same key and records only the enterprises not yet in the
   * group. Lists in any order give the same fingerprint.
   */
  String meeting(String named) {
    return "meeting|" + facts(named);
  }

  /**
   * The whole body's fingerprint, its list too, as keys were stored before the meeting was bound
   * (and still are, beside the meeting's: an instance of the version before compares it).
   */
  String canonical(String named) {
    return orgNumbers.stream().sorted().toList() + "|" + facts(named);
  }

  private String facts(String named) {
    return String.join(
        "|",
        String.valueOf(service),
        String.valueOf(direction),
        String.valueOf(subGoals.stream().sorted().toList()),
        String.valueOf(deliveredOn),
        String.valueOf(form),
        String.valueOf(note),
        String.valueOf(named));
  }
}
