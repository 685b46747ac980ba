package no.nav.ia.scorecard.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.Roles;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.scorecard.HalfYear;
import no.nav.ia.scorecard.Period;
import no.nav.ia.scorecard.dashboard.DashboardView;
import no.nav.ia.scorecard.dashboard.Norwegian;
import no.nav.ia.scorecard.service.ReportService;
import no.nav.ia.scorecard.service.ScorecardService;
import no.nav.ia.scorecard.service.ScorecardService.Snapshot;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The managers' dashboard, server-rendered: reached through the gateway, which logs the browser in
 * and sends the user's access token, so the same rules apply as to the API (a county's manager or
 * adviser sees the own county; coordinators and systems see the nation and every county).
 */
@BodyDeadline
@Path("/dashboard")
@RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
public class DashboardResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance dashboard(DashboardView view, String targetLine);
  }

  @Inject ScorecardService scorecards;
  @Inject ReportService reports;
  @Inject Caller caller;
  @Inject io.vertx.core.http.HttpServerRequest request;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response page(@QueryParam("period") String requested) {
    LocalDate today = NorwegianTime.today();
    String id = periodId(requested, today);
    Period period;
    try {
      period = Period.parse(id);
    } catch (DomainException invalid) {
      return html(
          400,
          DashboardView.invalid(
              id,
              Norwegian.invalidPeriod(id),
              caller.actor(),
              scorecards.periodsWithFigures(),
              today));
    }
    Snapshot s = scorecards.snapshot(period);
    ScorecardResource.Overview cards = ScorecardResource.visible(scorecards, caller, s);
    Optional<String> own = caller.seesAllCounties() ? Optional.empty() : caller.countyScope(null);
    Card focus = own.isPresent() ? cards.counties().get(0) : cards.national();
    // The county's manager sees every adviser's line, an adviser their own (the same rule as the
    // API's); a coordinator, looking at every county, none.
    boolean everyAdviser = ScorecardResource.seesEveryAdviser(caller);
    boolean ownLine = own.isPresent() && !everyAdviser && caller.has(Roles.ADVISER);
    List<DashboardView.AdviserRow> advisers =
        own.isPresent() && (everyAdviser || ownLine)
            ? ScorecardResource.audited(
                    ScorecardResource.visibleTo(caller, scorecards.advisers(period, own.get())),
                    caller,
                    request)
                .advisers()
                .stream()
                .map(DashboardView.AdviserRow::of)
                .toList()
            : List.of();
    List<DashboardView.ReportRow> reportRows = new ArrayList<>();
    if (!caller.has(Roles.SYSTEM) || caller.has(Roles.COORDINATOR)) {
      for (HalfYear half : halfYearsOf(period)) {
        reportsOf(half, period, s).stream()
            .filter(r -> own.isEmpty() || caller.mayReportFor(r.county().code(), half.due()))
            .map(DashboardView.ReportRow::of)
            .forEach(reportRows::add);
      }
    }
    // The regions (every role reads them): the own county's, or every one for those who see every
    // county, as the Excel file has them (a manager's review found them on the page nowhere).
    List<Card> regions =
        own.isPresent()
            ? scorecards.regionsOf(s, CountyRegistry.DEFAULT_GROUPING, own.get())
            : caller.seesAllCounties()
                ? scorecards.regions(s, CountyRegistry.DEFAULT_GROUPING)
                : List.of();
    DashboardView view =
        DashboardView.of(
                id, cards.national(), regions, cards.counties(), caller.actor(), s.asOf(), today)
            .with(focus, advisers, reportRows)
            .withPeriods(
                DashboardView.periodsWithFigures(scorecards.periodsWithFigures(), id, today));
    if (ownLine) {
      view = view.withOwnLine();
    }
    return html(200, caller.has(Roles.COORDINATOR) ? view.withNationalReports() : view);
  }

  /** The period asked for, or this year's when none is. */
  private static String periodId(String requested, LocalDate today) {
    return requested == null || requested.isBlank()
        ? String.valueOf(today.getYear())
        : requested.trim();
  }

  /**
   * The half-year's reports with the figures that tell those moved since submission: the page's own
   * when the page is of that half-year, else read only when a report has been submitted (a draft
   * never sent has nothing to have moved; every page view read the nation twice more).
   */
  private List<ReportService.Reading> reportsOf(HalfYear half, Period period, Snapshot s) {
    if (half.period().equals(period)) {
      return reports.all(half, s);
    }
    List<ReportService.Reading> readings = reports.all(half, false);
    return readings.stream().anyMatch(r -> r.report().submitted() || r.reopening().isPresent())
        ? reports.all(half, true)
        : readings;
  }

  /** The half-years a period lies in: both of a year, the one of a half, quarter or month. */
  static List<HalfYear> halfYearsOf(Period period) {
    if (period.first().getYear() == period.last().getYear()
        && period.first().getMonthValue() == 1
        && period.last().getMonthValue() == 12) {
      return List.of(HalfYear.parse(period.year() + "-H1"), HalfYear.parse(period.year() + "-H2"));
    }
    return List.of(
        HalfYear.parse(period.year() + "-H" + (period.first().getMonthValue() <= 6 ? 1 : 2)));
  }

  /**
   * The cards the page shows (the nation and the counties the caller sees), as a file Excel set to
   * Norwegian opens by double-click: the columns of the API's CSV in {@link
   * CardsCsv.Dialect#EXCEL_NO}. The API's {@code Accept: text/csv} stays as it was, for programs.
   */
  @GET
  @Path("cards.csv")
  @Produces(CardsCsv.TEXT_CSV)
  @Operation(hidden = true)
  public Response download(@QueryParam("period") String requested) {
    Period period = Period.parse(periodId(requested, NorwegianTime.today()));
    Snapshot s = scorecards.snapshot(period);
    ScorecardResource.Overview cards = ScorecardResource.visible(scorecards, caller, s);
    // The regions after the nation (every role reads them: they hold no enterprise or person): a
    // coordinator found them only in the API's file, in English and with fractions.
    List<Card> rows = new ArrayList<>(CardsCsv.cards(cards));
    rows.addAll(
        cards.national() == null ? 0 : 1, scorecards.regions(s, CountyRegistry.DEFAULT_GROUPING));
    return Response.ok(
            CardsCsv.render(rows, CardsCsv.Dialect.EXCEL_NO), CardsCsv.TEXT_CSV + ";charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"malekort-" + period.id() + ".csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  /**
   * A half-year's national compilation (the coordinators' {@code GET /api/v1/reports} as CSV) as a
   * file Excel set to Norwegian opens by double-click ({@link CardsCsv.Dialect#EXCEL_NO}): the
   * API's file is for programs, and in such an Excel it is one column per line.
   */
  @GET
  @Path("reports.csv")
  @Produces(CardsCsv.TEXT_CSV)
  @RolesAllowed(Roles.COORDINATOR)
  @Operation(hidden = true)
  public Response compilation(@QueryParam("period") String period) {
    HalfYear halfYear = HalfYear.parse(period);
    return Response.ok(
            Reports.csv(reports.all(halfYear, true), CardsCsv.Dialect.EXCEL_NO),
            CardsCsv.TEXT_CSV + ";charset=UTF-8")
        .header("Content-Disposition", Reports.attachment(halfYear))
        .header("Cache-Control", "no-store")
        .build();
  }

  /** A half-year report's printable page, for the dashboard's link (the API's HTML is the same). */
  @GET
  @Path("reports/{code}/{period}")
  @Produces(MediaType.TEXT_HTML)
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR})
  @Operation(hidden = true)
  public Response report(@PathParam("code") String code, @PathParam("period") String period) {
    HalfYear halfYear = HalfYear.parse(period);
    caller.requireCountyForReport(code, halfYear.due());
    return ReportResource.html(ReportView.of(reports.read(code, halfYear)), caller.actor());
  }

  private static Response html(int status, DashboardView view) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(Templates.dashboard(view, DashboardView.TARGET_LINE).render())
        .header("Cache-Control", "no-store")
        .build();
  }
}
