package no.nav.ia.agreement.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.AgreementStatus;
import no.nav.ia.agreement.RegisterEnterprise;
import no.nav.ia.agreement.ResigningCase;
import no.nav.ia.agreement.ResigningStatus;
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
    @Schema(
            nullable = true,
            description =
                "Why it ended: the termination's reason, NOT_RESIGNED when a re-signing campaign's"
                    + " closing ended it, ERASED when the reason was erased (DELETE .../end-reason)")
        String endReason,
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
        LocalDate enterpriseDeletedOn,
    @Schema(
            nullable = true,
            description =
                "An active agreement's case in the re-signing campaign not yet closed: its status,"
                    + " the day it got it, the deadline; null when it is due in none")
        Resigning resigning) {

  /**
   * An agreement's case in the re-signing campaign under way. Named apart from the card's {@code
   * Resigning} (scorecard-service): the gateway's document holds both services' schemas.
   */
  @Schema(name = "AgreementResigning")
  public record Resigning(
      UUID campaignId, ResigningStatus status, LocalDate statusOn, LocalDate deadline) {}

  /**
   * The agreement, with the register's deletion of its enterprise and its re-signing case where
   * there are such.
   */
  public static AgreementResponse from(Agreement a) {
    return from(new Page<>(List.of(a), 0, 1, 1)).items().get(0);
  }

  /** Agreements of a page, asking the register copy and the campaigns once for all of them. */
  public static Page<AgreementResponse> from(Page<Agreement> page) {
    Map<String, LocalDate> deleted =
        RegisterEnterprise.deletedOn(page.items().stream().map(a -> a.orgNumber).toList());
    Map<UUID, ResigningCase.Open> cases =
        ResigningCase.openOf(page.items().stream().map(a -> a.id).toList());
    // An ended agreement shows its case's outcome (the progress counts it), not a status it can
    // no longer leave.
    return page.map(
        a -> {
          ResigningCase.Open open = cases.get(a.id);
          boolean shown =
              open != null && (a.isActive() || ResigningCase.OUTCOMES.contains(open.status()));
          return from(a, deleted.get(a.orgNumber), shown ? open : null);
        });
  }

  static AgreementResponse from(
      Agreement a, LocalDate enterpriseDeletedOn, ResigningCase.Open resigning) {
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
        enterpriseDeletedOn,
        resigning == null
            ? null
            : new Resigning(
                resigning.campaignId(),
                resigning.status(),
                resigning.statusOn(),
                resigning.deadline()));
  }
}
