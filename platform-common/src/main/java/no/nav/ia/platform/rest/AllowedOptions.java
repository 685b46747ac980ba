package no.nav.ia.platform.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code OPTIONS} answers the methods the path takes, as a 405's {@code Allow} does ({@link
 * AllowedMethods}): RESTEasy Reactive's own answer lists the methods of every path of the resource
 * class ({@code DELETE} and {@code PUT} on an agreement's history). A path no resource has is left
 * to the 404, and a CORS preflight (none of our services takes one) to Quarkus. The gateway, whose
 * one resource takes every method on every path, asks the service instead ({@code
 * ia.rest.options-from-resources=false}).
 */
public class AllowedOptions {

  @Inject AllowedMethods allowed;

  @ConfigProperty(name = "ia.rest.options-from-resources", defaultValue = "true")
  boolean answer;

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> options(HttpServerRequest request) {
    if (!answer
        || !HttpMethod.OPTIONS.equals(request.method().name())
        || request.getHeader("Access-Control-Request-Method") != null) {
      return Optional.empty();
    }
    return allowed
        .of(request.path())
        .map(methods -> Response.ok().header(HttpHeaders.ALLOW, methods).build());
  }
}
