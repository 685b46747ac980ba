package no.nav.ia.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who a token makes the caller, in one place: the platform roles and the county.
 *
 * <ul>
 *   <li>Roles come from the token's {@code roles} claim (app roles, as local tokens and Entra ID
 *       app roles carry them) and from its {@code groups} claim through the configured group
 *       mapping (Entra ID security groups: a group's object id to a role and, for a centre's group,
 *       its county).
 *   <li>The county is the token's {@code county} claim, else the one county its mapped groups name;
 *       groups naming two counties bind the caller to none.
 *   <li>A token of the second issuer (tenant {@code machines}, for machine clients) keeps only the
 *       {@code system} role, whatever else it claims.
 * </ul>
 */
public final class IdentityMapping {

  /** A configured group: the role it gives and, for a centre's group, its county. */
  public record Group(Optional<String> role, Optional<String> county) {}

  public record Result(Set<String> roles, Optional<String> county) {}

  static final String MACHINES_TENANT = "machines";

  private IdentityMapping() {}

  /**
   * @param countyClaim the token's {@code county} claim as it came (a string, a JSON value, or
   *     anything else)
   */
  public static Result map(
      String tenant,
      Collection<String> roles,
      Collection<String> groups,
      Object countyClaim,
      Map<String, Group> configured) {
    Set<String> mapped = new LinkedHashSet<>(roles);
    List<String> counties = new ArrayList<>();
    for (String group : groups) {
      Group g = configured.get(group);
      if (g != null) {
        g.role().ifPresent(mapped::add);
        g.county().ifPresent(counties::add);
      }
    }
    if (MACHINES_TENANT.equals(tenant)) {
      mapped.retainAll(Set.of(Roles.SYSTEM));
    }
    Optional<String> county = Caller.countyCode(countyClaim);
    if (county.isEmpty() && counties.stream().distinct().count() == 1) {
      county = Caller.countyCode(counties.get(0));
    }
    return new Result(mapped, county);
  }
}
