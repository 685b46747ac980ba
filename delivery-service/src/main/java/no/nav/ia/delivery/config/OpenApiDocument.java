package no.nav.ia.delivery.config;

import no.nav.ia.delivery.DeliveryErrors;
import no.nav.ia.platform.rest.OpenApiConventions;

/**
 * The platform's OpenAPI conventions, with the codes of delivery-service's own refusals on the
 * Problem schema (registered as {@code mp.openapi.filter} in application.properties).
 */
public class OpenApiDocument extends OpenApiConventions {

  public OpenApiDocument() {
    super(DeliveryErrors.values());
  }
}
