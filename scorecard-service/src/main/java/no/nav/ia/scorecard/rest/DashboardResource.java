package no.nav.ia.scorecard.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.Roles;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.scorecard.Period;
import no.nav.ia.scorecard.dashboard.DashboardView;
import no.nav.ia.scorecard.service.ScorecardService;
import no.nav.ia.scorecard.service.ScorecardService.Snapshot;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The managers' dashboard, server-rendered: reached through the gateway, which logs the browser in
 * and sends the user's access token, so the same rules apply as to the API (a county's manager or
 * adviser sees the own county; coordinators and systems see the nation and every county).
 */
@Path("/dashboard")
@RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
public class DashboardResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance dashboard(DashboardView view, String targetLine);
  }

  @Inject ScorecardService scorecards;
  @Inject Caller caller;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response page(@QueryParam("period") String requested) {
    LocalDate today = NorwegianTime.today();
    String id =
        requested == null || requested.isBlank()
            ? String.valueOf(today.getYear())
            : requested.trim();
    Period period;
    try {
      period = Period.parse(id);
    } catch (DomainException invalid) {
      String reason = "«" + id + "» er ikke en periode. Velg år, halvår, kvartal eller måned.";
      return html(400, DashboardView.invalid(id, reason, caller.actor(), today));
    }
    Snapshot s = scorecards.snapshot(period);
    ScorecardResource.Overview cards = ScorecardResource.visible(scorecards, caller, s);
    return html(
        200,
        DashboardView.of(id, cards.national(), cards.counties(), caller.actor(), s.asOf(), today));
  }

  private static Response html(int status, DashboardView view) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(Templates.dashboard(view, DashboardView.TARGET_LINE).render())
        .header("Cache-Control", "no-store")
        .build();
  }
}
