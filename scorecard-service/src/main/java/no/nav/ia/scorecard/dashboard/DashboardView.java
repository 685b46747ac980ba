package no.nav.ia.scorecard.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.scorecard.rest.Card;

/**
 * What the managers' dashboard shows for one period: a row per county (and the nation for those who
 * see all counties) with the system share against the 2/3 line, the deliveries against the same
 * period a year before, and re-signing progress. The nation, when shown, is the first row. Numbers
 * are formatted here, Norwegian style, so the template only places them.
 */
public record DashboardView(
    String period,
    List<PeriodGroup> periods,
    List<Row> rows,
    String user,
    String asOf,
    String error) {

  private static final Locale NB = Locale.forLanguageTag("nb-NO");
  private static final DateTimeFormatter AS_OF =
      DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm:ss", NB);

  /** Where the 2/3 target line sits on a share bar, in percent of its width. */
  public static final String TARGET_LINE = format(Card.SYSTEM_SHARE_MIN * 100, 2).replace(',', '.');

  /** One line of the page. Percentages are of the bar's width (0-100), texts are ready to show. */
  public record Row(
      boolean national,
      String code,
      String name,
      String shareWidth,
      String shareText,
      String targetText,
      boolean targetMet,
      long total,
      long previousTotal,
      String changeText,
      String resigningWidth,
      String resigningText) {

    public static Row of(Card card) {
      boolean national = "NATIONAL".equals(card.scope().type());
      Double share = card.systemShare();
      Boolean met = card.target().met();
      Card.Resigning resigning = card.resigning();
      Double change = card.previousYear().change();
      return new Row(
          national,
          card.scope().code(),
          card.scope().name(),
          share == null ? "0" : width(share),
          share == null ? "–" : format(share * 100, 1) + " %",
          met == null ? "ingen leveranser" : met ? "mål nådd" : "under 2/3",
          Boolean.TRUE.equals(met),
          card.deliveries().total(),
          card.previousYear().total(),
          change == null
              ? "–"
              : (change >= 0 ? "+" : "−") + format(Math.abs(change) * 100, 0) + " %",
          resigning.rate() == null ? "0" : width(resigning.rate()),
          resigning.due() == 0
              ? "ingen i kampanje"
              : resigning.resigned()
                  + " av "
                  + resigning.due()
                  + " ("
                  + format(resigning.rate() * 100, 0)
                  + " %)");
    }
  }

  /** The periods offered in the picker, grouped by year. */
  public record PeriodGroup(String year, List<String> periods) {}

  public static DashboardView of(
      String period,
      Card national,
      List<Card> counties,
      String user,
      OffsetDateTime asOf,
      LocalDate today) {
    List<Row> rows = new ArrayList<>();
    if (national != null) {
      rows.add(Row.of(national));
    }
    counties.stream().map(Row::of).forEach(rows::add);
    return new DashboardView(
        period,
        periodsAround(today, period),
        List.copyOf(rows),
        user,
        asOf == null
            ? "ingen hendelser ennå"
            : AS_OF.format(asOf.atZoneSameInstant(NorwegianTime.ZONE)),
        null);
  }

  /** The page for a period that could not be read: the picker and the reason, no figures. */
  public static DashboardView invalid(String period, String reason, String user, LocalDate today) {
    return new DashboardView(period, periodsAround(today, null), List.of(), user, null, reason);
  }

  /**
   * This year and the last: the year, its halves, quarters and months (this year's only up to now);
   * the year before last as a whole; and the chosen period if it is none of these.
   */
  static List<PeriodGroup> periodsAround(LocalDate today, String chosen) {
    List<PeriodGroup> groups = new ArrayList<>();
    for (int year = today.getYear(); year >= today.getYear() - 1; year--) {
      int lastMonth = year == today.getYear() ? today.getMonthValue() : 12;
      List<String> ids = new ArrayList<>(List.of(String.valueOf(year)));
      for (int h = 1; h <= 2 && h * 6 - 5 <= lastMonth; h++) {
        ids.add(year + "-H" + h);
      }
      for (int q = 1; q <= 4 && q * 3 - 2 <= lastMonth; q++) {
        ids.add(year + "-Q" + q);
      }
      for (int m = 1; m <= lastMonth; m++) {
        ids.add(String.format("%d-%02d", year, m));
      }
      groups.add(new PeriodGroup(String.valueOf(year), ids));
    }
    groups.add(
        new PeriodGroup(
            String.valueOf(today.getYear() - 2), List.of(String.valueOf(today.getYear() - 2))));
    if (chosen != null && groups.stream().noneMatch(g -> g.periods().contains(chosen))) {
      groups.add(0, new PeriodGroup("Valgt", List.of(chosen)));
    }
    return groups;
  }

  private static String width(double fraction) {
    return format(Math.max(0, Math.min(1, fraction)) * 100, 2).replace(',', '.');
  }

  private static String format(double value, int decimals) {
    return String.format(NB, "%." + decimals + "f", value);
  }
}
