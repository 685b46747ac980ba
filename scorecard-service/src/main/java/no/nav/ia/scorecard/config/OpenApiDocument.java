package no.nav.ia.scorecard.config;

import no.nav.ia.platform.rest.OpenApiConventions;
import no.nav.ia.scorecard.ScorecardErrors;

/**
 * The platform's OpenAPI conventions, with the codes of scorecard-service's own refusals on the
 * Problem schema (registered as {@code mp.openapi.filter} in application.properties).
 */
public class OpenApiDocument extends OpenApiConventions {

  public OpenApiDocument() {
    super(ScorecardErrors.values());
  }
}
