package no.nav.ia.agreement.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import no.nav.ia.platform.domain.NavIdent;
import no.nav.ia.platform.domain.NoIdentityNumber;
import no.nav.ia.platform.domain.ValidOrgNumber;
import no.nav.ia.platform.rest.ClosedBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the agreement endpoints. */
public final class AgreementRequests {

  private AgreementRequests() {}

  /**
   * A registration; {@code name}, {@code countyCode} and {@code employees} may be left out for an
   * enterprise the register copy knows (they then come from it).
   */
  @ClosedBody
  @Schema(name = "RegisterAgreementRequest")
  public record RegisterAgreement(
      @NotNull @ValidOrgNumber @Schema(examples = "974760673") String orgNumber,
      @Size(min = 1, max = 200)
          @Pattern(regexp = ".*\\S.*", message = "must not be blank")
          @NoIdentityNumber
          @Schema(examples = "Eksempel Bygg AS", description = "From the register when left out")
          String name,
      @Pattern(regexp = "\\d{2}", message = "must be a two-digit county code")
          @Schema(
              examples = "03",
              description = "From the register when left out; 422 when it contradicts it")
          String countyCode,
      @PositiveOrZero @Schema(examples = "120", description = "From the register when left out")
          Integer employees,
      @NotNull @PastOrPresent @Schema(examples = "2010-05-01") LocalDate signedOn,
      @ValidOrgNumber
          @Schema(
              description = "The corporate group (konsern), when signed under a group agreement")
          String groupOrgNumber,
      @Pattern(regexp = NavIdent.REGEX, message = "must be a NAV-ident (one letter and six digits)")
          String contactPerson) {}

  /** A correction of an agreement: either field may be left out, not both. */
  @ClosedBody
  @Schema(name = "EditAgreementRequest")
  public record EditAgreement(
      @Size(min = 1, max = 200)
          @Pattern(regexp = ".*\\S.*", message = "must not be blank")
          @NoIdentityNumber
          String name,
      @PositiveOrZero Integer employees) {}

  @ClosedBody
  @Schema(name = "ContactPersonRequest")
  public record AssignContactPerson(
      @NotNull
          @Pattern(
              regexp = NavIdent.REGEX,
              message = "must be a NAV-ident (one letter and six digits)")
          @Schema(examples = "Z990001")
          String navIdent) {}

  @ClosedBody
  @Schema(name = "TerminationRequest")
  public record Terminate(
      @NotNull @PastOrPresent LocalDate endedOn,
      @NotBlank @Size(max = 500) @NoIdentityNumber String reason) {}
}
