package no.nav.ia.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.nav.ia.gateway.config.GatewayConfig;
import no.nav.ia.gateway.config.GatewayConfig.Service;
import no.nav.ia.gateway.ratelimit.ClientAdmission;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.problem.HttpErrors;
import no.nav.ia.platform.problem.ProblemMappers;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.security.HopTokens;
import no.nav.ia.platform.security.HopTokens.Hop;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * The AsyncAPI document of the platform's topics (API.md, Events: for other NAV systems). Each
 * producing service makes the document of its own topic from its event records; this asks every one
 * of them, with a token for that service on the caller's behalf (HopTokens), at its first instance
 * that answers, and merges them. A producer that cannot be asked makes it a 503: half of the
 * contract is worse than none.
 */
@BodyDeadline
@Path("/api/v1/events/asyncapi")
@RolesAllowed({Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM})
public class AsyncApiResource {

  private static final Logger LOG = Logger.getLogger(AsyncApiResource.class);

  /** Where a producing service serves its topic's document (platform-events). */
  static final String PRODUCER_PATH = "/internal/events/asyncapi";

  @Inject GatewayConfig config;
  @Inject Caller caller;
  @Inject SecurityIdentity identity;
  @Inject HopTokens hops;
  @Inject ClientAdmission admission;
  @Inject ProblemMappers problems;
  @Inject ObjectMapper json;
  @Inject Vertx vertx;

  private WebClient client;

  @PostConstruct
  void init() {
    client = WebClient.create(vertx);
  }

  /** One producer's document, or null when it could not be had. */
  private record Part(String producer, JsonNode document) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "AsyncAPI 3.0 document of the platform's Kafka topics",
      description =
          "Both topics, their keys, the event envelope and the JSON Schema of every event type,"
              + " made by the producing services from the records they write. Every role.")
  public Uni<Response> document() {
    if (identity.getCredential(IdTokenCredential.class) != null) {
      // A browser session is for the dashboard's pages; the API takes bearer tokens only.
      return Uni.createFrom().item(problems.unauthenticated());
    }
    // The checks of every API call (ProxyResource): the client's rate limit (one request, though it
    // asks every producer), then a machine client's system role, since it asks the producers with
    // the gateway's own token.
    Response refused = admission.overRate(caller.actor(), 1);
    if (refused == null) {
      refused = admission.machineWithoutSystemRole(caller);
    }
    if (refused != null) {
      return Uni.createFrom().item(refused);
    }
    String callId = CallId.current();
    // The tokens are asked for here, on the request: the caller is request-scoped.
    List<Uni<Part>> parts =
        new TreeMap<>(config.eventProducers())
            .entrySet().stream().map(producer -> part(producer, callId)).toList();
    return Uni.join()
        .all(parts)
        .andFailFast()
        .map(
            answered -> {
              CallId.set(callId);
              List<String> missing =
                  answered.stream().filter(p -> p.document() == null).map(Part::producer).toList();
              if (!missing.isEmpty()) {
                LOG.warnf("no AsyncAPI document from %s", missing);
                return problems.respond(
                    503,
                    HttpErrors.SERVICE_UNAVAILABLE,
                    "Service Unavailable",
                    "The events document needs every producing service and "
                        + String.join(", ", missing)
                        + " did not answer; try again",
                    null);
              }
              JsonNode merged =
                  AsyncApiMerge.merge(json, answered.stream().map(Part::document).toList());
              return Response.ok(merged, MediaType.APPLICATION_JSON).build();
            });
  }

  private Uni<Part> part(Map.Entry<String, Service> producer, String callId) {
    List<String> instances =
        Arrays.stream(producer.getValue().url().split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
            .toList();
    return hops.to(producer.getValue().scope(), caller)
        .chain(hop -> fetch(instances, 0, hop, callId))
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf("no token for %s: %s", producer.getKey(), failure.toString());
              return null;
            })
        .map(document -> new Part(producer.getKey(), document));
  }

  /** The document of the instance at {@code index}, or of the next one when it does not answer. */
  private Uni<JsonNode> fetch(List<String> instances, int index, Hop hop, String callId) {
    String base = instances.get(index);
    HttpRequest<Buffer> request =
        client
            .getAbs(base + PRODUCER_PATH)
            .timeout(config.timeout().toMillis())
            .putHeader("Authorization", hop.authorization())
            .putHeader(CallId.HEADER, callId);
    if (hop.consumer() != null) {
      request.putHeader(HopTokens.CONSUMER_HEADER, hop.consumer());
    }
    return request
        .send()
        .map(
            r -> {
              if (r.statusCode() == 200) {
                return read(r.bodyAsString());
              }
              LOG.warnf("no AsyncAPI document from %s: status %d", base, r.statusCode());
              return null;
            })
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf("no AsyncAPI document from %s: %s", base, failure.toString());
              return null;
            })
        .chain(
            document ->
                document != null || index + 1 >= instances.size()
                    ? Uni.createFrom().item(document)
                    : fetch(instances, index + 1, hop, callId));
  }

  private JsonNode read(String body) {
    try {
      JsonNode document = json.readTree(body);
      return document != null && document.has("asyncapi") ? document : null;
    } catch (Exception e) {
      return null;
    }
  }
}
