package no.nav.ia.agreement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import no.nav.ia.agreement.AgreementErrors;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reference data: the region groupings the scorecards roll up by. */
@BodyDeadline
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class RegionResource {

  /** A region of a grouping and its counties. */
  public record RegionResponse(String grouping, String code, String name, List<String> counties) {}

  @Inject EntityManager em;

  @GET
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary = "The regions of a grouping (default proposal-2016, the 11 regions of seed 003)")
  @APIResponse(responseCode = "200", description = "The regions")
  @APIResponse(responseCode = "404", description = "Unknown grouping")
  @SuppressWarnings("unchecked")
  public List<RegionResponse> regions(@QueryParam("grouping") String grouping) {
    String name =
        grouping == null || grouping.isBlank() ? CountyRegistry.DEFAULT_GROUPING : grouping;
    List<Object[]> rows =
        em.createNativeQuery(
                "select r.code, r.name, string_agg(rc.county_code, ' ' order by rc.county_code)"
                    + " from region r join region_county rc on rc.grouping = r.grouping and rc.region_code = r.code"
                    + " where r.grouping = ?1 group by r.code, r.name order by r.code")
            .setParameter(1, name)
            .getResultList();
    if (rows.isEmpty()) {
      throw DomainException.notFound(
          AgreementErrors.GROUPING_NOT_FOUND, "No region grouping with that name");
    }
    return rows.stream()
        .map(
            r ->
                new RegionResponse(
                    name, (String) r[0], (String) r[1], Arrays.asList(((String) r[2]).split(" "))))
        .toList();
  }
}
