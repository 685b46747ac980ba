package no.nav.ia.scorecard;

import java.time.LocalDate;
import java.util.regex.Pattern;
import no.nav.ia.platform.domain.DomainException;

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

  /** Past its due date on that day. */
  public boolean isPastDue(LocalDate today) {
    return today.isAfter(due());
  }
}
