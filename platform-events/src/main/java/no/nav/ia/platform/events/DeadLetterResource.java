package no.nav.ia.platform.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Operations endpoint of every service with events: the parked events and their replay.
 * Coordinators only, through the gateway at {@code /api/v1/operations/<service>/dead-letters}
 * ({@code deploy/local/replay-parked SERVICE} calls it there).
 */
@BodyDeadline
@Path("/internal/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class DeadLetterResource {

  @Inject DeadLetterReplay replay;

  @GET
  @Operation(hidden = true)
  public List<DeadLetterReplay.Parked> parked() {
    return replay.parked();
  }

  @POST
  @Path("replay")
  @Operation(hidden = true)
  public DeadLetterReplay.Result replay() {
    return replay.replayAll();
  }
}
