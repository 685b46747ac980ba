package no.nav.ia.platform.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import no.nav.ia.platform.events.EventTopic;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The AsyncAPI document of the topics this service produces (its {@link EventTopic} beans; 404 in a
 * service that produces none). Not routed by the gateway: the gateway merges the producers'
 * documents into the platform's at {@code GET /api/v1/events/asyncapi}. Every role.
 */
@BodyDeadline
@Path("/internal/events/asyncapi")
@RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
public class AsyncApiResource {

  @Inject Instance<EventTopic> topics;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public JsonNode document() {
    List<EventTopic> produced = topics.stream().toList();
    if (produced.isEmpty()) {
      throw new NotFoundException("this service produces no topic");
    }
    return AsyncApiDocument.of(produced);
  }
}
