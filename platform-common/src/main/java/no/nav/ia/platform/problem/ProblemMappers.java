package no.nav.ia.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.domain.CommonErrors;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.ErrorCode;
import no.nav.ia.platform.rest.AllowedMethods;
import no.nav.ia.platform.rest.NulCharacters;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to the platform's problem+json; a client's mistake is never a 500. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @Inject ObjectMapper json;
  @Inject io.quarkus.security.identity.SecurityIdentity identity;
  @Inject AllowedMethods allowed;
  @Inject jakarta.enterprise.inject.Instance<RefusalPages> pages;

  @ServerExceptionMapper
  public Response api(ApiException e) {
    return respond(e.status(), e.code(), e.title(), e.getMessage(), e.errors(), null);
  }

  /**
   * Every domain refusal of every service, by its kind: the one place a rule's "no" becomes a
   * status.
   */
  @ServerExceptionMapper
  public Response domain(DomainException e) {
    return switch (e.kind()) {
      case INVALID ->
          respond(400, e.code(), "Invalid request", e.getMessage(), fieldErrors(e), null);
      case NOT_FOUND -> respond(404, e.code(), "Not found", e.getMessage(), null, null);
      case FORBIDDEN -> respond(403, e.code(), "Forbidden", e.getMessage(), null, null);
      case CONFLICT -> respond(409, e.code(), "Conflict", e.getMessage(), null, e.existing());
      case NOT_ALLOWED_NOW ->
          respond(422, e.code(), "Not allowed now", e.getMessage(), fieldErrors(e), null);
      case STALE -> respond(412, e.code(), "Precondition failed", e.getMessage(), null, null);
    };
  }

  /** The fields a refusal names, as the problem's {@code errors} (none: no {@code errors}). */
  private static List<FieldError> fieldErrors(DomainException e) {
    return e.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList();
  }

  @ServerExceptionMapper
  public Response violations(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(fieldOf(v), v.getMessage()))
            // Two constraints may say the same of a field (@NotBlank and @Written of "   "): once.
            .distinct()
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return api(ApiException.invalid(errors));
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e) {
    List<FieldError> errors = jsonErrors(e);
    return respond(
        400,
        HttpErrors.MALFORMED_BODY,
        "Invalid request",
        errors.stream().anyMatch(f -> f.message().equals(NOT_WELL_FORMED))
            ? "The body is not well-formed JSON"
            : "The body does not fit this request (see errors)",
        errors);
  }

  static final String NOT_WELL_FORMED = "is not well-formed JSON";

  /**
   * Takes precedence over quarkus-rest-jackson's built-in mapper, which answers without a problem
   * body.
   */
  @ServerExceptionMapper
  public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
    return unreadableJson(e);
  }

  @ServerExceptionMapper
  public Response unparseable(com.fasterxml.jackson.core.JsonParseException e) {
    return unreadableJson(e);
  }

  @ServerExceptionMapper
  public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext context) {
    return challenge(context);
  }

  @ServerExceptionMapper
  public Uni<Response> authenticationFailed(
      AuthenticationFailedException e, RoutingContext context) {
    return challenge(context);
  }

  /**
   * Asks the request's authentication mechanism how to challenge: a browser on a login path (code
   * flow) is sent to the issuer, everyone else gets 401 problem+json with {@code WWW-Authenticate}.
   */
  private Uni<Response> challenge(RoutingContext context) {
    HttpAuthenticator authenticator =
        context == null ? null : context.get(HttpAuthenticator.class.getName());
    if (authenticator == null) {
      return Uni.createFrom().item(unauthenticated());
    }
    return authenticator
        .getChallenge(context)
        .map(
            challenge -> {
              if (challenge != null && challenge.status == 302 && challenge.headerName != null) {
                return Response.status(302)
                    .header(challenge.headerName.toString(), challenge.headerContent)
                    .build();
              }
              return unauthenticated();
            });
  }

  /**
   * A role the operation does not allow: the detail names the roles it does (an adviser's review
   * was told only "Your roles do not allow this" when ending an agreement, which is a manager's).
   */
  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, ResourceInfo resource) {
    return respond(
        403,
        HttpErrors.FORBIDDEN,
        "Forbidden",
        forbiddenDetail(rolesAllowed(resource), identity.getRoles().isEmpty()),
        null);
  }

  /** The roles the matched operation allows (the method's, else its class's); none if unknown. */
  static List<String> rolesAllowed(ResourceInfo resource) {
    java.lang.reflect.Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return List.of();
    }
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    return allowed == null ? List.of() : List.of(allowed.value());
  }

  /**
   * What a 403 for a role says: the roles the operation takes ({@code roles}, none if unknown), and
   * for a token that gives none ({@code noRole}) why it may not (a re-check's adviser token without
   * a NAV-ident was told the operation "takes the role adviser").
   */
  static String forbiddenDetail(List<String> roles, boolean noRole) {
    String refused =
        noRole
            ? "Your token gives no role of this platform (none of its roles is one, or it names a"
                + " person without a valid NAV-ident)"
            : "Your roles do not allow this";
    if (roles.isEmpty()) {
      return refused;
    }
    String named =
        roles.size() == 1
            ? roles.get(0)
            : String.join(", ", roles.subList(0, roles.size() - 1))
                + " or "
                + roles.get(roles.size() - 1);
    return refused + "; it takes the role " + named;
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException jsonError) {
      return unreadableJson(jsonError);
    }
    int status = e.getResponse().getStatus();
    if (status == 503) {
      return unavailable("The request cannot be served just now; send it again in a moment");
    }
    if (status >= 500) {
      // Any other 5xx the framework throws is ours to fix: the listed 500 (ErrorCodes).
      LOG.error("request failed", e);
      return respond(
          500,
          HttpErrors.INTERNAL_ERROR,
          "Internal error",
          "The request could not be completed",
          null);
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    Response problem =
        respond(
            status,
            codeFor(status),
            known == null ? "Error" : known.getReasonPhrase(),
            detailFor(status),
            null);
    Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
    return allow == null
        ? problem
        : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
  }

  /**
   * A method the path does not take: 405 with the {@code Allow} header RFC 9110 asks for, which
   * RESTEasy Reactive's own exception does not carry ({@link AllowedMethods}).
   */
  @ServerExceptionMapper
  public Response notAllowed(NotAllowedException e, RoutingContext context) {
    Response problem = web(e);
    if (problem.getHeaders().containsKey(HttpHeaders.ALLOW)) {
      return problem;
    }
    return allowed
        .of(context.normalizedPath())
        .map(methods -> Response.fromResponse(problem).header(HttpHeaders.ALLOW, methods).build())
        .orElse(problem);
  }

  /** What the client can do about a refusal the framework made before any resource ran. */
  static String detailFor(int status) {
    return switch (status) {
      case 404 -> "Nothing is found at this path (check the path and the id in it)";
      case 405 -> "This path does not take this method (see the OpenAPI document at /openapi)";
      case 406 -> "This path cannot answer in the media type the Accept header asks for";
      case 413 -> "The body is larger than this path takes";
      case 415 -> "This path does not take a body of this Content-Type";
      default -> "The request cannot be served as sent";
    };
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    if (isConcurrentUpdate(e)) {
      LOG.info("concurrent update refused: " + e);
      return respond(
          409,
          HttpErrors.CONCURRENT_UPDATE,
          "Conflict",
          "Someone changed this at the same moment; read it again and repeat the change",
          null);
    }
    if (isDatabaseAway(e)) {
      // Not this request's fault nor a defect: the client sends it again (health and the pool's
      // metrics tell the operators).
      LOG.warn("database unavailable: " + Causes.find(e, SQLException.class));
      return unavailable("The database cannot be reached just now; send it again in a moment");
    }
    if (Causes.any(e, cause -> cause instanceof io.vertx.core.http.HttpClosedException)) {
      // The connection closed while the body was read: the client went away, or its time for the
      // body was up and it has its 408 (BodyLimits). No defect of ours, and no one to answer.
      LOG.info("the connection closed before the request's body was read; nothing was done");
      return respond(
          400, HttpErrors.BAD_REQUEST, "Bad Request", "The connection closed mid-request", null);
    }
    LOG.error("request failed", e);
    return respond(
        500,
        HttpErrors.INTERNAL_ERROR,
        "Internal error",
        "The request could not be completed",
        null);
  }

  private static final java.util.Set<String> AWAY =
      java.util.Set.of(
          "08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03", "53300");

  /**
   * The database cannot be reached (a restart, a failover, a pool that waited its whole timeout for
   * a connection), anywhere in the cause chain: a connection that failed, could not be made or is
   * gone (08000, 08001, 08003, 08004, 08006; not 08P01, a protocol violation, which is a defect),
   * the server shutting down or starting (57P01-57P03), too many connections (53300), or Agroal's
   * acquisition timeout. (The event consumer's RetryPolicy also waits out locks and class 53: an
   * HTTP request is answered instead.)
   */
  public static boolean isDatabaseAway(Throwable e) {
    return Causes.any(
        e,
        t -> {
          if (!(t instanceof SQLException sql)) {
            return false;
          }
          String state = sql.getSQLState();
          return state != null && AWAY.contains(state)
              || String.valueOf(sql.getMessage())
                  .toLowerCase(Locale.ROOT)
                  .contains("acquisition timeout");
        });
  }

  /** 503 SERVICE_UNAVAILABLE with {@code Retry-After: 1}: the client sends it again in a moment. */
  private Response unavailable(String detail) {
    return Response.fromResponse(
            respond(503, HttpErrors.SERVICE_UNAVAILABLE, "Service unavailable", detail, null))
        .header(HttpHeaders.RETRY_AFTER, "1")
        .build();
  }

  /**
   * An optimistic-lock failure (JPA's {@code OptimisticLockException}, Hibernate's stale state),
   * anywhere in the cause chain (the transaction's commit wraps it): two writers met, neither is
   * the client's mistake nor a server fault. Known by name, so this module needs no JPA.
   */
  public static boolean isConcurrentUpdate(Throwable e) {
    return Causes.any(
        e,
        t -> {
          for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            String name = c.getName();
            if (name.equals("jakarta.persistence.OptimisticLockException")
                || name.equals("org.hibernate.StaleStateException")) {
              return true;
            }
          }
          return false;
        });
  }

  /** 401 problem+json with {@code WWW-Authenticate: Bearer}. */
  public Response unauthenticated() {
    Response r =
        respond(
            401,
            HttpErrors.UNAUTHENTICATED,
            "Unauthorized",
            "A valid bearer token is required",
            null);
    return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }

  /**
   * Answers with the problem on the request's Vert.x response: for route filters that refuse a
   * request before JAX-RS. A request that wants a page instead gets it ({@link RefusalPages}).
   */
  public void end(RoutingContext ctx, int status, ErrorCode code, String title, String detail) {
    end(ctx, status, code, title, detail, null);
  }

  /** As above, naming the fields that were refused. */
  public void end(
      RoutingContext ctx,
      int status,
      ErrorCode code,
      String title,
      String detail,
      List<FieldError> errors) {
    String problem = String.valueOf(respond(status, code, title, detail, errors).getEntity());
    if (pages != null && pages.isResolvable() && pages.get().answered(ctx, status, problem)) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, no.nav.ia.platform.rest.ResponseCaching.NO_STORE)
        .end(problem);
  }

  /** A 400 VALIDATION_FAILED naming the refused fields, for the route filters' refusals. */
  public void endInvalid(RoutingContext ctx, List<FieldError> errors) {
    ApiException invalid = ApiException.invalid(errors);
    end(
        ctx,
        invalid.status(),
        CommonErrors.VALIDATION_FAILED,
        invalid.title(),
        invalid.getMessage(),
        invalid.errors());
  }

  /** Builds the problem+json response; also used by code outside JAX-RS mappers. */
  public Response respond(
      int status, ErrorCode code, String title, String detail, List<FieldError> errors) {
    return respond(status, code.name(), title, detail, errors, null);
  }

  /** As above, for a code an exception carries (made from an {@link ErrorCode}). */
  private Response respond(
      int status,
      String code,
      String title,
      String detail,
      List<FieldError> errors,
      String existing) {
    Problem problem =
        new Problem(
            Problem.TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'),
            title,
            status,
            detail,
            code,
            CallId.currentOrNull(),
            errors == null || errors.isEmpty() ? null : errors,
            existing);
    try {
      return Response.status(status)
          .type(Problem.MEDIA_TYPE)
          .entity(json.writeValueAsString(problem))
          .build();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The code of a status the HTTP layer refused with; any other 4xx is BAD_REQUEST. */
  static HttpErrors codeFor(int status) {
    return switch (status) {
      case 401 -> HttpErrors.UNAUTHENTICATED;
      case 403 -> HttpErrors.FORBIDDEN;
      case 404 -> HttpErrors.NOT_FOUND;
      case 405 -> HttpErrors.METHOD_NOT_ALLOWED;
      case 406 -> HttpErrors.NOT_ACCEPTABLE;
      case 408 -> HttpErrors.REQUEST_TIMEOUT;
      case 413 -> HttpErrors.PAYLOAD_TOO_LARGE;
      case 415 -> HttpErrors.UNSUPPORTED_MEDIA_TYPE;
      case 428 -> HttpErrors.PRECONDITION_REQUIRED;
      case 429 -> HttpErrors.TOO_MANY_REQUESTS;
      default -> HttpErrors.BAD_REQUEST;
    };
  }

  /**
   * The request field a violation is about, as a JSON path: without method and parameter names, a
   * list's item by its index ({@code subGoals[1]}, not the validator's element name).
   */
  public static String fieldOf(ConstraintViolation<?> violation) {
    List<String> names = new java.util.ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, RETURN_VALUE -> names.clear();
        case PARAMETER -> {
          names.clear();
          names.add(node.getName());
        }
        default -> {
          if (node.getIndex() != null && !names.isEmpty()) {
            names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
          }
          if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
            names.add(node.getName());
          }
        }
      }
    }
    // A body parameter's own name says nothing to the client; a query parameter's does.
    if (!names.isEmpty() && names.get(0).equals("request")) {
      names.remove(0);
    }
    return names.isEmpty() ? "body" : String.join(".", names);
  }

  /**
   * Whether a name the client made up (a body's field, a query parameter) may be said back in a
   * problem: a name like the ones requests have. Anything else (digits first, an identity number)
   * is the client's data, and the answer may be logged on its way back.
   */
  public static boolean sayable(String name) {
    return name != null
        && CLIENT_NAME.matcher(name).matches()
        && !no.nav.ia.platform.domain.NationalIdentityNumbers.containsOne(name);
  }

  private static final java.util.regex.Pattern CLIENT_NAME =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");

  /**
   * What a field's value must be, for a value of the wrong kind: an enumeration's values (those the
   * field publishes when it takes fewer than its enumeration has: its {@code @Schema(enumeration)},
   * a case's new status is never PENDING), a date's form, the JSON type; a client corrects every
   * such value from the one message.
   */
  static String wrongValue(Class<?> target, Object value, List<String> published) {
    if (target == null) {
      return "has the wrong type or an unknown value";
    }
    if (target.isEnum()) {
      return unknownValue(
          published.isEmpty()
              ? java.util.Arrays.stream(target.getEnumConstants())
                  .map(c -> ((Enum<?>) c).name())
                  .toList()
              : published,
          value instanceof String text ? text : null,
          "has an unknown value: must be one of ");
    }
    if (target == java.time.LocalDate.class) {
      // 2026-02-29 is written so, but is no day (an adviser's review read the form's message).
      return value instanceof String text && no.nav.ia.platform.rest.Params.writtenAsDay(text)
          ? "is written YYYY-MM-DD, but there is no such day"
          : "is not a date: must be a day written YYYY-MM-DD, such as 2026-03-15";
    }
    if (target == java.time.OffsetDateTime.class || target == java.time.Instant.class) {
      return "is not a moment: must be written as ISO 8601 with its offset, such as"
          + " 2026-03-15T09:30:00+01:00";
    }
    if (target == java.util.UUID.class) {
      return "has the wrong type: must be a UUID";
    }
    if (target == String.class) {
      return "has the wrong type: must be text";
    }
    if (target == Integer.class
        || target == int.class
        || target == Long.class
        || target == long.class
        || target == Short.class
        || target == short.class) {
      return "has the wrong type: must be a whole number";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "has the wrong type: must be true or false";
    }
    if (target.isArray() || java.util.Collection.class.isAssignableFrom(target)) {
      return "has the wrong type: must be a JSON array";
    }
    return "has the wrong type or an unknown value";
  }

  /** The value's own name when it is one of {@code names} but for blanks or letter case. */
  private static String nearest(List<String> names, String stripped) {
    return names.stream().filter(n -> n.equalsIgnoreCase(stripped)).findFirst().orElse(null);
  }

  /**
   * What a field or a query parameter is told of a value that is none of {@code names}: the names,
   * and how to write the one it nearly is (blanks of any kind around it, a no-break space too, or
   * small letters). {@code lead} introduces the list.
   */
  public static String unknownValue(List<String> names, String value, String lead) {
    String stripped = value == null ? null : value.replaceAll("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$", "");
    String near = stripped == null ? null : nearest(names, stripped);
    if (near != null && near.equals(stripped)) {
      return "has blanks around its value: must be " + near + " without them";
    }
    return lead
        + String.join(", ", names)
        + (near == null ? "" : " (written in capitals, as " + near + ")");
  }

  /**
   * The values the OpenAPI document gives the field in error ({@code @Schema(enumeration)} on the
   * record component), or none. Jackson names the record's class in the path's last step.
   */
  private static List<String> publishedValues(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return List.of();
    }
    JsonMappingException.Reference last = mapping.getPath().get(mapping.getPath().size() - 1);
    Object from = last.getFrom();
    if (from == null || last.getFieldName() == null) {
      return List.of();
    }
    Class<?> owner = from instanceof Class<?> type ? type : from.getClass();
    try {
      org.eclipse.microprofile.openapi.annotations.media.Schema schema =
          owner
              .getDeclaredField(last.getFieldName())
              .getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
      return schema == null ? List.of() : List.of(schema.enumeration());
    } catch (NoSuchFieldException | SecurityException notAField) {
      return List.of();
    }
  }

  /** The fields a JSON reading error names (for a batch's items, too). */
  public static List<FieldError> jsonErrors(JsonProcessingException e) {
    String path = "";
    if (e instanceof JsonMappingException mapping) {
      path =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
    if (e instanceof NulCharacters.Refused refused) {
      return List.of(new FieldError(path.isEmpty() ? "body" : path, refused.getOriginalMessage()));
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      String name = unknown.getPropertyName();
      String parent =
          path.equals(name)
              ? ""
              : path.endsWith("." + name)
                  ? path.substring(0, path.length() - name.length() - 1)
                  : path;
      return List.of(
          sayable(name)
              ? new FieldError(
                  parent.isEmpty() ? name : parent + "." + name, "is not a field of this request")
              : new FieldError(
                  parent.isEmpty() ? "body" : parent,
                  "has a field that is not part of this request"));
    }
    JsonParseException unparseable = Causes.find(e, JsonParseException.class);
    if (unparseable != null) {
      String message = String.valueOf(unparseable.getOriginalMessage());
      if (message.startsWith("Duplicate field '")) {
        String name = message.substring(17, Math.max(17, message.indexOf('\'', 17)));
        return List.of(
            sayable(name)
                ? new FieldError(name, "is given twice")
                : new FieldError("body", "has a field given twice"));
      }
      return List.of(new FieldError("body", NOT_WELL_FORMED));
    }
    if (!path.isEmpty()) {
      Class<?> target =
          e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
      Object value =
          e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
              ? invalid.getValue()
              : null;
      return List.of(new FieldError(path, wrongValue(target, value, publishedValues(e))));
    }
    if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
      return List.of(new FieldError("body", "must be one JSON value with nothing after it"));
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      Class<?> target = mismatch.getTargetType();
      boolean list = target.isArray() || java.util.Collection.class.isAssignableFrom(target);
      return List.of(
          new FieldError("body", list ? "must be a JSON array" : "must be a JSON object"));
    }
    return List.of(new FieldError("body", NOT_WELL_FORMED));
  }
}
