package no.nav.ia.gateway.upstream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import no.nav.ia.gateway.GatewayErrors;
import no.nav.ia.gateway.config.GatewayConfig;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.problem.HttpErrors;
import no.nav.ia.platform.problem.ProblemMappers;
import no.nav.ia.platform.security.HopTokens;
import no.nav.ia.platform.security.HopTokens.Hop;
import org.jboss.logging.Logger;

/**
 * Sends one incoming request on to a service and turns its answer, or its silence, into the
 * response: hop-by-hop headers and the browser's cookies stay at the gateway, a service's Location
 * is rewritten to the gateway's address, and a service that is down or slow is a 503 or 504
 * problem.
 */
@ApplicationScoped
public class Upstream {

  private static final Logger LOG = Logger.getLogger(Upstream.class);

  /**
   * The only request headers a service gets from a client (an allow list): what the API uses.
   * Anything else stays at the gateway, among them client-sent {@code X-Forwarded-*} and {@code
   * Forwarded} (a client must not choose the address or scheme a service believes), hop-by-hop
   * headers and the session cookie. The gateway sets Nav-Call-Id, Authorization (a token for the
   * service, HopTokens) and Nav-Consumer-Id itself.
   */
  static final Set<String> FORWARDED_REQUEST_HEADERS =
      Set.of(
          "accept",
          "accept-language",
          "content-type",
          "idempotency-key",
          "if-match",
          "if-none-match",
          "user-agent");

