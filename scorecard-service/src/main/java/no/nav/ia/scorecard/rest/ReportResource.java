package no.nav.ia.scorecard.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import no.nav.ia.platform.audit.AuditLog;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.rest.IfMatch;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.Roles;
import no.nav.ia.scorecard.HalfYear;
import no.nav.ia.scorecard.ReportSections;
import no.nav.ia.scorecard.dashboard.ReportPage;
import no.nav.ia.scorecard.service.ReportService;
import no.nav.ia.scorecard.service.ReportService.Reading;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Half-year reports (API.md): the county's manager writes and submits, the county's advisers and
 * the coordinators read, and the coordinators follow every county's status.
 */
@BodyDeadline
@Path("/api/v1/reports")
@Tag(name = "Half-year reports")
public class ReportResource {

  /** A report's half-year, as the OpenAPI document names it for every report path. */
  @Schema(
      name = "HalfYearPeriod",
      type = SchemaType.STRING,
      description = "A half-year of the years 2000 to 2100: 2024-H1 or 2024-H2",
      pattern = "^(20[0-9]{2}|2100)-H[12]$")
  interface HalfYearPeriod {}

  private static final String REPORT = "counties/{code}/{period}";

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance report(ReportPage page);
  }

  @Inject ReportService reports;
  @Inject Caller caller;
  @Inject ObjectMapper json;

  @GET
  @Path(REPORT)
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR})
  @Operation(
      summary =
          "A county's half-year report: status, due date, figures and sections; Accept: text/html"
              + " gives the printable page")
  @APIResponse(
      responseCode = "200",
      description = "The report, with its version as ETag",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportView.class)),
        @Content(mediaType = MediaType.TEXT_HTML)
      },
      headers =
          @Header(
              name = "ETag",
              description =
                  "Its version, weak (W/\"3\"): the figures are read live, so the same version may"
                      + " come with other figures; for If-Match"))
  @APIResponse(responseCode = "400", description = "Not a half-year (YYYY-H1, YYYY-H2)")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(
      responseCode = "404",
      description =
          "No such county in that half-year, or no report for it: before the first IA agreement"
              + " (2001-10-03) or not begun")
  public Response report(
      @PathParam("code") String code,
      @Parameter(schema = @Schema(implementation = HalfYearPeriod.class)) @PathParam("period")
          String period,
      @Context HttpHeaders headers) {
    HalfYear halfYear = HalfYear.parse(period);
    caller.requireCountyForReport(code, halfYear.due());
    ReportView report = ReportView.of(reports.read(code, halfYear));
    return wantsHtml(headers) ? html(report, caller.actor()) : withTag(report);
  }

  /**
   * JSON unless the client's first choice is HTML (a browser's Accept): an API client that sends
   * {@code *}{@code /*} or nothing gets JSON.
   */
  static boolean wantsHtml(HttpHeaders headers) {
    List<MediaType> acceptable = headers.getAcceptableMediaTypes();
    return !acceptable.isEmpty()
        && !acceptable.get(0).isWildcardType()
        && acceptable.get(0).isCompatible(MediaType.TEXT_HTML_TYPE);
  }

  /**
   * The printable page of a report, for the dashboard too. Without the JSON's ETag: a tag names one
   * representation, and the page is not what a client sends {@code If-Match} against.
   */
  static Response html(ReportView report, String user) {
    return Response.ok(Templates.report(ReportPage.of(report, user)).render())
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path(REPORT + "/history")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR})
  @Operation(summary = "Every version of the report, oldest first")
  @APIResponse(responseCode = "200", description = "The versions (none before the first edit)")
  @APIResponse(responseCode = "400", description = "Not a half-year (YYYY-H1, YYYY-H2)")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(
      responseCode = "404",
      description =
          "No such county in that half-year, or no report for it: before the first IA agreement"
              + " (2001-10-03) or not begun")
  public List<ReportView.Change> history(
      @PathParam("code") String code,
      @Parameter(schema = @Schema(implementation = HalfYearPeriod.class)) @PathParam("period")
          String period) {
    HalfYear halfYear = HalfYear.parse(period);
    caller.requireCountyForReport(code, halfYear.due());
    return reports.history(code, halfYear).stream()
        .map(c -> ReportView.Change.of(c, reports::card))
        .toList();
  }

  @DELETE
  @Path(REPORT + "/sections/{section}")
  @RolesAllowed({Roles.MANAGER, Roles.COORDINATOR})
  @Operation(
      summary =
          "Erase a section's text from the report and every version of its history (a text that"
              + " named a person); a draft or a submitted report alike, which stays submitted with"
              + " the section empty; the erasure is a version of its own (SECTION_ERASED, who and"
              + " when), so an edit prepared before it is 412")
  @APIResponse(
      responseCode = "204",
      description =
          "Erased, or nothing was written in it anywhere (then no new version): sent again, the"
              + " same answer")
  @APIResponse(responseCode = "400", description = "Not a half-year (YYYY-H1, YYYY-H2)")
  @APIResponse(responseCode = "403", description = "Not the county's manager or a coordinator")
  @APIResponse(
      responseCode = "404",
      description =
          "No such section (SECTION_NOT_FOUND: iaCouncil, industries, effects, funds), no such"
              + " county in that half-year, or no report for it")
  public Response eraseSection(
      @PathParam("code") String code,
      @Parameter(schema = @Schema(implementation = HalfYearPeriod.class)) @PathParam("period")
          String period,
      @Parameter(
              description = "The section's field name",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"iaCouncil", "industries", "effects", "funds"}))
          @PathParam("section")
          String section,
      @Context HttpServerRequest request) {
    HalfYear halfYear = HalfYear.parse(period);
    caller.requireCountyForReport(code, halfYear.due());
    if (reports.eraseSection(code, halfYear, section, caller.actor())) {
      audited(request);
    }
    return Response.noContent().build();
  }

  @DELETE
  @Path(REPORT + "/reopening-reasons")
  @RolesAllowed({Roles.MANAGER, Roles.COORDINATOR})
  @Operation(
      summary =
          "Erase the reason of every reopening in the report's history (and from the report's"
              + " reopened); the reopenings stay with who and when; the erasure is a version of its"
              + " own (REASONS_ERASED)")
  @APIResponse(
      responseCode = "204",
      description = "Erased, or there was none (then no new version): sent again, the same answer")
  @APIResponse(responseCode = "400", description = "Not a half-year (YYYY-H1, YYYY-H2)")
  @APIResponse(responseCode = "403", description = "Not the county's manager or a coordinator")
  @APIResponse(
      responseCode = "404",
      description = "No such county in that half-year, or no report for it")
  public Response eraseReasons(
      @PathParam("code") String code,
      @Parameter(schema = @Schema(implementation = HalfYearPeriod.class)) @PathParam("period")
          String period,
      @Context HttpServerRequest request) {
    HalfYear halfYear = HalfYear.parse(period);
    caller.requireCountyForReport(code, halfYear.due());
    if (reports.eraseReasons(code, halfYear, caller.actor())) {
      audited(request);
    }
    return Response.noContent().build();
  }

  /** The audit line of an erasure: who erased what (the path), the text naming nobody's ident. */
  private void audited(HttpServerRequest request) {
    AuditLog.log(
        "scorecard-service",
        "audit:delete",
        caller.actor(),
        null,
        request.method().name(),
        request.path(),
        CallId.currentOrNull());
  }

  @PUT
  @Path(REPORT + "/sections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.MANAGER)
  @Operation(
      summary =
          "Replace the written sections (each at most 10,000 characters, no national identity number);"
              + " If-Match must carry the version read; a section left out that has text is 400"
              + " (send it as it is, or null to erase it)")
  @APIResponse(
      responseCode = "200",
      description =
          "The report after the edit; sections the same as those written are no change (no new"
              + " version, no history)",
      content = @Content(schema = @Schema(implementation = ReportView.class)),
      headers = @Header(name = "ETag", description = "Its version after the edit, weak (W/\"3\")"))
  @APIResponse(
      responseCode = "400",
      description =
          "A section too long or holding an identity number, no section named, or a section with"
              + " text left out")
  @APIResponse(responseCode = "403", description = "Not the county's manager")
  @APIResponse(
      responseCode = "404",
      description =
          "No such county in that half-year, or no report for it: before the first IA agreement"
              + " (2001-10-03) or not begun")
  @APIResponse(responseCode = "409", description = "The report is submitted")
  @APIResponse(responseCode = "412", description = "Stale version")
  @APIResponse(responseCode = "428", description = "If-Match missing")
  public Response editSections(
      @PathParam("code") String code,
      @Parameter(schema = @Schema(implementation = HalfYearPeriod.class)) @PathParam("period")
          String period,
      @HeaderParam("If-Match") String ifMatch,
      @RequestBody(content = @Content(schema = @Schema(implementation = ReportView.Sections.class)))
          JsonNode body)
      throws JsonProcessingException {
    HalfYear halfYear = HalfYear.parse(period);
    caller.requireOwnCountyForReport(code, halfYear.due());
    long version = IfMatch.required(ifMatch, "An edit");
    if (body == null || !body.isObject()) {
      throw DomainException.invalid("sections", "must be an object with the sections");
    }
    if (body.isEmpty()) {
      // Every section left out is erased: an empty body, a client's slip more likely than a
      // wish, would empty the report (a review lost 10,000 characters so).
      throw DomainException.invalid(
          "sections",
          "names no section: the edit replaces all four, so send them (null erases one on"
              + " purpose)");
    }
    // The edit replaces all four sections: a misspelt one would empty them, so it is refused
    // (Sections is a ClosedBody), and named only when the name is no client data.
    ReportView.Sections sections = json.treeToValue(body, ReportView.Sections.class);
    // A section left out (not sent as null) that has text is refused rather than erased.
    java.util.Set<String> leftOut =
        new java.util.HashSet<>(ReportSections.EMPTY.byField().keySet());
    body.fieldNames().forEachRemaining(leftOut::remove);
    Reading r =
        reports.editSections(code, halfYear, version, sections.toDomain(), leftOut, caller.actor());
    return withTag(ReportView.of(r));
  }

  @POST
  @Path(REPORT + "/submission")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.MANAGER)
  @Operation(
      summary =
          "Submit the report: its figures are frozen as they stand; every section must be written"
              + " (\"Ingen\" where there is nothing to report); If-Match, when sent, must carry"
              + " the version read")
  @APIResponse(
      responseCode = "200",
      description = "The submitted report",
      content = @Content(schema = @Schema(implementation = ReportView.class)),
      headers = @Header(name = "ETag", description = "Its new version, weak (W/\"3\")"))
  @APIResponse(responseCode = "400", description = "Not a half-year (YYYY-H1, YYYY-H2)")
  @APIResponse(responseCode = "403", description = "Not the county's manager")
  @APIResponse(
      responseCode = "404",
      description =
          "No such county in that half-year, or no report for it: before the first IA agreement"
              + " (2001-10-03) or not begun")
  @APIResponse(responseCode = "409", description = "Already submitted")
  @APIResponse(responseCode = "412", description = "Stale version")
  @APIResponse(
      responseCode = "422",
      description =
          "The half-year has not ended (HALF_YEAR_NOT_OVER), or a section is not written"
              + " (SECTIONS_MISSING: errors names each, sections.iaCouncil, sections.industries,"
              + " sections.effects, sections.funds; a section of only whitespace is not written);"
              + " nothing is changed")
  public Response submit(
      @PathParam("code") String code,
      @Parameter(schema = @Schema(implementation = HalfYearPeriod.class)) @PathParam("period")
          String period,
      @HeaderParam("If-Match") String ifMatch) {
    HalfYear halfYear = HalfYear.parse(period);
    caller.requireOwnCountyForReport(code, halfYear.due());
    Reading r = reports.submit(code, halfYear, IfMatch.optional(ifMatch), caller.actor());
    return withTag(ReportView.of(r));
  }

  @POST
  @Path(REPORT + "/reopening")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.COORDINATOR)
  @Operation(
      summary =
          "Reopen a submitted report (coordinators), so that its manager can mend it and submit it"
              + " again: a draft with live figures; the submission and its figures stay in the"
              + " history, with the reason; If-Match, when sent, must carry the version read")
  @APIResponse(
      responseCode = "200",
      description = "The report, a draft again",
      content = @Content(schema = @Schema(implementation = ReportView.class)),
      headers = @Header(name = "ETag", description = "Its new version, weak (W/\"3\")"))
  @APIResponse(
      responseCode = "400",
      description = "No reason, one too long or holding an identity number, or not a half-year")
  @APIResponse(
      responseCode = "403",
      description =
          "Not a coordinator, or the one who submitted it (OWN_SUBMISSION: another coordinator"
              + " reopens it)")
  @APIResponse(
      responseCode = "404",
      description =
          "No such county in that half-year, or no report for it: before the first IA agreement"
              + " (2001-10-03) or not begun")
  @APIResponse(responseCode = "409", description = "The report is a draft (REPORT_NOT_SUBMITTED)")
  @APIResponse(responseCode = "412", description = "Stale version")
  public Response reopen(
      @PathParam("code") String code,
      @Parameter(schema = @Schema(implementation = HalfYearPeriod.class)) @PathParam("period")
          String period,
      @HeaderParam("If-Match") String ifMatch,
      ReportView.Reopening body) {
    HalfYear halfYear = HalfYear.parse(period);
    caller.requireCountyForReport(code, halfYear.due());
    Long version = IfMatch.optional(ifMatch);
    String reason = body == null ? null : body.reason();
    Reading r = reports.reopen(code, halfYear, version, reason, caller.actor());
    return withTag(ReportView.of(r));
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CardsCsv.TEXT_CSV})
  @RolesAllowed(Roles.COORDINATOR)
  @Operation(
      summary =
          "Every county's report of a half-year: status, due date, overdue; text/csv gives the"
              + " national compilation with figures and sections")
  @APIResponse(
      responseCode = "200",
      description = "One line per county of the half-year",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Reports.class)),
        @Content(mediaType = CardsCsv.TEXT_CSV)
      })
  @APIResponse(responseCode = "400", description = "Not a half-year")
  public Response overview(
      @Parameter(
              required = true,
              description = "A half-year: 2024-H1 or 2024-H2",
              schema = @Schema(implementation = HalfYearPeriod.class))
          @QueryParam("period")
          String period,
      @Context Request request) {
    HalfYear halfYear = HalfYear.parse(period);
    // JAX-RS's negotiation, which weighs the Accept header's q-values (JSON when both are equal).
    Variant chosen = request.selectVariant(OVERVIEW_TYPES);
    boolean csv = chosen != null && CardsCsv.TEXT_CSV.equals(chosen.getMediaType().toString());
    // With the live figures either way: a submitted report's line says how many have moved since.
    List<Reading> readings = reports.all(halfYear, true);
    if (csv) {
      return Response.ok(Reports.csv(readings), CardsCsv.TEXT_CSV + ";charset=UTF-8")
          .header("Content-Disposition", Reports.attachment(halfYear))
          .build();
    }
    return Response.ok(
            new Reports(
                halfYear.id(), halfYear.due(), readings.stream().map(Reports.Line::of).toList()),
            MediaType.APPLICATION_JSON)
        .build();
  }

  private static final List<Variant> OVERVIEW_TYPES =
      Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(CardsCsv.TEXT_CSV))
          .build();

  /**
   * The report with its version as a weak ETag ({@code W/"3"}): the version names the report's
   * texts and status, which If-Match guards, while its figures are read live (a draft's move with
   * every delivery, and {@code overdue} turns with the calendar), so the same version comes with
   * other bytes. A strong tag says the bytes are the same (RFC 9110, 8.8.1); an HTTP review's
   * client, keeping answers by it, showed a manager figures gone stale. If-Match takes the weak
   * form as the strong one.
   */
  private static Response withTag(ReportView view) {
    return Response.ok(view, MediaType.APPLICATION_JSON)
        .tag(IfMatch.weakTag(view.version()))
        .build();
  }
}
