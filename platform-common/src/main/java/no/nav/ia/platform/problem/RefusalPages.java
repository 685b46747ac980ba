package no.nav.ia.platform.problem;

import io.vertx.ext.web.RoutingContext;

/**
 * Another way to answer a refusal made before JAX-RS (by a route filter, {@link
 * ProblemMappers#end}) for the requests that want one: the gateway's browser pages, which get a
 * Norwegian HTML page where the API gets problem+json. The JAX-RS response filters that make those
 * pages never see such a refusal. A service has none, and answers problem+json.
 */
public interface RefusalPages {

  /**
   * Answers the refusal (its status and problem+json) in this request's own way, or returns false
   * and leaves the request to the problem+json.
   */
  boolean answered(RoutingContext ctx, int status, String problem);
}
