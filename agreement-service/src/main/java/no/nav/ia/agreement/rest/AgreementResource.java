package no.nav.ia.agreement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.AgreementStatus;
import no.nav.ia.agreement.rest.AgreementRequests.AssignContactPerson;
import no.nav.ia.agreement.rest.AgreementRequests.RegisterAgreement;
import no.nav.ia.agreement.rest.AgreementRequests.Terminate;
import no.nav.ia.agreement.service.AgreementService;
import no.nav.ia.agreement.service.AuditTrail;
import no.nav.ia.platform.domain.OrgNumber;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.rest.Page;
import no.nav.ia.platform.rest.Params;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cooperation agreements (samarbeidsavtaler) per county. */
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
  @APIResponse(responseCode = "201", description = "Registered")
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
    Agreement agreement = agreements.register(request);
    return Response.created(uri.getAbsolutePathBuilder().path(agreement.id.toString()).build())
        .entity(AgreementResponse.from(agreement))
        .build();
  }

  @GET
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "List agreements, by county and status, paged in org-number order")
  @APIResponse(responseCode = "200", description = "A page of agreements")
  @APIResponse(responseCode = "400", description = "Invalid filter or paging")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  public Page<AgreementResponse> list(
      @QueryParam("county") String county,
      @QueryParam("status") String status,
      @QueryParam("orgNumber") String orgNumber,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    if (orgNumber != null && !OrgNumber.isValid(orgNumber)) {
      throw ApiException.invalid("orgNumber", "must be 9 digits with a valid check digit");
    }
    Page<Agreement> found =
        agreements.list(
            caller.countyScope(county),
            Params.enumValue("status", status, AgreementStatus.class),
            orgNumber,
            Params.page(page),
            Params.size(size));
    found.items().forEach(a -> audit.read(a.orgNumber));
    return found.map(AgreementResponse::from);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Read one agreement")
  @APIResponse(responseCode = "200", description = "The agreement")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(responseCode = "404", description = "Unknown id")
  public AgreementResponse get(@PathParam("id") UUID id) {
    Agreement agreement = agreements.get(id);
    audit.read(agreement.orgNumber);
    return AgreementResponse.from(agreement);
  }

  @PUT
  @Path("{id}/contact-person")
  @RolesAllowed({Roles.ADVISER, Roles.COORDINATOR})
  @Operation(summary = "Assign or change the contact person (kontaktperson)")
  @APIResponse(responseCode = "200", description = "The agreement with its new contact person")
  @APIResponse(responseCode = "400", description = "Not a NAV-ident")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(responseCode = "404", description = "Unknown id")
  @APIResponse(responseCode = "422", description = "The agreement has ended")
  public AgreementResponse assignContactPerson(
      @PathParam("id") UUID id, @Valid @NotNull AssignContactPerson request) {
    return AgreementResponse.from(agreements.assignContactPerson(id, request.navIdent()));
  }

  @POST
  @Path("{id}/termination")
  @RolesAllowed({Roles.COORDINATOR})
  @Operation(summary = "End an agreement; it stays in history with status ENDED")
  @APIResponse(responseCode = "200", description = "The ended agreement")
  @APIResponse(responseCode = "400", description = "Invalid date or missing reason")
  @APIResponse(responseCode = "404", description = "Unknown id")
  @APIResponse(responseCode = "409", description = "Already ended")
  public AgreementResponse terminate(@PathParam("id") UUID id, @Valid @NotNull Terminate request) {
    return AgreementResponse.from(
        agreements.terminate(id, request.endedOn(), request.reason().strip()));
  }
}
