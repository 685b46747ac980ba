package no.nav.ia.platform.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A day of the IA work: not before the first agreement on an inclusive working life was signed (3
 * October 2001). Nothing this platform records (a signing, a termination, a delivery, a step of a
 * re-signing) can be older; a year 1 or -1 is a client's slip, and would otherwise be stored and
 * counted on a card of its own.
 */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotBeforeIa.Validator.class)
public @interface NotBeforeIa {

  /** The day the first IA agreement was signed. */
  LocalDate FIRST_DAY = LocalDate.of(2001, 10, 3);

  String message() default
      "must not be before 2001-10-03, when the first agreement on an inclusive working life was"
          + " signed";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks that a day is not before {@link #FIRST_DAY}; an absent day is for others to judge. */
  class Validator implements ConstraintValidator<NotBeforeIa, LocalDate> {
    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return value == null || !value.isBefore(FIRST_DAY);
    }
  }
}
