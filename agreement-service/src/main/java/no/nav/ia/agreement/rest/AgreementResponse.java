package no.nav.ia.agreement.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;

/** An agreement as clients see it. */
public record AgreementResponse(
    UUID id,
    String orgNumber,
    String name,
    String countyCode,
    int employees,
    LocalDate signedOn,
    String groupOrgNumber,
    UUID groupAgreementId,
    String contactPerson,
    String status,
    LocalDate endedOn,
    String endReason,
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
        a.status.name(),
        a.endedOn,
        a.endReason,
        a.resignedOn,
        a.createdAt,
        a.version);
  }
}
