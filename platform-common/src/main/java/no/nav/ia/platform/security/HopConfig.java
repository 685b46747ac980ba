package no.nav.ia.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Tokens for calls to another service of the platform ({@link HopTokens}). The client id and issuer
 * are the service's own ({@code quarkus.oidc.*}); each target is named by the scope its tokens are
 * asked for (its client id locally, {@code api://<cluster>.<namespace>.<app>/.default} on NAIS).
 */
@ConfigMapping(prefix = "ia.hops")
public interface HopConfig {

  /** This service's client secret at the issuer (any value locally; Entra ID's on NAIS). */
  String clientSecret();

  /** How long a token request may take before the call that needs it fails. */
  @WithDefault("5S")
  Duration timeout();

  /** Exchanged tokens kept, one per caller's token and target, until shortly before they expire. */
  @WithDefault("10000")
  int cacheSize();

  /**
   * Client ids (a token's {@code azp}, or {@code azp_name} on NAIS) of the platform's own services
   * that call on behalf of a machine client: a service believes their {@value
   * HopTokens#CONSUMER_HEADER} header, nobody else's. None at the gateway: nothing forwards to it,
   * so a client's token naming the gateway's own client id names no one else there.
   */
  Optional<List<String>> trustedForwarders();
}
