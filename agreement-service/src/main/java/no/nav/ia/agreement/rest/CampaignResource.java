package no.nav.ia.agreement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.ResigningCampaign;
import no.nav.ia.agreement.ResigningCase;
import no.nav.ia.agreement.ResigningStatus;
import no.nav.ia.agreement.config.AgreementConfig;
import no.nav.ia.agreement.rest.CampaignRecords.CampaignResponse;
import no.nav.ia.agreement.rest.CampaignRecords.CaseResponse;
import no.nav.ia.agreement.rest.CampaignRecords.ChangeResponse;
import no.nav.ia.agreement.rest.CampaignRecords.ChangeStatus;
import no.nav.ia.agreement.rest.CampaignRecords.ClosingResponse;
import no.nav.ia.agreement.rest.CampaignRecords.Counts;
import no.nav.ia.agreement.rest.CampaignRecords.Progress;
import no.nav.ia.agreement.rest.CampaignRecords.Reminder;
import no.nav.ia.agreement.rest.CampaignRecords.StartCampaign;
import no.nav.ia.agreement.service.AuditTrail;
import no.nav.ia.agreement.service.CampaignClosings;
import no.nav.ia.agreement.service.CampaignService;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.rest.Page;
import no.nav.ia.platform.rest.Params;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.Roles;
import no.nav.ia.platform.time.NorwegianTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Re-signing campaigns (re-signering av samarbeidsavtaler). */
@BodyDeadline
@Path("/api/v1/resigning-campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Re-signing campaigns")
public class CampaignResource {

  /**
   * What a status change is told of PENDING, where every case starts and none goes back: the
   * statuses a case moves to from there, in the words an unknown status gets.
   */
  static final String SETTABLE =
      "must be one of "
          + String.join(", ", ResigningStatus.PENDING.next().stream().map(Enum::name).toList());

  @Inject CampaignService campaigns;
  @Inject CampaignClosings closings;
  @Inject Caller caller;
  @Inject AgreementConfig config;
  @Inject AuditTrail audit;

  @POST
  @RolesAllowed(Roles.COORDINATOR)
  @Operation(
      summary =
          "Start a campaign: every agreement active now and signed before today becomes due,"
              + " PENDING (one signed before today and registered while the campaign is open"
              + " becomes due then; one ended later with a day before today is not due after"
              + " all)")
  @APIResponse(
      responseCode = "201",
      description = "Started",
      content = @Content(schema = @Schema(implementation = CampaignResponse.class)),
      headers = @Header(name = "Location", description = "The campaign's address"))
  @APIResponse(responseCode = "400", description = "Missing name, deadline in the past")
  @APIResponse(responseCode = "403", description = "Not a coordinator")
  @APIResponse(
      responseCode = "409",
      description =
          "Another campaign is open or closing (CAMPAIGN_ALREADY_OPEN, naming it); also a retried"
              + " start of the campaign that is open")
  @APIResponse(
      responseCode = "503",
      description = "Agreements were being written for longer than a start waits; try again")
  public Response start(@Valid @NotNull StartCampaign request, @Context UriInfo uri) {
    ResigningCampaign campaign =
        campaigns.start(
            no.nav.ia.platform.domain.FreeText.strip(request.name()), request.deadline());
    return Response.created(uri.getAbsolutePathBuilder().path(campaign.id.toString()).build())
        .entity(CampaignResponse.from(campaign))
        .build();
  }

