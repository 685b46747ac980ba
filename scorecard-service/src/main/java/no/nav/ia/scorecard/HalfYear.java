package no.nav.ia.scorecard;

import java.time.LocalDate;
import java.util.regex.Pattern;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.NotBeforeIa;

/**
 * The half-year a centre reports on (seeds 001 and 002): H1 is due 1 September, H2 on 1 March the
 * year after.
 */
public record HalfYear(Period period) {

  private static final Pattern FORMAT = Pattern.compile("\\d{4}-H[12]");

  public static HalfYear parse(String value) {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw DomainException.invalid("period", "must be a half-year: YYYY-H1 or YYYY-H2");
    }
    return new HalfYear(Period.parse(value));
  }

  public String id() {
    return period.id();
  }

  /** The day the report must be in by; it is not late on that day. */
  public LocalDate due() {
    return period.id().endsWith("H1")
        ? LocalDate.of(period.year(), 9, 1)
        : LocalDate.of(period.year() + 1, 3, 1);
  }

  /**
   * Why the half-year has no report on that day, if it has none: it ended before the first IA
   * agreement was signed (a review submitted 2000-H1, "late" for good, for a half-year in which no
   * agreement could exist), or it has not begun (a review wrote 2027-H1's sections half a year
   * ahead). The running half-year has one, written as it goes and submitted once it has ended.
   */
  public java.util.Optional<String> noReport(LocalDate today) {
    if (period.to().isBefore(NotBeforeIa.FIRST_DAY)) {
      return java.util.Optional.of(
          id()
              + " ended before "
              + NotBeforeIa.FIRST_DAY
              + ", when the first agreement on an inclusive working life was signed: it has no"
              + " report");
    }
    if (period.from().isAfter(today)) {
      return java.util.Optional.of(
          id() + " has not begun: its report can be written from " + period.from());
    }
    return java.util.Optional.empty();
  }

  /** Past its due date on that day. */
  public boolean isPastDue(LocalDate today) {
    return today.isAfter(due());
  }
}
