package no.nav.ia.scorecard.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import no.nav.ia.platform.domain.ServiceCode;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.scorecard.Tally;
import no.nav.ia.scorecard.rest.ScorecardResource.Overview;
import no.nav.ia.scorecard.rest.ScorecardResource.Regions;

/**
 * Writes cards as CSV, one row per card, for the half-year reports (due 1 March and 1 September); a
 * county's advisers one row per adviser. A card's 12-month trend is a series of its own and stays
 * in the JSON.
 */
@Provider
@Produces(CardsCsv.TEXT_CSV)
public class CardsCsv implements MessageBodyWriter<Object> {

  public static final String TEXT_CSV = "text/csv";

  @Override
  public boolean isWriteable(
      Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
    return type == Card.class
        || type == Overview.class
        || type == Regions.class
        || type == Advisers.class;
  }

  @Override
  public void writeTo(
      Object value,
      Class<?> type,
      Type generic,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException, WebApplicationException {
    // UTF-8 whatever the Accept header's parameters were: the negotiated type carried them (a
    // q-value, or a charset the bytes are not in).
    headers.putSingle(HttpHeaders.CONTENT_TYPE, TEXT_CSV + ";charset=UTF-8");
    headers.putSingle("Content-Disposition", "attachment; filename=\"" + fileName(value) + "\"");
    if (value instanceof Advisers a) {
      out.write(render(a).getBytes(StandardCharsets.UTF_8));
      return;
    }
    List<Card> cards = new ArrayList<>();
    if (value instanceof Card c) {
      cards.add(c);
    } else if (value instanceof Overview o) {
      cards.addAll(cards(o));
    } else if (value instanceof Regions r) {
      cards.addAll(r.regions());
    }
    out.write(render(cards).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The name a browser saves the file under (it took the URL's last segment, "advisers" or "03"):
   * what it holds and its period, as the dashboard's and the reports' files are named.
   */
  static String fileName(Object value) {
    String name = "malekort";
    if (value instanceof Card c) {
      name = "malekort-" + c.scope().code() + "-" + c.period().id();
    } else if (value instanceof Overview o) {
      name = "malekort-" + o.national().period().id();
    } else if (value instanceof Regions r) {
      name =
          "malekort-"
              + r.grouping()
              + (r.regions().isEmpty() ? "" : "-" + r.regions().get(0).period().id());
    } else if (value instanceof Advisers a) {
      name = "radgivere-" + a.scope().code() + "-" + a.period().id();
    }
    // Only what a file name may hold in every system.
    return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
  }

  /**
   * How the rows are written. {@link #API} is what {@code Accept: text/csv} has always answered:
   * commas, a point before decimals, LF, no byte-order mark (RFC 4180 but for its CRLF). {@link
   * #EXCEL_NO} is for Excel set to Norwegian, which opens a file by double-click with the list
   * separator and decimal sign of the locale: semicolons, a decimal comma, CRLF, a byte-order mark
   * (without it Excel reads UTF-8 as Windows-1252, "Ã˜stfold"), and codes as text formulas ({@code
   * ="03"}): Excel guesses a type whatever the quotes, and makes Oslo's 03 the number 3 and the
   * month 2024-05 a date. Its headings and words are the dashboard's Norwegian ("Systemrettede",
   * "Fylke", "Ja"), in the same columns as the API's file.
   */
  public enum Dialect {
    API(",", '.', "\n", false),
    EXCEL_NO(";", ',', "\r\n", true);

    final String separator;
    final char decimal;
    final String lineEnd;
    final boolean byteOrderMark;

    Dialect(String separator, char decimal, String lineEnd, boolean byteOrderMark) {
      this.separator = separator;
      this.decimal = decimal;
      this.lineEnd = lineEnd;
      this.byteOrderMark = byteOrderMark;
    }

    /** A column as this dialect names it: its name for programs, its heading for people. */
    String name(Column column) {
      return this == EXCEL_NO ? column.heading() : column.name();
    }

    /** The start of a file: the byte-order mark where the dialect has one. */
    String start() {
      return byteOrderMark ? "\uFEFF" : "";
    }

    /** A code (digits a spreadsheet must keep as written): as is, or as a text formula. */
    String code(String value) {
      return this == EXCEL_NO ? "\"=\"\"" + value + "\"\"\"" : value;
    }

    /**
     * A fraction (a share, a rate, a change): for programs the number to four decimals ({@code
     * 0.7143}); for Excel a percentage with one decimal as Norwegian Excel reads one, a number it
     * shows as the page does ({@code 71,4%}), a change as the number it is ({@code 233,3%}, {@code
     * -16,7%}; a hyphen, as Excel takes no other minus; no plus, which Excel reads as the start of
     * a formula, and which the file's other cells have defused).
     */
    String fraction(double fraction) {
      if (this == API) {
        return String.format(Locale.ROOT, "%.4f", fraction);
      }
      double percent = Math.round(fraction * 1000) / 10.0;
      return String.format(Locale.ROOT, "%.1f%%", percent == 0 ? 0.0 : percent)
          .replace('.', decimal);
    }

    /**
     * A moment, such as the figures' "as of": for programs ISO 8601 in UTC as the JSON has it; for
     * Excel the Norwegian time to the minute as the page shows it ({@code 05.12.2026 15:05}), which
     * Excel set to Norwegian reads as a date and time.
     */
    String moment(OffsetDateTime moment) {
      return this == EXCEL_NO
          ? EXCEL_MOMENT.format(moment.atZoneSameInstant(NorwegianTime.ZONE))
          : moment.toString();
    }
  }

  private static final DateTimeFormatter EXCEL_MOMENT =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);

  /** A relative change against the year before: the Excel file writes its sign. */
  record Change(double fraction) {}

  /** A code in a row, such as a county's or a period's: {@link Dialect#code} writes it. */
  record Code(String value) {}

  /** A value programs read as a code and people as a word: the Excel file writes the word. */
  record Term(String code, String word) {

    /** A truth value: {@code true} for programs, "Ja" for people. */
    static Term of(boolean value) {
      return new Term(String.valueOf(value), value ? "Ja" : "Nei");
    }
  }

  /** The scope types' words in the Excel file. */
  private static final java.util.Map<String, String> SCOPE_WORDS =
      java.util.Map.of("NATIONAL", "Landet", "REGION", "Region", "COUNTY", "Fylke");

  /** An overview's cards in the order of its rows: the nation first, then the counties. */
  static List<Card> cards(Overview o) {
    List<Card> cards = new ArrayList<>(o.counties().size() + 1);
    if (o.national() != null) {
      cards.add(o.national());
    }
    cards.addAll(o.counties());
    return cards;
  }

  static String render(List<Card> cards) {
    return render(cards, Dialect.API);
  }

  static String render(List<Card> cards, Dialect dialect) {
    StringBuilder csv =
        new StringBuilder(dialect.start()).append(header(dialect)).append(dialect.lineEnd);
    for (Card c : cards) {
      csv.append(line(row(c), dialect)).append(dialect.lineEnd);
    }
    return csv.toString();
  }

  static String render(Advisers a) {
    StringBuilder csv =
        new StringBuilder(
            "county_code,county_name,period,nav_ident,deliveries,system,individual,direct,"
                + "system_share,enterprises,as_of\n");
    for (Advisers.Adviser adviser : a.advisers()) {
      csv.append(
              line(
                  Arrays.asList(
                      a.scope().code(),
                      quote(a.scope().name()),
                      a.period().id(),
                      adviser.navIdent(),
                      adviser.total(),
                      adviser.system(),
                      adviser.individual(),
                      adviser.direct(),
                      adviser.systemShare(),
                      adviser.enterprises(),
                      a.asOf())))
          .append('\n');
    }
    return csv.toString();
  }

  /**
   * A card's column: its name in the API's CSV, which programs read, and its heading in the Excel
   * file, which people read (in the dashboard's words). One list, so the two files cannot part.
   */
  record Column(String name, String heading) {}

  /** A card's columns in the order of {@link #row}. */
  static final List<Column> COLUMNS = columns();

  private static List<Column> columns() {
    List<Column> columns =
        new ArrayList<>(
            List.of(
                new Column("scope_type", "Nivå"),
                new Column("scope_code", "Kode"),
                new Column("scope_name", "Navn"),
                new Column("period", "Periode"),
                new Column("from", "Fra"),
                new Column("to", "Til"),
                new Column("deliveries", "Leveranser"),
                new Column("system", "Systemrettede"),
                new Column("individual", "Individrettede"),
                new Column("system_share", "Systemrettet andel av direkte leveranser"),
                new Column("target_met", "Mål om minst 2/3 nådd"),
                new Column("previous_year_total", "Leveranser samme periode i fjor"),
                new Column("change", "Endring mot i fjor"),
                new Column("forecast_year_total", "Prognose for året"),
                new Column("agreements_active", "Aktive IA-avtaler"),
                new Column("agreements_new", "Nye avtaler i perioden"),
                new Column("with_contact_person", "Avtaler med kontaktperson"),
                new Column("with_delivery", "Avtaler med leveranse"),
                new Column("resigning_due", "Til re-signering"),
                new Column("resigning_resigned", "Re-signert"),
                new Column("resigning_rate", "Andel re-signert"),
                new Column("median_lag_days", "Registrert etter (median dager)")));
    for (ServiceCode s : ServiceCode.values()) {
      columns.add(new Column("service_" + s.name().toLowerCase(Locale.ROOT), s.label()));
    }
    for (String goal : Card.SUB_GOALS) {
      columns.add(new Column("sub_goal_" + goal, "Delmål " + goal));
    }
    for (String form : Tally.FORMS) {
      columns.add(new Column("form_" + form.toLowerCase(Locale.ROOT), Tally.FORM_NAMES.get(form)));
    }
    columns.add(new Column("as_of", "Tall per"));
    // Added after the others, so that a program reading columns by position reads them as before.
    columns.add(
        new Column("previous_year_same_days_total", "Leveranser samme dager i fjor (pågående)"));
    // Which campaign the re-signing columns count: a newer one started takes the current cards.
    columns.add(new Column("resigning_campaign_id", "Re-signeringskampanje"));
    return List.copyOf(columns);
  }

  /** The columns of one card as the dialect names them, separated as it says. */
  static String header(Dialect dialect) {
    return COLUMNS.stream()
        .map(dialect::name)
        .collect(java.util.stream.Collectors.joining(dialect.separator));
  }

  /** The columns of one card, comma-separated. */
  static String header() {
    return header(Dialect.API);
  }

  /**
   * One card's values in the order of {@link #header()}: fractions as numbers, for {@link #line} to
   * write in the dialect's decimals; null where a card has no value.
   */
  static List<Object> row(Card c) {
    List<Object> row =
        new ArrayList<>(
            List.of(
                new Term(c.scope().type(), SCOPE_WORDS.get(c.scope().type())),
                new Code(c.scope().code()),
                quote(c.scope().name()),
                new Code(c.period().id()),
                c.period().from(),
                c.period().to(),
                c.deliveries().total(),
                c.deliveries().system(),
                c.deliveries().individual()));
    row.add(c.systemShare());
    Boolean met = c.target().met();
    row.add(met == null ? null : Term.of(met));
    row.add(c.previousYear().total());
    Double change = c.previousYear().change();
    row.add(change == null ? null : new Change(change));
    row.add(c.forecast().yearTotal());
    row.add(c.agreements().active());
    row.add(c.agreements().newInPeriod());
    row.add(c.agreements().withContactPerson());
    row.add(c.agreements().withDelivery());
    row.add(c.resigning().due());
    row.add(c.resigning().resigned());
    row.add(c.resigning().rate());
    row.add(c.registrationLag().medianDays());
    Card.SERVICES.forEach(s -> row.add(c.deliveries().byService().getOrDefault(s, 0L)));
    for (String goal : Card.SUB_GOALS) {
      row.add(c.deliveries().bySubGoal().getOrDefault(goal, 0L));
    }
    Tally.FORMS.forEach(f -> row.add(c.byForm().getOrDefault(f, 0L)));
    row.add(c.asOf());
    row.add(c.previousYear().sameDays() == null ? null : c.previousYear().sameDays().total());
    row.add(c.resigning().campaignId());
    return row;
  }

  static String line(List<Object> values) {
    return line(values, Dialect.API);
  }

  /**
   * The values separated as the dialect says: null empty, a fraction ({@link Double}, {@link
   * Change}) and a moment as {@link Dialect#fraction} and {@link Dialect#moment} write them, a
   * {@link Code} as the dialect writes codes, a {@link Term} as its code or (Excel) its word.
   */
  static String line(List<Object> values, Dialect dialect) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(dialect.separator);
      }
      Object value = values.get(i);
      if (value instanceof Double fraction) {
        out.append(dialect.fraction(fraction));
      } else if (value instanceof Change change) {
        out.append(dialect.fraction(change.fraction()));
      } else if (value instanceof OffsetDateTime moment) {
        out.append(dialect.moment(moment));
      } else if (value instanceof Code code) {
        out.append(dialect.code(code.value()));
      } else if (value instanceof Term term) {
        out.append(dialect == Dialect.EXCEL_NO && term.word() != null ? term.word() : term.code());
      } else if (value != null) {
        out.append(value);
      }
    }
    return out.toString();
  }

