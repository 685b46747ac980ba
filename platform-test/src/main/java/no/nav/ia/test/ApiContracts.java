package no.nav.ia.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.nav.ia.platform.callid.CallId;
import org.assertj.core.api.Assertions;

/**
 * An OpenAPI document as a client generating code from it reads it: what would leave the client
 * untyped or wrong ({@link #gaps}), and whether a real answer fits the schema the document gives
 * for it ({@link #violations}, with a real JSON Schema validator: OpenAPI 3.1 schemas are JSON
 * Schema 2020-12).
 */
public final class ApiContracts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  private ApiContracts() {}

  /**
   * What in the document would mislead a client, one line each; empty when nothing does: an answer
   * with a JSON body and no schema for it, an error that is not the platform's problem, a 201
   * without its Location, a parameter without a type, a Java type leaking as a schema.
   */
  public static List<String> gaps(JsonNode document) {
    List<String> gaps = new ArrayList<>();
    if (!document.path("openapi").asText().startsWith("3.1")) {
      gaps.add("openapi is " + document.path("openapi") + ", not 3.1 (its schemas are 3.1)");
    }
    for (String leaked : List.of("JsonNode", "JsonNodeType", "ObjectNode", "YearMonth")) {
      if (document.path("components").path("schemas").has(leaked)) {
        gaps.add("the Java type " + leaked + " is a schema");
      }
    }
    // A client generator makes a type of each schema's name: java.time.YearMonth is none.
    document
        .path("components")
        .path("schemas")
        .fieldNames()
        .forEachRemaining(
            schema -> {
              if (schema.contains(".")) {
                gaps.add("the Java type " + schema + " is a schema");
              }
            });
    // A JSON Schema pattern matches anywhere in the value: one not anchored lets a client send
    // what the service refuses (Z1234567 for a NAV-ident).
    document
        .path("components")
        .path("schemas")
        .fields()
        .forEachRemaining(
            schema ->
                schema
                    .getValue()
                    .path("properties")
                    .fields()
                    .forEachRemaining(
                        property -> {
                          String pattern = property.getValue().path("pattern").asText();
                          patternGap(pattern)
                              .ifPresent(
                                  gap ->
                                      gaps.add(
                                          schema.getKey()
                                              + "."
                                              + property.getKey()
                                              + ": pattern "
                                              + pattern
                                              + gap));
                        }));
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          operationGaps(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue(), gaps);
        }
      }
    }
    return gaps;
  }

  /** Java regex syntax a JSON Schema validator (ECMA-262) reads otherwise or not at all. */
  private static final java.util.regex.Pattern JAVA_ONLY =
      java.util.regex.Pattern.compile("\\\\[pP]\\{|\\(\\?[a-zA-Z]|\\\\[AzZ]|[*+?}]\\+");

  /**
   * What is wrong with a published pattern for a client's validator: a JSON Schema pattern matches
   * anywhere in the value (one not anchored lets through what the service refuses), and it is an
   * ECMA-262 regex (Java's \\p{Cntrl}, (?s) or possessive quantifiers are errors or mean something
   * else there).
   */
  static java.util.Optional<String> patternGap(String pattern) {
    if (pattern.isEmpty()) {
      return java.util.Optional.empty();
    }
    if (JAVA_ONLY.matcher(pattern).find()) {
      return java.util.Optional.of(" is Java's regex syntax, not ECMA-262's");
    }
    // \S is what the OpenAPI generator writes for @NotBlank: "holds a non-space", anywhere.
    if (!pattern.equals("\\S") && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
      return java.util.Optional.of(" is not anchored");
    }
    return java.util.Optional.empty();
  }

  private static void operationGaps(String name, JsonNode operation, List<String> gaps) {
    // A generator names a client's method by the operation's id, else by path and verb.
    if (operation.path("operationId").asText().isEmpty()) {
      gaps.add(name + ": no operationId");
    }
    // Every API call takes a token: an operation without a security requirement reads as
    // anonymous, and a generated client sends none.
    if (operation.path("security").isEmpty()) {
      gaps.add(name + ": no security requirement");
    }
    boolean callId = false;
    for (JsonNode parameter : operation.path("parameters")) {
      String parameterName = parameter.path("name").asText();
      if (!parameter.path("schema").has("type") && !parameter.path("schema").has("$ref")) {
        gaps.add(name + ": parameter " + parameterName + " has no type");
      }
      String pattern = parameter.path("schema").path("pattern").asText();
      patternGap(pattern)
          .ifPresent(
              gap ->
                  gaps.add(name + ": parameter " + parameterName + "'s pattern " + pattern + gap));
      callId |=
          "header".equals(parameter.path("in").asText())
              && CallId.HEADER.equalsIgnoreCase(parameterName);
    }
    // Every answer carries the call id and every caller may send its own.
    if (!callId) {
      gaps.add(name + ": no " + CallId.HEADER + " header parameter");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      String status = response.getKey();
      JsonNode content = response.getValue().path("content");
      if (status.startsWith("4") || status.startsWith("5")) {
        if (!PROBLEM_REF.equals(
            content.path("application/problem+json").path("schema").path("$ref").asText())) {
          gaps.add(name + ": " + status + " is not described as application/problem+json");
        }
        continue;
      }
      if (status.equals("201") && !response.getValue().path("headers").has("Location")) {
        gaps.add(name + ": 201 without a Location header");
      }
      for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
        Map.Entry<String, JsonNode> type = media.next();
        JsonNode schema = type.getValue().path("schema");
        if (type.getKey().contains("json") && schema.isEmpty()) {
          gaps.add(name + ": " + status + " " + type.getKey() + " has no schema");
        }
      }
    }
  }

  /** The service's own document, as the gateway fetches it to merge it. */
  public static JsonNode served() {
    return read(
        RestAssured.given()
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  /** Asserts that a real answer fits the document's schema for its operation and status. */
  public static Response assertFits(
      JsonNode document, String method, String path, Response answer) {
    Assertions.assertThat(
            violations(document, method, path, answer.statusCode(), read(answer.asString())))
        .as("%s %s answered %d: %s", method, path, answer.statusCode(), answer.asString())
        .isEmpty();
    return answer;
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  /**
   * Why a value of a parameter does not fit the document's schema for it, one line each; empty when
   * it fits. Checks that the document refuses what the service refuses and takes what it takes.
   */
  public static List<String> parameterViolations(
      JsonNode document, String method, String path, String name, String value) {
    for (JsonNode parameter : operation(document, method, path).path("parameters")) {
      if (parameter.path("name").asText().equals(name)) {
        JsonNode schema = parameter.path("schema");
        // A query parameter arrives as text; an integer's schema reads it as the number it spells.
        JsonNode instance =
            schema.path("type").asText().equals("integer") && value.matches("-?\\d{1,18}")
                ? JSON.getNodeFactory().numberNode(Long.parseLong(value))
                : JSON.getNodeFactory().textNode(value);
        return validate(document, schema, instance);
      }
    }
    return List.of(method + " " + path + " has no parameter " + name);
  }

  /** A value of a query parameter of a GET path, and whether the service takes it. */
  public record Limit(String path, String parameter, String value, boolean taken) {
    public static Limit taken(String path, String parameter, String value) {
      return new Limit(path, parameter, value, true);
    }

    public static Limit refused(String path, String parameter, String value) {
      return new Limit(path, parameter, value, false);
    }
  }

  /**
   * Asserts that the limits the document gives the parameters are the ones the service keeps: a
   * value the service refuses (400) the document refuses too, one it takes the document takes (a
   * generated client validates by them).
   */
  public static void assertLimitsKept(JsonNode document, String token, List<Limit> limits) {
    for (Limit limit : limits) {
      String what = limit.path() + "?" + limit.parameter() + "=" + limit.value();
      Assertions.assertThat(
              parameterViolations(document, "GET", limit.path(), limit.parameter(), limit.value()))
          .as("the document on %s", what)
          .matches(violations -> violations.isEmpty() == limit.taken());
      int status =
          RestAssured.given()
              .auth()
              .oauth2(token)
              .queryParam(limit.parameter(), limit.value())
              .get(limit.path())
              .statusCode();
      Assertions.assertThat(status != 400)
          .as("the service on %s answered %d", what, status)
          .isEqualTo(limit.taken());
    }
  }

  /** Why a request body does not fit the document's schema for it; empty when it fits. */
  public static List<String> requestViolations(
      JsonNode document, String method, String path, JsonNode body) {
    JsonNode schema =
        operation(document, method, path)
            .path("requestBody")
            .path("content")
            .path("application/json")
            .path("schema");
    if (schema.isMissingNode() || schema.isEmpty()) {
      return List.of(method + " " + path + " has no JSON request schema");
    }
    return validate(document, schema, body);
  }

  /**
   * Why a real answer does not fit the schema the document gives for that operation, status and
   * content type, one line each; empty when it fits.
   */
  public static List<String> violations(
      JsonNode document, String method, String path, int status, JsonNode body) {
    JsonNode response =
        operation(document, method, path).path("responses").path(String.valueOf(status));
    if (response.isMissingNode()) {
      return List.of(method + " " + path + " does not document " + status);
    }
    JsonNode content = response.path("content");
    JsonNode schema =
        content.has("application/json")
            ? content.path("application/json").path("schema")
            : content.path("application/problem+json").path("schema");
    if (schema.isMissingNode() || schema.isEmpty()) {
      return List.of(method + " " + path + " " + status + " has no JSON schema");
    }
    List<String> violations = new java.util.ArrayList<>(validate(document, schema, body));
    String code = status >= 400 ? body.path("code").asText(null) : null;
    if (code != null) {
      JsonNode meaning = document.at(CODES + "/" + code);
      if (meaning.isMissingNode()) {
        violations.add("code " + code + " is not in the Problem schema's list of codes");
      } else if (meaning.asText().matches("\\d{3}: .*")
          && !meaning.asText().startsWith(status + ": ")) {
        violations.add("code " + code + " is listed as " + meaning.asText().substring(0, 3));
      }
    }
    return violations;
  }

  /**
   * Asserts that the document's Problem schema lists the service's own codes and the common ones,
   * each with what it means.
   */
  public static void assertListsEveryCode(
      JsonNode document, no.nav.ia.platform.domain.ErrorCode... own) {
    Assertions.assertThat(codes(document))
        .containsAll(
            java.util.Arrays.stream(own).map(no.nav.ia.platform.domain.ErrorCode::name).toList())
        .contains("VALIDATION_FAILED", "MALFORMED_BODY", "STALE_VERSION", "INTERNAL_ERROR");
    Assertions.assertThat(document.at(CODES).elements())
        .toIterable()
        .allSatisfy(meaning -> Assertions.assertThat(meaning.asText()).isNotBlank());
  }

  /** Where a document lists its codes and their meanings (ErrorCodes.EXTENSION). */
  private static final String CODES =
      "/components/schemas/Problem/properties/code/"
          + no.nav.ia.platform.problem.ErrorCodes.EXTENSION;

  /** The codes the document's Problem schema lists (ErrorCodes), for a client to branch on. */
  public static java.util.Set<String> codes(JsonNode document) {
    java.util.Set<String> codes = new java.util.TreeSet<>();
    document.at(CODES).fieldNames().forEachRemaining(codes::add);
    return codes;
  }

  private static JsonNode operation(JsonNode document, String method, String path) {
    return document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
  }

  /**
   * Validates against one schema of the document: at the root, the document's components beside it,
   * so that its "#/components/schemas/..." references resolve as they do in the document.
   */
  private static List<String> validate(JsonNode document, JsonNode schema, JsonNode body) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.putArray("allOf").add(schema);
    root.set("components", document.path("components"));
    Schema validator = SCHEMAS.getSchema(root);
    return validator.validate(body).stream().map(Object::toString).toList();
  }
}
