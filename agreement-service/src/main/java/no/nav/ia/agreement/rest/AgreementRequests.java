package no.nav.ia.agreement.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import no.nav.ia.agreement.RegisterEntry;
import no.nav.ia.platform.domain.FreeText;
import no.nav.ia.platform.domain.NavIdent;
import no.nav.ia.platform.domain.NoIdentityNumber;
import no.nav.ia.platform.domain.NotBeforeIa;
import no.nav.ia.platform.domain.ValidOrgNumber;
import no.nav.ia.platform.domain.Written;
import no.nav.ia.platform.rest.ClosedBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

/** Request bodies of the agreement endpoints. */
public final class AgreementRequests {

  private AgreementRequests() {}

  /*
   * The patterns are published in the OpenAPI document, so each reads the same in Java and in a
   * JSON Schema validator (ECMA-262): anchored, no inline flags, no Java character classes.
   */

  /**
   * A name is one line of what shows: no line break, tab or other control character, no direction
   * mark (with which a review's name showed reversed) and no other invisible format character
   * ({@link RegisterEntry#NOT_IN_A_NAME}, which the register import makes spaces of).
   */
  static final String ONE_LINE = "^[^" + RegisterEntry.NOT_IN_A_NAME + "]*$";

  static final String ONE_LINE_MESSAGE =
      "must be one line, without line breaks, tabs, direction marks or other control characters";

  /** A termination's reason, at most this many characters. */
  static final int REASON_MAX = 500;

  /** A NAV-ident, or {@code me}: the caller's own. */
  static final String IDENT_OR_ME = "^(me|" + NavIdent.REGEX + ")$";

  /** The most employees an enterprise can have here (as the register search's filter allows). */
  static final long MAX_EMPLOYEES = 10_000_000;

  /**
   * A registration; {@code name}, {@code countyCode} and {@code employees} may be left out for an
   * enterprise the register copy knows (they then come from it).
   */
  @ClosedBody
  @Schema(name = "RegisterAgreementRequest")
  public record RegisterAgreement(
      @NotNull @ValidOrgNumber @Schema(examples = "974760673", pattern = "^\\d{9}$")
          String orgNumber,
      @CodePointLength(max = RegisterEntry.MAX_NAME_LENGTH, message = FreeText.AT_MOST)
          @Written
          @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
          @NoIdentityNumber
          @Schema(
              examples = "Eksempel Bygg AS",
              description = "From the register when left out",
              maxLength = RegisterEntry.MAX_NAME_LENGTH)
          String name,
      @Pattern(regexp = "^\\d{2}$", message = "must be a two-digit county code")
          @Schema(
              examples = "03",
              description = "From the register when left out; 422 when it contradicts it")
          String countyCode,
      @PositiveOrZero
          @Max(MAX_EMPLOYEES)
          @Schema(examples = "120", description = "From the register when left out")
          Integer employees,
      @NotNull @PastOrPresent @NotBeforeIa @Schema(examples = "2010-05-01") LocalDate signedOn,
      @ValidOrgNumber
          @Schema(
              pattern = "^\\d{9}$",
              description = "The corporate group (konsern), when signed under a group agreement")
          String groupOrgNumber,
      @Pattern(regexp = IDENT_OR_ME, message = NavIdent.MESSAGE + ", or me")
          @Schema(
              examples = "Z990001",
              description = "A NAV-ident, or me (the caller's own), as the contact person's PUT")
          String contactPerson) {

    /**
     * The registration with {@code me} as the caller's NAV-ident (an adviser's review found it
     * taken by the contact person's PUT and the working lists, and refused here).
     */
    RegisterAgreement withContactPerson(String ident) {
      return new RegisterAgreement(
          orgNumber, name, countyCode, employees, signedOn, groupOrgNumber, ident);
    }
  }

  /** A correction of an agreement: either field may be left out, not both. */
  @ClosedBody
  @Schema(name = "EditAgreementRequest")
  public record EditAgreement(
      @CodePointLength(max = RegisterEntry.MAX_NAME_LENGTH, message = FreeText.AT_MOST)
          @Written
          @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
          @NoIdentityNumber
          @Schema(maxLength = RegisterEntry.MAX_NAME_LENGTH)
          String name,
      @PositiveOrZero @Max(MAX_EMPLOYEES) Integer employees) {}

  @ClosedBody
  @Schema(name = "ContactPersonRequest")
  public record AssignContactPerson(
      @NotNull
          @Pattern(regexp = IDENT_OR_ME, message = NavIdent.MESSAGE + ", or me")
          @Schema(examples = "Z990001", description = "A NAV-ident, or me (the caller's own)")
          String navIdent) {}

  @ClosedBody
  @Schema(name = "TerminationRequest")
  public record Terminate(
      @NotNull @PastOrPresent @NotBeforeIa LocalDate endedOn,
      @NotBlank
          @Written
          @CodePointLength(max = REASON_MAX, message = FreeText.AT_MOST)
          @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
          @NoIdentityNumber
          @Schema(
              minLength = 1,
              maxLength = REASON_MAX,
              description =
                  "Not blank (spaces of any kind are nothing written); not NOT_RESIGNED nor ERASED,"
                      + " the reasons the platform gives")
          String reason) {

    /**
     * The reasons the platform gives, not ones to type: a campaign's closing's
     * (CampaignClosing.NOT_RESIGNED) and an erased one's (Agreement.ERASED_REASON).
     */
    boolean reservedReason() {
      if (reason == null) {
        return false;
      }
      // Any spelling of the words: NOT-RESIGNED, "not  resigned.", Not_Resigned, erased.
      String words = reason.replaceAll("[^\\p{L}]+", "_").replaceAll("^_|_$", "");
      return words.equalsIgnoreCase(no.nav.ia.agreement.CampaignClosing.NOT_RESIGNED)
          || words.equalsIgnoreCase(no.nav.ia.agreement.Agreement.ERASED_REASON);
    }
  }
}
