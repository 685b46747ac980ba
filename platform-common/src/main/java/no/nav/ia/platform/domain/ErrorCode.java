package no.nav.ia.platform.domain;

/**
 * A value of a problem's {@code code}: what a program branches on. Every code the platform answers
 * is a constant of an enum implementing this ({@link CommonErrors}, the HTTP layer's, one per
 * service), so the compiler keeps the list each OpenAPI document publishes equal to the codes the
 * code can answer.
 */
public interface ErrorCode {

  /** The code as it goes on the wire, e.g. {@code AGREEMENT_NOT_FOUND}. */
  String name();

  /**
   * The status it is answered with, and what a client does about it (fix the request, send it
   * again, stop).
   */
  String meaning();
}
