package no.nav.ia.agreement.config;

import no.nav.ia.agreement.AgreementErrors;
import no.nav.ia.platform.rest.OpenApiConventions;

/**
 * The platform's OpenAPI conventions, with the codes of agreement-service's own refusals on the
 * Problem schema (registered as {@code mp.openapi.filter} in application.properties).
 */
public class OpenApiDocument extends OpenApiConventions {

  public OpenApiDocument() {
    super(AgreementErrors.values());
  }
}
