package no.nav.ia.agreement.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.CampaignStatus;
import no.nav.ia.agreement.ClosingOutcome;
import no.nav.ia.agreement.ResigningCampaign;
import no.nav.ia.agreement.ResigningCase;
import no.nav.ia.agreement.ResigningStatus;
import no.nav.ia.agreement.ResigningStatusChange;
import no.nav.ia.agreement.service.CampaignClosings;
import no.nav.ia.agreement.service.CampaignService;
import no.nav.ia.platform.domain.FreeText;
import no.nav.ia.platform.domain.NoIdentityNumber;
import no.nav.ia.platform.domain.NotBeforeIa;
import no.nav.ia.platform.rest.ClosedBody;
import no.nav.ia.platform.rest.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

/** Request and response bodies of the re-signing campaign endpoints. */
public final class CampaignRecords {

  private CampaignRecords() {}

  @ClosedBody
  @Schema(name = "StartCampaignRequest")
  public record StartCampaign(
      @NotBlank
          @no.nav.ia.platform.domain.Written
          @CodePointLength(max = NAME_MAX, message = FreeText.AT_MOST)
          @Pattern(
              regexp = AgreementRequests.ONE_LINE,
              message = AgreementRequests.ONE_LINE_MESSAGE)
          @NoIdentityNumber
          @Schema(examples = "IA-avtalen 2014-2018", maxLength = NAME_MAX)
          String name,
      @NotNull
          @NotBeforeIa
          @Schema(
              examples = "2014-07-01",
              description = "Today or later, at most two years ahead (a campaign runs months)")
          LocalDate deadline) {}

  @ClosedBody
  @Schema(name = "ResigningStatusRequest")
  public record ChangeStatus(
      @NotNull
          @Schema(
              examples = "CONTACTED",
              description = "Where the agreement now stands (PENDING is where every case starts)",
              enumeration = {"CONTACTED", "RESIGNED", "DECLINED", "AWAITING_GROUP", "NO_RESPONSE"})
          ResigningStatus status,
      @NotNull @NotBeforeIa @Schema(examples = "2014-03-10") LocalDate on,
      @CodePointLength(max = NOTE_MAX, message = FreeText.AT_MOST)
          @Pattern(regexp = FreeText.LINES, message = FreeText.LINES_MESSAGE)
          @NoIdentityNumber
          @Schema(
              maxLength = NOTE_MAX,
              description =
                  "What was agreed with the enterprise; never personal data: no name, contact"
                      + " details or health of a person there (an identity number is refused)."
                      + " It stays in the case's history until it is erased (DELETE"
                      + " /api/v1/resigning-campaigns/{id}/agreements/{agreementId}/note)")
          String note) {}

  /** A campaign's name and a case's note, at most this many characters (code points). */
  static final int NAME_MAX = 200;

  static final int NOTE_MAX = 1000;

  public record CampaignResponse(
      UUID id,
      String name,
      LocalDate deadline,
      LocalDate startedOn,
      String startedBy,
      CampaignStatus status,
      @Schema(nullable = true) LocalDate closedOn) {
    static CampaignResponse from(ResigningCampaign c) {
      return new CampaignResponse(
          c.id, c.name, c.deadline, c.startedOn, c.startedBy, c.status, c.closedOn);
    }
  }

  /**
   * Where a campaign's closing stands: of its {@code due} agreements, those {@code ended}
   * (NOT_RESIGNED, on the deadline), {@code resigned} (a new period from their resignedOn), {@code
   * unchanged} (they had ended before) and {@code pending} (no outcome yet).
   */
  public record ClosingResponse(
      UUID campaignId,
      CampaignStatus status,
      LocalDate deadline,
      @Schema(nullable = true) LocalDate closedOn,
      @Schema(nullable = true) String closedBy,
      @Schema(nullable = true) OffsetDateTime closedAt,
      long due,
      @Schema(description = "Closing outcome: ended NOT_RESIGNED on the deadline") long ended,
      @Schema(
              description =
                  "Closing outcome: given a new period from their resignedOn (not the case status"
                      + " RESIGNED of /progress, which counts before the closing)")
          long resigned,
      @Schema(description = "Closing outcome: had ended before the closing") long unchanged,
      @Schema(
              description =
                  "Due agreements the closing has not yet given an outcome (not the case status"
                      + " PENDING of /progress)")
          long pending) {
    static ClosingResponse from(CampaignClosings.Closing closing) {
      ResigningCampaign c = closing.campaign();
      Map<ClosingOutcome, Long> o = closing.outcomes();
      return new ClosingResponse(
          c.id,
          c.status,
          c.deadline,
          c.closedOn,
          c.closedBy,
          c.closedAt,
          closing.due(),
          o.get(ClosingOutcome.ENDED),
          o.get(ClosingOutcome.RESIGNED),
          o.get(ClosingOutcome.UNCHANGED),
          closing.pending());
    }
  }

