package no.nav.ia.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.nav.ia.platform.rest.BodyDeadline;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The few pages a browser may see without logging in. */
@BodyDeadline
@Path("/")
@PermitAll
public class BrowserPages {

  /**
   * A relative Location, set as a header: {@code Response.seeOther} would make it absolute from the
   * request's Host header, which the client chooses.
   */
  @GET
  @Operation(hidden = true)
  public Response root() {
    return Response.status(Response.Status.SEE_OTHER)
        .header(HttpHeaders.LOCATION, "/dashboard")
        .build();
  }

  /** Where the issuer sends the browser after logout. */
  @GET
  @Path("logged-out")
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String loggedOut() {
    return """
        <!DOCTYPE html>
        <html lang="nb"><head><meta charset="utf-8"><title>Logget ut – IA-plattformen</title></head>
        <body><main><h1>Du er logget ut</h1><p><a id="login" href="/dashboard">Logg inn igjen</a></p></main></body></html>
        """;
  }
}
