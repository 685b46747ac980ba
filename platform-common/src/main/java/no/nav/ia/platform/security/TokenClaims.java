package no.nav.ia.platform.security;

import io.quarkus.arc.ClientProxy;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the claims MicroProfile JWT does not name ({@code NAVident}, {@code county}, {@code idtyp},
 * {@code azp_name}) from the verified token's claim set. {@link JsonWebToken#getClaim} looks every
 * name up in the {@code Claims} enum first, and for a name it lacks that lookup throws and catches
 * an exception with its stack trace: two to five of them per request on the hot path (found by a
 * JFR exception recording under load). The value is the same one {@code getClaim} returns for such
 * a name: smallrye-jwt converts the claim set's values once, when it builds the principal.
 */
public final class TokenClaims {

  private TokenClaims() {}

  /** The claim's value as {@code getClaim(name)} would give it for a name the enum lacks. */
  public static Object value(JsonWebToken token, String name) {
    JsonWebToken unwrapped = token instanceof ClientProxy ? ClientProxy.unwrap(token) : token;
    if (unwrapped instanceof OidcJwtCallerPrincipal oidc) {
      return oidc.getClaims().getClaimValue(name);
    }
    return unwrapped.getClaim(name);
  }

  /** A claim whose value is a string, or null when it is absent or not a string. */
  public static String string(JsonWebToken token, String name) {
    return value(token, name) instanceof String s ? s : null;
  }
}
