package no.nav.ia.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import no.nav.ia.gateway.config.GatewayConfig;
import no.nav.ia.gateway.ratelimit.ClientRateLimit;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.problem.ProblemMappers;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Routes {@code /api/v1/**} to the service that owns the path. The token was checked here (coarse:
 * a platform role, and the own county for advisers and managers); the original Authorization header
 * goes along and every service checks it again.
 */
@Path("/api/v1")
@RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
public class ProxyResource {

  private static final Logger LOG = Logger.getLogger(ProxyResource.class);
  /** One line per proxied request: call id (from the MDC), subject, route, status, latency. */
  private static final Logger ACCESS = Logger.getLogger("gateway.access");
  /** Connection-scoped headers (RFC 9110 7.6.1) and those the gateway sets itself. */
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
      "nav-call-id", "x-correlation-id");

  @Inject Vertx vertx;
  @Inject GatewayConfig config;
  @Inject Caller caller;
  @Inject ProblemMappers problems;
  @Inject ClientRateLimit rateLimit;
  @Inject io.micrometer.core.instrument.MeterRegistry registry;
  @Context HttpServerRequest request;

  private WebClient client;

  @PostConstruct
  void init() {
    client = WebClient.create(vertx);
  }

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
    return forward(path, body);
  }

  @PUT
  @Path("{path: .+}")
  @Operation(hidden = true)
  public Uni<Response> put(@PathParam("path") String path, byte[] body) {
    return forward(path, body);
  }

  @DELETE
  @Path("{path: .+}")
  @Operation(hidden = true)
  public Uni<Response> delete(@PathParam("path") String path) {
    return forward(path, null);
  }

  private Uni<Response> forward(String path, byte[] body) {
    long start = System.nanoTime();
    String callId = CallId.current();
    String segment = path.split("/", 2)[0];
    String subject = caller.actor();
    return route(path, body, callId, segment, subject).invoke(response -> {
      long nanos = System.nanoTime() - start;
      String route = config.routes().containsKey(segment) ? segment : "unknown";
      registry.timer("ia.gateway.requests", "route", route, "method", request.method().name(),
          "status", String.valueOf(response.getStatus())).record(java.time.Duration.ofNanos(nanos));
      CallId.set(callId);
      ACCESS.infof("subject=%s route=%s method=%s status=%d latency_ms=%d", subject, route, request.method().name(),
          response.getStatus(), nanos / 1_000_000);
    });
  }

  private Uni<Response> route(String path, byte[] body, String callId, String segment, String subject) {
    String base = config.routes().get(segment);
    if (base == null) {
      return Uni.createFrom().item(problems.respond(404, "NOT_FOUND", "Not Found", "No such API path", null));
    }
    java.time.Duration wait = rateLimit.acquire(subject);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      return Uni.createFrom().item(Response.fromResponse(
              problems.respond(429, "TOO_MANY_REQUESTS", "Too Many Requests", "Slow down: this client sent too many requests", null))
          .header("Retry-After", seconds).build());
    }
    String county = request.getParam("county");
    if (county != null && !caller.mayAccessCounty(county)) {
      return Uni.createFrom().item(problems.respond(403, "FORBIDDEN_COUNTY", "Forbidden", "Your token does not give access to this county", null));
    }
    HttpRequest<Buffer> out = client.requestAbs(HttpMethod.valueOf(request.method().name()), base + request.uri())
        .timeout((path.endsWith("/batch") ? config.batchTimeout() : config.timeout()).toMillis());
    request.headers().forEach(h -> {
      if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        out.putHeader(h.getKey(), h.getValue());
      }
    });
    out.putHeader(CallId.HEADER, callId);
    // A Location from a service names the service's own address; clients must see the gateway's.
    String publicOrigin = request.scheme() + "://" + request.getHeader("Host");
    Uni<io.vertx.mutiny.ext.web.client.HttpResponse<Buffer>> sent =
        body == null ? out.send() : out.sendBuffer(Buffer.buffer(body));
    return sent
        .map(response -> {
          Response.ResponseBuilder builder = Response.status(response.statusCode());
          response.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("location") && h.getValue().startsWith(base)) {
              builder.header(h.getKey(), publicOrigin + h.getValue().substring(base.length()));
            } else if (!NOT_FORWARDED.contains(name)) {
              builder.header(h.getKey(), h.getValue());
            }
          });
          Buffer payload = response.body();
          return builder.entity(payload == null ? new byte[0] : payload.getBytes()).build();
        })
        .onFailure().recoverWithItem(failure -> unavailable(segment, failure, callId));
  }

  private Response unavailable(String segment, Throwable failure, String callId) {
    CallId.set(callId);
    LOG.warnf("route %s failed: %s", segment, failure.toString());
    if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
      return problems.respond(504, "UPSTREAM_TIMEOUT", "Gateway Timeout", "The service did not answer in time", null);
    }
    if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
      return problems.respond(503, "SERVICE_UNAVAILABLE", "Service Unavailable", "The service is not available; try again", null);
    }
    return problems.respond(502, "BAD_GATEWAY", "Bad Gateway", "The service gave no valid answer", null);
  }
}
