package no.nav.ia.platform.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text with something one can see in it ({@link FreeText#isWritten}), when given (null is left to
 * {@code @NotNull}): a name of no-break, zero-width or filler characters only is blank, as a note
 * of them is.
 */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Written.Validator.class)
public @interface Written {

  String message() default "must not be blank";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the value with {@link FreeText#isWritten}. */
  class Validator implements ConstraintValidator<Written, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || FreeText.isWritten(value);
    }
  }
}
