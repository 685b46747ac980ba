package no.nav.ia.gateway.rest;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import no.nav.ia.gateway.config.GatewayConfig;
import no.nav.ia.gateway.ratelimit.ClientAdmission;
import no.nav.ia.gateway.ratelimit.ClientRateLimit;
import no.nav.ia.gateway.upstream.Upstream;
import no.nav.ia.platform.domain.CommonErrors;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.problem.HttpErrors;
import no.nav.ia.platform.problem.ProblemMappers;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.HopTokens;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Routes {@code /api/v1/**} to the service that owns the path. The token was checked here (coarse:
 * a platform role, and the own county for advisers and managers); the service gets a token for its
 * own audience in its place (HopTokens: on behalf of a person, or the gateway's own for a machine
 * client with the machine named beside it) and checks everything again.
 */
@BodyDeadline
@Path("/api/v1")
@RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
public class ProxyResource {

  @Inject GatewayConfig config;
  @Inject Caller caller;
  @Inject SecurityIdentity identity;
  @Inject ProblemMappers problems;
  @Inject ClientAdmission admission;
  @Inject Upstream upstream;
  @Inject HopTokens hops;
  @Context HttpServerRequest request;
  @Context io.vertx.ext.web.RoutingContext routing;

  @GET
  @Path("{path: .+}")
  @Operation(hidden = true)
  public Uni<Response> get(@PathParam("path") String path) {
    return forward(path, null);
  }

  @POST
  @Path("{path: .+}")
  @Operation(hidden = true)
  public Uni<Response> post(@PathParam("path") String path, byte[] body) {
    return forward(path, sent(body));
  }

  @PUT
  @Path("{path: .+}")
  @Operation(hidden = true)
  public Uni<Response> put(@PathParam("path") String path, byte[] body) {
    return forward(path, sent(body));
  }

  @PATCH
  @Path("{path: .+}")
  @Operation(hidden = true)
  public Uni<Response> patch(@PathParam("path") String path, byte[] body) {
    return forward(path, sent(body));
  }

  @DELETE
  @Path("{path: .+}")
  @Operation(hidden = true)
  public Uni<Response> delete(@PathParam("path") String path) {
    return forward(path, null);
  }

  /** The service says which methods the path takes (its {@code Allow}), as it does on a 405. */
  @OPTIONS
  @Path("{path: .+}")
  @Operation(hidden = true)
  public Uni<Response> options(@PathParam("path") String path) {
    return forward(path, null);
  }

  static final String OPERATIONS = "operations";

  /**
   * The body as the client sent it. One sent without a length (chunked) was read and counted by
   * BodyLimits, which leaves it on the routing context: RESTEasy's reader then finds the request
   * ended and reads nothing.
   */
  private byte[] sent(byte[] read) {
    io.vertx.core.buffer.Buffer counted = routing.body().buffer();
    return counted != null && (read == null || read.length == 0) ? counted.getBytes() : read;
  }

  /**
   * {@code operations/{service}/{rest}} to the service's {@code /internal/{rest}}, for coordinators
   * (the service checks the role again): the parked events and their replay, the scorecard's
   * rebuild. Rate-limited as any request; the operations' own timeout, since a rebuild takes
   * minutes.
   */
  private Uni<Response> operation(byte[] body) {
    // The path as sent, still percent-encoded: the resource's parameter is decoded, and a decoded
    // "%3F" or "%2F" would change the path sent on (a query, another segment).
    String raw = request.path();
    String tail =
        raw != null && raw.startsWith(OPERATIONS_PATH)
            ? raw.substring(OPERATIONS_PATH.length())
            : "";
    String[] parts = tail.split("/", 2);
    GatewayConfig.Service service = parts.length < 2 ? null : config.operations().get(parts[0]);
    String subject = caller.actor();
    return upstream.observed(
        request,
        OPERATIONS,
        () -> {
          if (service == null || !belowInternal(parts[1])) {
            return Uni.createFrom().item(noSuchPath());
          }
          if (!identity.hasRole(Roles.COORDINATOR)) {
            return Uni.createFrom()
                .item(
                    problems.respond(
                        403,
                        HttpErrors.FORBIDDEN,
                        "Forbidden",
                        "Operations are for coordinators",
                        null));
          }
          Response overRate = admission.overRate(subject, 1);
          if (overRate != null) {
            return Uni.createFrom().item(overRate);
          }
          return upstream.forward(
              request,
              "/internal/" + parts[1],
              service.url(),
              body,
              config.operationsTimeout(),
              hops.to(service.scope(), caller),
              OPERATIONS);
        });
  }

  static final String OPERATIONS_PATH = "/api/v1/" + OPERATIONS + "/";

  /**
   * A path below a service's /internal/ that stays there: no dot segment, no encoded separator, dot
   * or percent sign (which the service would decode into one), no backslash.
   */
  static boolean belowInternal(String rawTail) {
    if (rawTail.isEmpty() || rawTail.indexOf('\\') >= 0) {
      return false;
    }
    String lower = rawTail.toLowerCase(java.util.Locale.ROOT);
    for (String encoded : new String[] {"%2f", "%5c", "%2e", "%25"}) {
      if (lower.contains(encoded)) {
        return false;
      }
    }
    return !("/" + rawTail + "/").matches(".*/\\.{1,2}/.*");
  }

  private Response noSuchPath() {
    return problems.respond(404, HttpErrors.NOT_FOUND, "Not Found", "No such API path", null);
  }

  private Uni<Response> forward(String path, byte[] body) {
    if (identity.getCredential(IdTokenCredential.class) != null) {
      // A browser session (the dashboard's login cookie) is for pages; the API takes bearer tokens
      // only.
      return Uni.createFrom().item(problems.unauthenticated());
    }
    String segment = path.split("/", 2)[0];
    if (segment.equals(OPERATIONS)) {
      return operation(body);
    }
    String base = config.routes().get(segment);
    String subject = caller.actor();
    return upstream.observed(
        request,
        base == null ? "unknown" : segment,
        () -> {
          if (base == null) {
            return Uni.createFrom().item(noSuchPath());
          }
          // A batch counts its items and a group its enterprises (API.md): a thousand
          // deliveries in one call cost what a thousand calls do.
          int charged = ClientRateLimit.charge(path, body);
          Response overRate = admission.overRate(subject, charged);
          if (overRate != null) {
            return Uni.createFrom().item(overRate);
          }
          // A search of the enterprise register may name any county (API.md, version 2); elsewhere
          // a county the token does not cover is refused here already. A code that is no county is
          // the request's error, which the service answers (400 on the field).
          String county = request.getParam("county");
          boolean anyCounty =
              HttpMethod.GET.equals(request.method()) && config.anyCountySearches().contains(path);
          if (county != null
              && !anyCounty
              && CountyRegistry.get().county(county).isPresent()
              && !caller.mayAccessCounty(county)) {
            admission.settle(subject, charged, 403);
            return Uni.createFrom()
                .item(
                    problems.respond(
                        403,
                        CommonErrors.FORBIDDEN_COUNTY,
                        "Forbidden",
                        "Your token does not give access to this county",
                        null));
          }
          Response machine = admission.machineWithoutSystemRole(caller);
          if (machine != null) {
            admission.settle(subject, charged, machine.getStatus());
            return Uni.createFrom().item(machine);
          }
          var timeout =
              path.endsWith("/batch") || path.endsWith("deliveries/group")
                  ? config.batchTimeout()
                  : config.timeout();
          return upstream
              .forward(
                  request,
                  base,
                  body,
                  timeout,
                  hops.to(config.scopes().get(segment), caller),
                  segment)
              .invoke(answer -> admission.settle(subject, charged, answer.getStatus()));
        });
  }
}