  /**
   * An agreement's case in a campaign, with the enterprise's name and the centre's contact person
   * for it as the agreement has them now (who to chase).
   */
  public record CaseResponse(
      UUID campaignId,
      UUID agreementId,
      String orgNumber,
      @Schema(description = "The agreement's enterprise name") String name,
      String countyCode,
      int employees,
      @Schema(nullable = true) String groupOrgNumber,
      @Schema(nullable = true, description = "The agreement's contact person (NAV-ident)")
          String contactPerson,
      ResigningStatus status,
      @Schema(nullable = true) LocalDate statusOn,
      @Schema(nullable = true) String note) {
    static CaseResponse from(ResigningCase c, Agreement agreement) {
      return new CaseResponse(
          c.campaignId,
          c.agreementId,
          c.orgNumber,
          agreement.name,
          c.countyCode,
          c.employees,
          c.groupOrgNumber,
          agreement.contactPerson,
          c.status,
          c.statusOn,
          c.note);
    }
  }

  public record ChangeResponse(
      @Schema(nullable = true) ResigningStatus from,
      ResigningStatus to,
      LocalDate on,
      @Schema(nullable = true) String note,
      String changedBy,
      OffsetDateTime changedAt,
      @Schema(
              nullable = true,
              description =
                  "Who erased this change's note (DELETE .../note); null while it was never erased")
          String noteErasedBy,
      @Schema(nullable = true, description = "When the note was erased")
          OffsetDateTime noteErasedAt) {
    static ChangeResponse from(ResigningStatusChange c) {
      return new ChangeResponse(
          c.from, c.to, c.on, c.note, c.changedBy, c.changedAt, c.noteErasedBy, c.noteErasedAt);
    }
  }

  /**
   * How far a county (or the nation) has come; {@code rate} is resigned / due. The due are the sum
   * of the others; those still outstanding (pending, contacted, awaitingGroup, noResponse) are what
   * the largest outstanding lists.
   */
  public record Counts(
      @Schema(nullable = true, description = "None for the national counts") String countyCode,
      long due,
      long resigned,
      long declined,
      long awaitingGroup,
      long noResponse,
      long pending,
      long contacted,
      @Schema(
              description =
                  "Due agreements that ended while still outstanding, during the campaign or at"
                      + " its closing (not re-signed): they can no longer re-sign and are counted"
                      + " here instead of under their last status")
          long ended,
      @Schema(nullable = true, description = "None while nothing is due") Double rate) {

    static Counts of(String county, Map<String, Long> byStatus) {
      long due = byStatus.values().stream().mapToLong(Long::longValue).sum();
      long resigned = count(byStatus, ResigningStatus.RESIGNED);
      return new Counts(
          county,
          due,
          resigned,
          count(byStatus, ResigningStatus.DECLINED),
          count(byStatus, ResigningStatus.AWAITING_GROUP),
          count(byStatus, ResigningStatus.NO_RESPONSE),
          count(byStatus, ResigningStatus.PENDING),
          count(byStatus, ResigningStatus.CONTACTED),
          byStatus.getOrDefault(CampaignService.ENDED, 0L),
          due == 0 ? null : (double) resigned / due);
    }

    private static long count(Map<String, Long> byStatus, ResigningStatus status) {
      return byStatus.getOrDefault(status.name(), 0L);
    }
  }

  public record Progress(
      UUID campaignId,
      String name,
      LocalDate deadline,
      long daysToDeadline,
      Counts national,
      List<Counts> counties,
      Page<CaseResponse> largestOutstanding) {}

  /** An enterprise due a reminder, with its name and the contact person to send it. */
  public record Reminder(
      UUID agreementId,
      String orgNumber,
      @Schema(description = "The agreement's enterprise name") String name,
      String countyCode,
      int employees,
      @Schema(nullable = true, description = "The agreement's contact person (NAV-ident)")
          String contactPerson,
      @Schema(
              description =
                  "The day of the last contact (CONTACTED), or the day it was found not answering"
                      + " (NO_RESPONSE)")
          LocalDate contactedOn,
      long daysSinceContact,
      @Schema(enumeration = {"CONTACTED", "NO_RESPONSE"}) ResigningStatus status) {}
}
