package no.nav.ia.scorecard.rest;

import static no.nav.ia.scorecard.rest.ReportsTest.SECTIONS;
import static no.nav.ia.scorecard.rest.ReportsTest.as;
import static no.nav.ia.scorecard.rest.ReportsTest.edit;
import static no.nav.ia.scorecard.rest.ReportsTest.history;
import static no.nav.ia.scorecard.rest.ReportsTest.page;
import static no.nav.ia.scorecard.rest.ReportsTest.read;
import static no.nav.ia.scorecard.rest.ReportsTest.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Erasing a half-year report's texts (README, "A delivery's note is erased" and after): a section
 * out of the report and every version of its history, the reasons of its reopenings, who may, and
 * what an erasure leaves. Nordland (18) in 2019, which no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "scorecard"))
class ReportErasureTest {

  @jakarta.inject.Inject javax.sql.DataSource dataSource;

  static final String NAME = "Ola Nordmann";

  @Test
  void aSectionAndTheReopeningsReasonsGoFromTheReportAndEveryVersionOfItsHistory()
      throws Exception {
    String manager = Tokens.manager("18");
    String coordinator = Tokens.coordinator();
    String path = report("18", "2019-H1");
    Map<String, Object> naming = new HashMap<>(SECTIONS);
    naming.put("industries", "Bygg; " + NAME + " er sykmeldt");
    edit(manager, 0, naming, path + "/sections").statusCode(200);
    edit(manager, 1, SECTIONS, path + "/sections").statusCode(200);
    as(manager).post(path + "/submission").then().statusCode(200);
    as(coordinator)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Rett opp teksten om " + NAME))
        .post(path + "/reopening")
        .then()
        .statusCode(200);
    Map<String, Object> again = new HashMap<>(SECTIONS);
    again.put("industries", "Bygg og helse (" + NAME + ")");
    edit(manager, 4, again, path + "/sections").statusCode(200);
    as(manager).post(path + "/submission").then().statusCode(200);
    assertThat(read("18", "2019-H1").getInt("version")).isEqualTo(6);

    // An adviser reads the report but erases nothing; another county's manager neither; a system
    // has no reports.
    for (String token :
        List.of(Tokens.adviser("18"), Tokens.manager("17"), Tokens.system("other-system"))) {
      as(token).delete(path + "/sections/industries").then().statusCode(403);
      as(token).delete(path + "/reopening-reasons").then().statusCode(403);
    }
    as(manager)
        .delete(path + "/sections/names")
        .then()
        .statusCode(404)
        .body("code", equalTo("SECTION_NOT_FOUND"));
    assertThat(read("18", "2019-H1").getInt("version")).isEqualTo(6);

    // The submitted report's manager erases the section: submitted still, its figures frozen, the
    // other sections as they were; a version of its own says which and who.
    as(manager).delete(path + "/sections/industries").then().statusCode(204);
    JsonPath erased = read("18", "2019-H1");
    assertThat(erased.getString("status")).isEqualTo("SUBMITTED");
    assertThat(erased.getInt("version")).isEqualTo(7);
    assertThat(erased.getString("sections.industries")).isNull();
    assertThat(erased.getString("sections.iaCouncil")).isEqualTo(SECTIONS.get("iaCouncil"));
    assertThat(erased.getMap("figures")).isNotNull();
    // Said where the text was: the report, the coordinators' overview, the page.
    assertThat(erased.getList("erasedSections.section")).containsExactly("industries");
    assertThat(erased.getString("erasedSections[0].by")).isEqualTo("Z990002");
    assertThat(
            ReportsTest.overview("2019-H1")
                .getList("counties.find { it.county.code == '18' }.erasedSections"))
        .containsExactly("industries");
    assertThat(page(coordinator, "18", "2019-H1"))
        .contains("id=\"section-industries\">Teksten er slettet av Z990002");
    List<Map<String, Object>> versions = history(coordinator, "18", "2019-H1");
    assertThat(versions)
        .extracting(v -> v.get("action"))
        .containsExactly(
            "SECTIONS_EDITED",
            "SECTIONS_EDITED",
            "SUBMITTED",
            "REOPENED",
            "SECTIONS_EDITED",
            "SUBMITTED",
            "SECTION_ERASED");
    assertThat(versions)
        .allSatisfy(v -> assertThat(((Map<?, ?>) v.get("sections")).get("industries")).isNull());
    assertThat(versions.get(6)).containsEntry("erased", "industries");
    assertThat(versions.get(6)).containsEntry("changedBy", "Z990002");
    // Sent again: nothing left to erase, no new version.
    as(manager).delete(path + "/sections/industries").then().statusCode(204);
    assertThat(read("18", "2019-H1").getInt("version")).isEqualTo(7);

    // A coordinator erases the reopening's reason: who reopened it and when stay.
    as(coordinator).delete(path + "/reopening-reasons").then().statusCode(204);
    JsonPath reasonless = read("18", "2019-H1");
    assertThat(reasonless.getInt("version")).isEqualTo(8);
    assertThat(reasonless.getString("reopened.by")).isEqualTo("Z990003");
    assertThat(reasonless.getString("reopened.at")).isNotNull();
    assertThat(reasonless.getString("reopened.reason")).isNull();
    versions = history(coordinator, "18", "2019-H1");
    assertThat(versions.get(3)).containsEntry("action", "REOPENED").containsEntry("reason", null);
    assertThat(versions.get(7))
        .containsEntry("action", "REASONS_ERASED")
        .containsEntry("erased", "reason")
        .containsEntry("changedBy", "Z990003");
    as(manager).delete(path + "/reopening-reasons").then().statusCode(204);
    assertThat(read("18", "2019-H1").getInt("version")).isEqualTo(8);

    // Nowhere to be read: the printable page, the national compilation, the database.
    String printable = page(manager, "18", "2019-H1");
    assertThat(printable).doesNotContain(NAME).contains("grunnen er slettet");
    String csv =
        as(coordinator)
            .accept("text/csv")
            .get("/api/v1/reports?period=2019-H1")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv).doesNotContain(NAME).contains((String) SECTIONS.get("funds"));
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",erased_sections");
    assertThat(csv.lines().filter(l -> l.contains("Nordland")).findFirst().orElseThrow())
        .endsWith(",industries");
    try (var c = dataSource.getConnection();
        var st = c.createStatement();
        var rs =
            st.executeQuery(
                "select (select count(*) from report where concat(ia_council, industries, effects,"
                    + " funds) like '%Nordmann%') + (select count(*) from report_change where"
                    + " concat(ia_council, industries, effects, funds, reason) like"
                    + " '%Nordmann%')")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void anEditPreparedBeforeAnErasureIsStaleAndAReportNobodyWroteHasNothingToErase() {
    String manager = Tokens.manager("18");
    String path = report("18", "2019-H2");
    as(manager).delete(path + "/sections/effects").then().statusCode(204);
    as(Tokens.coordinator()).delete(path + "/reopening-reasons").then().statusCode(204);
    // A misspelt section is refused where nothing is written too, not taken for one found empty.
    as(manager)
        .delete(path + "/sections/efects")
        .then()
        .statusCode(404)
        .body("code", equalTo("SECTION_NOT_FOUND"))
        .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("efects")));
    assertThat(read("18", "2019-H2").getInt("version")).isZero();
    assertThat(history(manager, "18", "2019-H2")).isEmpty();

    edit(manager, 0, SECTIONS, path + "/sections").statusCode(200);
    as(Tokens.coordinator()).delete(path + "/sections/effects").then().statusCode(204);
    JsonPath draft = read("18", "2019-H2");
    assertThat(draft.getString("status")).isEqualTo("DRAFT");
    assertThat(draft.getInt("version")).isEqualTo(2);
    assertThat(draft.getString("sections.effects")).isNull();
    assertThat(draft.getList("erasedSections.section")).containsExactly("effects");
    // The form the manager opened at version 1 would write the text back: refused.
    edit(manager, 1, SECTIONS, path + "/sections")
        .statusCode(412)
        .body("code", equalTo("STALE_VERSION"));
    assertThat(read("18", "2019-H2").getString("sections.effects")).isNull();
    // Written anew on the version read.
    edit(manager, 2, SECTIONS, path + "/sections").statusCode(200);
    assertThat(read("18", "2019-H2").getString("sections.effects"))
        .isEqualTo(SECTIONS.get("effects"));
    assertThat(read("18", "2019-H2").getList("erasedSections")).isEmpty();
  }
}
