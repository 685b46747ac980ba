package no.nav.ia.delivery.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import no.nav.ia.delivery.DeliveryErrors;
import no.nav.ia.delivery.config.DeliveryConfig;
import no.nav.ia.delivery.rest.ItemResults.ItemResult;
import no.nav.ia.delivery.service.DeliveryService;
import no.nav.ia.platform.domain.CommonErrors;
import no.nav.ia.platform.domain.OrgNumber;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.problem.FieldError;
import no.nav.ia.platform.problem.ProblemMappers;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Batch intake for integrating NAV systems: up to 1,000 deliveries, each recorded on its own (its
 * own transaction and its own, required {@code idempotencyKey}, so any item can be sent again), so
 * a bad item never sinks the others. Items not started before the batch deadline are answered
 * DEADLINE_EXCEEDED and recorded by nobody: the client sends them again.
 */
@BodyDeadline
@Path("/api/v1/deliveries/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
public class BatchResource {

  public record BatchResult(int created, int duplicates, int failed, List<ItemResult> results) {}

  /** An item as the OpenAPI document shows it: a delivery and its own key. */
  @Schema(
      name = "BatchDeliveryItem",
      allOf = {DeliveryRequest.class, ItemKey.class})
  interface Item {}

  @Schema(name = "BatchItemKey", requiredProperties = "idempotencyKey")
  record ItemKey(
      @Schema(
              description =
                  "The item's own key: sent again, it is recorded once; "
                      + DeliveryResource.KEY_DESCRIPTION,
              maxLength = 200,
              pattern = DeliveryResource.KEY_PATTERN,
              examples = "4f6c1d2e-batch-0001")
          String idempotencyKey) {}

  @Inject DeliveryService deliveries;
  @Inject DeliveryConfig config;
  @Inject DeliveryAudit audit;
  @Inject Validator validator;
  @Inject ObjectMapper json;

  @POST
  @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR, Roles.ADVISER})
  @Operation(summary = "Record up to 1,000 deliveries; each item carries its own idempotencyKey")
  @APIResponse(responseCode = "200", description = "One result per item, in order")
  @APIResponse(
      responseCode = "400",
      description = "Not a JSON array, empty, or more items than allowed")
  public BatchResult record(
      // Read item by item (a malformed item fails alone), so the document names the items' shape.
      @RequestBody(
              required = true,
              content =
                  @Content(
                      schema =
                          @Schema(
                              type = SchemaType.ARRAY,
                              implementation = Item.class,
                              minItems = 1,
                              maxItems = 1000)))
          List<JsonNode> items) {
    if (items == null || items.isEmpty()) {
      throw ApiException.invalid("body", "must be a non-empty array of deliveries");
    }
    if (items.size() > config.maxBatchSize()) {
      throw ApiException.invalid(
          "body", "must hold at most " + config.maxBatchSize() + " deliveries");
    }
    List<ItemResult> results =
        ItemResults.recordAll(
            items.size(),
            i -> null,
            System::nanoTime,
            System.nanoTime() + config.batchDeadline().toNanos(),
            i -> audit.item(recordOne(i, items.get(i))));
    int created = (int) ItemResults.count(results, "CREATED");
    int duplicates = (int) ItemResults.count(results, "DUPLICATE");
    return new BatchResult(created, duplicates, results.size() - created - duplicates, results);
  }

  private ItemResult recordOne(int index, JsonNode item) {
    if (!(item instanceof ObjectNode object)) {
      return ItemResults.error(
          index,
          null,
          DeliveryErrors.MALFORMED_ITEM,
          List.of(new FieldError("item", "must be a JSON object")));
    }
    // A refused item still names its enterprise, when it gave a valid one, for the client to match.
    String org = object.path("orgNumber").textValue();
    String orgNumber = org != null && OrgNumber.isValid(org) ? org : null;
    String key;
    try {
      key = DeliveryResource.checkedKey(keyOf(object), "idempotencyKey");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // true, 1.5, 123, an object: no key, and not to be read as the text "true" or "123".
      return ItemResults.error(
          index, orgNumber, DeliveryErrors.MALFORMED_ITEM, ProblemMappers.jsonErrors(e));
    } catch (ApiException e) {
      return ItemResults.error(index, orgNumber, e.code(), e.errors());
    }
    if (key == null) {
      return ItemResults.error(
          index,
          orgNumber,
          CommonErrors.VALIDATION_FAILED,
          List.of(
              new FieldError(
                  "idempotencyKey",
                  "is required for every item of a batch, so that it can be sent again")));
    }
    ObjectNode fields = object.deepCopy();
    fields.remove("idempotencyKey");
    DeliveryRequest request;
    try {
      request = json.treeToValue(fields, DeliveryRequest.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // The field it is about, as a single POST names it (Jackson's path within the item).
      return ItemResults.error(
          index, orgNumber, DeliveryErrors.MALFORMED_ITEM, ProblemMappers.jsonErrors(e));
    } catch (IllegalArgumentException e) {
      return ItemResults.error(
          index,
          orgNumber,
          DeliveryErrors.MALFORMED_ITEM,
          List.of(new FieldError("item", "has a field of the wrong type or an unknown value")));
    }
    Set<ConstraintViolation<DeliveryRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      return ItemResults.error(
          index,
          orgNumber,
          CommonErrors.VALIDATION_FAILED,
          violations.stream()
              .map(v -> new FieldError(ProblemMappers.fieldOf(v), v.getMessage()))
              .sorted(Comparator.comparing(FieldError::field))
              .toList());
    }
    return ItemResults.attempt(index, request.orgNumber(), () -> deliveries.record(request, key));
  }

  /**
   * The item's key as its own field reads it (null when it has none): a value of the wrong kind is
   * refused as any field's is, not turned into text.
   */
  private String keyOf(ObjectNode item) throws com.fasterxml.jackson.core.JsonProcessingException {
    ObjectNode key = json.createObjectNode();
    key.set("idempotencyKey", item.get("idempotencyKey"));
    return json.treeToValue(key, ItemKey.class).idempotencyKey();
  }
}
