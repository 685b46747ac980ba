package no.nav.ia.platform.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.domain.ErrorCode;
import no.nav.ia.platform.problem.ErrorCodes;
import no.nav.ia.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says the same way, written in one place rather than on
 * every operation (registered as {@code mp.openapi.filter}): every error is {@link Problem} as
 * {@code application/problem+json}; an operation with a body can answer 413 and 415, one that
 * answers with one 406; {@code page} and {@code size} are the integers {@link Params} reads; an
 * {@code If-Match} is required where the operation answers 428 without it; CSV and HTML answers,
 * and headers, are text. The problem's {@code code} lists the codes the service can answer ({@link
 * ErrorCodes}).
 */
public class OpenApiConventions implements OASFilter {

  static final String PROBLEM = "Problem";

  /**
   * How the contract changes, at the end of every document's description: API.md's "keep it stable"
   * (new fields, not renamed ones) said where a client generator's author reads it (an integrator's
   * review: a client generated with the default settings fails on a field added later, as
   * Problem.existing was).
   */
  public static final String CHANGES =
      " How this contract changes within /api/v1: an answer may gain fields and an enumeration (a"
          + " service, a status, a form, an error code) may gain values, so a client ignores a"
          + " field it does not know and reads an unknown value as one it cannot handle (generate"
          + " clients so); nothing is renamed or removed. A request is read strictly: a field the"
          + " operation does not know is 400 MALFORMED_BODY, so a client sends the fields this"
          + " document lists (a correction may send back what a read answered: the answer's own"
          + " fields, such as id and version, are left unread).";

  private static final String SCHEMAS = "#/components/schemas/";

  private final Map<String, String> codes;

  /** A document whose problems carry the common and HTTP codes only. */
  public OpenApiConventions() {
    this(new ErrorCode[0]);
  }

