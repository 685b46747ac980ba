package no.nav.ia.platform.domain;

import java.util.Optional;

/**
 * Which counties' data a caller may see and change: coordinators and NAV systems every county,
 * advisers and managers their own only (API.md). The one place this rule lives. A county's own data
 * includes what was recorded under the codes merged into it (DOMAIN.md: such data rolls up into the
 * successor), so Vestland's (46) centre works on agreements signed in Hordaland (12) before 2020.
 *
 * @param allCounties whether the caller sees every county
 * @param own the caller's county, if bound to one
 */
public record CountyVisibility(boolean allCounties, Optional<String> own) {

  public boolean mayAccess(String countyCode) {
    return allCounties
        || own.map(c -> c.equals(countyCode) || rollsUpInto(countyCode, c)).orElse(false);
  }

  private static boolean rollsUpInto(String countyCode, String own) {
    return countyCode != null && own.equals(CountyRegistry.get().rollsUpInto(countyCode));
  }

  /**
   * The codes a listing of the county covers: the county and the codes merged into it, for a {@link
   * #scope} or a filter (Vestland, 46, lists Hordaland's, 12, and Sogn og Fjordane's, 14).
   */
  public static java.util.Set<String> codesOf(String county) {
    return CountyRegistry.get().withMergedPredecessors(county);
  }

  /**
   * The codes whose records the caller sees, for a query to filter by: empty when every county's
   * (no filter), else the own county's codes ({@link #codesOf}), none when bound to no county.
   */
  public Optional<java.util.Set<String>> codes() {
    return allCounties
        ? Optional.empty()
        : Optional.of(own.map(CountyVisibility::codesOf).orElse(java.util.Set.of()));
  }

  /** Refuses (FORBIDDEN_COUNTY) unless the caller may act on data of that county. */
  public void require(String countyCode) {
    if (!mayAccess(countyCode)) {
      throw DomainException.forbidden(
          CommonErrors.FORBIDDEN_COUNTY, "Your token does not give access to this county");
    }
  }

  /**
   * Refuses (FORBIDDEN_COUNTY) unless the caller may act on that county's report due on {@code
   * due}: as {@link #require}, and also a county that the report's county became when that county
   * ended before the report was due. Viken (30) ended on 31 December 2023 and its report of 2023-H2
   * was due on 1 March 2024, when only Østfold's, Akershus' and Buskerud's centres (31-33) were
   * left to send it; any of them may.
   */
  public void requireForReport(String countyCode, java.time.LocalDate due) {
    if (!mayReportFor(countyCode, due)) {
      require(countyCode);
    }
  }

  /**
   * The reach of the caller's county-bound role alone: its own county, whatever other role lets it
   * see every county. For a right only a county-bound role has (the manager's writing and
   * submitting of the county's report): a person who is a centre's manager and also a coordinator
   * reads every county's report as a coordinator, but writes only their own centre's.
   */
  public CountyVisibility ownCountyOnly() {
    return new CountyVisibility(false, own);
  }

  /** Whether the caller may act on that county's report due on {@code due} (as above). */
  public boolean mayReportFor(String countyCode, java.time.LocalDate due) {
    return mayAccess(countyCode) || own.map(c -> succeededBefore(countyCode, c, due)).orElse(false);
  }

  private static boolean succeededBefore(String countyCode, String own, java.time.LocalDate due) {
    return CountyRegistry.get()
        .county(countyCode)
        .filter(c -> c.validTo() != null && c.validTo().isBefore(due))
        .map(c -> c.successors().contains(own))
        .orElse(false);
  }

  /**
   * Refuses a {@code county} filter naming a code that was never a county (400 on the field); a
   * county of the past stays a valid filter.
   */
  public static void requireCountyCode(String code) {
    if (CountyRegistry.get().county(code).isEmpty()) {
      throw DomainException.invalid("county", "is not a county code (GET /api/v1/counties)");
    }
  }

  /**
   * The county a listing is restricted to: the caller's own for advisers and managers (asking for
   * another is refused, one merged into theirs is theirs), the one asked for (or every county) for
   * the others; list it with {@link #codesOf}. A code that was never a county is the request's
   * error, not an empty listing.
   */
  public Optional<String> scope(String requested) {
    if (requested != null) {
      requireCountyCode(requested);
    }
    if (allCounties) {
      return Optional.ofNullable(requested);
    }
    String county =
        own.orElseThrow(
            () ->
                DomainException.forbidden(
                    CommonErrors.FORBIDDEN_COUNTY, "Your token is not bound to a county"));
    if (requested != null && !mayAccess(requested)) {
      throw DomainException.forbidden(
          CommonErrors.FORBIDDEN_COUNTY, "Your token does not give access to this county");
    }
    return Optional.of(requested != null ? requested : county);
  }
}
