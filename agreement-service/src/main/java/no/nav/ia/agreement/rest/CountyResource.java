package no.nav.ia.agreement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import no.nav.ia.agreement.County;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.rest.Params;
import no.nav.ia.platform.security.Roles;
import no.nav.ia.platform.time.NorwegianTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reference data: the counties (fylker) valid on a date. */
@BodyDeadline
@Path("/api/v1/counties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class CountyResource {

  /** A county as clients see it. */
  public record CountyResponse(
      String code,
      String name,
      @Schema(nullable = true, description = "None: valid since before the first code change")
          LocalDate validFrom,
      @Schema(nullable = true, description = "None: still valid") LocalDate validTo,
      List<String> successors) {
    static CountyResponse from(County c) {
      return new CountyResponse(c.code, c.name, c.validFrom, c.validTo, c.successors);
    }
  }

  @GET
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "Counties valid on a date (default today)")
  @APIResponse(responseCode = "200", description = "The counties, by code")
  @APIResponse(responseCode = "400", description = "Not a date")
  public List<CountyResponse> counties(
      @Parameter(schema = @Schema(implementation = LocalDate.class)) @QueryParam("date")
          String date) {
    return County.validOn(Params.date("date", date, NorwegianTime.today())).stream()
        .map(CountyResponse::from)
        .toList();
  }
}
