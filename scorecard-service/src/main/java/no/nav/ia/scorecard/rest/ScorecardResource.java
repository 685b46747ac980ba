package no.nav.ia.scorecard.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import no.nav.ia.platform.audit.AuditLog;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.CountyVisibility;
import no.nav.ia.platform.domain.NavIdent;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.Roles;
import no.nav.ia.scorecard.Period;
import no.nav.ia.scorecard.service.ScorecardService;
import no.nav.ia.scorecard.service.ScorecardService.Snapshot;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scorecards (målekort) per county, region and nation, as JSON or CSV. */
@BodyDeadline
@Path("/api/v1/scorecards")
@Produces({MediaType.APPLICATION_JSON, CardsCsv.TEXT_CSV})
@Tag(name = "Scorecards")
public class ScorecardResource {

  /** A card's period, as the OpenAPI document names it for every card path. */
  @Schema(
      name = "CardPeriod",
      type = SchemaType.STRING,
      description =
          "A year (2024), half-year (2024-H1), quarter (2024-Q2) or month (2024-05), of the years"
              + " 2000 to 2100",
      pattern = "^(20[0-9]{2}|2100)(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$")
  interface CardPeriod {}

  /**
   * The national card and one card per county; advisers and managers get the national card and
   * their own county's.
   */
  public record Overview(Card national, List<Card> counties) {}

  /** All regions of a grouping. */
  public record Regions(String grouping, List<Card> regions) {}

  @Inject ScorecardService scorecards;
  @Inject Caller caller;
  @Inject HttpServerRequest request;

