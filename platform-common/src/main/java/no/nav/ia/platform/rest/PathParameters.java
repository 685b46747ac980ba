package no.nav.ia.platform.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import no.nav.ia.platform.problem.FieldError;
import no.nav.ia.platform.problem.ProblemMappers;

/**
 * A path with parameters ({@code ;name=value}, also written {@code %3B}) is refused with 400, in
 * the gateway and in every service. The API has none, but the REST layer drops them before it
 * matches a resource, so {@code /api/v1/agreements/ID;anything} was served as {@code
 * /api/v1/agreements/ID} while logs and the audit trail, which record the path as sent, kept the
 * client's text: a way to write anything, a person's identity number too, into an audit record.
 */
@Singleton
public class PathParameters {

  static final String MESSAGE = "must not hold parameters (;)";

  /** Next to the NUL check: before the body limits and authentication read the request. */
  static final int ORDER = NulCharacters.ORDER + 1;

  private final ProblemMappers problems;

  PathParameters(ProblemMappers problems) {
    this.problems = problems;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    if (!hasParameters(ctx.request().uri())) {
      ctx.next();
      return;
    }
    problems.endInvalid(ctx, List.of(new FieldError("path", MESSAGE)));
  }

  /** Whether the path part of a request's URI holds a semicolon, as sent or percent-encoded. */
  static boolean hasParameters(String uri) {
    if (uri == null) {
      return false;
    }
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    return path.indexOf(';') >= 0 || path.contains("%3B") || path.contains("%3b");
  }
}
