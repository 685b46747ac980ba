package no.nav.ia.platform.rest;

/**
 * How long a {@code Retry-After} header (429, 503) asks a client to wait, for the platform's own
 * clients.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * The header's delay in milliseconds. The platform sends whole seconds; the other form RFC 9110
   * allows (an HTTP date) and a missing or unreadable value mean one second.
   */
  public static long millis(String retryAfter) {
    if (retryAfter == null || retryAfter.isBlank()) {
      return 1000;
    }
    try {
      return Math.max(0, Long.parseLong(retryAfter.trim())) * 1000;
    } catch (NumberFormatException notSeconds) {
      return 1000;
    }
  }
}
