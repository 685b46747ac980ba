package no.nav.ia.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig.Grant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token a call to another service of the platform carries: every service accepts only tokens
 * whose audience is its own, so the caller's token is never sent on as it is. The NAV way with
 * Entra ID:
 *
 * <ul>
 *   <li>a person's token is exchanged on their behalf (OAuth 2.0 on-behalf-of, the JWT bearer
 *       grant): the new token names the same person with the same roles, for the target's audience;
 *   <li>a machine client's token cannot be exchanged on its behalf (Entra ID refuses app-only
 *       tokens), so the service calls as itself (client credentials, holding the {@code system}
 *       role at the target) and names the machine in {@value #CONSUMER_HEADER}, which the target
 *       believes from the platform's own services only ({@link HopConfig#trustedForwarders()}).
 * </ul>
 *
 * Exchanged tokens are cached per caller's token (by its SHA-256) and target until shortly before
 * either expires, so a caller's requests cost the issuer one round trip per target while their
 * token lives.
 *
 * <p>Which of the two is decided by the tenant that verified the caller's token first: a token of
 * the second issuer ({@code machines}) is a machine's whatever it claims, so it is never exchanged.
 */
@ApplicationScoped
public class HopTokens {

  /** The machine client a call is made for, from a trusted platform service. */
  public static final String CONSUMER_HEADER = "Nav-Consumer-Id";

  /**
   * A cached token is not handed out closer than this to its expiry (clock skew, the call's own
   * time).
   */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

  /**
   * What a call to another service sends: its Authorization header and, for a machine, whom it acts
   * for.
   */
  public record Hop(String authorization, String consumer) {}

  private record Exchanged(Hop hop, Instant expires) {}

  private final OidcClients clients;
  private final HopConfig config;
  private final String issuer;
  private final String clientId;
  private final Cache<String, Exchanged> cache;

  /** One client per grant and scope, created at first use. */
  private final Map<String, Uni<OidcClient>> oidcClients = new ConcurrentHashMap<>();

  @Inject
  HopTokens(
      OidcClients clients,
      HopConfig config,
      @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer,
      @ConfigProperty(name = "quarkus.oidc.client-id") String clientId) {
    this.clients = clients;
    this.config = config;
    this.issuer = issuer;
    this.clientId = clientId;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(config.cacheSize())
            .expireAfter(new ExpiresAt<String, Exchanged>(Exchanged::expires, Clock.systemUTC()))
            .build();
  }

  /** The token for a call to the service behind {@code scope} for this request's caller. */
  public Uni<Hop> to(String scope, Caller caller) {
    // By the tenant that verified the token first: a second issuer's token is a machine's whatever
    // it claims, and is never exchanged (the exchanged token's claims, NAVident and roles, would be
    // believed by the service as a person's).
    if (caller.isMachine()) {
      return asService(scope, caller);
    }
    JsonWebToken token = caller.token();
    return onBehalfOf(scope, token.getRawToken(), token.getExpirationTime());
  }

  /**
   * A token for the service behind {@code scope} as this service itself (client credentials, the
   * {@code system} role there): for a machine client's call, and for a question a service asks for
   * its own rules, whose answer must not depend on what the caller may see.
   *
   * <p>A machine caller is named in {@value #CONSUMER_HEADER}; a person is not (the service acts
   * for itself).
   */
  public Uni<Hop> asService(String scope, Caller caller) {
    String consumer = caller.isMachine() ? caller.actor() : null;
    return fetch(scope, () -> client(Grant.Type.CLIENT, scope).chain(c -> c.getTokens()), 0)
        .map(hop -> new Hop(hop.authorization(), consumer));
  }

  /**
   * A person's access token exchanged for one for the service behind {@code scope}.
   *
   * @param expiresAt when {@code token} expires (epoch seconds), or 0 when not known
   */
  public Uni<Hop> onBehalfOf(String scope, String token, long expiresAt) {
    return fetch(
        scope + ' ' + sha256(token),
        () -> client(Grant.Type.JWT, scope).chain(c -> c.getTokens(Map.of("assertion", token))),
        expiresAt);
  }

  private Uni<Hop> fetch(String key, Supplier<Uni<Tokens>> request, long callerExpiresAt) {
    Exchanged cached = cache.getIfPresent(key);
    if (cached != null) {
      return Uni.createFrom().item(cached.hop());
    }
    return request
        .get()
        .ifNoItem()
        .after(config.timeout())
        .fail()
        .map(
            tokens -> {
              Exchanged exchanged =
                  new Exchanged(
                      new Hop("Bearer " + tokens.getAccessToken(), null),
                      expiry(tokens, callerExpiresAt));
              cache.put(key, exchanged);
              return exchanged.hop();
            });
  }

  /**
   * The key of a caller's token in the cache: its SHA-256 (base64url), not the token itself. The
   * key would otherwise be a second copy of the token (scope and token joined), up to 8 KB each
   * ({@link VerifiedTokenIdentityProvider#MAX_TOKEN_LENGTH}) in a cache of {@link
   * HopConfig#cacheSize()} entries; the hash is 43 characters whatever the token's size, and two
   * tokens sharing a key would take a SHA-256 collision. Only verified tokens reach this cache, and
   * only in their one canonical spelling ({@link VerifiedTokenIdentityProvider#wellFormed}).
   */
  static String sha256(String token) {
    byte[] digest = sha256Digest().digest(token.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  /**
   * A fresh SHA-256 digest, cloned from one looked up once: {@code MessageDigest.getInstance} walks
   * the security providers on every call (a profile of the gateway under load found it among this
   * key's frames), where a clone of the JDK's own implementation copies its few words of state.
   */
  private static MessageDigest sha256Digest() {
    try {
      return (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static final MessageDigest SHA256 = newSha256();

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Whether a token verified by {@code tenant} is a machine client's: every token of the second
   * issuer ({@link IdentityMapping#MACHINES_TENANT}), whatever it claims, since that issuer speaks
   * for machines only and its {@code NAVident} is no NAV-ident of ours; of the platform issuer, as
   * {@link #isMachine(JsonWebToken)} says.
   */
  public static boolean isMachine(JsonWebToken token, String tenant) {
    return IdentityMapping.isMachinesTenant(tenant) || isMachine(token);
  }

  /**
   * By the claims alone, for a token of the platform issuer: Entra ID marks app-only tokens {@code
   * idtyp=app}; a token without a NAV-ident names no person either. A token of another tenant is
   * decided by {@link #isMachine(JsonWebToken, String)} ({@link Caller#isMachine()}).
   */
  public static boolean isMachine(JsonWebToken token) {
    return "app".equals(TokenClaims.value(token, "idtyp"))
        || TokenClaims.value(token, "NAVident") == null;
  }

  /**
   * When a token fetched now stops being handed out: before it, or the caller's own token, expires.
   */
  static Instant expiry(Tokens tokens, long callerExpiresAt) {
    Long at = tokens.getAccessTokenExpiresAt();
    long seconds = at != null ? at : Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond();
    if (callerExpiresAt > 0) {
      seconds = Math.min(seconds, callerExpiresAt);
    }
    return Instant.ofEpochSecond(seconds).minus(EXPIRY_MARGIN);
  }

  private Uni<OidcClient> client(Grant.Type grant, String scope) {
    return oidcClients.computeIfAbsent(
        grant + " " + scope,
        id -> {
          OidcClientConfigBuilder builder =
              new OidcClientConfigBuilder()
                  .id(id)
                  .authServerUrl(issuer)
                  .clientId(clientId)
                  .credentials(config.clientSecret())
                  .scopes(scope)
                  .grant(grant)
                  .connectionTimeout(config.timeout());
          if (grant == Grant.Type.JWT) {
            builder.grantOptions("jwt", "requested_token_use", "on_behalf_of");
          }
          // A client that could not be created (the issuer away) is created again at the next call.
          return clients
              .newClient(builder.build())
              .memoize()
              .until(() -> false)
              .onFailure()
              .invoke(() -> oidcClients.remove(grant + " " + scope));
        });
  }
}
