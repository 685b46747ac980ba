package no.nav.ia.delivery;

import java.util.Optional;
import no.nav.ia.platform.domain.DomainException;

/**
 * Who delivered (API.md, version 2): a person records their own deliveries and is always the
 * adviser; a system records on an adviser's behalf and must name them. A correction keeps the
 * adviser unless a system names another.
 */
public final class DeliveredBy {

  static final String FIELD = "adviser";

  private DeliveredBy() {}

  /**
   * The adviser of a new delivery.
   *
   * @param callerIdent the NAV-ident of a person calling; empty for a system
   * @param named the {@code adviser} of the request
   */
  public static String onRecord(Optional<String> callerIdent, String named) {
    if (callerIdent.isPresent()) {
      refusedFromPeople(named);
      return callerIdent.get();
    }
    if (named == null) {
      throw DomainException.invalid(
          FIELD, "is required when a system records: the NAV-ident of the adviser who delivered");
    }
    return named;
  }

  /** The adviser after a correction of a delivery whose adviser is {@code current}. */
  public static String onCorrection(Optional<String> callerIdent, String named, String current) {
    if (callerIdent.isPresent()) {
      refusedFromPeople(named);
      return current;
    }
    return named == null ? current : named;
  }

  private static void refusedFromPeople(String named) {
    if (named != null) {
      throw DomainException.invalid(
          FIELD, "is taken from your token; only a system names the adviser");
    }
  }
}
