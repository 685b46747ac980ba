package no.nav.ia.agreement;

/**
 * An import's change of an enterprise that has an active agreement: its name and number of
 * employees in the register copy before and after (a size the register does not give is null).
 */
public record RegisterChange(
    String orgNumber, String nameBefore, String name, Integer employeesBefore, Integer employees) {}
