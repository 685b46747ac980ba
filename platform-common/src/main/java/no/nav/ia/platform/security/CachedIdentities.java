package no.nav.ia.platform.security;

import io.quarkus.oidc.common.runtime.OidcConstants;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which identities from quarkus-oidc's bearer token verification {@link VerifiedTokens} may keep,
 * until when, and how a kept one is handed to a later request so that it is the identity a full
 * verification would have made for it.
 *
 * <p>quarkus-oidc (3.29, {@code OidcUtils.validateAndCreateIdentity}) builds a bearer token's
 * identity from the verified token alone: the principal (the token's claims), the token as
 * credential, the roles of the tenant's role claim, the attributes {@code tenant-id}, the issuer's
 * metadata and client, the expiry; and two attributes of the request itself, its Vert.x routing
 * context and its blocking-task context. Those two are left out of what is kept (kept, they would
 * hold a finished request in memory and hand it to later ones) and set to the later request's own.
 * Permissions are made only of a {@code scope} claim, as a checker a copy cannot take along, so a
 * token with that claim is not kept (Entra ID's tokens carry {@code scp} or {@code roles}); nor is
 * an identity the issuer helped make at request time (UserInfo, introspection), whose answer may
 * change.
 */
final class CachedIdentities {

  /** Attributes that belong to the request an identity was made for. */
  static final Set<String> PER_REQUEST =
      Set.of(RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());

  private CachedIdentities() {}

  /**
   * Until when an identity verified by {@code tenant} may be kept: the token's {@code exp}, or
   * earlier when the tenant limits a token's age; empty when it may not be kept at all.
   */
  static Optional<Instant> keptUntil(
      SecurityIdentity identity, String tenant, Optional<Duration> maxAge) {
    if (identity == null
        || identity.isAnonymous()
        || !(identity.getPrincipal() instanceof JsonWebToken jwt)
        || !tenant.equals(identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE))
        || jwt.containsClaim(OidcConstants.TOKEN_SCOPE)
        || identity.getAttribute(OidcUtils.USER_INFO_ATTRIBUTE) != null
        || identity.getAttribute(OidcUtils.INTROSPECTION_ATTRIBUTE) != null
        || jwt.getExpirationTime() <= 0) {
      return Optional.empty();
    }
    Instant until = Instant.ofEpochSecond(jwt.getExpirationTime());
    if (maxAge.isPresent()) {
      if (jwt.getIssuedAtTime() <= 0) {
        return Optional.empty();
      }
      Instant aged = Instant.ofEpochSecond(jwt.getIssuedAtTime()).plus(maxAge.get());
      until = aged.isBefore(until) ? aged : until;
    }
    return Optional.of(until);
  }

  /** The identity as it may be kept: without the request it was made for. */
  static SecurityIdentity withoutRequest(SecurityIdentity identity) {
    return copy(identity).build();
  }

  /** A kept identity for the request of {@code context}, as verification would have made it. */
  static SecurityIdentity forRequest(SecurityIdentity kept, RoutingContext context) {
    return copy(kept)
        .addAttribute(RoutingContext.class.getName(), context)
        .addAttribute(
            AuthenticationRequestContext.class.getName(),
            context.get(AuthenticationRequestContext.class.getName()))
        .build();
  }

  /** Principal, credentials, roles and the attributes that are not the request's. */
  private static QuarkusSecurityIdentity.Builder copy(SecurityIdentity identity) {
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(identity.getPrincipal())
            .addCredentials(identity.getCredentials())
            .addRoles(identity.getRoles());
    identity.getAttributes().entrySet().stream()
        .filter(attribute -> !PER_REQUEST.contains(attribute.getKey()))
        .forEach(attribute -> builder.addAttribute(attribute.getKey(), attribute.getValue()));
    return builder;
  }
}
