package no.nav.ia.agreement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.agreement.AgreementErrors;
import no.nav.ia.agreement.EnterpriseImport;
import no.nav.ia.agreement.service.AuditTrail;
import no.nav.ia.agreement.service.EnterpriseSearch;
import no.nav.ia.agreement.service.EnterpriseSearch.Filter;
import no.nav.ia.agreement.service.EnterpriseSearch.Found;
import no.nav.ia.agreement.service.EnterpriseSearch.WithAgreement;
import no.nav.ia.agreement.service.RegisterImports;
import no.nav.ia.platform.domain.CommonErrors;
import no.nav.ia.platform.domain.CountyVisibility;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.OrgNumber;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.rest.ClosedBody;
import no.nav.ia.platform.rest.Params;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's copy of the Central Coordinating Register (Enhetsregisteret): import, search. */
@BodyDeadline
@Path("/api/v1/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enterprises")
public class EnterpriseResource {

  /** An enterprise as a search lists it. */
  public record EnterpriseItem(
      String orgNumber,
      String name,
      @Schema(nullable = true) String organisationForm,
      @Schema(nullable = true) String industry,
      @Schema(nullable = true) Integer employees,
      @Schema(nullable = true) String municipality,
      @Schema(nullable = true) String countyCode,
      boolean deleted,
      @Schema(
              nullable = true,
              description =
                  "The day the register deleted the enterprise (or an import found it gone); null"
                      + " while it is live, or when the day is not known. An agreement signed"
                      + " before that day can still be registered")
          LocalDate deletedOn,
      @Schema(
              description =
                  "Whether these facts are the register copy's (always in a search). False on the"
                      + " page of an enterprise the copy does not have yet (new in the register"
                      + " since the last import) but an agreement names: name, employees and"
                      + " countyCode are then that agreement's, organisationForm, industry and"
                      + " municipality null; only a caller of the agreement's county finds such a"
                      + " page")
          boolean inRegister,
      @Schema(
              nullable = true,
              description =
                  "The active agreement, else the one that ended last; only for a caller of that"
                      + " agreement's county")
          AgreementRef agreement) {

    /**
     * The register's facts for everyone; the agreement (its contact person names a NAV employee)
     * only for a caller who may see the agreement's county.
     */
    static EnterpriseItem of(Found f, Caller caller) {
      return of(f, caller.mayAccessCounty(f.recordsCounty()));
    }

    private static EnterpriseItem of(Found f, boolean withRecords) {
      return new EnterpriseItem(
          f.orgNumber(),
          f.name(),
          f.organisationForm(),
          f.industry(),
          f.employees(),
          f.municipality(),
          f.countyCode(),
          f.deleted(),
          f.deleted() ? f.deletedOn() : null,
          f.inRegister(),
          f.agreementId() == null || !withRecords
              ? null
              : new AgreementRef(
                  f.agreementId(), f.agreementStatus(), f.contactPerson(), f.agreementEndedOn()));
    }
  }

  /**
   * The enterprise's active agreement, else the one that ended last: a centre recruiting IA
   * enterprises sees that it was one, and until when.
   */
  public record AgreementRef(
      UUID id,
      @Schema(enumeration = {"ACTIVE", "ENDED"}) String status,
      @Schema(nullable = true) String contactPerson,
      @Schema(
              nullable = true,
              description =
                  "The day an ENDED agreement ended; null for an ACTIVE one. An enterprise with"
                      + " an active agreement shows that one, else the one that ended last")
          LocalDate endedOn) {}

  /**
   * An enterprise's page: what a search lists (unwrapped: the same fields at the top) and its
   * newest re-signing case. Also for an enterprise the register copy does not have yet, from its
   * agreement ({@code inRegister} false).
   */
  public record EnterprisePage(
      @com.fasterxml.jackson.annotation.JsonUnwrapped EnterpriseItem enterprise,
      @Schema(nullable = true) LatestDelivery latestDelivery,
      @Schema(nullable = true) ResigningRef resigning) {}

  public record LatestDelivery(
      LocalDate deliveredOn,
      @Schema(
              enumeration = {
                "IA_GUIDANCE",
                "GOALS_ACTION_PLAN",
                "SICK_LEAVE",
                "RECRUITMENT",
                "SENIOR_LIFE_PHASE",
                "MEASURE_EVALUATE",
                "CONTACT_PERSON"
              })
          String service) {}

  public record ResigningRef(
      UUID campaignId,
      @Schema(
              enumeration = {
                "PENDING",
                "CONTACTED",
                "RESIGNED",
                "DECLINED",
                "AWAITING_GROUP",
                "NO_RESPONSE"
              })
          String status,
      LocalDate deadline) {}

  /**
   * A page of a search. {@code totalExact} is false when there are more matches than the search
   * counts ({@code total} is then a lower bound: type more of the name).
   */
  public record SearchPage(
      List<EnterpriseItem> items, int page, int size, long total, boolean totalExact) {}