  @GET
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary =
          "National card and one card per county for a period (2012, 2012-H1, 2012-Q3, 2012-05)")
  @APIResponse(responseCode = "200", description = "The cards; text/csv gives one row per card")
  @APIResponse(responseCode = "400", description = "Not a period")
  public Overview overview(
      @Parameter(required = true, schema = @Schema(implementation = CardPeriod.class))
          @QueryParam("period")
          String period) {
    return visible(scorecards, caller, scorecards.snapshot(Period.parse(period)));
  }

  /**
   * The cards the caller may see: the nation (it holds no enterprise or person, API.md: readable by
   * every platform role) and every county, or the nation and the own county (none for a token bound
   * to no county).
   */
  static Overview visible(ScorecardService scorecards, Caller caller, Snapshot s) {
    if (!caller.seesAllCounties()) {
      List<Card> counties = new java.util.ArrayList<>();
      caller
          .county()
          .ifPresent(
              own -> {
                counties.add(scorecards.county(s, own));
                // The county the own one was part of, whose half-year report the caller writes
                // (Viken's 2023-H2 for Østfold's centre): its card after the own, as the report is
                // on the page (a county history review saw only "Østfold: ingen leveranser").
                s.period()
                    .halfYear()
                    .ifPresent(
                        half ->
                            CountyRegistry.get().inItsPlaceOn(own, s.period().to()).stream()
                                // Not a county merged into the own one: its card holds them.
                                .filter(c -> !CountyVisibility.codesOf(own).contains(c.code()))
                                .filter(c -> reportsOn(caller, c.code(), half))
                                .forEach(c -> counties.add(scorecards.county(s, c.code()))));
              });
      return new Overview(scorecards.national(s), counties);
    }
    return new Overview(scorecards.national(s), scorecards.counties(s));
  }

  @GET
  @Path("counties/{code}")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(summary = "One county's card, including the counties merged into it")
  @APIResponse(responseCode = "200", description = "The card")
  @APIResponse(responseCode = "400", description = "Not a period")
  @APIResponse(responseCode = "403", description = "Another county than the token's")
  @APIResponse(responseCode = "404", description = "Unknown county code")
  public Card county(
      @PathParam("code") String code,
      @Parameter(required = true, schema = @Schema(implementation = CardPeriod.class))
          @QueryParam("period")
          String period) {
    Period parsed = Period.parse(period);
    // The card behind a report the caller may write is theirs to read: a county split before its
    // last half-year's report was due (Viken's 2023-H2) is its successors' managers' to report
    // (a county history review could submit Viken's report and not read Viken's card).
    if (parsed.halfYear().filter(h -> reportsOn(caller, code, h)).isEmpty()) {
      caller.requireCounty(code);
    }
    return scorecards.countyCard(parsed, code);
  }

  /**
   * Whether the caller may write the county's report of the half-year (one it has: it ends then).
   */
  private static boolean reportsOn(Caller caller, String code, no.nav.ia.scorecard.HalfYear half) {
    return caller.mayReportFor(code, half.due())
        && CountyRegistry.get()
            .county(code)
            .filter(c -> c.isValidOn(half.period().to()))
            .isPresent();
  }

  @GET
  @Path("counties/{code}/advisers")
  @RolesAllowed({Roles.MANAGER, Roles.COORDINATOR, Roles.ADVISER})
  @Operation(
      summary =
          "One county's deliveries per adviser (its manager, coordinators; an adviser of the county"
              + " gets their own row only); the share is over direct deliveries, as on the card")
  @APIResponse(
      responseCode = "200",
      description =
          "One row per adviser, most deliveries first (an adviser: their own, or none without"
              + " deliveries in the period)")
  @APIResponse(responseCode = "400", description = "Not a period")
  @APIResponse(responseCode = "403", description = "Another county than the caller's")
  @APIResponse(responseCode = "404", description = "Unknown county code")
  public Advisers advisers(
      @PathParam("code") String code,
      @Parameter(required = true, schema = @Schema(implementation = CardPeriod.class))
          @QueryParam("period")
          String period) {
    Period parsed = Period.parse(period);
    caller.requireCounty(code);
    return audited(visibleTo(caller, scorecards.advisers(parsed, code)), caller, request);
  }

  /**
   * What of a county's breakdown the caller sees: all of it for its manager and coordinators, an
   * adviser their own row (an adviser's review found no way to see their own share against the
   * target but to count their deliveries by hand).
   */
  static Advisers visibleTo(Caller caller, Advisers advisers) {
    if (seesEveryAdviser(caller)) {
      return advisers;
    }
    // Not "": the deliveries that name no adviser (a system's, from before systems named one)
    // form a row of their own under that ident.
    return caller
        .navIdent()
        .filter(NavIdent::isValid)
        .map(advisers::onlyOf)
        .orElseGet(advisers::none);
  }

  /** The county's manager and coordinators see every adviser's line; others their own. */
  static boolean seesEveryAdviser(Caller caller) {
    return caller.has(Roles.MANAGER) || caller.has(Roles.COORDINATOR);
  }

  /**
   * An audit line (CEF, as delivery-service writes per enterprise) per adviser whose figures a
   * caller reads: the breakdown names NAV employees with their work (an operations review found
   * these reads unaudited). Returns the breakdown.
   */
  static Advisers audited(Advisers advisers, Caller caller, HttpServerRequest request) {
    advisers
        .advisers()
        .forEach(
            adviser ->
                AuditLog.log(
                    "scorecard-service",
                    "audit:access",
                    caller.actor(),
                    adviser.navIdent(),
                    request.method().name(),
                    request.path(),
                    CallId.currentOrNull()));
    return advisers;
  }

  @GET
  @Path("regions/{grouping}")
  @RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
  @Operation(
      summary =
          "One card per region of a grouping (proposal-2016: the 11 regions of seed 003); every"
              + " role")
  @APIResponse(responseCode = "200", description = "The cards")
  @APIResponse(responseCode = "400", description = "Not a period")
  @APIResponse(responseCode = "404", description = "Unknown grouping")
  public Regions regions(
      @PathParam("grouping") String grouping,
      @Parameter(required = true, schema = @Schema(implementation = CardPeriod.class))
          @QueryParam("period")
          String period) {
    Period parsed = Period.parse(period);
    return new Regions(grouping, scorecards.regions(scorecards.snapshot(parsed), grouping));
  }
}
