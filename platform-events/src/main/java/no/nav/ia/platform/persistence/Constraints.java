package no.nav.ia.platform.persistence;

import no.nav.ia.platform.problem.Causes;
import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;

/**
 * A database constraint said no: what a write racing another one meets, where a check before it
 * could not see the other (a unique index holds what a count cannot).
 */
public final class Constraints {

  private Constraints() {}

  /**
   * True if the constraint (or unique index) of that name refused the write: through Hibernate
   * (which may wrap it) or through a plain JDBC statement (the driver's exception, wrapped or not).
   */
  public static boolean violated(Throwable e, String constraint) {
    return Causes.any(
        e,
        t ->
            t instanceof ConstraintViolationException c && constraint.equals(c.getConstraintName())
                || t instanceof PSQLException p
                    && p.getServerErrorMessage() != null
                    && constraint.equals(p.getServerErrorMessage().getConstraint()));
  }
}
