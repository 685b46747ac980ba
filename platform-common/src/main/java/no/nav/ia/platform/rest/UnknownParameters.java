package no.nav.ia.platform.rest;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.problem.FieldError;
import no.nav.ia.platform.problem.ProblemMappers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter the operation does not take is refused with 400 naming it and the ones it
 * takes, on the API's paths and the operations' ({@code /internal/}, the gateway's {@code
 * /api/v1/operations/}): {@code GET /api/v1/agreements?countyCode=15} (the filter is {@code
 * county}) answered every county's agreements, and a system that misspelt a filter processed the
 * wrong records without a word, while an unknown field in a body is refused. Names compare as
 * Vert.x reads them, A to Z folded ({@link RepeatedParameters#asciiLowerCase}). The gateway, whose
 * one resource forwards every query, leaves this to the services ({@code
 * ia.rest.refuse-unknown-parameters=false}).
 */
public class UnknownParameters {

  public static final String MESSAGE = "is not a parameter of this request";

  /** The parameters each resource method takes, folded, read once. */
  private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

  @ConfigProperty(name = "ia.rest.refuse-unknown-parameters", defaultValue = "true")
  boolean refuse;

  @ServerRequestFilter
  public void check(ResourceInfo resource, HttpServerRequest request) {
    String query = request.query();
    if (!refuse
        || query == null
        || query.isEmpty()
        || !(request.path().startsWith("/api/") || request.path().startsWith("/internal/"))) {
      return;
    }
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Set<String> taken = TAKEN.computeIfAbsent(method, UnknownParameters::queryParameters);
    List<FieldError> errors = new ArrayList<>();
    Set<String> named = new TreeSet<>();
    Set<String> given;
    try {
      given = new QueryStringDecoder(request.uri()).parameters().keySet();
    } catch (RuntimeException undecodable) {
      return; // refused elsewhere, as RepeatedParameters leaves it
    }
    for (String name : given) {
      if (!taken.contains(RepeatedParameters.asciiLowerCase(name))
          && named.add(RepeatedParameters.asciiLowerCase(name))) {
        // The name only when it is a name: the client chose it, and the answer may be logged.
        errors.add(
            new FieldError(
                ProblemMappers.sayable(name) ? name : "query", MESSAGE + takes(method, taken)));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  private static String takes(Method method, Set<String> taken) {
    return taken.isEmpty()
        ? " (it takes none)"
        : " (it takes " + String.join(", ", spelled(method)) + ")";
  }

  static Set<String> queryParameters(Method method) {
    Set<String> folded = new TreeSet<>();
    spelled(method).forEach(name -> folded.add(RepeatedParameters.asciiLowerCase(name)));
    return Set.copyOf(folded);
  }

  /** The names of the method's {@code @QueryParam}s, as the operation spells them. */
  private static List<String> spelled(Method method) {
    List<String> names = new ArrayList<>();
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof QueryParam param) {
          names.add(param.value());
        }
      }
    }
    return names;
  }
}
