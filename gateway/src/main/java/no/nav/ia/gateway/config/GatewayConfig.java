package no.nav.ia.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where the gateway sends each public path. */
@ConfigMapping(prefix = "ia.gateway")
public interface GatewayConfig {

  /**
   * First path segment after /api/v1/ (e.g. {@code deliveries}) to the base URL of the service
   * serving it, or the base URLs of its instances separated by commas (the gateway balances across
   * them).
   */
  Map<String, String> routes();

  /**
   * The same segments to the scope a token for that service is asked for (HopTokens): the service's
   * client id locally, {@code api://<cluster>.<namespace>.<app>/.default} on NAIS.
   */
  Map<String, String> scopes();

  /**
   * Searches (a GET of these paths below /api/v1/, exactly) whose {@code county} query parameter
   * any caller may set: the enterprise register ("advisers and managers default to their county",
   * API.md). Elsewhere the gateway refuses a county the token does not cover before forwarding; the
   * services check it again.
   */
  @WithDefault("enterprises")
  Set<String> anyCountySearches();

  /**
   * The gateway's address as clients know it (https://ia-platform.intern.nav.no on NAIS, behind the
   * ingress): a service's {@code Location} is rewritten to it. Without it, the request's own scheme
   * and Host are used (locally).
   */
  Optional<String> publicUrl();

  /**
   * The issuer's end-session page, for a logout that comes without a session (BrowserHardening):
   * mock-oauth2-server's locally, Entra ID's on NAIS.
   */
  String issuerLogoutUrl();

  /** How long an instance that refused a connection is left out before it is tried again. */
  @WithDefault("5S")
  Duration instanceDownPause();

  /**
   * Base URL (or URLs of its instances) of the service that renders the managers' dashboard
   * (scorecard-service).
   */
  String dashboard();

  /** The scope of tokens for the dashboard's service. */
  String dashboardScope();

  /**
   * The services that produce a topic, by name: each serves the AsyncAPI document of its topics,
   * and {@code GET /api/v1/events/asyncapi} merges them.
   */
  Map<String, Service> eventProducers();

  /**
   * The services by name whose operations endpoints ({@code /internal/**}: the parked events and
   * their replay, the scorecard's rebuild) a coordinator reaches at {@code
   * /api/v1/operations/{name}/**}: on NAIS nothing else reaches them (no ingress, no token for a
   * person with the service's own audience but through the gateway).
   */
  Map<String, Service> operations();

  /** How long an operation may take before the client gets 504 (it goes on in the service). */
  @WithDefault("10M")
  Duration operationsTimeout();

  /** Where a service is and how to get a token for it. */
  interface Service {

    /** Base URL of the service, or its instances' base URLs separated by commas. */
    String url();

    /** The scope of tokens for the service (HopTokens). */
    String scope();
  }

  /** How long a service may take to answer before the client gets 504. */
  @WithDefault("10S")
  Duration timeout();

  /** The same for batch intake ({@code .../batch}), which records up to 1,000 items in one call. */
  @WithDefault("120S")
  Duration batchTimeout();

  /** Open connections the gateway keeps to each service; requests beyond wait for one. */
  @WithDefault("128")
  int maxConnectionsPerService();

  RateLimit rateLimit();

  /**
   * Requests per client (token subject or client id), so one runaway integration cannot starve
   * others.
   */
  interface RateLimit {
    @WithDefault("true")
    boolean enabled();

    /** Sustained requests per second per client. */
    @WithDefault("50")
    double perSecond();

    /** Requests a client may send at once before the sustained rate applies. */
    @WithDefault("100")
    int burst();

    /**
     * The gateway instances that share the clients: each keeps its share of the rate and burst, so
     * the limits above hold for a client across all of them (NAIS: replicas.min).
     */
    @WithDefault("1")
    int replicas();
  }
}
