package no.nav.ia.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.problem.RefusalPages;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Turns a refusal of a browser page into a Norwegian HTML page (BrowserErrorPage) with the status
 * kept; the API keeps its problem+json.
 *
 * <p>Why here, in the gateway, and not in scorecard-service, which renders the pages: the gateway
 * serves {@code /dashboard} and sees every error on its way to the browser, also those that never
 * reach the service (no platform role, an unknown county, a failed login, the service down or too
 * slow) and the service's own answers, which DashboardResource forwards as they are. One filter on
 * the way out covers them all with one page. The service's own HTML answers (the bad-period page)
 * pass through unchanged. The route filters' refusals (a parameter given twice, a path with
 * parameters or a NUL, a body too large), answered before JAX-RS and its filters, come here too
 * ({@link #answered}).
 */
@Singleton
public class BrowserErrors implements RefusalPages {

  private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

  @Inject ObjectMapper json;
  @Inject BrowserHardening hardening;

  @ServerResponseFilter
  public void pageForBrowsers(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (response.getStatus() < 400
        || !BrowserErrorPage.wanted(path, request.getHeaderString(HttpHeaders.ACCEPT))) {
      return;
    }
    String type = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (type != null && !type.toLowerCase(Locale.ROOT).contains("json")) {
      return; // already a page, or something else a browser can show
    }
    BrowserErrorPage page =
        BrowserErrorPage.of(response.getStatus(), problemOf(response.getEntity()), path);
    response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
    response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    response.setEntity(
        page.html(BrowserHardening.hasSession(request.getCookies().keySet())), null, HTML);
    response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, HTML.toString());
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    if (!BrowserHardening.isBrowserPage(path)) {
      // The browser pages have them already (BrowserHardening); a page elsewhere gets them here.
      hardening.headers().forEach(response.getHeaders()::putSingle);
    }
  }

  /** A route filter's refusal of a browser page: the same page, written on the Vert.x response. */
  @Override
  public boolean answered(RoutingContext ctx, int status, String problem) {
    String path = ctx.request().path();
    if (!BrowserErrorPage.wanted(path, ctx.request().getHeader(HttpHeaders.ACCEPT))) {
      return false;
    }
    BrowserErrorPage page = BrowserErrorPage.of(status, problemOf(problem), path);
    HttpServerResponse response = ctx.response();
    hardening.headers().forEach(response::putHeader);
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, HTML.toString())
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(page.html(BrowserHardening.hasSession(ctx.request().cookieMap().keySet())));
    return true;
  }

  /** The code, call id and refused fields of a problem body; only the call id without one. */
  BrowserErrorPage.Problem problemOf(Object entity) {
    JsonNode problem = null;
    try {
      if (entity instanceof String s && !s.isBlank()) {
        problem = json.readTree(s);
      } else if (entity instanceof byte[] b && b.length > 0) {
        problem = json.readTree(new String(b, StandardCharsets.UTF_8));
      }
    } catch (IOException notJson) {
      problem = null;
    }
    if (problem == null || !problem.isObject()) {
      return new BrowserErrorPage.Problem(null, CallId.currentOrNull(), List.of());
    }
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return new BrowserErrorPage.Problem(
        problem.path("code").isTextual() ? problem.path("code").asText() : null,
        problem.path("callId").isTextual()
            ? problem.path("callId").asText()
            : CallId.currentOrNull(),
        fields);
  }
}
