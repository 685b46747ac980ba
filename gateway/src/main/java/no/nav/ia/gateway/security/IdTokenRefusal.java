package no.nav.ia.gateway.security;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses an OpenID Connect ID token sent as a bearer token (401). The dashboard's login gives the
 * gateway an ID token whose audience is the gateway's client id, which is also the API's audience,
 * and quarkus-oidc's logout hands it to the browser ({@code id_token_hint}), so a security review
 * called the API with it after logging out. An ID token carries its login's {@code nonce}; Entra
 * ID's access tokens carry none (the local mock copies the nonce into the access tokens of a
 * browser login, which only the dashboard uses, as a session: that identity keeps its ID token
 * credential and is let through). Only at the gateway: a service takes only tokens of its own
 * audience, which no ID token has.
 */
@Singleton
public class IdTokenRefusal implements SecurityIdentityAugmentor {

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    return isIdTokenAsBearer(identity)
        ? Uni.createFrom()
            .failure(
                new AuthenticationFailedException(
                    "The bearer token is an ID token (it has a nonce), not an access token"))
        : Uni.createFrom().item(identity);
  }

  static boolean isIdTokenAsBearer(SecurityIdentity identity) {
    return !identity.isAnonymous()
        && identity.getPrincipal() instanceof JsonWebToken jwt
        && identity.getCredential(IdTokenCredential.class) == null
        && jwt.containsClaim("nonce");
  }
}
