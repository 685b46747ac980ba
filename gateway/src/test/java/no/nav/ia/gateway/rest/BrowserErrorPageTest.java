package no.nav.ia.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrowserErrorPageTest {

  private static BrowserErrorPage page(int status, String code, String... fields) {
    return BrowserErrorPage.of(
        status, new BrowserErrorPage.Problem(code, "call-1", List.of(fields)));
  }

  @Test
  void eachRefusalABrowserMeetsHasANorwegianTitle() {
    assertThat(page(403, "FORBIDDEN_COUNTY").title()).isEqualTo("Ingen tilgang til fylket");
    assertThat(page(403, "FORBIDDEN").title()).isEqualTo("Ingen tilgang");
    assertThat(page(400, "VALIDATION_FAILED", "period").title()).isEqualTo("Ugyldig periode");
    // The cards' download takes any period, not only a report's half-year.
    assertThat(page(400, "VALIDATION_FAILED", "period").explanation())
        .contains("kvartal (2026-Q3)", "2000 til 2100", "2026-H1 eller 2026-H2");
    assertThat(page(404, "NOT_FOUND").title()).isEqualTo("Fant ikke siden");
    assertThat(page(404, "COUNTY_NOT_FOUND").title()).isEqualTo("Fant ikke fylket");
    assertThat(page(405, "METHOD_NOT_ALLOWED").status()).isEqualTo(405);
    assertThat(page(401, null).title()).isEqualTo("Innloggingen mislyktes");
    assertThat(page(504, "UPSTREAM_TIMEOUT").title()).isEqualTo("Målekortet svarer ikke");
    assertThat(page(418, "SOMETHING_NEW").title()).isEqualTo("Siden kan ikke vises");
  }

  @Test
  void aManagerRefusedTheNationalCompilationIsToldItIsTheCoordinatorsNotThatARoleIsMissing() {
    var problem = new BrowserErrorPage.Problem("FORBIDDEN", "call-1", List.of());
    BrowserErrorPage refused = BrowserErrorPage.of(403, problem, "/dashboard/reports.csv");
    assertThat(refused.title()).isEqualTo("Bare for koordinatorer");
    assertThat(refused.explanation()).contains("for koordinatorene").doesNotContain("rolle");
    assertThat(BrowserErrorPage.of(403, problem, "/dashboard").explanation())
        .contains("mangler en rolle");
  }

  @Test
  void aLoginBoundToNoCountyIsToldSoOnTheFrontPageNotThatItAskedForAnotherCounty() {
    var problem = new BrowserErrorPage.Problem("FORBIDDEN_COUNTY", "call-1", List.of());
    for (String path : List.of("/dashboard", "/dashboard/cards.csv")) {
      BrowserErrorPage refused = BrowserErrorPage.of(403, problem, path);
      assertThat(refused.title()).isEqualTo("Ikke knyttet til et fylke");
      assertThat(refused.explanation())
          .contains("ikke knyttet til et fylke")
          .doesNotContain("et annet fylke");
    }
    assertThat(BrowserErrorPage.of(403, problem, "/dashboard/reports/15/2026-H1").title())
        .isEqualTo("Ingen tilgang til fylket");
  }

  @Test
  void thePageKeepsTheCodeAndCallIdForSupportAndLinksBackToTheDashboard() {
    String html = page(403, "FORBIDDEN_COUNTY").html();
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"nb\">")
        .contains("data-status=\"403\"")
        .contains("Feilkode 403 FORBIDDEN_COUNTY · referanse call-1")
        .contains("<a id=\"back\" href=\"/dashboard\">Til målekortet</a>")
        .doesNotContain("<script");
    assertThat(page(401, null).html()).contains(">Logg inn på nytt</a>");
  }

  @Test
  void everythingTakenFromAProblemIsEscaped() {
    String html =
        BrowserErrorPage.of(
                400,
                new BrowserErrorPage.Problem("<img src=x onerror=alert(1)>", "\"><b>", List.of()))
            .html();
    assertThat(html)
        .doesNotContain("<img")
        .doesNotContain("\"><b>")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("&quot;&gt;&lt;b&gt;");
  }

  @Test
  void onlyBrowserPagesAndBrowsersAskingForHtmlGetAPageNeverTheApi() {
    assertThat(BrowserErrorPage.wanted("/dashboard/nope", "application/json")).isTrue();
    assertThat(BrowserErrorPage.wanted("/dashboard", null)).isTrue();
    assertThat(BrowserErrorPage.wanted("/logged-out", null)).isTrue();
    assertThat(BrowserErrorPage.wanted("/nope", "text/html,*/*;q=0.8")).isTrue();
    assertThat(BrowserErrorPage.wanted("/nope", "application/json")).isFalse();
    assertThat(BrowserErrorPage.wanted("/api/v1/reports/counties/03/2026-H3", "text/html"))
        .isFalse();
    assertThat(BrowserErrorPage.wanted("/api", "text/html")).isFalse();
  }
}
