package no.nav.ia.delivery.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import no.nav.ia.delivery.DeliveryErrors;
import no.nav.ia.delivery.service.DeliveryService.Recorded;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.ErrorCode;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.problem.FieldError;
import no.nav.ia.platform.problem.HttpErrors;
import no.nav.ia.platform.problem.ProblemMappers;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Per-item outcomes of a request that records several deliveries (a batch, a group): each item is
 * recorded on its own, so a bad item never sinks the others, and the answer says what became of
 * each one.
 */
final class ItemResults {

  private static final Logger LOG = Logger.getLogger(ItemResults.class);

  /**
   * One item's outcome: CREATED, DUPLICATE (its key was seen before) or ERROR with a code; the
   * enterprise when the item named a valid one.
   */
  public record ItemResult(
      int index,
      @Schema(nullable = true, description = "The item's enterprise, when it named a valid one")
          String orgNumber,
      @Schema(enumeration = {"CREATED", "DUPLICATE", "ERROR"}) String status,
      @Schema(nullable = true, description = "The delivery, when recorded") UUID id,
      @Schema(nullable = true, description = "Why it failed: a code of the Problem schema's list")
          String code,
      @Schema(
              nullable = true,
              description =
                  "Why it failed, in words (as a single request's problem detail says it); the"
                      + " fields' own messages are in errors")
          String detail,
      @Schema(nullable = true) List<FieldError> errors) {

    boolean is(String wanted) {
      return status.equals(wanted);
    }
  }

  private ItemResults() {}

  /**
   * Records items one by one until the deadline (clock nanos); the rest are DEADLINE_EXCEEDED, with
   * their enterprise as {@code orgNumber} gives it (null when unknown).
   */
  static List<ItemResult> recordAll(
      int count,
      IntFunction<String> orgNumber,
      LongSupplier clock,
      long deadline,
      IntFunction<ItemResult> one) {
    List<ItemResult> results = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      results.add(
          clock.getAsLong() - deadline < 0
              ? one.apply(i)
              : error(
                  i,
                  orgNumber.apply(i),
                  DeliveryErrors.DEADLINE_EXCEEDED.name(),
                  null,
                  "Not tried: the request's time ran out first; send the item again with its key"));
    }
    return results;
  }

  /** Records one item, turning the rules it breaks into its result. */
  static ItemResult attempt(int index, String orgNumber, Supplier<Recorded> record) {
    try {
      Recorded recorded = record.get();
      return new ItemResult(
          index,
          orgNumber,
          recorded.created() ? "CREATED" : "DUPLICATE",
          recorded.delivery().id,
          null,
          null,
          null);
    } catch (DomainException e) {
      // An adviser's review met FORBIDDEN_COUNTY and NO_ACTIVE_AGREEMENT items with no word of why.
      return error(
          index,
          orgNumber,
          e.code(),
          e.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList(),
          e.getMessage());
    } catch (ApiException e) {
      return error(index, orgNumber, e.code(), e.errors(), e.getMessage());
    } catch (RuntimeException e) {
      if (ProblemMappers.isDatabaseAway(e)) {
        LOG.warnf("item %d not recorded, the database is away: %s", index, e);
        return error(
            index,
            orgNumber,
            HttpErrors.SERVICE_UNAVAILABLE.name(),
            null,
            "Not recorded: the database did not answer; send the item again with its key");
      }
      LOG.errorf(e, "item %d failed", index);
      return error(
          index,
          orgNumber,
          HttpErrors.INTERNAL_ERROR.name(),
          null,
          "Not recorded: an error of ours; send the item again with its key");
    }
  }

  static ItemResult error(int index, String orgNumber, ErrorCode code, List<FieldError> errors) {
    return error(index, orgNumber, code.name(), errors);
  }

  /** As above, with the code a refusal carries: a field error says it in its message. */
  static ItemResult error(int index, String orgNumber, String code, List<FieldError> errors) {
    return error(index, orgNumber, code, errors, "One or more fields are invalid");
  }

  static ItemResult error(
      int index, String orgNumber, String code, List<FieldError> errors, String detail) {
    return new ItemResult(
        index,
        orgNumber,
        "ERROR",
        null,
        code,
        detail,
        errors == null || errors.isEmpty() ? null : errors);
  }

  static long count(List<ItemResult> results, String status) {
    return results.stream().filter(r -> r.is(status)).count();
  }
}
