package no.nav.ia.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import no.nav.ia.platform.domain.NavIdent;

/**
 * What an event record's component promises beyond its Java type, for the JSON Schema of the
 * AsyncAPI document: that the producer may write null, the values a string takes, its pattern, and
 * what it means. A component without it is never null.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface EventField {

  /** An org number: nine digits (the check digit is checked where it is written). */
  String ORG_NUMBER = "^[0-9]{9}$";

  /** A county code: two digits. */
  String COUNTY_CODE = "^[0-9]{2}$";

  /** A NAV-ident: one capital letter and six digits. */
  String NAV_IDENT = "^" + NavIdent.REGEX + "$";

  /** The producer may write null here (the key is written all the same). */
  boolean nullable() default false;

  /**
   * The field was added to a type whose events were published without it: every new event has it,
   * but the topic still holds older ones that lack it, so the schema does not require it.
   */
  boolean addedLater() default false;

  /** The enum whose constant names are the only values of this string. */
  Class<? extends Enum<?>> values() default NoValues.class;

  /** A regular expression (ECMA 262) every value matches. */
  String pattern() default "";

  String description() default "";

  /** The least value of an integer, or of each integer of a list ({@link Long#MIN_VALUE}: none). */
  long minimum() default Long.MIN_VALUE;

  /**
   * The greatest value of an integer, or of each integer of a list ({@link Long#MAX_VALUE}: none).
   */
  long maximum() default Long.MAX_VALUE;

  /** The least number of items of a list (0: may be empty). */
  int minItems() default 0;

  /** No item of the list is there twice. */
  boolean distinct() default false;

  /** The default of {@link #values()}: any string. */
  enum NoValues {}
}
