package no.nav.ia.scorecard.dashboard;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the dashboard and the report pages write numbers, counts and periods, Norwegian style: one
 * place, so both pages group thousands the same way and agree on singular and plural.
 */
public final class Norwegian {

  static final Locale NB = Locale.forLanguageTag("nb-NO");

  /** The thousands separator: a no-break space, so a number never breaks over two lines. */
  static final char GROUPING = '\u00a0';

  private static final DateTimeFormatter MONTH_LONG = DateTimeFormatter.ofPattern("MMMM yyyy", NB);
  private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(H[12]|Q[1-4]|\\d{2}))?");
  private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})(?:-.*)?");

  private Norwegian() {}

  /** A whole number with its thousands grouped: {@code 12 345} (no-break space). */
  public static String count(long n) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(NB);
    symbols.setGroupingSeparator(GROUPING);
    symbols.setMinusSign('−');
    return new DecimalFormat("#,##0", symbols).format(n);
  }

  /** A number with a decimal comma and no grouping (shares and rates stay below a thousand). */
  static String decimal(double value, int decimals) {
    return String.format(NB, "%." + decimals + "f", value);
  }

  /** A fraction as a percentage: {@code 0.667} with one decimal is {@code 66,7 %}. */
  static String percent(double fraction, int decimals) {
    return decimal(fraction * 100, decimals) + " %";
  }

  /**
   * Parts of a whole in whole percent that add up to 100 % (largest remainders: each part is its
   * share rounded down, and the points left go to the parts that lost most by it; 3 of 7, 2 of 7
   * and 2 of 7 are 43 %, 29 % and 28 %, not 43 %, 29 % and 29 %); {@code –} each when the whole is
   * nothing.
   */
  static List<String> wholePercents(List<Long> parts) {
    long total = parts.stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return parts.stream().map(p -> "–").toList();
    }
    long[] percents = new long[parts.size()];
    long left = 100;
    for (int i = 0; i < percents.length; i++) {
      percents[i] = parts.get(i) * 100 / total;
      left -= percents[i];
    }
    List<Integer> byRemainder = new ArrayList<>();
    for (int i = 0; i < percents.length; i++) {
      byRemainder.add(i);
    }
    // The largest remainder first; between equal ones, the earlier part.
    byRemainder.sort(Comparator.comparingLong((Integer i) -> -(parts.get(i) * 100 % total)));
    for (int k = 0; k < left; k++) {
      percents[byRemainder.get(k)]++;
    }
    return java.util.Arrays.stream(percents).mapToObj(p -> p + " %").toList();
  }

  /**
   * A change against the year before in whole percent: {@code +50 %}, {@code −17 %}, and {@code 0
   * %} without a sign when it rounds to nothing; {@code –} when there is nothing to compare with.
   */
  static String change(Double fraction) {
    if (fraction == null) {
      return "–";
    }
    long rounded = Math.round(fraction * 100);
    if (rounded == 0) {
      return "0 %";
    }
    return (rounded > 0 ? "+" : "−") + count(Math.abs(rounded)) + " %";
  }

  /** {@code 1 leveranse}, {@code 2 leveranser}, {@code 1 234 leveranser}. */
  static String deliveries(long n) {
    return count(n) + (n == 1 ? " leveranse" : " leveranser");
  }

  /**
   * A period's name for people: {@code 2026}, {@code 1. halvår 2026}, {@code 3. kvartal 2026},
   * {@code november 2026}; an id that is no period is shown as it is.
   */
  public static String period(String id) {
    Matcher m = id == null ? null : PERIOD.matcher(id);
    if (m == null || !m.matches()) {
      return id;
    }
    String year = m.group(1);
    String part = m.group(2);
    if (part == null) {
      return year;
    }
    return switch (part.charAt(0)) {
      case 'H' -> part.charAt(1) + ". halvår " + year;
      case 'Q' -> part.charAt(1) + ". kvartal " + year;
      default -> {
        int month = Integer.parseInt(part);
        yield month >= 1 && month <= 12
            ? MONTH_LONG.format(YearMonth.of(Integer.parseInt(year), month))
            : id;
      }
    };
  }

  /** {@code november 2024}. */
  static String month(YearMonth month) {
    return MONTH_LONG.format(month);
  }

  /**
   * Why a requested period could not be read, in the user's words. Period.parse is the rule (a year
   * from 2000 to 2100, months 01 to 12); this only names the part of it that the id broke.
   */
  public static String invalidPeriod(String id) {
    Matcher year = YEAR_FIRST.matcher(id);
    if (year.matches()) {
      int y = Integer.parseInt(year.group(1));
      if (y < 2000 || y > 2100) {
        return "«"
            + year.group(1)
            + "» er utenfor årene målekortet har: velg et år fra 2000 til 2100.";
      }
      Matcher m = PERIOD.matcher(id);
      if (m.matches() && m.group(2) != null && Character.isDigit(m.group(2).charAt(0))) {
        return "«" + id + "» er ikke en måned: måneden skrives med to sifre fra 01 til 12.";
      }
    }
    // Said back only when it is shaped like a period: anything else typed there (a name, an
    // identity number) is the user's data, which a refusal never repeats.
    String said = isPeriodLike(id) ? "«" + id + "»" : "Det du skrev";
    return said + " er ikke en periode. Velg år, halvår, kvartal eller måned.";
  }

  private static final Pattern PERIOD_LIKE = Pattern.compile("[0-9]{4}(-[0-9A-Za-z]{1,3})?");

  /**
   * Whether what was asked for as a period is shaped like one (a year and a short part), so that a
   * page may say it back; anything else is the user's data.
   */
  public static boolean isPeriodLike(String id) {
    return id != null && PERIOD_LIKE.matcher(id).matches();
  }
}
