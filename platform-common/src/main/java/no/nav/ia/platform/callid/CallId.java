package no.nav.ia.platform.callid;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import no.nav.ia.platform.domain.NationalIdentityNumbers;
import org.jboss.logging.MDC;

/** The Nav-Call-Id of the current unit of work: a request or a consumed event. */
public final class CallId {

  public static final String HEADER = "Nav-Call-Id";
  public static final String ALTERNATIVE_HEADER = "X-Correlation-Id";
  public static final String MDC_KEY = "callId";

  // An id from outside is taken only if it cannot inject anything into a log line.
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

  private CallId() {}

  /** The id from the caller when it is safe to log, otherwise a new one. */
  public static String acceptOrGenerate(String fromCaller, String alternative) {
    if (safe(fromCaller)) {
      return fromCaller;
    }
    if (safe(alternative)) {
      return alternative;
    }
    return generate();
  }

  /**
   * Whether an id from outside may name the call in every log line and event: it cannot inject
   * anything into a line, and it holds no national identity number (a client that builds its call
   * ids from the case it works on would otherwise write a person's number into the logs). A UUID,
   * the usual call id, is taken as it is: the detector finds a valid number in one random UUID of
   * about 3,500 (eleven decimal digits in a row, hyphens between them allowed, with both control
   * digits right; 1,407 of 5,000,000 measured), so checking UUIDs would take the caller's id from
   * calls visibly often, and writing a person's number as a UUID takes intent. An underscore or a
   * colon, which ids use between their parts, separates groups of digits like a space does.
   */
  public static boolean safe(String id) {
    return id != null && SAFE.matcher(id).matches() && !NationalIdentityNumbers.inId(id);
  }

  /**
   * A random version-4 UUID from the thread's fast generator: a call id names a call in the logs
   * and needs no secure randomness (UUID.randomUUID's SecureRandom reads the kernel's pool on every
   * request).
   */
  public static String generate() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** The current call id, or a fresh one when none is set (e.g. a scheduled job). */
  public static String current() {
    Object value = MDC.get(MDC_KEY);
    return value == null ? generate() : value.toString();
  }

  /** The current call id, or null. */
  public static String currentOrNull() {
    Object value = MDC.get(MDC_KEY);
    return value == null ? null : value.toString();
  }

  public static void set(String callId) {
    MDC.put(MDC_KEY, callId);
  }

  public static void clear() {
    MDC.remove(MDC_KEY);
  }
}
