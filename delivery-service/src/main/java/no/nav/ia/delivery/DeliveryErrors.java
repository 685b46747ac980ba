package no.nav.ia.delivery;

import no.nav.ia.platform.domain.ErrorCode;

/**
 * The codes of delivery-service's own refusals (the common ones are CommonErrors, HttpErrors),
 * including those only a batch's or a group's item results carry.
 */
public enum DeliveryErrors implements ErrorCode {
  DELIVERY_NOT_FOUND("404: no delivery with that id (another county's is 403 FORBIDDEN_COUNTY)"),
  DELIVERY_VOIDED(
      "409: the delivery has been voided and takes no more changes; record a new one if it was"
          + " wrongly voided"),
  NO_ACTIVE_AGREEMENT(
      "422: the enterprise has no cooperation agreement active on the delivery date; do not"
          + " resend it unchanged"),
  COUNTY_ENDED(
      "422: the agreement is registered under a county that had been split by the delivery date"
          + " (Viken, 30, Vestfold og Telemark, 38, Troms og Finnmark, 54, and the counties merged"
          + " into them, from 2024); no county's card or report would hold the delivery: end the"
          + " agreement and register it again under today's county, then record it there"),
  IDEMPOTENCY_KEY_REUSED(
      "422: the idempotency key was used before with another body (for a group: another meeting,"
          + " such as another day); a new thing goes with a new key, a group's list put right with"
          + " its own (`detail` says which)"),
  AGREEMENT_SERVICE_UNAVAILABLE(
      "503: the agreement could not be checked just now; send it again (same idempotency key)"),
  MALFORMED_ITEM(
      "only in a batch's item results (the batch answers 200): the item is not a delivery as JSON;"
          + " `errors` says where; fix it and send that item again"),
  DEADLINE_EXCEEDED(
      "only in a batch's or group's item results (the request answers 200): its time ran out"
          + " before this item; send it again with the same key");

  private final String meaning;

  DeliveryErrors(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
