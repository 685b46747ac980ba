package no.nav.ia.delivery.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import no.nav.ia.delivery.DeliveredBy;
import no.nav.ia.delivery.config.DeliveryConfig;
import no.nav.ia.delivery.rest.ItemResults.ItemResult;
import no.nav.ia.delivery.service.DeliveryService;
import no.nav.ia.delivery.service.IdempotencyKeys;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A course or information meeting for several enterprises, recorded once: one delivery per
 * enterprise, sharing a group id. Each enterprise's delivery is recorded on its own (an enterprise
 * without an active agreement fails alone), under a key of its own within the group's
 * Idempotency-Key, so the group sent again records only what is missing, and a list put right (the
 * same meeting, with the same key) only the enterprises not yet in it.
 */
@BodyDeadline
@Path("/api/v1/deliveries/group")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
public class GroupResource {

  public record GroupResult(
      UUID groupId, int created, int duplicates, int failed, List<ItemResult> results) {}

  @Inject DeliveryService deliveries;
  @Inject IdempotencyKeys keys;
  @Inject DeliveryAudit audit;
  @Inject DeliveryConfig config;
  @Inject Caller caller;

  @POST
  @RolesAllowed({Roles.ADVISER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary =
          "Record a course or information meeting for up to 200 enterprises; the Idempotency-Key"
              + " is required")
  @APIResponse(responseCode = "200", description = "The group id and one result per enterprise")
  @APIResponse(
      responseCode = "400",
      description =
          "No Idempotency-Key, more than 200 enterprises, one named twice, a direct form, invalid"
              + " fields")
  @APIResponse(
      responseCode = "422",
      description =
          "The key was used for another meeting (service, direction, sub-goals, day, form, note or"
              + " adviser)")
  public GroupResult record(
      @Valid @NotNull GroupRequest request,
      @Parameter(
              required = true,
              description =
                  "The group's key: sent again, the same group (a list put right, the same key:"
                      + " enterprises already in it are DUPLICATE, new ones recorded; one left"
                      + " out stays recorded until its delivery is voided); "
                      + DeliveryResource.KEY_DESCRIPTION,
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      maxLength = 200,
                      pattern = DeliveryResource.KEY_PATTERN))
          @HeaderParam(DeliveryResource.IDEMPOTENCY_KEY)
          String idempotencyKey,
      @Context HttpHeaders headers) {
    // The parameter documents the header (OpenAPI); read raw, since an empty one arrives as null.
    String key = DeliveryResource.keyOf(headers);
    if (key == null) {
      throw ApiException.invalid(
          DeliveryResource.IDEMPOTENCY_KEY,
          "is required for a group, so that it can be sent again without recording it twice");
    }
    if (!request.problems().isEmpty()) {
      throw ApiException.invalid(request.problems());
    }
    DeliveredBy.onRecord(caller.navIdent(), request.adviser());
    String named = DeliveredBy.named(caller.navIdent(), request.adviser());
    UUID groupId =
        keys.groupOf(
            caller.actor(),
            key,
            DeliveryService.sha256(request.meeting(named)),
            DeliveryService.sha256(request.canonical(named)));
    List<String> orgs = request.orgNumbers();
    List<ItemResult> results =
        ItemResults.recordAll(
            orgs.size(),
            orgs::get,
            System::nanoTime,
            System.nanoTime() + config.batchDeadline().toNanos(),
            i ->
                audit.item(
                    ItemResults.attempt(
                        i,
                        orgs.get(i),
                        () ->
                            deliveries.record(
                                request.itemFor(orgs.get(i)),
                                IdempotencyKeys.groupItem(groupId, orgs.get(i)),
                                groupId))));
    int created = (int) ItemResults.count(results, "CREATED");
    int duplicates = (int) ItemResults.count(results, "DUPLICATE");
    return new GroupResult(
        groupId, created, duplicates, results.size() - created - duplicates, results);
  }
}
