package no.nav.ia.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body whose fields are all known: a field it does not have is 400 naming that field, not
 * skipped. A correction replaces a delivery's facts whole, so {@code "Form"} for {@code "form"}
 * would otherwise store the delivery without its form, and an edit naming a field it cannot change
 * would answer 200 as if it had. Fields of the resource as it is read that a write does not take
 * (an id, a version) are listed with {@code @JsonIgnoreProperties} on the request, so that what a
 * GET answered can be sent back. Events and answers from other services stay tolerant: fields may
 * be added to them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ClosedBody {}