  @ClosedBody
  public record ImportRequest(String source) {}

  public record ImportView(
      long id,
      String source,
      EnterpriseImport.Status status,
      long read,
      long created,
      long updated,
      long unchanged,
      long rejected,
      long gone,
      @Schema(
              description =
                  "Active agreements given the register's new name or number of employees: those"
                      + " that had the register's value before the change (one the centre corrected"
                      + " stays)")
          long agreementsUpdated,
      List<String> reasons,
      @Schema(nullable = true) String note,
      String startedBy,
      OffsetDateTime startedAt,
      @Schema(nullable = true) OffsetDateTime finishedAt) {
    static ImportView of(EnterpriseImport i) {
      return new ImportView(
          i.id,
          i.source,
          i.status,
          i.read,
          i.created,
          i.updated,
          i.unchanged,
          i.rejected,
          i.gone,
          i.agreementsUpdated,
          List.copyOf(i.reasons),
          i.note,
          i.startedBy,
          i.startedAt,
          i.finishedAt);
    }
  }

  @Inject EnterpriseSearch search;
  @Inject RegisterImports imports;
  @Inject Caller caller;
  @Inject AuditTrail audit;

  @GET
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary =
          "Search the register: name words (prefix, any case), an org number, county, NACE prefix,"
              + " size and agreement; advisers and managers search their county unless they name"
              + " another (an org number, also written in groups, is found in any county)")
  @APIResponse(responseCode = "200", description = "A page of enterprises, best match first")
  @APIResponse(responseCode = "400", description = "A parameter with a value it cannot take")
  public SearchPage search(
      @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @QueryParam("q")
          String q,
      @QueryParam("county") String county,
      @Parameter(
              description = "A NACE code or its start: 47, 47.1, 47.11",
              schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{2}(\\.\\d{1,3})?$"))
          @QueryParam("industry")
          String industry,
      @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "10000000"))
          @QueryParam("minEmployees")
          String minEmployees,
      @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "10000000"))
          @QueryParam("maxEmployees")
          String maxEmployees,
      @Parameter(schema = @Schema(implementation = WithAgreement.class)) @QueryParam("agreement")
          String agreement,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    if (q != null && q.length() > 200) {
      throw DomainException.invalid("q", "must be at most 200 characters");
    }
    if (county != null && !(county.length() == 2 && digits(county))) {
      throw DomainException.invalid("county", "must be a county code of two digits");
    }
    if (county != null) {
      CountyVisibility.requireCountyCode(county);
    }
    if (industry != null && !nacePrefix(industry)) {
      throw DomainException.invalid(
          "industry", "must be a NACE code or its start, e.g. 47 or 47.1");
    }
    Integer min = optionalCount("minEmployees", minEmployees);
    Integer max = optionalCount("maxEmployees", maxEmployees);
    if (min != null && max != null && min > max) {
      throw DomainException.invalid("maxEmployees", "must not be less than minEmployees");
    }
    // Any county may be searched; without one, advisers and managers search their own (403 for a
    // token bound to none), except for an org number: it names one enterprise wherever it is, as
    // its page does (with the agreement filter, a county's own record, it stays in their county).
    WithAgreement withAgreement = Params.enumValue("agreement", agreement, WithAgreement.class);
    Optional<String> ownCounty = county != null ? Optional.of(county) : caller.countyScope(null);
    Optional<String> inCounty =
        county == null && withAgreement == null && EnterpriseSearch.orgNumberIn(q).isPresent()
            ? Optional.empty()
            : ownCounty;
    if (withAgreement != null
        && !caller.seesAllCounties()
        && !inCounty.map(caller::mayAccessCounty).orElse(false)) {
      // Which enterprises have an agreement is a county's own record.
      throw DomainException.forbidden(
          CommonErrors.FORBIDDEN_COUNTY,
          "The agreement filter is for your own county's enterprises");
    }
    Filter filter =
        new Filter(
            q == null || q.isBlank() ? null : q,
            inCounty,
            industry,
            min,
            max,
            withAgreement,
            caller.visibility().codes(),
            Params.page(page),
            Params.size(size));
    EnterpriseSearch.Result found = search.search(filter);
    List<EnterpriseItem> items =
        found.items().stream().map(f -> EnterpriseItem.of(f, caller)).toList();
    items.stream().filter(i -> i.agreement() != null).forEach(i -> audit.read(i.orgNumber()));
    return new SearchPage(items, found.page(), found.size(), found.total(), found.exact());
  }

  @GET
  @Path("{orgNumber}")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary =
          "One enterprise: the register's facts (else its agreement's, see inRegister), its"
              + " agreement and re-signing status")
  @APIResponse(responseCode = "200", description = "The enterprise")
  @APIResponse(responseCode = "400", description = "Not an org number")
  @APIResponse(
      responseCode = "404",
      description = "Neither in the register copy nor with an agreement of the caller's county")
  public EnterprisePage enterprise(@PathParam("orgNumber") String orgNumber) {
    if (!OrgNumber.isValid(orgNumber)) {
      throw DomainException.invalid("orgNumber", "must be 9 digits with a valid check digit");
    }
    Optional<java.util.Set<String>> codes = caller.visibility().codes();
    Optional<EnterpriseSearch.Details> details = search.details(orgNumber, codes);
    if (details.isEmpty()) {
      if (codes.isPresent() && search.hasAgreementOutside(orgNumber, codes.get())) {
        // Known only through another county's agreement: answered as an org number nobody knows
        // (a 403 would tell there is one), and still a refusal in the audit trail, a Deny line
        // naming the enterprise (a privacy review asks who tried to reach an enterprise's data).
        caller.refusedUnseen(orgNumber);
      }
      throw notFound();
    }
    EnterpriseSearch.Details d = details.get();
    // Another county's agreement and re-signing status are that county's records; so is a
    // delivery recorded under another county (the latest one here is among the caller's).
    boolean withRecords = caller.mayAccessCounty(d.enterprise().recordsCounty());
    if (!d.enterprise().inRegister() && !withRecords) {
      // Known only through another county's agreement: any page, even one without the agreement,
      // would tell that there is one. The same answer as for an org number nobody knows, and the
      // same Deny line as above.
      caller.refusedUnseen(orgNumber);
      throw notFound();
    }
    EnterpriseItem item = EnterpriseItem.of(d.enterprise(), caller);
    if (item.agreement() != null) {
      // The page shows the agreement and its contact person: a read of it, as GET /agreements/{id}.
      audit.read(orgNumber);
    }
    return new EnterprisePage(
        item,
        d.latestDelivery() == null
            ? null
            : new LatestDelivery(d.latestDelivery().deliveredOn(), d.latestDelivery().service()),
        d.resigning() == null || !withRecords
            ? null
            : new ResigningRef(
                d.resigning().campaignId(), d.resigning().status(), d.resigning().deadline()));
  }

  private static DomainException notFound() {
    return DomainException.notFound(
        AgreementErrors.ENTERPRISE_NOT_FOUND, "No enterprise with that org number in the register");
  }

  @POST
  @Path("imports")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary =
          "Import the register's bulk file (a file name in the import folder, the register's"
              + " address, or the configured source)")
  @APIResponse(
      responseCode = "202",
      description = "Started; Location follows its progress",
      content = @Content(schema = @Schema(implementation = ImportView.class)),
      headers = @Header(name = "Location", description = "GET it to follow the import"))
  @APIResponse(responseCode = "400", description = "A source that is not allowed or not there")
  @APIResponse(responseCode = "409", description = "An import is running")
  public Response startImport(
      @RequestBody(required = false, description = "None: the configured source")
          ImportRequest request,
      @Context UriInfo uri) {
    EnterpriseImport started =
        imports.start(request == null ? null : request.source(), caller.actor());
    return Response.accepted(ImportView.of(started))
        .location(uri.getAbsolutePathBuilder().path(String.valueOf(started.id)).build())
        .build();
  }

  @GET
  @Path("imports")
  @RolesAllowed({Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "The register imports, newest first, a page at a time")
  @APIResponse(responseCode = "200", description = "A page of imports")
  @APIResponse(responseCode = "400", description = "Bad paging")
  public no.nav.ia.platform.rest.Page<ImportView> importList(
      @QueryParam("page") String page, @QueryParam("size") String size) {
    return imports.list(Params.page(page), Params.size(size)).map(ImportView::of);
  }

  @GET
  @Path("imports/{id}")
  @RolesAllowed({Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "An import's progress or result")
  @APIResponse(responseCode = "200", description = "The import")
  @APIResponse(responseCode = "404", description = "No such import")
  public ImportView importOf(
      @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id")
          String id) {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw DomainException.notFound(AgreementErrors.IMPORT_NOT_FOUND, "No import with that id");
    }
    return imports
        .find(number)
        .map(ImportView::of)
        .orElseThrow(
            () ->
                DomainException.notFound(
                    AgreementErrors.IMPORT_NOT_FOUND, "No import with that id"));
  }

  private static Integer optionalCount(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Params.integer(name, value, 0, 0, 10_000_000);
  }

  private static boolean digits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** {@code 47}, {@code 47.1} ... {@code 47.111}. */
  static boolean nacePrefix(String s) {
    if (s.length() < 2 || !digits(s.substring(0, 2))) {
      return false;
    }
    if (s.length() == 2) {
      return true;
    }
    return s.charAt(2) == '.' && s.length() <= 6 && s.length() > 3 && digits(s.substring(3));
  }
}
