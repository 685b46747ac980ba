package no.nav.ia.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.common.runtime.OidcConstants;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Verifies a bearer token once per token and tenant instead of once per request: a token already
 * verified ({@link VerifiedTokens}) is answered from the cache, any other is verified by
 * quarkus-oidc's own provider and, verified, kept until its {@code exp}.
 *
 * <p>How it fits into Quarkus 3.29: the identity providers of a request type are tried from the
 * highest priority down, a null item passing the request on to the next and a failure ending
 * authentication ({@code QuarkusIdentityProviderManagerImpl}). This one stands in front of {@link
 * OidcIdentityProvider} (the default priority, {@code SYSTEM_FIRST + 1}) and calls it itself on a
 * miss, so what is kept is exactly what it made for exactly this request; a failure is passed on
 * and never kept. The augmentors ({@link PlatformIdentityAugmentor}) run after any provider, on a
 * hit as on a miss.
 *
 * <p>The tenant is the one quarkus-oidc resolved for the request before asking the providers (its
 * authentication mechanism puts the tenant's configuration on the routing context); an identity is
 * kept only when its {@code tenant-id} is that tenant. A static tenant's issuer, keys and audience
 * do not change while the process runs, so token and tenant decide verification's outcome; with a
 * {@link TenantConfigResolver} (configuration made per request) that would not hold, and the cache
 * stays off. Requests whose token is bound to something of the request itself (an mTLS certificate,
 * a DPoP proof, a step-up requirement of the endpoint) and the browser's code flow (ID tokens, the
 * gateway's {@code web} tenant) pass on to quarkus-oidc untouched.
 *
 * <p>A bearer token is first checked to be a signed JWT in its one canonical spelling ({@link
 * #wellFormed}), before the cache and before quarkus-oidc, and refused (401) otherwise. jose4j
 * decodes base64url leniently (it skips characters outside the alphabet, and ignores the unused low
 * bits of a part's last character), so one valid token would otherwise verify in endless spellings,
 * each a cache miss costing a signature check and a cache slot, and at the gateway an on-behalf-of
 * exchange: with the check, one token is one key.
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  /** Counted per lookup, tagged {@code result=hit|miss}. */
  public static final String LOOKUPS = "ia.security.verified.token.cache";

  /**
   * Where quarkus-oidc puts an endpoint's {@code @AuthenticationContext} requirement, checked at
   * verification ({@code StepUpAuthenticationPolicy}).
   */
  static final String STEP_UP_POLICY = "io.quarkus.oidc.runtime.step-up-auth";

  /**
   * The longest bearer token taken, in characters. Entra ID's access tokens are typically 1 to 3 KB
   * (Entra ID puts at most 200 groups in a token, and NAIS' only those assigned to the app); 8 KB
   * leaves room and bounds what one entry of the cache holds ({@link
   * VerifiedTokenCacheConfig#size()}).
   */
  public static final int MAX_TOKEN_LENGTH = 8 * 1024;

  /** The base64url alphabet's values by character (-1: not in it), for the characters below 128. */
  private static final byte[] BASE64URL = new byte[128];

  static {
    java.util.Arrays.fill(BASE64URL, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      BASE64URL[alphabet.charAt(i)] = (byte) i;
    }
  }

  private final OidcIdentityProvider oidc;
  private final VerifiedTokens cache;
  private final Counter hits;
  private final Counter misses;

  @Inject
  VerifiedTokenIdentityProvider(
      OidcIdentityProvider oidc,
      VerifiedTokenCacheConfig config,
      MeterRegistry registry,
      Instance<TenantConfigResolver> dynamicTenants) {
    this.oidc = oidc;
    this.cache =
        config.enabled() && dynamicTenants.isUnsatisfied()
            ? new VerifiedTokens(config.size())
            : null;
    this.hits = lookups(registry, "hit");
    this.misses = lookups(registry, "miss");
  }

  private static Counter lookups(MeterRegistry registry, String result) {
    return Counter.builder(LOOKUPS)
        .description("Bearer tokens looked up among those already verified, found (hit) or not")
        .tag("result", result)
        .register(registry);
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  /** Before quarkus-oidc's provider, which has the default. */
  @Override
  public int priority() {
    return SYSTEM_FIRST + 2;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    if (request.getToken() instanceof AccessTokenCredential
        && !wellFormed(request.getToken().getToken())) {
      // Refused before any cache lookup or verification: the 401 problem quarkus-oidc's own
      // refusal of a malformed token gets (ProblemMappers).
      return Uni.createFrom()
          .failure(new AuthenticationFailedException("The bearer token is not a well-formed JWT"));
    }
    RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
    OidcTenantConfig tenantConfig = cacheableTenant(request, routing);
    if (tenantConfig == null) {
      return Uni.createFrom().nullItem();
    }
    String tenant = tenantConfig.tenantId().orElse(OidcUtils.DEFAULT_TENANT_ID);
    String token = request.getToken().getToken();
    Optional<SecurityIdentity> kept = cache.get(tenant, token);
    if (kept.isPresent()) {
      hits.increment();
      // What quarkus-oidc's provider puts on the routing context before it verifies.
      routing.put(AuthenticationRequestContext.class.getName(), context);
      return Uni.createFrom().item(CachedIdentities.forRequest(kept.get(), routing));
    }
    misses.increment();
    return oidc.authenticate(request, context)
        .invoke(
            identity ->
                CachedIdentities.keptUntil(identity, tenant, tenantConfig.token().age())
                    .ifPresent(
                        until ->
                            cache.put(
                                tenant, token, CachedIdentities.withoutRequest(identity), until)));
  }

  /**
   * Whether a bearer token is a signed JWT in compact form, spelled canonically: at most {@link
   * #MAX_TOKEN_LENGTH} characters, exactly three parts of the base64url alphabet (no padding, no
   * other character), each a length base64 can have, with the unused low bits of its last character
   * zero (RFC 4648, 3.5). So no other spelling of a well-formed token's bytes is well-formed.
   */
  static boolean wellFormed(String token) {
    // One pass over the characters (a regular expression over a 1-3 KB token cost the gateway
    // about 25 us a request, 3 % of its CPU per delivery: docs/performance.md, session 50).
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return false;
    }
    int parts = 0;
    int start = 0;
    for (int i = 0; i <= token.length(); i++) {
      char c = i < token.length() ? token.charAt(i) : '.';
      if (c != '.') {
        if (c >= 128 || BASE64URL[c] < 0) {
          return false;
        }
        continue;
      }
      if (++parts > 3 || !canonicalPart(token, start, i)) {
        return false;
      }
      start = i + 1;
    }
    return parts == 3;
  }

  /**
   * Whether characters {@code [start, end)}, already found to be of the base64url alphabet (so
   * below 128), are a part base64 can spell (not empty, not one character over whole groups) with
   * the unused low bits of its last character zero.
   */
  private static boolean canonicalPart(String token, int start, int end) {
    int length = end - start;
    int unusedBits =
        switch (length % 4) {
          case 0 -> 0;
          case 2 -> 4;
          case 3 -> 2;
          default -> -1; // one character of a group encodes no whole byte
        };
    return length > 0
        && unusedBits >= 0
        && (BASE64URL[token.charAt(end - 1)] & ((1 << unusedBits) - 1)) == 0;
  }

  /** The tenant whose verification of this request's token may be cached, or null. */
  private OidcTenantConfig cacheableTenant(
      TokenAuthenticationRequest request, RoutingContext routing) {
    if (cache == null
        || !(request.getToken() instanceof AccessTokenCredential)
        || routing == null
        || routing.get(STEP_UP_POLICY) != null) {
      return null;
    }
    OidcTenantConfig config = routing.get(OidcTenantConfig.class.getName());
    if (config == null
        || config.token().binding().certificate()
        || !OidcConstants.BEARER_SCHEME.equalsIgnoreCase(config.token().authorizationScheme())) {
      return null;
    }
    return config;
  }
}
