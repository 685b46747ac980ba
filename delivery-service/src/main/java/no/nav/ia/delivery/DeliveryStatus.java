package no.nav.ia.delivery;

/** LIVE deliveries count in the figures; VOIDED ones stay in history only. */
public enum DeliveryStatus {
  LIVE,
  VOIDED
}
