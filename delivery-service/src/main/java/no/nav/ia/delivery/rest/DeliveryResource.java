package no.nav.ia.delivery.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import no.nav.ia.delivery.Delivery;
import no.nav.ia.delivery.Direction;
import no.nav.ia.delivery.Form;
import no.nav.ia.delivery.config.DeliveryConfig;
import no.nav.ia.delivery.service.DeliveryService;
import no.nav.ia.delivery.service.DeliveryService.Filter;
import no.nav.ia.delivery.service.DeliveryService.Recorded;
import no.nav.ia.platform.domain.NationalIdentityNumbers;
import no.nav.ia.platform.domain.NavIdent;
import no.nav.ia.platform.domain.OrgNumber;
import no.nav.ia.platform.domain.ServiceCode;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.rest.IfMatch;
import no.nav.ia.platform.rest.Page;
import no.nav.ia.platform.rest.Params;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Service deliveries (leveranser) to IA enterprises. */
@BodyDeadline
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
public class DeliveryResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Inject DeliveryService deliveries;
  @Inject Caller caller;
  @Inject DeliveryAudit audit;

  @POST
  @RolesAllowed({Roles.ADVISER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Record a delivery; the same Idempotency-Key again returns the first result")
  @APIResponse(
      responseCode = "201",
      description = "Recorded (or the earlier result of the same key)",
      content = @Content(schema = @Schema(implementation = DeliveryResponse.class)),
      headers = {
        @Header(name = "Location", description = "The delivery's address"),
        @Header(name = "ETag", description = "Its version, for If-Match"),
        @Header(name = "Idempotent-Replayed", description = "true when the key was used before")
      })
  @APIResponse(
      responseCode = "400",
      description =
          "Unknown codes, invalid sub-goals, a future date, an identity number in the text")
  @APIResponse(
      responseCode = "403",
      description = "The enterprise's agreement is in another county than the token's")
  @APIResponse(
      responseCode = "422",
      description =
          "No agreement active on the delivery date (NO_ACTIVE_AGREEMENT), its county split by"
              + " then (COUNTY_ENDED), or the key was used with another body")
  public Response record(
      @Valid @NotNull DeliveryRequest request,
      @Parameter(
              description = "Sent again, the first result and nothing new: " + KEY_DESCRIPTION,
              schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = KEY_PATTERN))
          @HeaderParam(IDEMPOTENCY_KEY)
          String idempotencyKey,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    // The parameter documents the header (OpenAPI); read raw, since an empty one arrives as null.
    Recorded result = deliveries.record(request, keyOf(headers));
    audit.recorded(result.delivery().orgNumber, result.created());
    DeliveryResponse body = DeliveryResponse.from(result.delivery());
    return Response.created(uri.getAbsolutePathBuilder().path(body.id().toString()).build())
        .entity(body)
        .tag(body.version() + "")
        .header("Idempotent-Replayed", result.created() ? null : "true")
        .build();
  }

  @GET
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary =
          "List deliveries by county, enterprise, adviser, group, date range, service, direction and"
              + " form; newest first")
  @APIResponse(responseCode = "200", description = "A page of deliveries")
  @APIResponse(responseCode = "400", description = "Invalid filter or paging")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  public Page<DeliveryResponse> list(
      @QueryParam("county") String county,
      @QueryParam("orgNumber") String orgNumber,
      @Parameter(
              description =
                  "A NAV-ident, me (the caller), or the client id of a system that recorded"
                      + " deliveries before systems named the adviser")
          @QueryParam("adviser")
          String adviser,
      @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("groupId")
          String groupId,
      @Parameter(schema = @Schema(implementation = LocalDate.class)) @QueryParam("from")
          String from,
      @Parameter(schema = @Schema(implementation = LocalDate.class)) @QueryParam("to") String to,
      @Parameter(schema = @Schema(implementation = ServiceCode.class)) @QueryParam("service")
          String service,
      @Parameter(schema = @Schema(implementation = Direction.class)) @QueryParam("direction")
          String direction,
      @Parameter(
              description = "DIRECT includes deliveries that name no form",
              schema = @Schema(implementation = Form.class))
          @QueryParam("form")
          String form,
      @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("includeVoided")
          String includeVoided,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    if (orgNumber != null && !OrgNumber.isValid(orgNumber)) {
      throw ApiException.invalid("orgNumber", "must be 9 digits with a valid check digit");
    }
    LocalDate fromDay = Params.date("from", from, null);
    LocalDate toDay = Params.date("to", to, null);
    if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
      // An empty page would read as "nothing delivered"; the two were most likely swapped.
      throw ApiException.invalid("to", "must not be before from (" + fromDay + ")");
    }
    Filter filter =
        new Filter(
            caller.countyScope(county),
            orgNumber,
            adviser(adviser),
            groupId(groupId),
            fromDay,
            toDay,
            Params.enumValue("service", service, ServiceCode.class),
            Params.enumValue("direction", direction, Direction.class),
            Params.enumValue("form", form, Form.class),
            Params.flag("includeVoided", includeVoided, false));
    Page<Delivery> found = deliveries.list(filter, Params.page(page), Params.size(size));
    audit.read(found.items().stream().map(d -> d.orgNumber).toList());
    if (filter.adviser() != null) {
      audit.adviserListed(filter.adviser());
    }
    return found.map(DeliveryResponse::from);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Read one delivery; the ETag is its version")
  @APIResponse(
      responseCode = "200",
      description = "The delivery",
      content = @Content(schema = @Schema(implementation = DeliveryResponse.class)),
      headers = @Header(name = "ETag", description = "Its version, for If-Match"))
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(responseCode = "404", description = "Unknown id")
  public Response get(@PathParam("id") UUID id) {
    DeliveryResponse body = DeliveryResponse.from(deliveries.get(id));
    audit.read(List.of(body.orgNumber()));
    return Response.ok(body).tag(body.version() + "").build();
  }

  @GET
  @Path("{id}/history")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Every version of a delivery, with who changed it and when")
  @APIResponse(responseCode = "200", description = "The versions, oldest first")
  @APIResponse(responseCode = "404", description = "Unknown id")
  public List<VersionResponse> history(@PathParam("id") UUID id) {
    List<VersionResponse> versions =
        deliveries.history(id).stream().map(VersionResponse::from).toList();
    audit.read(List.of(deliveries.get(id).orgNumber));
    return versions;
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({Roles.ADVISER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Correct a delivery; If-Match must carry the version read")
  @APIResponse(
      responseCode = "200",
      description = "The corrected delivery (the same version when the correction changed nothing)",
      content = @Content(schema = @Schema(implementation = DeliveryResponse.class)),
      headers = @Header(name = "ETag", description = "Its new version"))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid fields (a group's delivery stays COURSE or INFORMATION, each enterprise once)")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(responseCode = "404", description = "Unknown id")
  @APIResponse(responseCode = "409", description = "The delivery is voided")
  @APIResponse(responseCode = "412", description = "Stale version")
  @APIResponse(
      responseCode = "422",
      description =
          "No active agreement for the enterprise on the corrected day, or its county split by"
              + " then (COUNTY_ENDED)")
  @APIResponse(responseCode = "428", description = "If-Match missing")
  public Response correct(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull DeliveryRequest request) {
    long version = IfMatch.required(ifMatch, "A correction");
    DeliveryResponse body = DeliveryResponse.from(deliveries.correct(id, version, request));
    audit.corrected(body.orgNumber());
    return Response.ok(body).tag(body.version() + "").build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Roles.ADVISER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Void a delivery: kept in history, out of the figures")
  @APIResponse(responseCode = "204", description = "Voided")
  @APIResponse(responseCode = "404", description = "Unknown id")
  @APIResponse(responseCode = "412", description = "Stale version in If-Match")
  public Response voidDelivery(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
    audit.voided(deliveries.voidDelivery(id, IfMatch.optional(ifMatch)).orgNumber);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/note")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary =
          "Erase a delivery's note (a group's delivery: the note of every delivery of the group)"
              + " from it and every version in its history: personal data written by mistake. A"
              + " new version, NOTE_ERASED in the history with who and when, its facts as before"
              + " and no event (no event carries a note); a correction made on the version before"
              + " is 412. Takes no If-Match: erasing is never stale")
  @APIResponse(responseCode = "204", description = "Erased, also when there was none")
  @APIResponse(
      responseCode = "403",
      description = "Another county than the token's (for a group: any of its deliveries')")
  @APIResponse(responseCode = "404", description = "Unknown id")
  public Response eraseNote(@PathParam("id") UUID id) {
    audit.noteErased(deliveries.eraseNote(id).orgNumber);
    return Response.noContent().build();
  }

  /** A NAV-ident in any case but its own (z990001): no adviser is recorded so. */
  private static final Pattern IDENT_IN_OTHER_CASE = Pattern.compile("(?i)" + NavIdent.REGEX);

  /**
   * A machine's client id (as Caller reads one), the adviser of deliveries systems recorded before
   * they named the adviser (they have named a NAV-ident since).
   */
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /**
   * The adviser to list: {@code me} is the caller (a person), otherwise a NAV-ident or a system's
   * client id, as a delivery may have recorded them; anything else would list nothing, so it is
   * refused.
   */
  private String adviser(String value) {
    if (value == null) {
      return null;
    }
    if (value.equals("me")) {
      return caller
          .navIdent()
          .orElseThrow(
              () -> ApiException.invalid("adviser", "me needs a person's token (a NAV-ident)"));
    }
    if (NavIdent.isValid(value)
        || CLIENT_ID.matcher(value).matches()
            && !IDENT_IN_OTHER_CASE.matcher(value).matches()
            // No delivery names one (Caller writes such a client id as "withheld"): a person's
            // number here is a mistake, told as one, as the agreements' contactPerson is.
            && !NationalIdentityNumbers.inId(value)) {
      return value;
    }
    throw ApiException.invalid(
        "adviser",
        "must be a NAV-ident (one capital letter and six digits), me, or a system's client id");
  }

  private static UUID groupId(String value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("groupId", "must be a group id (a UUID)");
    }
  }

  /**
   * The request's {@code Idempotency-Key}, if it sent one. A header sent empty or twice is refused:
   * taken as no key (or the last one), a retry would record the delivery again.
   */
  static String keyOf(HttpHeaders headers) {
    List<String> keys = headers.getRequestHeader(IDEMPOTENCY_KEY);
    if (keys == null || keys.isEmpty()) {
      return null;
    }
    if (keys.size() > 1) {
      throw ApiException.invalid(IDEMPOTENCY_KEY, "must be sent once");
    }
    return checkedKey(keys.get(0) == null ? "" : keys.get(0), IDEMPOTENCY_KEY);
  }

  /** What a key may be, as the OpenAPI document says it ({@link #checkedKey} enforces it). */
  static final String KEY_PATTERN = "^[!-~]{1,200}$";

  static final String KEY_DESCRIPTION =
      "1 to 200 visible ASCII characters (no space), holding no national identity number (400:"
          + " a key is stored). A key is remembered for at least "
          + DeliveryConfig.KEY_RETENTION_HOURS
          + " hours after its first request (forgotten within the hour after): a retry must come"
          + " within that; one sent later may record anew";

  /** A key as given (null: none), refused on {@code field} unless 1 to 200 visible characters. */
  static String checkedKey(String key, String field) {
    if (key == null) {
      return null;
    }
    if (key.isBlank()) {
      throw ApiException.invalid(
          field, "must not be blank: a key is 1 to 200 visible ASCII characters");
    }
    if (key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      throw ApiException.invalid(field, "must be 1 to 200 visible ASCII characters");
    }
    if (no.nav.ia.platform.domain.NationalIdentityNumbers.inKey(key)) {
      // A key is stored for days: a person's number must not be (a security review's was).
      throw ApiException.invalid(
          field, "must not hold a national identity number: a key is stored with the delivery");
    }
    return key;
  }
}
