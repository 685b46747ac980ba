package no.nav.ia.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import no.nav.ia.gateway.GatewayErrors;
import no.nav.ia.gateway.config.GatewayConfig;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.problem.ErrorCodes;
import no.nav.ia.platform.rest.BodyDeadline;
import no.nav.ia.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * One OpenAPI document for every public path of the platform: the services' own documents merged
 * (paths under {@code /api/v1/} only, their schemas and security schemes). Swagger UI shows it.
 */
@BodyDeadline
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

  static final String YAML = "application/yaml";

  /**
   * The document as JSON, or as YAML for {@code ?format=yaml} or an {@code Accept} that prefers
   * {@code application/yaml} ({@code application/x-yaml}, {@code text/yaml}; a wildcard is JSON),
   * as a service's own {@code /q/openapi} takes them; another format is 400.
   */
  @GET
  @Produces({MediaType.APPLICATION_JSON, YAML, "application/x-yaml", "text/yaml"})
  @Operation(hidden = true)
  public Uni<Response> served(@QueryParam("format") String format, @Context HttpHeaders headers) {
    boolean yaml;
    if (format == null) {
      yaml =
          headers.getAcceptableMediaTypes().stream()
              .filter(t -> !t.isWildcardType() && !t.isWildcardSubtype())
              .findFirst()
              .map(t -> t.getSubtype().equals("yaml") || t.getSubtype().equals("x-yaml"))
              .orElse(false);
    } else if (format.equalsIgnoreCase("json") || format.equalsIgnoreCase("yaml")) {
      yaml = format.equalsIgnoreCase("yaml");
    } else {
      throw ApiException.invalid("format", "must be json or yaml");
    }
    return document()
        .map(
            document ->
                yaml
                    ? Response.ok(asYaml(document), YAML + ";charset=UTF-8").build()
                    : Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build());
  }

  private static String asYaml(JsonNode document) {
    try {
      return YAML_WRITER.writeValueAsString(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the document did not turn into YAML", e);
    }
  }

  /** Every string quoted: {@code 1.0} or {@code no} unquoted would be read back as no string. */
  private static final ObjectMapper YAML_WRITER =
      new ObjectMapper(
          new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()
              .disable(
                  com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature
                      .WRITE_DOC_START_MARKER));

  Uni<JsonNode> document() {
    Cached cached = this.cached;
    if (cached != null && System.nanoTime() - cached.at() < CACHE_NANOS) {
      return Uni.createFrom().item(cached.document());
    }
    // Every instance serves the same API: each service's first instance that answers.
    List<List<String>> services =
        config.routes().values().stream()
            .distinct()
            .sorted()
            .map(v -> Arrays.stream(v.split(",")).map(String::strip).toList())
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
              if (documents.stream().allMatch(Objects::nonNull)) {
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

  private static final long CACHE_NANOS = Duration.ofMinutes(5).toNanos();
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
    // The services' documents are OpenAPI 3.1 (nullable types, examples arrays): the merge is too.
    merged.put(
        "openapi",
        documents.stream()
            .filter(Objects::nonNull)
            .map(d -> d.path("openapi").asText("3.1.0"))
            .findFirst()
            .orElse("3.1.0"));
    merged
        .putObject("info")
        .put("title", "IA platform API")
        .put("version", "1.0")
        .put(
            "description",
            "Agreements, re-signing campaigns, deliveries and scorecards of NAV Arbeidslivssenter."
                + " Every call needs a bearer token; errors are application/problem+json."
                + no.nav.ia.platform.rest.OpenApiConventions.CHANGES);
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    ObjectNode schemas = json.createObjectNode();
    ObjectNode schemes = json.createObjectNode();
    for (JsonNode doc : documents) {
      if (doc == null) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        if (path.getKey().startsWith("/api/v1/")) {
          paths.set(path.getKey(), gatewayAnswers(path.getValue().deepCopy()));
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
    paths.set(ASYNCAPI_PATH, asyncApiPath(callIdParameter(paths)));
    listCodes(documents, schemas);
    components.set("schemas", referenced(merged, schemas));
    components.set("securitySchemes", schemes);
    return merged;
  }

  /**
   * The merged Problem schema's {@code code} lists every code a client can meet through the
   * gateway: the gateway's own and each service's (ErrorCodes); the schemas are otherwise the last
   * service's.
   */
  private void listCodes(List<JsonNode> documents, ObjectNode schemas) {
    if (!(schemas.path("Problem").path("properties").path("code") instanceof ObjectNode)) {
      return;
    }
    Map<String, String> codes = new TreeMap<>(ErrorCodes.of(GatewayErrors.values()));
    for (JsonNode doc : documents) {
      if (doc != null) {
        doc.at("/components/schemas/Problem/properties/code/" + ErrorCodes.EXTENSION)
            .fields()
            .forEachRemaining(
                e -> {
                  String had = codes.putIfAbsent(e.getKey(), e.getValue().asText());
                  if (had != null && !had.equals(e.getValue().asText())) {
                    LOG.warnf("two meanings of %s; the first is listed", e.getKey());
                  }
                });
      }
    }
    ObjectNode problem = schemas.get("Problem").deepCopy();
    ObjectNode code = (ObjectNode) problem.path("properties").path("code");
    code.put("description", ErrorCodes.describe(codes));
    code.set(ErrorCodes.EXTENSION, json.valueToTree(codes));
    schemas.set("Problem", problem);
  }

  static final String ASYNCAPI_PATH = "/api/v1/events/asyncapi";

  /**
   * The {@code Nav-Call-Id} parameter as the services describe it on every operation (their
   * OpenApiConventions), for the gateway's own path; none when no service is merged.
   */
  private static JsonNode callIdParameter(JsonNode paths) {
    for (JsonNode path : paths) {
      for (JsonNode operation : path) {
        for (JsonNode parameter : operation.path("parameters")) {
          if (CallId.HEADER.equalsIgnoreCase(parameter.path("name").asText())
              && "header".equals(parameter.path("in").asText())) {
            return parameter.deepCopy();
          }
        }
      }
    }
    return null;
  }

  /** The gateway's own public path: the topics' contract, which the services do not serve. */
  private ObjectNode asyncApiPath(JsonNode callId) {
    ObjectNode get = json.createObjectNode();
    get.put("summary", "The AsyncAPI 3.0 document of the platform's Kafka topics and events");
    get.put("operationId", "AsyncApiResource_document");
    get.putArray("tags").add("Events");
    // Every role's token, as the services' operations say theirs: without it the operation reads
    // as anonymous and a generated client sends none.
    ArrayNode roles = get.putArray("security").addObject().putArray("SecurityScheme");
    List.of(Roles.ADVISER, Roles.MANAGER, Roles.COORDINATOR, Roles.SYSTEM).forEach(roles::add);
    if (callId != null) {
      get.putArray("parameters").add(callId);
    }
    ObjectNode responses = get.putObject("responses");
    responses
        .putObject("200")
        .put("description", "The document")
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("type", "object");
    answer(responses, "401", "No valid token");
    answer(responses, "403", "A machine client without the system role");
    answer(responses, "406", "Accept names no media type this operation answers in");
    gatewayAnswers(get);
    ObjectNode path = json.createObjectNode();
    path.set("get", get);
    return path;
  }

  /**
   * What the gateway may answer on any path besides the service: 429 from the rate limit, 502/503
   * when no instance answers or a token for the hop cannot be had, 504 when it answers too late;
   * every one problem+json.
   */
  private JsonNode gatewayAnswers(JsonNode pathOrOperation) {
    if (pathOrOperation.has("responses")) {
      ObjectNode responses = (ObjectNode) pathOrOperation.get("responses");
      answer(responses, "429", "Too many requests: wait the Retry-After seconds");
      retryAfter((ObjectNode) responses.get("429"));
      answer(responses, "502", "The service gave no valid answer");
      answer(responses, "503", "No instance of the service answers, or no token for it");
      // Every 503 of the platform says when to try again: the gateway's and the services' own.
      retryAfter((ObjectNode) responses.get("503"));
      answer(responses, "504", "The service did not answer in time");
      return pathOrOperation;
    }
    pathOrOperation.forEach(
        operation -> {
          if (operation.isObject() && operation.has("responses")) {
            gatewayAnswers(operation);
          }
        });
    return pathOrOperation;
  }

  /** The {@code Retry-After} header on an answer that has none declared. */
  private static void retryAfter(ObjectNode response) {
    ObjectNode headers =
        response.has("headers")
            ? (ObjectNode) response.get("headers")
            : response.putObject("headers");
    if (!headers.has("Retry-After")) {
      headers
          .putObject("Retry-After")
          .put("description", "Seconds to wait before the next request")
          .putObject("schema")
          .put("type", "integer");
    }
  }

  private void answer(ObjectNode responses, String status, String description) {
    if (!responses.has(status)) {
      ObjectNode response = responses.putObject(status).put("description", description);
      response.set("content", problemContent());
    }
  }

  private ObjectNode problemContent() {
    ObjectNode content = json.createObjectNode();
    content
        .putObject("application/problem+json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/Problem");
    return content;
  }

  /**
   * The schemas the paths refer to, directly or through other schemas: a schema of a path left out
   * (an internal one) is left out too.
   */
  private static ObjectNode referenced(JsonNode document, ObjectNode schemas) {
    Set<String> seen = new TreeSet<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.add(document.path("paths"));
    todo.add(schemas.path("Problem"));
    seen.add("Problem");
    while (!todo.isEmpty()) {
      JsonNode node = todo.poll();
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
        String name = ref.asText().substring(SCHEMAS.length());
        if (seen.add(name) && schemas.has(name)) {
          todo.add(schemas.get(name));
        }
      }
      node.forEach(todo::add);
    }
    ObjectNode kept = schemas.objectNode();
    schemas
        .fields()
        .forEachRemaining(
            e -> {
              if (seen.contains(e.getKey())) {
                kept.set(e.getKey(), e.getValue());
              }
            });
    return kept;
  }

  private static final String SCHEMAS = "#/components/schemas/";
}
