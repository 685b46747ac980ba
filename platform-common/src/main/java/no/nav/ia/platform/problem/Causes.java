package no.nav.ia.platform.problem;

import java.util.function.Predicate;

/**
 * The one walk along an exception's cause chain (a transaction's commit and Hibernate wrap what
 * happened).
 */
public final class Causes {

  private Causes() {}

  /** True if the exception or any of its causes matches. */
  public static boolean any(Throwable e, Predicate<Throwable> match) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (match.test(t)) {
        return true;
      }
    }
    return false;
  }

  /** The exception or the first of its causes that is of the type, or null. */
  public static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
