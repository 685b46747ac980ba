package no.nav.ia.agreement;

/**
 * Where a re-signing campaign stands: open for status changes, being closed (its outcome is being
 * given, agreement by agreement), or closed.
 */
public enum CampaignStatus {
  OPEN,
  CLOSING,
  CLOSED
}
