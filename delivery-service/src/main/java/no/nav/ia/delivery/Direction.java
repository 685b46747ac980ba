package no.nav.ia.delivery;

/**
 * Systemrettet (the enterprise's routines, leaders, representatives) or individrettet (one
 * employee's case).
 */
public enum Direction {
  SYSTEM,
  INDIVIDUAL
}