  @GET
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "All campaigns, newest first")
  @APIResponse(responseCode = "200", description = "The campaigns")
  public List<CampaignResponse> list() {
    return campaigns.campaigns().stream().map(CampaignResponse::from).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "One campaign")
  @APIResponse(responseCode = "200", description = "The campaign")
  @APIResponse(responseCode = "404", description = "Unknown id")
  public CampaignResponse get(@PathParam("id") UUID id) {
    return CampaignResponse.from(campaigns.campaign(id));
  }

  @POST
  @Path("{id}/closing")
  @Consumes(MediaType.WILDCARD) // no body: a client need not say what it does not send
  @RolesAllowed(Roles.COORDINATOR)
  @Operation(
      summary =
          "Close the campaign, on or after its deadline: every due agreement not re-signed ends on"
              + " the deadline (NOT_RESIGNED), every re-signed one gets its new period (resignedOn)."
              + " The campaign takes no status changes from now on; the agreements get their"
              + " outcome in the background (GET .../closing). Asking again while it is CLOSING"
              + " goes on with a closing that was cut off.")
  @APIResponse(
      responseCode = "202",
      description = "Closing; Location: where it stands (GET .../closing)",
      content = @Content(schema = @Schema(implementation = ClosingResponse.class)),
      headers = @Header(name = "Location", description = "GET it to follow the closing"))
  @APIResponse(responseCode = "403", description = "Not a coordinator")
  @APIResponse(responseCode = "404", description = "Unknown campaign")
  @APIResponse(responseCode = "409", description = "Already closed (CAMPAIGN_ALREADY_CLOSED)")
  @APIResponse(
      responseCode = "422",
      description = "The deadline has not come (CAMPAIGN_DEADLINE_NOT_REACHED)")
  public Response close(@PathParam("id") UUID id, @Context UriInfo uri) {
    return Response.accepted(ClosingResponse.from(closings.close(id)))
        .location(uri.getAbsolutePath())
        .build();
  }

  @GET
  @Path("{id}/closing")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Where the campaign's closing stands: OPEN, CLOSING or CLOSED, and outcomes")
  @APIResponse(responseCode = "200", description = "The closing")
  @APIResponse(responseCode = "404", description = "Unknown campaign")
  public ClosingResponse closing(@PathParam("id") UUID id) {
    return ClosingResponse.from(closings.closing(id));
  }

  @POST
  @Path("{id}/agreements/{agreementId}/status")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR})
  @Operation(
      summary =
          "Move an agreement on: CONTACTED, RESIGNED, DECLINED, AWAITING_GROUP or NO_RESPONSE")
  @APIResponse(
      responseCode = "200",
      description =
          "The agreement's case after the change; the same change again (status, on, note) is"
              + " answered with the case as it stands and records nothing")
  @APIResponse(
      responseCode = "400",
      description = "Unknown status, date in the future or before the current status")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(
      responseCode = "404",
      description = "Unknown campaign, or the agreement is not due in it")
  @APIResponse(
      responseCode = "409",
      description =
          "The campaign is closing or closed (CAMPAIGN_CLOSED); the case's status and day sent"
              + " again with a note after their note was erased (RESIGNING_NOTE_WAS_ERASED)")
  @APIResponse(
      responseCode = "422",
      description = "The rules do not allow that move (e.g. from RESIGNED)")
  public CaseResponse changeStatus(
      @PathParam("id") UUID id,
      @PathParam("agreementId") UUID agreementId,
      @Valid @NotNull ChangeStatus request) {
    if (request.status() == ResigningStatus.PENDING) {
      throw ApiException.invalid("status", SETTABLE);
    }
    String note = no.nav.ia.platform.domain.FreeText.noteOrNull(request.note());
    ResigningCase changed =
        campaigns.changeStatus(id, agreementId, request.status(), request.on(), note);
    return CaseResponse.from(changed, Agreement.findById(agreementId));
  }

  @GET
  @Path("{id}/agreements/{agreementId}/history")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Every status change of an agreement in the campaign: who, when, from, to")
  @APIResponse(responseCode = "200", description = "The changes, oldest first")
  @APIResponse(
      responseCode = "404",
      description = "Unknown campaign, or the agreement is not due in it")
  public List<ChangeResponse> history(
      @PathParam("id") UUID id, @PathParam("agreementId") UUID agreementId) {
    List<ChangeResponse> changes =
        campaigns.history(id, agreementId).stream().map(ChangeResponse::from).toList();
    // The case's notes and who wrote them: a read of the agreement, as its page is.
    audit.read(campaigns.caseOf(id, agreementId).orgNumber);
    return changes;
  }

  @DELETE
  @Path("{id}/agreements/{agreementId}/note")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR})
  @Operation(
      summary =
          "Erase the case's note from the case and from every status change in its history:"
              + " personal data written by mistake. Each change whose note went shows who erased it"
              + " and when (noteErasedBy, noteErasedAt); the statuses stay, no event (no event"
              + " carries a note). In an open campaign or a closed one")
  @APIResponse(responseCode = "204", description = "Erased, also when there was none")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(
      responseCode = "404",
      description = "Unknown campaign, or the agreement is not due in it")
  public Response eraseNote(@PathParam("id") UUID id, @PathParam("agreementId") UUID agreementId) {
    campaigns.eraseNote(id, agreementId);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/progress")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary = "Progress per county and nationally, and the largest enterprises not yet re-signed")
  @APIResponse(
      responseCode = "200",
      description =
          "The progress; advisers and managers see their own county and the national counts")
  @APIResponse(responseCode = "400", description = "A county that is none, or bad paging")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(responseCode = "404", description = "Unknown campaign")
  public Progress progress(
      @PathParam("id") UUID id,
      @QueryParam("county") String county,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    ResigningCampaign campaign = campaigns.campaign(id);
    Optional<String> scope = caller.countyScope(county);
    Map<String, Map<String, Long>> byCounty = campaigns.counts(id, scope);
    // The national counts name no enterprise, so every role sees them (as the national card, API.md
    // version 2); the counties and the largest outstanding stay within the token's county.
    Counts national =
        Counts.of(null, sum(scope.isEmpty() ? byCounty : campaigns.counts(id, Optional.empty())));
    if (byCounty.isEmpty() && scope.isPresent()) {
      // The county asked for (or the caller's own) with nothing due: a row of zeros, as its card
      // shows, not an empty list that reads as a county left out.
      byCounty = Map.of(scope.get(), Map.of());
    }
    var outstanding = campaigns.largestOutstanding(id, scope, Params.page(page), Params.size(size));
    Map<UUID, Agreement> agreements = shown(outstanding.items());
    return new Progress(
        campaign.id,
        campaign.name,
        campaign.deadline,
        campaign.daysToDeadline(NorwegianTime.today()),
        national,
        byCounty.entrySet().stream().map(e -> Counts.of(e.getKey(), e.getValue())).toList(),
        outstanding.map(c -> CaseResponse.from(c, agreements.get(c.agreementId))));
  }

  @GET
  @Path("{id}/reminders")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary =
          "Enterprises contacted (or found not answering) at least N days ago (default from"
              + " config, 14) without an answer since")
  @APIResponse(
      responseCode = "200",
      description = "The enterprises due a reminder, most employees first, a page at a time")
  @APIResponse(
      responseCode = "400",
      description = "days is not a whole number from 1 to 365, or bad paging")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(responseCode = "404", description = "Unknown campaign")
  public Page<Reminder> reminders(
      @PathParam("id") UUID id,
      @QueryParam("county") String county,
      @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "365"))
          @QueryParam("days")
          String days,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    campaigns.campaign(id);
    int after = Params.integer("days", days, config.reminderAfterDays(), 1, 365);
    LocalDate today = NorwegianTime.today();
    Page<ResigningCase> due =
        campaigns.reminders(
            id, caller.countyScope(county), after, Params.page(page), Params.size(size));
    Map<UUID, Agreement> agreements = shown(due.items());
    return due.map(
        c -> {
          Agreement agreement = agreements.get(c.agreementId);
          return new Reminder(
              c.agreementId,
              c.orgNumber,
              agreement.name,
              c.countyCode,
              c.employees,
              agreement.contactPerson,
              c.statusOn,
              ChronoUnit.DAYS.between(c.statusOn, today),
              c.status);
        });
  }

  /**
   * The agreements of the cases a list shows, by id, each an audit read as GET /agreements writes
   * it (the list names its contact person).
   */
  private Map<UUID, Agreement> shown(List<ResigningCase> cases) {
    cases.forEach(c -> audit.read(c.orgNumber));
    return campaigns.agreementsOf(cases);
  }

  private static Map<String, Long> sum(Map<String, Map<String, Long>> byCounty) {
    Map<String, Long> total = new java.util.HashMap<>();
    byCounty.values().forEach(m -> m.forEach((k, v) -> total.merge(k, v, Long::sum)));
    return total;
  }
}
