package no.nav.ia.agreement.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.AgreementStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agreement as clients see it. */
public record AgreementResponse(
    UUID id,
    String orgNumber,
    String name,
    String countyCode,
    int employees,
    LocalDate signedOn,
    @Schema(nullable = true, description = "The group's org number, for a unit of a group")
        String groupOrgNumber,
    @Schema(nullable = true) UUID groupAgreementId,
    @Schema(nullable = true, description = "The NAV-ident of the contact person, if any")
        String contactPerson,
    AgreementStatus status,
    @Schema(nullable = true) LocalDate endedOn,
    @Schema(nullable = true) String endReason,
    @Schema(nullable = true, description = "Re-signed in a closed campaign: the new period's start")
        LocalDate resignedOn,
    OffsetDateTime createdAt,
    long version) {

  public static AgreementResponse from(Agreement a) {
    return new AgreementResponse(
        a.id,
        a.orgNumber,
        a.name,
        a.countyCode,
        a.employees,
        a.signedOn,
        a.groupOrgNumber,
        a.groupAgreementId,
        a.contactPerson,
        a.status,
        a.endedOn,
        a.endReason,
        a.resignedOn,
        a.createdAt,
        a.version);
  }
}
