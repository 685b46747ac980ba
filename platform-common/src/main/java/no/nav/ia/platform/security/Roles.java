package no.nav.ia.platform.security;

/** The platform roles carried in the token's {@code roles} claim (API.md). */
public final class Roles {
  public static final String ADVISER = "adviser";
  public static final String MANAGER = "manager";
  public static final String COORDINATOR = "coordinator";
  public static final String SYSTEM = "system";

  private Roles() {}
}
