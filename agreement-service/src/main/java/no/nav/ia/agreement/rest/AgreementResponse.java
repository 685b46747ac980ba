package no.nav.ia.agreement.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.AgreementStatus;
import no.nav.ia.agreement.RegisterEnterprise;
import no.nav.ia.platform.rest.Page;
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
    long version,
    @Schema(
            nullable = true,
            description =
                "The day the register deleted the enterprise (closed, dissolved, merged away) or an"
                    + " import found it gone: an active agreement with it is one to end. Null while"
                    + " the register has it, or does not know it")
        LocalDate enterpriseDeletedOn) {

  /** The agreement, with the register's deletion of its enterprise where there is one. */
  public static AgreementResponse from(Agreement a) {
    return from(a, RegisterEnterprise.deletedOn(List.of(a.orgNumber)).get(a.orgNumber));
  }

  /** Agreements of a page, asking the register copy once for all of them. */
  public static Page<AgreementResponse> from(Page<Agreement> page) {
    Map<String, LocalDate> deleted =
        RegisterEnterprise.deletedOn(page.items().stream().map(a -> a.orgNumber).toList());
    return page.map(a -> from(a, deleted.get(a.orgNumber)));
  }

  static AgreementResponse from(Agreement a, LocalDate enterpriseDeletedOn) {
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
        a.version,
        enterpriseDeletedOn);
  }
}
