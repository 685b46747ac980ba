package no.nav.ia.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.nav.ia.test.OrgNumbers;
import no.nav.ia.test.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A manager's browser (Debian's chromium, headless, driven through chromedriver) logs in at the
 * gateway with the authorization-code flow against the mock provider, sees the dashboard rendered
 * by scorecard-service from the real event path (the month chart, the form split, the advisers),
 * opens the half-year report's page, picks another period, and logs out; a coordinator then sees
 * every county and the reports' overview.
 */
class BrowserDashboardTest {

  static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
  static final String COUNTY = "34";

  static Platform platform;
  WebDriver browser;
  Path profile;

  @BeforeAll
  static void start() throws Exception {
    assertThat(new File(CHROMIUM))
        .as("Debian's chromium (apt-get install chromium chromium-driver; see README)")
        .isFile();
    assertThat(new File(CHROMEDRIVER))
        .as("Debian's chromedriver (apt-get install chromium-driver; see README)")
        .isFile();
    platform = Platform.start();
    seed();
  }

  /**
   * Two system-directed and one individual-directed delivery in 2025, one in 2024, through the
   * gateway.
   */
  static void seed() {
    String orgNumber = OrgNumbers.next(9);
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "orgNumber",
                orgNumber,
                "name",
                "Fjellvegen Transport AS",
                "countyCode",
                COUNTY,
                "employees",
                40,
                "signedOn",
                "2023-01-10"))
        .post("/api/v1/agreements")
        .then()
        .statusCode(201);
    String adviser = Tokens.adviser(COUNTY, "Z993401");
    for (String[] d :
        List.of(
            new String[] {"SYSTEM", "2025-03-10"},
            new String[] {"SYSTEM", "2025-04-02"},
            new String[] {"INDIVIDUAL", "2025-05-20"},
            new String[] {"SYSTEM", "2024-03-11"})) {
      given()
          .baseUri(platform.gatewayUrl())
          .auth()
          .oauth2(adviser)
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "orgNumber",
                  orgNumber,
                  "service",
                  "SICK_LEAVE",
                  "direction",
                  d[0],
                  "subGoals",
                  List.of(1),
                  "deliveredOn",
                  d[1],
                  "form",
                  "DIRECT"))
          .post("/api/v1/deliveries")
          .then()
          .statusCode(201);
    }
    // Wait for all four, the 2024 one (posted last) included: the page compares with the year
    // before.
    Awaitility.await("the deliveries reach the scorecard")
        .atMost(java.time.Duration.ofSeconds(30))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(
            () -> {
              JsonPath card =
                  given()
                      .baseUri(platform.gatewayUrl())
                      .auth()
                      .oauth2(Tokens.manager(COUNTY))
                      .get("/api/v1/scorecards/counties/" + COUNTY + "?period=2025")
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              return card.getInt("deliveries.total") >= 3 && card.getInt("previousYear.total") >= 1;
            });
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.stop();
    }
  }

  @BeforeEach
  void openBrowser() throws Exception {
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM)
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile);
    // One chromedriver per browser: quitting the browser stops its driver too.
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(driver, options);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    // The profile Chromium wrote (cache, cookies) goes with the browser: CI machines keep /tmp.
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** The browser's cookies for the gateway, as a Cookie header: its login session. */
  private String cookies() {
    return browser.manage().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  private WebElement await(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(by));
  }

  @Test
  void aCountyManagerLogsInSeesTheNationAndTheOwnCountyPicksAPeriodAndLogsOut() {
    Tokens.nextLogin("manager", COUNTY, "Z993400");
    browser.get(platform.gatewayUrl() + "/dashboard?period=2025");

    WebElement row = await(By.cssSelector("tr[data-code='" + COUNTY + "']"));
    assertThat(browser.getCurrentUrl()).isEqualTo(platform.gatewayUrl() + "/dashboard?period=2025");
    assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("Z993400");
    assertThat(browser.findElements(By.cssSelector("tr[data-code]")))
        .as("the nation, the own county's region and the own county")
        .hasSize(3);
    assertThat(browser.findElements(By.cssSelector("tr.region[data-code='oppland-og-hedmark']")))
        .hasSize(1);
    assertThat(browser.findElements(By.cssSelector("tr[data-code='NO']"))).hasSize(1);
    assertThat(row.findElement(By.cssSelector("th")).getText()).contains("Innlandet");
    assertThat(row.findElement(By.cssSelector(".share")).getText()).isEqualTo("66,7 %");
    assertThat(row.findElement(By.cssSelector(".target-text")).getText()).isEqualTo("mål nådd");
    assertThat(row.findElement(By.cssSelector(".total")).getText()).isEqualTo("3");
    assertThat(row.findElement(By.cssSelector(".previous")).getText()).isEqualTo("1");
    assertThat(row.findElement(By.cssSelector(".change")).getText()).isEqualTo("+200 %");
    WebElement bar = row.findElement(By.cssSelector(".fill"));
    WebElement line = row.findElement(By.cssSelector(".target"));
    assertThat(bar.getRect().getWidth())
        .as("the share bar reaches the 2/3 line")
        .isCloseTo(
            line.getRect().getX() - bar.getRect().getX(), org.assertj.core.data.Offset.offset(2));

    // The month trend of the own county: twelve bars, March to May with one delivery each.
    List<WebElement> months = browser.findElements(By.cssSelector("svg#trend g.month"));
    assertThat(months).hasSize(12);
    WebElement march = browser.findElement(By.cssSelector("svg#trend g[data-month='2025-03']"));
    assertThat(march.getAttribute("data-total")).isEqualTo("1");
    int chartHeight = browser.findElement(By.cssSelector("svg#trend")).getRect().getHeight();
    WebElement busiest =
        months.stream()
            .max(
                java.util.Comparator.comparingInt(
                    m -> Integer.parseInt(m.getAttribute("data-total"))))
            .orElseThrow();
    int drawn =
        busiest.findElement(By.cssSelector("rect.direct")).getRect().getHeight()
            + busiest.findElement(By.cssSelector("rect.other")).getRect().getHeight();
    assertThat(drawn)
        .as("the busiest month's bar is drawn to the chart's full scale (160 of 190)")
        .isBetween(chartHeight * 160 / 190 - 2, chartHeight * 160 / 190 + 2);
    assertThat(
            browser.findElement(By.cssSelector("#forms tr[data-form='DIRECT'] .count")).getText())
        .isEqualTo("3");
    assertThat(
            browser
                .findElement(By.cssSelector("#advisers tr[data-adviser='Z993401'] .total"))
                .getText())
        .isEqualTo("3");

    // The download for Excel: the same cards through the gateway on the browser's session,
    // semicolons, a decimal comma and a byte-order mark.
    String download = browser.findElement(By.id("download")).getAttribute("href");
    assertThat(download).isEqualTo(platform.gatewayUrl() + "/dashboard/cards.csv?period=2025");
    byte[] file =
        given()
            .header("Cookie", cookies())
            .redirects()
            .follow(false)
            .get(download)
            .then()
            .statusCode(200)
            .header("Content-Disposition", "attachment; filename=\"malekort-2025.csv\"")
            .extract()
            .asByteArray();
    assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
    List<String> lines =
        List.of(
            new String(file, java.nio.charset.StandardCharsets.UTF_8).substring(1).split("\r\n"));
    // The heading, the nation, the 11 regions of proposal-2016 and the own county.
    assertThat(lines).hasSize(14);
    assertThat(lines.subList(2, 13)).allSatisfy(l -> assertThat(l).startsWith("Region;"));
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("Region;\"=\"\"oppland-og-hedmark\"\"\";")
                    .contains(";2025-12-31;3;2;1;66,7%;Ja;"));
    assertThat(lines.get(13))
        .startsWith("Fylke;\"=\"\"" + COUNTY + "\"\"\";\"Innlandet\";\"=\"\"2025\"\"\";")
        .contains(";2025-12-31;3;2;1;66,7%;Ja;");

    // The half-year report: the link opens its printable page with the figures.
    browser
        .findElement(By.cssSelector("#reports tr[data-report='" + COUNTY + "-2025-H1'] a"))
        .click();
    WebElement heading = await(By.tagName("h1"));
    assertThat(heading.getText()).isEqualTo("Halvårsrapport for 1. halvår 2025");
    assertThat(browser.getCurrentUrl())
        .isEqualTo(platform.gatewayUrl() + "/dashboard/reports/" + COUNTY + "/2025-H1");
    assertThat(browser.findElement(By.id("status")).getText())
        .contains("Ikke påbegynt")
        .contains("1. september 2025");
    assertThat(browser.findElement(By.id("figures")).getText()).contains("Leveranser i alt 3");
    assertThat(browser.findElement(By.id("previous-year")).getText()).contains("1 leveranse i");
    // Printing is the browser's own (the page's policy allows no script, so no print link).
    assertThat(browser.findElement(By.id("print")).getText()).contains("Ctrl+P");
    // Back to the card of the report's half-year.
    browser.findElement(By.id("to-dashboard")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("period=2025-H1"));
    assertThat(new Select(await(By.id("period"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("2025-H1");

    new Select(browser.findElement(By.id("period"))).selectByValue("2025-Q1");
    browser.findElement(By.id("show")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("period=2025-Q1"));
    WebElement q1 = await(By.cssSelector("tr[data-code='" + COUNTY + "']"));
    assertThat(q1.findElement(By.cssSelector(".total")).getText()).isEqualTo("1");
    assertThat(q1.findElement(By.cssSelector(".share")).getText()).isEqualTo("100,0 %");

    browser.findElement(By.id("logout")).click();
    await(By.id("login"));
    assertThat(browser.getCurrentUrl()).startsWith(platform.gatewayUrl() + "/logged-out");

    // The manager's session is gone: the next visit logs in again, here as the national
    // coordinator.
    Tokens.nextLogin("coordinator", null, "Z993499");
    browser.get(platform.gatewayUrl() + "/dashboard?period=2025");
    await(By.cssSelector("tr[data-code='NO']"));
    assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("Z993499");
    assertThat(browser.findElements(By.cssSelector("tr.county"))).hasSizeGreaterThanOrEqualTo(11);
    // The coordinators' overview of the half-year reports: the 15 counties of 2025, both halves.
    assertThat(browser.findElements(By.cssSelector("#reports tr[data-report]"))).hasSize(2 * 15);
    assertThat(browser.findElements(By.cssSelector("#advisers"))).isEmpty();
  }

  @Test
  void aPersonWithoutAPlatformRoleGetsNoDashboard() {
    Tokens.nextLogin("tourist", COUNTY, "Z993402");
    browser.get(platform.gatewayUrl() + "/dashboard");
    // A Norwegian page, not the raw problem+json.
    assertThat(await(By.id("error-title")).getText()).isEqualTo("Ingen tilgang");
    assertThat(browser.findElement(By.id("back")).getAttribute("href")).endsWith("/dashboard");
    assertThat(browser.findElements(By.cssSelector("tr[data-code]"))).isEmpty();
  }
}
