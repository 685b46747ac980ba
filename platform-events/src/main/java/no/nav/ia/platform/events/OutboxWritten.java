package no.nav.ia.platform.events;

/** Fired when an outbox row is written; observed after commit to wake the relay at once. */
public record OutboxWritten(String topic) {}
