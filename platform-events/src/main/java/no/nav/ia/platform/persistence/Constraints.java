package no.nav.ia.platform.persistence;

import no.nav.ia.platform.problem.Causes;
import org.hibernate.exception.ConstraintViolationException;

/**
 * A database constraint said no: what a write racing another one meets, where a check before it
 * could not see the other (a unique index holds what a count cannot).
 */
public final class Constraints {

  private Constraints() {}

  /**
   * True if the constraint (or unique index) of that name refused the write; Hibernate may wrap.
   */
  public static boolean violated(Throwable e, String constraint) {
    return Causes.any(
        e,
        t ->
            t instanceof ConstraintViolationException c
                && constraint.equals(c.getConstraintName()));
  }
}
