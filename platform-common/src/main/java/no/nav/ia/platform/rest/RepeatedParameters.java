package no.nav.ia.platform.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.ia.platform.problem.FieldError;
import no.nav.ia.platform.problem.ProblemMappers;

/**
 * A query parameter given twice ({@code county=03&county=11}) is refused with 400 naming it, in the
 * gateway and in every service. Every parameter here takes one value, and JAX-RS would take the
 * first without a word: the client asked for two counties and got one, as a JSON key given twice is
 * refused rather than read as one of them ({@link StrictScalars}).
 */
@Singleton
public class RepeatedParameters {

  public static final String MESSAGE = "must be given once";

  /** After the NUL check, which reads the query the same way, and the path parameters' check. */
  static final int ORDER = PathParameters.ORDER + 1;

  private final ProblemMappers problems;

  RepeatedParameters(ProblemMappers problems) {
    this.problems = problems;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
  }

  /** A to Z folded as Vert.x's case-insensitive names are (Ø and ø stay two names). */
  static String asciiLowerCase(String name) {
    StringBuilder folded = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return folded.toString();
  }

  private void check(RoutingContext ctx) {
    String query = ctx.request().query();
    if (query == null || query.indexOf('&') < 0) {
      ctx.next();
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    try {
      // Names as JAX-RS reads them: through Vert.x's parameters, whose names are case-insensitive
      // (COUNTY is read as county, so county=03&COUNTY=11 is the county twice). Each name as the
      // client spelled it first.
      Map<String, String> spelled = new HashMap<>();
      Map<String, Integer> given = new LinkedHashMap<>();
      var params =
          new io.netty.handler.codec.http.QueryStringDecoder(ctx.request().uri()).parameters();
      for (var param : params.entrySet()) {
        String name = spelled.computeIfAbsent(asciiLowerCase(param.getKey()), k -> param.getKey());
        given.merge(name, param.getValue().size(), Integer::sum);
      }
      given.forEach(
          (name, times) -> {
            if (times > 1) {
              // The parameter's name only when it is a name: the client chose it, and the answer
              // may be logged on its way back.
              errors.add(new FieldError(ProblemMappers.sayable(name) ? name : "query", MESSAGE));
            }
          });
    } catch (RuntimeException undecodable) {
      // A query Vert.x cannot decode is refused later, as before.
    }
    if (errors.isEmpty()) {
      ctx.next();
      return;
    }
    problems.endInvalid(
        ctx,
        errors.stream()
            .distinct()
            .sorted(java.util.Comparator.comparing(FieldError::field))
            .toList());
  }
}
