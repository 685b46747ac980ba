package no.nav.ia.platform.problem;

/** One rejected field. The message says what is wrong and never echoes the rejected value. */
public record FieldError(String field, String message) {}
