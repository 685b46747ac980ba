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
 * Free text that must not hold a national identity number, in any written form ({@link
 * NationalIdentityNumbers#containsOne}). Put on every free-text field of a request: names, reasons,
 * notes, report sections.
 */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoIdentityNumber.Validator.class)
public @interface NoIdentityNumber {

  String message() default "must not contain a national identity number";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the value with {@link NationalIdentityNumbers#containsOne}. */
  class Validator implements ConstraintValidator<NoIdentityNumber, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return !NationalIdentityNumbers.containsOne(value);
    }
  }
}
