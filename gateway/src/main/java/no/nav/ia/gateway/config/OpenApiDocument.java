package no.nav.ia.gateway.config;

import no.nav.ia.gateway.GatewayErrors;
import no.nav.ia.platform.rest.OpenApiConventions;

/**
 * The platform's OpenAPI conventions, with the codes of gateway's own refusals on the Problem
 * schema (registered as {@code mp.openapi.filter} in application.properties).
 */
public class OpenApiDocument extends OpenApiConventions {

  public OpenApiDocument() {
    super(GatewayErrors.values());
  }
}
