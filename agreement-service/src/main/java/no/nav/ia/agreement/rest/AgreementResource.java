package no.nav.ia.agreement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.AgreementChange;
import no.nav.ia.agreement.AgreementStatus;
import no.nav.ia.agreement.ResigningStatus;
import no.nav.ia.agreement.SearchWords;
import no.nav.ia.agreement.rest.AgreementRequests.AssignContactPerson;
import no.nav.ia.agreement.rest.AgreementRequests.EditAgreement;
import no.nav.ia.agreement.rest.AgreementRequests.RegisterAgreement;
import no.nav.ia.agreement.rest.AgreementRequests.Terminate;
import no.nav.ia.agreement.service.AgreementService;
import no.nav.ia.agreement.service.AuditTrail;
import no.nav.ia.platform.domain.NavIdent;
import no.nav.ia.platform.domain.OrgNumber;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.rest.IfMatch;
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

/** Cooperation agreements (samarbeidsavtaler) per county. */
@BodyDeadline
@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements")
public class AgreementResource {

  @Inject AgreementService agreements;
  @Inject AuditTrail audit;
  @Inject Caller caller;

  @POST
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary =
          "Register a cooperation agreement (advisers and managers in their own county); name,"
              + " county and size come from the register when left out")
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      content = @Content(schema = @Schema(implementation = AgreementResponse.class)),
      headers = {
        @Header(name = "Location", description = "The agreement's address"),
        @Header(name = "ETag", description = "Its version, for If-Match")
      })
  @APIResponse(
      responseCode = "400",
      description = "Invalid org number, county not valid on signedOn, negative employees")
  @APIResponse(responseCode = "403", description = "Another county than the adviser's or manager's")
  @APIResponse(responseCode = "409", description = "The org number already has an active agreement")
  @APIResponse(
      responseCode = "422",
      description = "The county contradicts the register's, or the register has it as deleted")
  public Response register(
      @Valid @NotNull RegisterAgreement request, @jakarta.ws.rs.core.Context UriInfo uri) {
    Agreement agreement =
        agreements.register(
            "me".equals(request.contactPerson())
                ? request.withContactPerson(ownIdent("contactPerson"))
                : request);
    AgreementResponse body = AgreementResponse.from(agreement);
    return Response.created(uri.getAbsolutePathBuilder().path(agreement.id.toString()).build())
        .entity(body)
        .tag(versionTag(body))
        .build();
  }

  @GET
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary =
          "List agreements, and the working lists: by county, status, contact person (a NAV-ident,"
              + " me or none), name words and sleeping since a date (active, no live delivery on or"
              + " after it), enterprises the register has deleted (to end), the re-signing"
              + " status in the campaign under way; by org number, name or size (largest first)")
  @APIResponse(responseCode = "200", description = "A page of agreements")
  @APIResponse(responseCode = "400", description = "Invalid filter or paging")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  public Page<AgreementResponse> list(
      @QueryParam("county") String county,
      @Parameter(schema = @Schema(implementation = AgreementStatus.class)) @QueryParam("status")
          String status,
      @QueryParam("orgNumber") String orgNumber,
      @Parameter(
              description = "A NAV-ident, me (the caller) or none (agreements without one)",
              schema = @Schema(type = SchemaType.STRING, pattern = "^([A-Z]\\d{6}|me|none)$"))
          @QueryParam("contactPerson")
          String contactPerson,
      @Parameter(
              description = "Words of the name, each a prefix, any case",
              schema = @Schema(type = SchemaType.STRING, maxLength = 200))
          @QueryParam("q")
          String q,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"name", "employees"}))
          @QueryParam("sort")
          String sort,
      @Parameter(
              description =
                  "The active agreements with no delivery on or after this day (none since):"
                      + " today at the latest",
              schema = @Schema(implementation = LocalDate.class))
          @QueryParam("sleepingSince")
          String sleepingSince,
      @Parameter(
              description =
                  "true: the active agreements whose enterprise the register has deleted"
                      + " (enterpriseDeletedOn), the ones to end; false: only agreements whose"
                      + " enterprise it has not deleted",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("enterpriseDeleted")
          String enterpriseDeleted,
      @Parameter(
              description =
                  "Active agreements whose case in the re-signing campaign under way stands at this"
                      + " status (PENDING: not yet contacted)",
              schema = @Schema(implementation = ResigningStatus.class))
          @QueryParam("resigningStatus")
          String resigningStatus,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    if (orgNumber != null && !OrgNumber.isValid(orgNumber)) {
      throw ApiException.invalid("orgNumber", "must be 9 digits with a valid check digit");
    }
    if (q != null && q.length() > 200) {
      throw ApiException.invalid("q", "must be at most 200 characters");
    }
    String person = contactPerson(contactPerson);
    Page<Agreement> found =
        agreements.list(
            new AgreementService.ListFilter(
                caller.countyScope(county),
                Params.enumValue("status", status, AgreementStatus.class),
                orgNumber,
                person,
                SearchWords.queryWords(q),
                sleepingSince(sleepingSince),
                enterpriseDeleted == null || enterpriseDeleted.isBlank()
                    ? null
                    : Params.flag("enterpriseDeleted", enterpriseDeleted, false),
                Params.enumValue("resigningStatus", resigningStatus, ResigningStatus.class),
                sort == null
                    ? AgreementService.ListOrder.ORG_NUMBER
                    : switch (sort) {
                      case "name" -> AgreementService.ListOrder.NAME;
                      case "employees" -> AgreementService.ListOrder.EMPLOYEES;
                      default -> throw ApiException.invalid("sort", "must be name or employees");
                    },
                Params.page(page),
                Params.size(size)));
    found.items().forEach(a -> audit.read(a.orgNumber));
    if (person != null
        && NavIdent.isValid(person)
        && !caller.navIdent().map(person::equals).orElse(false)) {
      // A colleague's working list shows what that person answers for: a read of that person, as
      // a list of a colleague's deliveries is (a privacy review found the trail naming only the
      // enterprises, and nothing at all for an empty list).
      audit.read(person);
    }
    return AgreementResponse.from(found);
  }

  /**
   * The agreement's version as a weak ETag ({@code W/"3"}): the version guards what a change
   * writes, while the answer also carries what changes without one (the register's {@code
   * enterpriseDeletedOn}, the campaign's {@code resigning}), so one version comes with other bytes
   * (RFC 9110, 8.8.1), as a half-year report's does. If-Match takes it as it comes.
   */
  private static jakarta.ws.rs.core.EntityTag versionTag(AgreementResponse body) {
    return IfMatch.weakTag(body.version());
  }

  /** What {@code me} names: the caller's own NAV-ident; 400 on {@code field} for a machine. */
  private String ownIdent(String field) {
    return caller
        .navIdent()
        .orElseThrow(() -> ApiException.invalid(field, "me needs a person's token (a NAV-ident)"));
  }

  /** A NAV-ident, {@code none}, or {@code me} (the caller's own NAV-ident). */
  private String contactPerson(String value) {
    if (value == null || value.equals(AgreementService.NO_CONTACT_PERSON)) {
      return value;
    }
    if (value.equals("me")) {
      return ownIdent("contactPerson");
    }
    if (!NavIdent.isValid(value)) {
      throw ApiException.invalid("contactPerson", "must be a NAV-ident, me or none");
    }
    return value;
  }

  /**
   * The day a "sleeping since" list starts: not after today (a review's tomorrow listed an
   * agreement served today as sleeping). An earlier day than any delivery (1900) lists the
   * agreements never served, as a client may ask it.
   */
  private static LocalDate sleepingSince(String value) {
    LocalDate since = Params.date("sleepingSince", value, null);
    if (since != null && since.isAfter(NorwegianTime.today())) {
      throw ApiException.invalid("sleepingSince", "must be a date in the past or in the present");
    }
    return since;
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Read one agreement (its version is the ETag)")
  @APIResponse(
      responseCode = "200",
      description = "The agreement",
      content = @Content(schema = @Schema(implementation = AgreementResponse.class)),
      headers = @Header(name = "ETag", description = "Its version, for If-Match"))
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(responseCode = "404", description = "Unknown id")
  public Response get(@PathParam("id") UUID id) {
    Agreement agreement = agreements.get(id);
    audit.read(agreement.orgNumber);
    return tagged(AgreementResponse.from(agreement));
  }

  @PATCH
  @Path("{id}")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Correct the name or the size; If-Match must carry the version read")
  @APIResponse(
      responseCode = "200",
      description = "The corrected agreement",
      content = @Content(schema = @Schema(implementation = AgreementResponse.class)),
      headers = @Header(name = "ETag", description = "Its new version"))
  @APIResponse(responseCode = "400", description = "Invalid fields, or neither given")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(responseCode = "404", description = "Unknown id")
  @APIResponse(
      responseCode = "409",
      description =
          "CONCURRENT_UPDATE: changed at the same moment (a register import the agreement follows);"
              + " read it again and repeat")
  @APIResponse(responseCode = "412", description = "Stale version")
  @APIResponse(responseCode = "422", description = "The agreement has ended")
  @APIResponse(responseCode = "428", description = "If-Match missing")
  public Response edit(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull EditAgreement request) {
    long version = IfMatch.required(ifMatch, "A correction");
    return tagged(
        AgreementResponse.from(agreements.edit(id, version, request.name(), request.employees())));
  }

  @GET
  @Path("{id}/history")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Every version of the agreement, oldest first")
  @APIResponse(responseCode = "200", description = "The versions")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(responseCode = "404", description = "Unknown id")
  public List<AgreementVersion> history(@PathParam("id") UUID id) {
    List<AgreementVersion> versions =
        agreements.history(id).stream().map(AgreementVersion::of).toList();
    // Every version names its contact person and who changed it: a read of the agreement.
    audit.read(agreements.get(id).orgNumber);
    return versions;
  }

  /** One version of an agreement as the history shows it. */
  public record AgreementVersion(
      long version,
      @Schema(
              description =
                  "What made this version (AS_OF_HISTORY_START: as it stood when history began)",
              enumeration = {
                "AS_OF_HISTORY_START",
                "REGISTERED",
                "EDITED",
                "CONTACT_PERSON_ASSIGNED",
                "ENDED",
                "RESIGNED"
              })
          String action,
      String changedBy,
      OffsetDateTime changedAt,
      String name,
      int employees,
      @Schema(nullable = true) String contactPerson,
      @Schema(enumeration = {"ACTIVE", "ENDED"}) String status,
      @Schema(nullable = true) LocalDate endedOn,
      @Schema(
              nullable = true,
              description =
                  "Why it ended, as the agreement's endReason: the termination's reason,"
                      + " NOT_RESIGNED when a re-signing campaign's closing ended it, or ERASED")
          String endReason,
      @Schema(
              nullable = true,
              description =
                  "Its new period's start once a re-signing campaign's closing found it signed"
                      + " again, as the agreement's resignedOn")
          LocalDate resignedOn) {
    static AgreementVersion of(AgreementChange c) {
      return new AgreementVersion(
          c.version,
          c.action.name(),
          c.changedBy,
          c.changedAt,
          c.name,
          c.employees,
          c.contactPerson,
          c.status,
          c.endedOn,
          c.endReason,
          c.resignedOn);
    }
  }

  private static Response tagged(AgreementResponse body) {
    return Response.ok(body).tag(versionTag(body)).build();
  }

  @PUT
  @Path("{id}/contact-person")
  // Whoever may register an agreement with its contact person may change it: a manager sharing
  // the county's enterprises among its advisers, a system keeping them in step (README).
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary = "Assign or change the contact person (kontaktperson)",
      description =
          "If-Match is optional: with the version read, a change someone made since is answered"
              + " 412 instead of being overwritten unseen")
  @APIResponse(
      responseCode = "200",
      description = "The agreement with its new contact person",
      content = @Content(schema = @Schema(implementation = AgreementResponse.class)),
      headers = @Header(name = "ETag", description = "Its version"))
  @APIResponse(responseCode = "400", description = "Not a NAV-ident")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(responseCode = "404", description = "Unknown id")
  @APIResponse(responseCode = "412", description = "If-Match names a version it has moved on from")
  @APIResponse(responseCode = "422", description = "The agreement has ended")
  public Response assignContactPerson(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull AssignContactPerson request) {
    // "me", as the working lists take it: an adviser taking an enterprise on.
    String ident = "me".equals(request.navIdent()) ? ownIdent("navIdent") : request.navIdent();
    Agreement assigned;
    try {
      assigned = agreements.assignContactPerson(id, ident, IfMatch.optional(ifMatch));
    } catch (RuntimeException failure) {
      assigned =
          agreements.madeSoMeanwhile(failure, id, a -> a.isActive() && a.hasContactPerson(ident));
    }
    return tagged(AgreementResponse.from(assigned));
  }

  @POST
  @Path("{id}/termination")
  @RolesAllowed({Roles.MANAGER, Roles.COORDINATOR})
  @Operation(
      summary = "End an agreement; it stays in history with status ENDED",
      description =
          "If-Match is optional: with the version read, a change someone made since is answered"
              + " 412 instead of being ended unseen; the same termination again (day and reason)"
              + " is a retry, answered 200 with the agreement as it stands. An agreement due in"
              + " an open re-signing campaign, ended with a day before the campaign started, is"
              + " no longer due in it.")
  @APIResponse(
      responseCode = "200",
      description = "The ended agreement",
      content = @Content(schema = @Schema(implementation = AgreementResponse.class)),
      headers = @Header(name = "ETag", description = "Its version"))
  @APIResponse(
      responseCode = "400",
      description = "Invalid date, a missing reason, or NOT_RESIGNED or ERASED as the reason")
  @APIResponse(
      responseCode = "403",
      description = "Not a coordinator, nor the manager of the agreement's county")
  @APIResponse(responseCode = "404", description = "Unknown id")
  @APIResponse(responseCode = "409", description = "Already ended")
  @APIResponse(responseCode = "412", description = "If-Match names a version it has moved on from")
  public Response terminate(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull Terminate request) {
    if (request.reservedReason()) {
      throw ApiException.invalid(
          "reason",
          "NOT_RESIGNED (a campaign's closing's) and ERASED (an erased reason's) are the"
              + " platform's: name another");
    }
    String reason = no.nav.ia.platform.domain.FreeText.strip(request.reason());
    Agreement ended;
    try {
      ended = agreements.terminate(id, request.endedOn(), reason, IfMatch.optional(ifMatch));
    } catch (RuntimeException failure) {
      ended = agreements.madeSoMeanwhile(failure, id, a -> a.endedAs(request.endedOn(), reason));
    }
    return tagged(AgreementResponse.from(ended));
  }

  @DELETE
  @Path("{id}/end-reason")
  @RolesAllowed({Roles.MANAGER, Roles.COORDINATOR})
  @Operation(
      summary =
          "Erase the reason an agreement was ended with, from it and every version in its history:"
              + " personal data written by mistake. The reason then reads ERASED (who and when: the"
              + " audit trail); the version stays and no event (no event carries the reason)."
              + " A campaign closing's NOT_RESIGNED is the platform's and stays")
  @APIResponse(
      responseCode = "204",
      description = "Erased, also when there was nothing to erase (an active agreement)")
  @APIResponse(
      responseCode = "403",
      description = "Not a coordinator, nor the manager of the agreement's county")
  @APIResponse(responseCode = "404", description = "Unknown id")
  public Response eraseEndReason(@PathParam("id") UUID id) {
    agreements.eraseEndReason(id);
    return Response.noContent().build();
  }
}
