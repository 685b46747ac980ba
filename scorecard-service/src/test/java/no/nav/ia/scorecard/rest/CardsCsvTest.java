package no.nav.ia.scorecard.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardsCsvTest {

  @Test
  void aTextRunsAsNoFormulaWhereverASpreadsheetMayStartACellInIt() {
    // Quoted as RFC 4180 reads it, the text comes back with an apostrophe before each formula.
    assertThat(CardsCsv.quote("=SUM(A1) \"sitat\"")).isEqualTo("\"'=SUM(A1) \"\"sitat\"\"\"");
    // Excel set to Norwegian splits the comma file at semicolons and line breaks, quotes or not.
    assertThat(CardsCsv.quote("Fire møter;=1+1")).isEqualTo("\"Fire møter;'=1+1\"");
    assertThat(CardsCsv.quote("Bygg\n=2+2;\r\n@x;-1;+1"))
        .isEqualTo("\"Bygg\n'=2+2;\r\n'@x;'-1;'+1\"");
    // A sum, a dash or an address inside a line stays as written.
    assertThat(CardsCsv.quote("2-3 møter, 1+1 = 2, post@nav.no; neste"))
        .isEqualTo("\"2-3 møter, 1+1 = 2, post@nav.no; neste\"");
    assertThat(CardsCsv.quote("")).isEqualTo("\"\"");
    // Quotes and spaces before the formula do not hide it (a review's cells, Excel reads past
    // them); the apostrophe goes at the cell's start.
    assertThat(CardsCsv.quote("Møter;\"=1+1;slutt")).isEqualTo("\"Møter;'\"\"=1+1;slutt\"");
    assertThat(CardsCsv.quote(" =1+1;\u00a0=4+4\n\u3000@x"))
        .isEqualTo("\"' =1+1;'\u00a0=4+4\n'\u3000@x\"");
    assertThat(CardsCsv.quote("\u00a0=1+1", CardsCsv.Dialect.EXCEL_NO))
        .isEqualTo("\"'\u00a0=1+1\"");
    assertThat(CardsCsv.quote("Ja; nei \"x\"")).isEqualTo("\"Ja; nei \"\"x\"\"\"");
    assertThat(CardsCsv.quote("x;\u200b=1+1")).isEqualTo("\"x;'\u200b=1+1\"");
    // In Excel's own file the quotes are read: a list's lines stay as written, the start is not.
    assertThat(CardsCsv.quote("Møter:\n- NHO;\n- LO", CardsCsv.Dialect.EXCEL_NO))
        .isEqualTo("\"Møter:\n- NHO;\n- LO\"");
    assertThat(CardsCsv.quote("=1+1", CardsCsv.Dialect.EXCEL_NO)).isEqualTo("\"'=1+1\"");
  }

  @Test
  void aFileIsNamedByWhatItHoldsAndOnlyWithCharactersEverySystemTakes() {
    assertThat(CardsCsv.fileName(new ScorecardResource.Regions("forslag 2016/æ", List.of())))
        .isEqualTo("malekort-forslag_2016__.csv");
  }

  @Test
  void theApisColumnsStayAsProgramsReadThem() {
    assertThat(CardsCsv.header())
        .isEqualTo(
            "scope_type,scope_code,scope_name,period,from,to,deliveries,system,individual,"
                + "system_share,target_met,previous_year_total,change,forecast_year_total,"
                + "agreements_active,agreements_new,with_contact_person,with_delivery,"
                + "resigning_due,resigning_resigned,resigning_rate,median_lag_days,"
                + "service_ia_guidance,service_goals_action_plan,service_sick_leave,"
                + "service_recruitment,service_senior_life_phase,service_measure_evaluate,"
                + "service_contact_person,sub_goal_1,sub_goal_2,sub_goal_3,form_direct,"
                + "form_course,form_information,as_of,previous_year_same_days_total,"
                + "resigning_campaign_id");
  }

  /**
   * A card of 10 deliveries, 5 of 7 direct ones system-directed (71,4 %), 3 the year before (+233
   * %), 3 of 4 re-signed, its figures as of 14:05:34.108066 UTC on 5 December 2026 (15:05 in Oslo).
   */
  static Card card(OffsetDateTime asOf, long previousYearTotal) {
    return new Card(
        new Card.Scope("COUNTY", "03", "Oslo"),
        new Card.PeriodView("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
        new Card.Deliveries(10, 5, 5, Map.of(), Map.of()),
        Map.of("DIRECT", 7L, "COURSE", 3L, "INFORMATION", 0L),
        5.0 / 7,
        new Card.Target(Card.SYSTEM_SHARE_MIN, true),
        List.of(),
        new Card.PreviousYear(
            "2025",
            previousYearTotal,
            null,
            previousYearTotal == 0 ? null : (10.0 - previousYearTotal) / previousYearTotal),
        new Card.ForecastView(10),
        new Card.Agreements(4, 1, 4, 3),
        new Card.Resigning(null, 4, 3, 0.75),
        new Card.RegistrationLag(2),
        asOf);
  }

  static final OffsetDateTime AS_OF = OffsetDateTime.parse("2026-12-05T14:05:34.108066Z");

  /** The value of a column in the file's one row of cards, by the column's API name. */
  static String value(String file, CardsCsv.Dialect dialect, String column) {
    List<String> names = List.of(CardsCsv.header().split(","));
    String row = file.substring(dialect.start().length()).lines().skip(1).findFirst().orElseThrow();
    return row.split(dialect.separator, -1)[names.indexOf(column)];
  }

  @Test
  void excelGetsSharesAndChangesAsPercentagesAndTheFiguresTimeInNorwegianTime() {
    String excel = CardsCsv.render(List.of(card(AS_OF, 3)), CardsCsv.Dialect.EXCEL_NO);
    assertThat(value(excel, CardsCsv.Dialect.EXCEL_NO, "system_share")).isEqualTo("71,4%");
    // No leading +: Excel reads it as the start of a formula.
    assertThat(value(excel, CardsCsv.Dialect.EXCEL_NO, "change")).isEqualTo("233,3%");
    assertThat(value(excel, CardsCsv.Dialect.EXCEL_NO, "resigning_rate")).isEqualTo("75,0%");
    assertThat(value(excel, CardsCsv.Dialect.EXCEL_NO, "as_of")).isEqualTo("05.12.2026 15:05");
    // A fall is written with the minus Excel reads; no change has no sign; none is empty.
    String fall = CardsCsv.render(List.of(card(AS_OF, 12)), CardsCsv.Dialect.EXCEL_NO);
    assertThat(value(fall, CardsCsv.Dialect.EXCEL_NO, "change")).isEqualTo("-16,7%");
    String same = CardsCsv.render(List.of(card(AS_OF, 10)), CardsCsv.Dialect.EXCEL_NO);
    assertThat(value(same, CardsCsv.Dialect.EXCEL_NO, "change")).isEqualTo("0,0%");
    String none = CardsCsv.render(List.of(card(null, 0)), CardsCsv.Dialect.EXCEL_NO);
    assertThat(value(none, CardsCsv.Dialect.EXCEL_NO, "change")).isEmpty();
    assertThat(value(none, CardsCsv.Dialect.EXCEL_NO, "as_of")).isEmpty();
    // Summer time: 12:00 UTC is 14:00 in Oslo.
    String summer =
        CardsCsv.render(
            List.of(card(OffsetDateTime.parse("2026-06-30T12:00:00Z"), 3)),
            CardsCsv.Dialect.EXCEL_NO);
    assertThat(value(summer, CardsCsv.Dialect.EXCEL_NO, "as_of")).isEqualTo("30.06.2026 14:00");
  }

  @Test
  void theApisFileKeepsFractionsAsNumbersAndTheTimeInUtcForPrograms() {
    String api = CardsCsv.render(List.of(card(AS_OF, 3)));
    assertThat(value(api, CardsCsv.Dialect.API, "system_share")).isEqualTo("0.7143");
    assertThat(value(api, CardsCsv.Dialect.API, "change")).isEqualTo("2.3333");
    assertThat(value(api, CardsCsv.Dialect.API, "resigning_rate")).isEqualTo("0.7500");
    assertThat(value(api, CardsCsv.Dialect.API, "as_of")).isEqualTo("2026-12-05T14:05:34.108066Z");
    String fall = CardsCsv.render(List.of(card(AS_OF, 12)));
    assertThat(value(fall, CardsCsv.Dialect.API, "change")).isEqualTo("-0.1667");
  }

  @Test
  void excelsHeadingsAreNorwegianOnePerColumnAndEachOnce() {
    List<String> headings = List.of(CardsCsv.header(CardsCsv.Dialect.EXCEL_NO).split(";", -1));
    assertThat(headings)
        .hasSize(CardsCsv.header().split(",").length)
        .doesNotHaveDuplicates()
        .allSatisfy(h -> assertThat(h).isNotBlank().doesNotContain("\"").doesNotContain("_"))
        .startsWith("Nivå", "Kode", "Navn", "Periode", "Fra", "Til", "Leveranser")
        .contains(
            "Systemrettede",
            "Individrettede",
            "Forebygge og redusere sykefravær",
            "Delmål 2",
            "Kurs");
  }
}
