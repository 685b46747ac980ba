package no.nav.ia.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import no.nav.ia.gateway.config.GatewayConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * One OpenAPI document for every public path of the platform: the services' own documents merged
 * (paths under {@code /api/v1/} only, their schemas and security schemes). Swagger UI shows it.
 */
@Path("/openapi")
@PermitAll
public class OpenApiResource {

  private static final Logger LOG = Logger.getLogger(OpenApiResource.class);

  @Inject Vertx vertx;
  @Inject GatewayConfig config;
  @Inject ObjectMapper json;

  private WebClient client;

  @PostConstruct
  void init() {
    client = WebClient.create(vertx);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Uni<JsonNode> document() {
    Cached cached = this.cached;
    if (cached != null && System.nanoTime() - cached.at() < CACHE_NANOS) {
      return Uni.createFrom().item(cached.document());
    }
    // Every instance serves the same API: each service's first instance that answers.
    List<List<String>> services =
        config.routes().values().stream()
            .distinct()
            .sorted()
            .map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip).toList())
            .toList();
    return Multi.createFrom()
        .iterable(services)
        .onItem()
        .transformToUniAndConcatenate(instances -> fetch(instances, 0))
        .collect()
        .asList()
        .map(
            documents -> {
              JsonNode merged = merge(documents);
              // Kept only when every service answered: a document missing a service is not worth
              // keeping.
              if (documents.stream().allMatch(java.util.Objects::nonNull)) {
                this.cached = new Cached(merged, System.nanoTime());
              }
              return merged;
            });
  }

  /** The document of the instance at {@code index}, or of the next one when it does not answer. */
  private Uni<JsonNode> fetch(List<String> instances, int index) {
    String base = instances.get(index);
    return client
        .getAbs(base + "/q/openapi?format=json")
        .timeout(config.timeout().toMillis())
        .send()
        .map(r -> r.statusCode() == 200 ? read(r.bodyAsString()) : null)
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf("no OpenAPI document from %s: %s", base, failure.toString());
              return null;
            })
        .chain(
            document ->
                document != null || index + 1 >= instances.size()
                    ? Uni.createFrom().item(document)
                    : fetch(instances, index + 1));
  }

  /** The merged document and when it was made: the services' APIs change only with a deployment. */
  private record Cached(JsonNode document, long at) {}

  private static final long CACHE_NANOS = java.time.Duration.ofMinutes(5).toNanos();
  private volatile Cached cached;

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      return null;
    }
  }

  private JsonNode merge(List<JsonNode> documents) {
    ObjectNode merged = json.createObjectNode();
    merged.put("openapi", "3.0.3");
    merged
        .putObject("info")
        .put("title", "IA platform API")
        .put("version", "1.0")
        .put(
            "description",
            "Agreements, re-signing campaigns, deliveries and scorecards of NAV Arbeidslivssenter."
                + " Every call needs a bearer token; errors are application/problem+json.");
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    ObjectNode schemes = components.putObject("securitySchemes");
    for (JsonNode doc : documents) {
      if (doc == null) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        if (path.getKey().startsWith("/api/v1/")) {
          paths.set(path.getKey(), path.getValue());
        }
      }
      doc.path("components")
          .path("schemas")
          .fields()
          .forEachRemaining(e -> schemas.set(e.getKey(), e.getValue()));
      doc.path("components")
          .path("securitySchemes")
          .fields()
          .forEachRemaining(e -> schemes.set(e.getKey(), e.getValue()));
    }
    return merged;
  }
}
