package no.nav.ia.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.nav.ia.platform.domain.NavIdent;

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
 *       {@code system} role, whatever else it claims, and is a machine's even when it carries a
 *       {@code NAVident} ({@link Caller#isMachine}).
 *   <li>A person's token whose {@code NAVident} is not a NAV-ident gets no role; one whose {@code
 *       NAVident} is one never has the {@code system} role, from its claim or a group.
 * </ul>
 */
public final class IdentityMapping {

  /** A configured group: the role it gives and, for a centre's group, its county. */
  public record Group(Optional<String> role, Optional<String> county) {}

  public record Result(Set<String> roles, Optional<String> county) {}

  /**
   * The OIDC tenant of the second issuer. Every token it verified is a machine's, whatever it
   * claims: the {@code system} role at the most, no {@code NAVident} ({@link Caller#navIdent}), a
   * call to another service with the service's own token ({@link HopTokens#to}), no forwarder's
   * {@value HopTokens#CONSUMER_HEADER} believed ({@link Caller#actorOf}).
   */
  public static final String MACHINES_TENANT = "machines";

  private IdentityMapping() {}

  /** Whether {@code tenant} (an identity's {@code tenant-id}) is the second issuer's. */
  public static boolean isMachinesTenant(String tenant) {
    return MACHINES_TENANT.equals(tenant);
  }

  /**
   * {@link #map(String, Collection, Collection, Object, Object, Map)} for a token without NAVident.
   */
  public static Result map(
      String tenant,
      Collection<String> roles,
      Collection<String> groups,
      Object countyClaim,
      Map<String, Group> configured) {
    return map(tenant, roles, groups, countyClaim, null, configured);
  }

  /**
   * @param countyClaim the token's {@code county} claim as it came (a string, a JSON value, or
   *     anything else)
   * @param navIdentClaim the token's {@code NAVident} claim as it came, or null: a person's token
   *     whose NAVident is not a NAV-ident (one letter and six digits) gets no role, since what the
   *     person records would name nobody (a system naming such an adviser is refused the same way)
   */
  public static Result map(
      String tenant,
      Collection<String> roles,
      Collection<String> groups,
      Object countyClaim,
      Object navIdentClaim,
      Map<String, Group> configured) {
    return map(tenant, roles, groups, countyClaim, navIdentClaim, configured, null);
  }

  /**
   * @param countiesOn the day the caller's county must be a county on (today, so that a token of a
   *     county merged or split away binds to none, as one of "99" does), or null for a county of
   *     any time
   */
  public static Result map(
      String tenant,
      Collection<String> roles,
      Collection<String> groups,
      Object countyClaim,
      Object navIdentClaim,
      Map<String, Group> configured,
      java.time.LocalDate countiesOn) {
    if (navIdentClaim != null
        && !isMachinesTenant(tenant)
        && !(navIdentClaim instanceof String ident && NavIdent.isValid(ident))) {
      return new Result(Set.of(), Optional.empty());
    }
    Set<String> mapped = new LinkedHashSet<>(roles);
    List<String> counties = new ArrayList<>();
    for (String group : groups) {
      Group g = configured.get(group);
      if (g != null) {
        g.role().ifPresent(mapped::add);
        g.county().ifPresent(counties::add);
      }
    }
    if (isMachinesTenant(tenant)) {
      mapped.retainAll(Set.of(Roles.SYSTEM));
    } else if (navIdentClaim != null) {
      // A person is never a machine: system's powers (every county, naming the adviser) are an
      // application's, and a person's token carrying the role is an issuer's or a group's mistake.
      mapped.remove(Roles.SYSTEM);
    }
    Optional<String> county = Caller.countyCode(countyClaim, countiesOn);
    // The groups' counties that are counties on the day: a group of a county merged away, left
    // over beside the successor's, does not leave its person bound to none.
    List<String> current =
        counties.stream()
            .distinct()
            .filter(c -> Caller.countyCode(c, countiesOn).isPresent())
            .toList();
    if (county.isEmpty() && current.size() == 1) {
      county = Optional.of(current.get(0));
    }
    return new Result(mapped, county);
  }
}
