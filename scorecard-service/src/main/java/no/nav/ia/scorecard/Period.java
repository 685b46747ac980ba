package no.nav.ia.scorecard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.ia.platform.domain.DomainException;

/**
 * A reporting period: a year, half-year, quarter or month ({@code 2012}, {@code 2012-H1}, {@code
 * 2012-Q3}, {@code 2012-05}).
 */
public record Period(String id, YearMonth first, YearMonth last) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(H[12]|Q[1-4]|\\d{2}))?");

  public static Period parse(String value) {
    Matcher m = value == null ? null : FORMAT.matcher(value);
    if (m == null || !m.matches()) {
      throw DomainException.invalid(
          "period", "must be YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 to YYYY-Q4 or YYYY-MM");
    }
    int year = Integer.parseInt(m.group(1));
    if (year < 2000 || year > 2100) {
      throw DomainException.invalid("period", "must be a year from 2000 to 2100");
    }
    String part = m.group(2);
    if (part == null) {
      return new Period(value, YearMonth.of(year, 1), YearMonth.of(year, 12));
    }
    return switch (part.charAt(0)) {
      case 'H' -> {
        int h = part.charAt(1) - '0';
        yield new Period(value, YearMonth.of(year, h * 6 - 5), YearMonth.of(year, h * 6));
      }
      case 'Q' -> {
        int q = part.charAt(1) - '0';
        yield new Period(value, YearMonth.of(year, q * 3 - 2), YearMonth.of(year, q * 3));
      }
      default -> {
        int month = Integer.parseInt(part);
        if (month < 1 || month > 12) {
          throw DomainException.invalid("period", "must name a month from 01 to 12");
        }
        yield new Period(value, YearMonth.of(year, month), YearMonth.of(year, month));
      }
    };
  }

  /**
   * The card periods a day counts in: its year, half-year, quarter and month. The one definition:
   * the projection counts by it, and the SQL function card_periods (V2, used by the rebuild) gives
   * the same, which PeriodDefinitionTest checks for every day of 2000-2040.
   */
  public static List<String> containing(LocalDate day) {
    int year = day.getYear();
    int month = day.getMonthValue();
    return List.of(
        String.valueOf(year),
        year + "-H" + (month <= 6 ? 1 : 2),
        year + "-Q" + ((month - 1) / 3 + 1),
        String.format("%d-%02d", year, month));
  }

  public LocalDate from() {
    return first.atDay(1);
  }

  public LocalDate to() {
    return last.atEndOfMonth();
  }

  public int year() {
    return first.getYear();
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from()) && !day.isAfter(to());
  }

  /**
   * The half-year this period lies in (itself, one of its quarters or months); empty for a year,
   * which spans two.
   */
  public java.util.Optional<HalfYear> halfYear() {
    int half = (first.getMonthValue() - 1) / 6;
    if (first.getYear() != last.getYear() || half != (last.getMonthValue() - 1) / 6) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new HalfYear(parse(year() + "-H" + (half + 1))));
  }

  /** The same period one year earlier. */
  public Period yearBefore() {
    String previousId = (year() - 1) + id.substring(4);
    return new Period(previousId, first.minusYears(1), last.minusYears(1));
  }
}
