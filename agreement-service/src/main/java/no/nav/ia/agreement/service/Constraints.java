package no.nav.ia.agreement.service;

import no.nav.ia.platform.problem.Causes;
import org.hibernate.exception.ConstraintViolationException;

/** A database constraint said no: what a write racing another one meets. */
final class Constraints {

  private Constraints() {}

  /**
   * True if the constraint (or unique index) of that name refused the write; Hibernate may wrap.
   */
  static boolean violated(Throwable e, String constraint) {
    return Causes.any(
        e,
        t ->
            t instanceof ConstraintViolationException c
                && constraint.equals(c.getConstraintName()));
  }
}
