package no.nav.ia.platform.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import no.nav.ia.platform.problem.HttpErrors;
import no.nav.ia.platform.problem.ProblemMappers;

/**
 * A request with more than one {@code Authorization} header is 400, before anyone reads one: the
 * field is a singleton (RFC 9110 11.6.2), and which of two tokens speaks for the request was the
 * first's by accident of the reader (another proxy may take the last). In the gateway and every
 * service.
 */
@Singleton
public class OneAuthorization {

  static final String DETAIL = "The request must carry one Authorization header";

  /** With the Host check, before authentication. */
  static final int ORDER = HostlessRequests.ORDER + 1;

  private final ProblemMappers problems;

  OneAuthorization(ProblemMappers problems) {
    this.problems = problems;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    if (ctx.request().headers().getAll("Authorization").size() <= 1) {
      ctx.next();
      return;
    }
    problems.end(ctx, 400, HttpErrors.BAD_REQUEST, "Bad Request", DETAIL);
  }
}