  /**
   * A service's document: its problems carry the common codes and these (a service registers its
   * subclass as {@code mp.openapi.filter}).
   */
  protected OpenApiConventions(ErrorCode[]... serviceCodes) {
    this.codes = ErrorCodes.of(serviceCodes);
  }

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    if (openApi.getComponents() == null) {
      openApi.setComponents(OASFactory.createComponents());
    }
    addProblemSchemas(openApi.getComponents(), codes);
    describeChanges(openApi);
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    openApi.getPaths().getPathItems().values().stream()
        .flatMap(item -> item.getOperations().values().stream())
        .forEach(OpenApiConventions::operation);
    requireAnswerFields(openApi);
  }

  /**
   * The document's description: the service's own line ({@code ia.openapi.description}) and {@link
   * #CHANGES}. Not {@code quarkus.smallrye-openapi.info-description}: SmallRye sets that after the
   * filters have run, over what they wrote (a re-check found the services' documents without the
   * text).
   */
  private static void describeChanges(OpenAPI openApi) {
    if (openApi.getInfo() == null) {
      openApi.setInfo(OASFactory.createInfo());
    }
    String own =
        openApi.getInfo().getDescription() != null
            ? openApi.getInfo().getDescription()
            : org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("ia.openapi.description", String.class)
                .orElse("");
    if (!own.endsWith(CHANGES)) {
      openApi.getInfo().setDescription(own.isEmpty() ? CHANGES.strip() : own + "." + CHANGES);
    }
  }

  /**
   * Every property of an object schema that only answers carry is required: the services write
   * every field of an answer, an empty one as {@code null} (Jackson's default inclusion, which no
   * answer changes; {@link Problem} leaves empty fields out and keeps its own list), so a client
   * generator may type them as always there, and a contract test catches an answer that leaves one
   * out. A schema a request body or a parameter uses too keeps its fields optional.
   */
  static void requireAnswerFields(OpenAPI openApi) {
    Map<String, Schema> named =
        openApi.getComponents().getSchemas() == null
            ? Map.of()
            : openApi.getComponents().getSchemas();
    java.util.Set<String> answered = new java.util.HashSet<>();
    java.util.Set<String> asked = new java.util.HashSet<>();
    for (var item : openApi.getPaths().getPathItems().values()) {
      for (Operation operation : item.getOperations().values()) {
        if (operation.getRequestBody() != null) {
          schemasOf(operation.getRequestBody().getContent()).forEach(s -> reach(s, named, asked));
        }
        if (operation.getParameters() != null) {
          operation.getParameters().forEach(p -> reach(p.getSchema(), named, asked));
        }
        if (operation.getResponses() != null
            && operation.getResponses().getAPIResponses() != null) {
          operation.getResponses().getAPIResponses().values().stream()
              .flatMap(response -> schemasOf(response.getContent()).stream())
              .forEach(s -> reach(s, named, answered));
        }
      }
    }
    answered.removeAll(asked);
    for (String name : answered) {
      Schema schema = named.get(name);
      if (schema.getProperties() != null
          && !schema.getProperties().isEmpty()
          && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
        schema.setRequired(new java.util.ArrayList<>(schema.getProperties().keySet()));
      }
    }
  }

  private static List<Schema> schemasOf(Content content) {
    if (content == null || content.getMediaTypes() == null) {
      return List.of();
    }
    return content.getMediaTypes().values().stream()
        .map(MediaType::getSchema)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** Adds the names of the component schemas {@code schema} refers to, at any depth. */
  private static void reach(Schema schema, Map<String, Schema> named, java.util.Set<String> seen) {
    if (schema == null) {
      return;
    }
    String ref = schema.getRef();
    if (ref != null && ref.startsWith(SCHEMAS)) {
      String name = ref.substring(SCHEMAS.length());
      if (named.containsKey(name) && seen.add(name)) {
        reach(named.get(name), named, seen);
      }
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(s -> reach(s, named, seen));
    }
    reach(schema.getItems(), named, seen);
    reach(schema.getAdditionalPropertiesSchema(), named, seen);
    for (List<Schema> some :
        java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
      if (some != null) {
        some.forEach(s -> reach(s, named, seen));
      }
    }
  }

  private static void operation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      return;
    }
    if (operation.getRequestBody() != null) {
      addIfAbsent(
          responses,
          "408",
          "The body did not arrive in time (30 s from the headers, by default); nothing was done,"
              + " send it again");
      addIfAbsent(responses, "413", "The body is larger than this path takes");
      addIfAbsent(responses, "415", "The body is not application/json");
    }
    if (answersWithABody(responses)) {
      addIfAbsent(responses, "406", "Accept names no media type this operation answers in");
    }
    if (responses.getAPIResponses() != null) {
      responses.getAPIResponses().forEach(OpenApiConventions::response);
    }
    if (operation.getParameters() != null) {
      boolean preconditionRequired = responses.hasAPIResponse("428");
      operation.getParameters().forEach(p -> parameter(p, preconditionRequired));
    }
    addCallId(operation);
  }

  /**
   * Every operation takes a {@code Nav-Call-Id} (CallId): documented once here, not on every
   * resource method.
   */
  private static void addCallId(Operation operation) {
    boolean present =
        operation.getParameters() != null
            && operation.getParameters().stream()
                .anyMatch(
                    p ->
                        p.getIn() == Parameter.In.HEADER
                            && CallId.HEADER.equalsIgnoreCase(p.getName()));
    if (!present) {
      operation.addParameter(
          OASFactory.createParameter()
              .name(CallId.HEADER)
              .in(Parameter.In.HEADER)
              .description(
                  "Your id for this call, to follow it through the logs and events; every answer"
                      + " carries the one used: yours when it is 1 to 100 letters, digits and"
                      + " ._:- and holds no national identity number, otherwise a new one. An"
                      + " opaque id (a UUID, or your system's own kind): never a name or anything"
                      + " about a person, since the"
                      + " events the call makes carry it and the topics keep them for good")
              // No pattern: an id the platform does not take is replaced, not refused.
              .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
    }
  }

  /** Whether a success answer has content, whose media type an {@code Accept} can refuse. */
  private static boolean answersWithABody(APIResponses responses) {
    return responses.getAPIResponses() != null
        && responses.getAPIResponses().entrySet().stream()
            .anyMatch(
                e ->
                    e.getKey().startsWith("2")
                        && e.getValue().getContent() != null
                        && e.getValue().getContent().getMediaTypes() != null
                        && !e.getValue().getContent().getMediaTypes().isEmpty());
  }

  private static void addIfAbsent(APIResponses responses, String status, String description) {
    if (!responses.hasAPIResponse(status)) {
      responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
    }
  }

  private static void response(String status, APIResponse response) {
    if (response.getHeaders() != null) {
      response.getHeaders().values().stream()
          .filter(h -> h.getSchema() == null && h.getRef() == null)
          .forEach(h -> h.setSchema(OASFactory.createSchema().addType(SchemaType.STRING)));
    }
    if (status.startsWith("4") || status.startsWith("5")) {
      response.setContent(
          OASFactory.createContent()
              .addMediaType(
                  Problem.MEDIA_TYPE,
                  OASFactory.createMediaType()
                      .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))));
      return;
    }
    Content content = response.getContent();
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    for (Map.Entry<String, MediaType> media : content.getMediaTypes().entrySet()) {
      if (media.getKey().startsWith("text/")) {
        media.getValue().setSchema(OASFactory.createSchema().addType(SchemaType.STRING));
      }
    }
  }

  private static void parameter(Parameter parameter, boolean preconditionRequired) {
    if (parameter.getIn() == Parameter.In.QUERY && "page".equals(parameter.getName())) {
      parameter.description("The page, from 0").schema(integer(0, Params.MAX_PAGE).defaultValue(0));
    } else if (parameter.getIn() == Parameter.In.QUERY && "size".equals(parameter.getName())) {
      parameter
          .description("Items per page")
          .schema(integer(1, Params.MAX_PAGE_SIZE).defaultValue(50));
    } else if (parameter.getIn() == Parameter.In.QUERY && plainText(parameter.getSchema())) {
      switch (parameter.getName()) {
        case "county" ->
            text(parameter, "A county code (two digits, valid now or earlier)", "^\\d{2}$");
        case "orgNumber" ->
            text(
                parameter,
                "An organisation number (9 digits, with a valid check digit)",
                "^\\d{9}$");
        default -> {}
      }
    } else if (parameter.getIn() == Parameter.In.HEADER
        && "If-Match".equalsIgnoreCase(parameter.getName())) {
      parameter
          .required(preconditionRequired ? Boolean.TRUE : null)
          .description(
              "The version read, as its ETag gave it (\"3\", or W/\"3\" where the ETag is weak,"
                  + " as an agreement's and a half-year report's are; 3 is taken too)")
          .schema(
              OASFactory.createSchema()
                  .addType(SchemaType.STRING)
                  .pattern("^\\s*(W/)?\"?[0-9]+\"?\\s*$"));
    }
  }

  private static void text(Parameter parameter, String description, String pattern) {
    parameter
        .description(description)
        .schema(OASFactory.createSchema().addType(SchemaType.STRING).pattern(pattern));
  }

  /** A parameter the resource described as text and no more, or not at all. */
  private static boolean plainText(Schema schema) {
    return schema == null
        || (schema.getRef() == null
            && schema.getPattern() == null
            && schema.getEnumeration() == null
            && schema.getMaxLength() == null);
  }

  private static Schema integer(int min, int max) {
    return OASFactory.createSchema()
        .addType(SchemaType.INTEGER)
        .format("int32")
        .minimum(BigDecimal.valueOf(min))
        .maximum(BigDecimal.valueOf(max));
  }

  private static void addProblemSchemas(Components components, Map<String, String> codes) {
    Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
    components.addSchema(
        "FieldError",
        OASFactory.createSchema()
            .addType(SchemaType.OBJECT)
            .description("One rejected field; the message never repeats the value")
            .addProperty("field", text)
            .addProperty("message", text)
            .required(List.of("field", "message")));
    components.addSchema(
        PROBLEM,
        OASFactory.createSchema()
            .addType(SchemaType.OBJECT)
            .description(
                "RFC 9457 problem details, with the platform's code and the call id to quote")
            .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri"))
            .addProperty("title", text)
            .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER))
            .addProperty("detail", text)
            .addProperty(
                "code",
                OASFactory.createSchema()
                    .addType(SchemaType.STRING)
                    .description(ErrorCodes.describe(codes))
                    .addExtension(ErrorCodes.EXTENSION, codes))
            .addProperty("callId", text)
            .addProperty(
                "errors",
                OASFactory.createSchema()
                    .addType(SchemaType.ARRAY)
                    .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
            .addProperty(
                "existing",
                OASFactory.createSchema()
                    .addType(SchemaType.STRING)
                    .format("uri-reference")
                    .description(
                        "On a 409 about something that is there already (AGREEMENT_EXISTS,"
                            + " CAMPAIGN_ALREADY_OPEN): its path, when the caller may read it"))
            .required(List.of("type", "title", "status", "code")));
  }
}