  /**
   * A text field for programs ({@link Dialect#API}): always quoted, inner quotes doubled (line
   * breaks stay inside the quotes); text a spreadsheet would run as a formula gets a leading
   * apostrophe, and so does every part of it that begins after a line break or a semicolon: Excel
   * set to Norwegian opens this comma-separated file by double-click with its own list separator,
   * the semicolon, reads the quotes only at a cell's start, and makes a cell of every such part
   * ({@code "Fire møter;=1+1"}).
   */
  static String quote(String value) {
    return quote(value, Dialect.API);
  }

  /**
   * A text field as {@link #quote(String)}; in {@link Dialect#EXCEL_NO}, whose semicolons Excel
   * splits at and whose quotes it reads, only the text's start can begin a formula, and a line of a
   * list ("- NHO") stays as written.
   */
  static String quote(String value, Dialect dialect) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    boolean cellStart = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (cellStart && formulaAhead(value, i)) {
        quoted.append('\'');
      }
      quoted.append(c == '"' ? "\"\"" : String.valueOf(c));
      cellStart = dialect == Dialect.API && (c == ';' || c == '\n' || c == '\r');
    }
    return quoted.append('"').toString();
  }

  /**
   * Whether the cell that starts at {@code i} begins a formula: at once, or after quotes and spaces
   * a spreadsheet reads past (OWASP: a review's {@code Møter;"=1+1} left {@code ""=1+1} for the
   * cell after the semicolon, and {@code x; =1+1}, with any space of Unicode, was not looked at).
   * The apostrophe goes at the cell's start, where a spreadsheet hides it.
   */
  private static boolean formulaAhead(String value, int i) {
    int j = i;
    while (j < value.length()
        && FORMULA_START.indexOf(value.charAt(j)) < 0
        && (value.charAt(j) == '"'
            || Character.isSpaceChar(value.charAt(j))
            || Character.getType(value.charAt(j)) == Character.FORMAT)) {
      j++;
    }
    return j < value.length() && FORMULA_START.indexOf(value.charAt(j)) >= 0;
  }

  /**
   * What a spreadsheet reads as the start of a formula at a cell's start (OWASP's list; its
   * carriage return starts a cell here, and what follows it is looked at).
   */
  private static final String FORMULA_START = "=+-@\t";
}