  /**
   * Response headers kept from the client: connection-scoped ones (RFC 9110 7.6.1), those the
   * gateway sets itself, and cookies, which are the gateway's business only.
   */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length",
          "nav-call-id",
          "x-correlation-id",
          "cookie",
          "set-cookie");

  @Inject Vertx vertx;
  @Inject ProblemMappers problems;
  @Inject MeterRegistry registry;
  @Inject GatewayConfig config;

  private WebClient client;

  /**
   * For the one resend to an address whose instance was stopping: a new connection for every
   * request (no keep-alive), which a Kubernetes Service sends to a pod in service, never another
   * pooled connection to the pod that is stopping.
   */
  private WebClient fresh;

  /** The instances of each configured route value (one or several base URLs). */
  private final Map<String, Instances> instances = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    client = client(true);
    fresh = client(false);
  }

  private WebClient client(boolean keepAlive) {
    // Vert.x keeps 5 connections per service by default: far too few for a gateway.
    return WebClient.create(
        vertx,
        new WebClientOptions()
            .setMaxPoolSize(config.maxConnectionsPerService())
            .setKeepAlive(keepAlive)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis())));
  }

  /**
   * Runs {@code handling} and records the per-route timer for its response (AccessLog writes the
   * line).
   */
  public Uni<Response> observed(
      HttpServerRequest request, String route, Supplier<Uni<Response>> handling) {
    long start = System.nanoTime();
    return handling
        .get()
        .invoke(
            response ->
                Timer.builder("ia.gateway.requests")
                    .description("Requests the gateway answered, by route, method and status")
                    .tags(
                        "route",
                        route,
                        "method",
                        request.method().name(),
                        "status",
                        String.valueOf(response.getStatus()))
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start)));
  }

  /**
   * Forwards {@code request} to an instance of the service + the request's path and query, with the
   * token {@code hop} gives for that service (HopTokens: never the client's own). The instances
   * take turns; one that refuses the connection (the request never reached it, so any method may go
   * to the next) is left out for a while and the next one is tried. An instance that is stopping
   * refuses the request unhandled (a bare 503): the next one is tried, or, with no next one (a
   * single Kubernetes Service URL), the same address once more on a new connection, which reaches a
   * pod in service; stopping again is a 503 problem with Retry-After. An instance that loses a
   * request (the connection closed or reset before any answer: killed with it in hand) is a 502,
   * except for a GET, HEAD, OPTIONS or DELETE (Resend), which is sent once more, to the next
   * instance or the same address on a new connection, within the request's timeout. {@code body} is
   * held whole, so it can be sent again.
   *
   * @param configured the route's base URL, or several instances' base URLs separated by commas
   */
  public Uni<Response> forward(
      HttpServerRequest request,
      String configured,
      byte[] body,
      Duration timeout,
      Uni<Hop> hop,
      String route) {
    return forward(request, request.path(), configured, body, timeout, hop, route);
  }

  /** As above, to {@code path} at the service (the request's query kept). */
  public Uni<Response> forward(
      HttpServerRequest request,
      String path,
      String configured,
      byte[] body,
      Duration timeout,
      Uni<Hop> hop,
      String route) {
    Instances instances =
        this.instances.computeIfAbsent(
            configured, c -> new Instances(c, config.instanceDownPause(), System::nanoTime));
    String callId = CallId.current();
    return hop.onItemOrFailure()
        .transformToUni(
            (credentials, failure) -> {
              if (failure != null) {
                CallId.set(callId);
                LOG.warnf("route %s: no token for the service: %s", route, failure.toString());
                return Uni.createFrom()
                    .item(
                        Response.fromResponse(
                                problems.respond(
                                    503,
                                    GatewayErrors.TOKEN_UNAVAILABLE,
                                    "Service Unavailable",
                                    "The platform could not get a token for the service; try again",
                                    null))
                            .header("Retry-After", 1)
                            .build());
              }
              return attempt(
                  new Call(
                      request,
                      path,
                      instances,
                      instances.order(),
                      body,
                      timeout,
                      credentials,
                      route,
                      callId,
                      System.nanoTime()),
                  0,
                  false,
                  false);
            });
  }

  /**
   * The request target with every byte outside ASCII percent-encoded: a client may send {@code
   * ?q=ærlig} raw (curl does). The HTTP decoder hands the target on a byte per character, and the
   * client to the service wrote those characters in another encoding, which the service refused
   * with a bare 400; percent-encoded, the service reads the client's UTF-8 as if it had been sent
   * so.
   */
  static String ascii(String target) {
    int i = 0;
    while (i < target.length() && target.charAt(i) < 0x80) {
      i++;
    }
    if (i == target.length()) {
      return target;
    }
    StringBuilder out = new StringBuilder(target.length() + 16).append(target, 0, i);
    for (; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c < 0x80) {
        out.append(c);
      } else if (c <= 0xFF) {
        percent(out, c);
      } else {
        for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          percent(out, b & 0xFF);
        }
      }
    }
    return out.toString();
  }

  private static void percent(StringBuilder out, int octet) {
    out.append('%')
        .append(Character.toUpperCase(Character.forDigit(octet >> 4, 16)))
        .append(Character.toUpperCase(Character.forDigit(octet & 0xF, 16)));
  }

  /**
   * Sends {@code call} to the instance at {@code index}; {@code resent} on a new connection. {@code
   * retried}: it was sent once more already after an instance lost it (at most once per request).
   */
  private Uni<Response> attempt(Call call, int index, boolean resent, boolean retried) {
    HttpServerRequest request = call.request();
    String base = call.order().get(index);
    String route = call.route();
    String callId = call.callId();
    // Path and query only: the request target was checked to be origin-form (AbsoluteFormFilter).
    String target =
        ascii(request.query() == null ? call.path() : call.path() + "?" + request.query());
    AnswerBody answer = new AnswerBody();
    HttpRequest<Buffer> out =
        (resent ? fresh : client)
            .requestAbs(HttpMethod.valueOf(request.method().name()), base + target)
            .as(answer.codec())
            .timeout(Math.max(1, call.left().toMillis()));
    request
        .headers()
        .forEach(
            h -> {
              if (FORWARDED_REQUEST_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                // Every value: a header sent twice (two Idempotency-Keys) is the service's to
                // refuse.
                out.headers().add(h.getKey(), h.getValue());
              }
            });
    out.putHeader("Authorization", call.hop().authorization());
    if (call.hop().consumer() != null) {
      out.putHeader(HopTokens.CONSUMER_HEADER, call.hop().consumer());
    }
    out.putHeader(CallId.HEADER, callId);
    // A Location from a service names the service's own address; clients must see the gateway's, as
    // configured (a client's Host header must not choose where a Location points), or locally the
    // request's.
    String publicOrigin =
        config
            .publicUrl()
            .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
            .orElseGet(() -> request.scheme() + "://" + request.getHeader("Host"));
    Uni<io.vertx.mutiny.ext.web.client.HttpResponse<Buffer>> sent =
        call.body() == null ? out.send() : out.sendBuffer(Buffer.buffer(call.body()));
    boolean several = index + 1 < call.order().size();
    return sent.onItem()
        .transformToUni(
            response -> {
              // Stopping gracefully (a deploy, a scale-down): it finishes its own requests and
              // refuses new ones before handling them, so this one may go to the next instance
              // whatever its method.
              if (refusedWhileStopping(response) && several) {
                return next(call, index, retried, "is stopping", "stopping");
              }
              if (refusedWhileStopping(response)) {
                // No next instance (on NAIS a route is one Service URL, its pods behind it): the
                // same address once more, on a new connection, which goes to a pod in service.
                if (!resent) {
                  CallId.set(callId);
                  LOG.infof(
                      "route %s: %s is stopping, sending the request again on a new connection",
                      route, base);
                  return attempt(call, index, true, retried);
                }
                call.instances().down(base);
                failed(route, base, "stopping");
                CallId.set(callId);
                LOG.warnf("route %s: %s is stopping, on a new connection too", route, base);
                return Uni.createFrom().item(serviceUnavailable());
              }
              return Uni.createFrom()
                  .item(toResponse(response, call.instances(), base, publicOrigin));
            })
        .onFailure(Upstream::refused)
        .recoverWithUni(
            failure -> {
              if (several) {
                return next(call, index, retried, "refused the connection", "refused");
              }
              call.instances().down(base);
              return Uni.createFrom().item(unavailable(route, base, failure, callId));
            })
        // An instance killed with the request in hand (a crash, kill -9, an OOM kill) closes or
        // resets the connection before answering: a request that the service may have done, which
        // only a method whose second sending changes nothing may repeat (Resend), once, within the
        // request's timeout. Before, a GET was a 502 here while the next instance was in service.
        .onFailure(
            failure ->
                !retried
                    && !call.left().isNegative()
                    && Resend.allowed(request.method().name(), failure, answer.began()))
        .recoverWithUni(failure -> lost(call, index, failure))
        .onFailure()
        .recoverWithItem(
            failure -> {
              if (timedOut(failure) && call.order().size() > 1) {
                // A replica that takes connections and answers nothing (hung, stopped) would hold
                // every request its turn gives it: the next ones go to the others for the pause,
                // or until it answers one it already had. This one is not sent again; the service
                // may have done it. The price: a healthy replica whose one request took too long
                // is left out for the pause too, the others taking its share.
                call.instances().down(base);
              }
              return unavailable(route, base, failure, callId);
            });
  }

  static boolean timedOut(Throwable failure) {
    return failure instanceof TimeoutException
        || failure.getClass().getSimpleName().contains("Timeout");
  }

  /**
   * The instance at {@code index} did not take the request: leave it out for a while and try the
   * next one.
   */
  private Uni<Response> next(Call call, int index, boolean retried, String why, String outcome) {
    call.instances().down(call.order().get(index));
    failed(call.route(), call.order().get(index), outcome);
    CallId.set(call.callId());
    LOG.infof(
        "route %s: %s %s, trying the next instance", call.route(), call.order().get(index), why);
    return attempt(call, index + 1, false, retried);
  }

  /**
   * The instance at {@code index} lost the request (Resend allowed it once more): the next
   * instance, or with no next one (one Service URL) the same address on a new connection, which
   * goes to a pod in service.
   */
  private Uni<Response> lost(Call call, int index, Throwable failure) {
    String why = "lost the request (" + failure.getClass().getName() + ")";
    if (index + 1 < call.order().size()) {
      // Killed or crashed: it refuses connections until it is back, so it is left out meanwhile.
      return next(call, index, true, why, "lost");
    }
    failed(call.route(), call.order().get(index), "lost");
    CallId.set(call.callId());
    LOG.infof(
        "route %s: %s %s, sending it once more on a new connection",
        call.route(), call.order().get(index), why);
    return attempt(call, index, true, true);
  }

  /**
   * A 503 without the platform's problem body: Quarkus refusing a request during its graceful
   * shutdown, before any of the service's code ran. (A service's own 503 is a problem+json.)
   */
  static boolean refusedWhileStopping(
      io.vertx.mutiny.ext.web.client.HttpResponse<Buffer> response) {
    String type = response.getHeader("Content-Type");
    return response.statusCode() == 503
        && (type == null || !type.startsWith("application/problem+json"));
  }

  private static Response toResponse(
      io.vertx.mutiny.ext.web.client.HttpResponse<Buffer> response,
      Instances instances,
      String base,
      String publicOrigin) {
    instances.up(base);
    Response.ResponseBuilder builder = Response.status(response.statusCode());
    response
        .headers()
        .forEach(
            h -> {
              String name = h.getKey().toLowerCase(Locale.ROOT);
              if (name.equals("location") && h.getValue().startsWith(base)) {
                builder.header(h.getKey(), publicOrigin + h.getValue().substring(base.length()));
              } else if (!NOT_FORWARDED.contains(name)) {
                builder.header(h.getKey(), h.getValue());
              }
            });
    Buffer payload = response.body();
    if (payload != null && payload.length() > 0) {
      builder.entity(payload.getBytes());
    }
    // No entity for no body: an empty byte array would be given application/octet-stream.
    return builder.build();
  }

  /** The connection was refused: the request never reached the instance. */
  static boolean refused(Throwable failure) {
    return failure instanceof ConnectException || failure.getCause() instanceof ConnectException;
  }

  /**
   * Counts a request an instance did not answer ({@code ia_gateway_upstream_failures_total}, by
   * route, upstream and outcome: refused, stopping, lost, timeout, failed): a replica left out, or
   * one failing half its requests, showed nowhere in the metrics. The upstreams are the configured
   * addresses, so the label stays bounded; not "instance", which Prometheus sets to the scraped pod
   * (and renames the application's to exported_instance).
   */
  private void failed(String route, String instance, String outcome) {
    Counter.builder("ia.gateway.upstream.failures")
        .description(
            "Tries at an instance that gave no usable answer, by outcome (refused, stopping,"
                + " lost, timeout, failed); one request counts once per instance tried")
        .tags("route", route, "upstream", instance, "outcome", outcome)
        .register(registry)
        .increment();
  }

  private Response unavailable(String route, String base, Throwable failure, String callId) {
    // A request lost with a killed instance and not sent again (a POST: the service may have done
    // it) is "lost", as one sent again is: the case on-call looks for.
    failed(
        route,
        base,
        timedOut(failure)
            ? "timeout"
            : refused(failure) ? "refused" : Resend.lostRequest(failure) ? "lost" : "failed");
    CallId.set(callId);
    // The failure's kinds only: Vert.x's messages quote the request line ("... while executing GET
    // /api/v1/enterprises?q=..."), and a query or path is the client's text, which may hold a
    // person's identity number.
    Throwable cause = failure.getCause();
    LOG.warnf(
        "route %s failed at %s: %s%s",
        route,
        base,
        failure.getClass().getName(),
        cause == null ? "" : " (" + cause.getClass().getName() + ")");
    if (timedOut(failure)) {
      return problems.respond(
          504,
          GatewayErrors.UPSTREAM_TIMEOUT,
          "Gateway Timeout",
          "The service did not answer in time",
          null);
    }
    if (refused(failure)) {
      return serviceUnavailable();
    }
    return problems.respond(
        502, GatewayErrors.BAD_GATEWAY, "Bad Gateway", "The service gave no valid answer", null);
  }

  /**
   * 503 with {@code Retry-After: 1}: no instance of the service took the connection (on NAIS also
   * every pod unready, its database away), as the services' own 503 says it.
   */
  private Response serviceUnavailable() {
    return Response.fromResponse(
            problems.respond(
                503,
                HttpErrors.SERVICE_UNAVAILABLE,
                "Service Unavailable",
                "The service is not available; try again",
                null))
        .header("Retry-After", 1)
        .build();
  }
}
