package no.nav.ia.scorecard.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardsCsvTest {

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
