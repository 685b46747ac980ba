package no.nav.ia.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.DomainException.Violation;

/**
 * Fills in a registration from the register copy (API.md, "Enterprises"): a name, size or county
 * the request leaves out comes from the register; the county is the one of the enterprise's
 * municipality that was a county on the signing date; a county the request names must agree with
 * the register's (the same county, or one merged into it or it into one), or the registration is
 * refused (422) rather than counted in the wrong centre.
 */
public final class FromRegister {

  /**
   * What the register copy knows of an enterprise; {@code deletedOn} the day the register deleted
   * it (or an import found it gone), null when it is live or the day is not known.
   */
  public record Known(
      String name, Integer employees, String countyCode, boolean deleted, LocalDate deletedOn) {

    public Known(String name, Integer employees, String countyCode, boolean deleted) {
      this(name, employees, countyCode, deleted, null);
    }
  }

  /** The registration's name, county and size after filling in. */
  public record Filled(String name, String countyCode, int employees) {}

  private FromRegister() {}

  public static Filled fill(
      String name,
      String countyCode,
      Integer employees,
      LocalDate signedOn,
      Optional<Known> known,
      CountyRegistry counties) {
    if (known.isPresent() && known.get().deleted()) {
      // An agreement signed while the enterprise was there is the centre's record, keyed in late
      // (an adviser's review could not record one signed a year before the deletion).
      LocalDate deletedOn = known.get().deletedOn();
      if (deletedOn == null || signedOn == null || !signedOn.isBefore(deletedOn)) {
        throw DomainException.notAllowedNow(
            AgreementErrors.ENTERPRISE_DELETED,
            deletedOn == null
                ? "The register has the enterprise as deleted"
                : "The register has the enterprise as deleted on "
                    + deletedOn
                    + ": only an agreement signed before that day can be registered");
      }
    }
    List<Violation> missing = new ArrayList<>();
    String filledName = name != null ? name : known.map(Known::name).orElse(null);
    // A copy without a count (imported before absent counts were read as none) is an enterprise
    // without employees, as the register means it.
    Integer filledEmployees =
        employees != null
            ? employees
            : known.map(k -> k.employees() != null ? k.employees() : 0).orElse(null);
    // A municipality whose first two digits were never a county (Svalbard's 2111, Jan Mayen's) puts
    // the enterprise in none: the request names the centre, and contradicts nothing.
    String municipalityCounty = known.map(Known::countyCode).orElse(null);
    String registerCounty =
        municipalityCounty != null && counties.county(municipalityCounty).isPresent()
            ? municipalityCounty
            : null;
    String filledCounty = countyCode;
    // A code that is no county on the signing date is the request's own error (400, from the
    // agreement's rules), whatever the register says.
    if (countyCode != null
        && registerCounty != null
        && isCountyOn(countyCode, signedOn, counties)
        && !agree(countyCode, registerCounty, counties)) {
      throw DomainException.notAllowedNow(
          AgreementErrors.COUNTY_CONTRADICTS_REGISTER,
          "The register places the enterprise in county "
              + registerCounty
              + ", which is not county "
              + countyCode
              + " nor merged with it");
    }
    if (countyCode == null && registerCounty != null) {
      filledCounty = onDate(registerCounty, signedOn, counties).orElse(null);
      if (filledCounty == null) {
        missing.add(
            new Violation(
                "countyCode",
                "is required: the register's county "
                    + registerCounty
                    + " was not a county on the signing date and cannot be told from it"));
      }
    }
    String why =
        known.isPresent()
            ? "is required: the register does not have it"
            : "is required: the enterprise is not in the register";
    if (filledName == null) {
      missing.add(new Violation("name", why));
    }
    if (filledCounty == null && registerCounty == null) {
      missing.add(
          new Violation(
              "countyCode",
              municipalityCounty != null
                  ? "is required: the register's municipality is in no county (code "
                      + municipalityCounty
                      + ")"
                  : why));
    }
    if (filledEmployees == null) {
      missing.add(new Violation("employees", why));
    }
    if (!missing.isEmpty()) {
      throw DomainException.invalid(missing);
    }
    return new Filled(filledName, filledCounty, filledEmployees);
  }

  /** A county code that was a county on the date. */
  private static boolean isCountyOn(String code, LocalDate date, CountyRegistry counties) {
    return counties.county(code).map(c -> c.isValidOn(date)).orElse(false);
  }

  /** The same county, or one of them merged into the other. */
  static boolean agree(String a, String b, CountyRegistry counties) {
    return a.equals(b)
        || counties.withMergedPredecessors(a).contains(b)
        || counties.withMergedPredecessors(b).contains(a);
  }

  /**
   * The register's county as it was on the date: itself when it was a county then, else the one
   * county then that it was merged from or into, if there is exactly one.
   */
  static Optional<String> onDate(String registerCounty, LocalDate date, CountyRegistry counties) {
    if (isCountyOn(registerCounty, date, counties)) {
      return Optional.of(registerCounty);
    }
    List<String> candidates =
        counties.all().stream()
            .filter(c -> c.isValidOn(date))
            .map(CountyRegistry.County::code)
            .filter(code -> agree(code, registerCounty, counties))
            .toList();
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }
}
