package no.nav.ia.delivery;

import java.util.Optional;
import no.nav.ia.platform.domain.DomainException;

/**
 * Who delivered (API.md, version 2): a person records their own deliveries and is always the
 * adviser; a system records on an adviser's behalf and must name them. A correction keeps the
 * adviser unless a system names another. A person may still send {@code adviser} as their own
 * NAV-ident (it names nobody else), so that what a client read can be sent back.
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
      namesNoOneElse(callerIdent.get(), named);
      return callerIdent.get();
    }
    if (named == null) {
      throw DomainException.invalid(
          FIELD, "is required when a system records: the NAV-ident of the adviser who delivered");
    }
    return named;
  }

  /**
   * The adviser after a correction of a delivery whose adviser is {@code current} (null: not read
   * yet, only the request is checked). A person's correction keeps the adviser: it may name the
   * adviser only as themselves, and then only when they are the delivery's adviser already.
   */
  public static String onCorrection(Optional<String> callerIdent, String named, String current) {
    if (callerIdent.isPresent()) {
      namesNoOneElse(callerIdent.get(), named);
      if (named != null && current != null && !named.equals(current)) {
        throw DomainException.invalid(
            FIELD, "is kept by a person's correction; only a system names another adviser");
      }
      return current;
    }
    return named == null ? current : named;
  }

  /**
   * The adviser a request names, for telling a retry from another request: null from a person, who
   * is the adviser whether the request says so or not.
   */
  public static String named(Optional<String> callerIdent, String named) {
    return callerIdent.isPresent() ? null : named;
  }

  private static void namesNoOneElse(String callerIdent, String named) {
    if (named != null && !named.equals(callerIdent)) {
      throw DomainException.invalid(
          FIELD, "is taken from your token; only a system names another adviser");
    }
  }
}
