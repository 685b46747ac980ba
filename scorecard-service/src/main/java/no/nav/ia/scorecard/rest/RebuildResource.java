package no.nav.ia.scorecard.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Roles;
import no.nav.ia.scorecard.service.ProjectionRebuild;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Operations endpoint: rebuild the projections from the event log. Coordinators only, through the
 * gateway at {@code /api/v1/operations/scorecard-service/rebuild} ({@code
 * deploy/local/rebuild-scorecard} calls it there).
 */
@BodyDeadline
@Path("/internal/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

  @Inject ProjectionRebuild rebuild;

  @POST
  @RolesAllowed(Roles.COORDINATOR)
  @Operation(summary = "Rebuild all projections from the event log (coordinator)")
  @APIResponse(responseCode = "200", description = "How many events were replayed, in how long")
  @APIResponse(
      responseCode = "409",
      description = "REBUILD_RUNNING: another rebuild is running; nothing was started")
  public ProjectionRebuild.Result rebuild() {
    return rebuild.rebuild();
  }
}
