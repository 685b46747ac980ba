package no.nav.ia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class CachedIdentitiesTest {

  static final Instant IAT = Instant.parse("2025-03-01T08:00:00Z");
  static final Instant EXP = IAT.plus(Duration.ofHours(1));

  /** A routing context that holds only the blocking-task context quarkus-oidc put on it. */
  static RoutingContext routing(AuthenticationRequestContext blocking) {
    return (RoutingContext)
        Proxy.newProxyInstance(
            RoutingContext.class.getClassLoader(),
            new Class<?>[] {RoutingContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "get" ->
                      AuthenticationRequestContext.class.getName().equals(args[0])
                          ? blocking
                          : null;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> null;
                });
  }

  static AuthenticationRequestContext blocking() {
    return supplier -> null;
  }

  static QuarkusSecurityIdentity.Builder verified(String tenant, Map<String, Object> claims) {
    JwtClaims jwt = new JwtClaims();
    jwt.setSubject("Z990001");
    jwt.setIssuedAt(NumericDate.fromSeconds(IAT.getEpochSecond()));
    jwt.setExpirationTime(NumericDate.fromSeconds(EXP.getEpochSecond()));
    claims.forEach(jwt::setClaim);
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new DefaultJWTCallerPrincipal("raw.token.signature", "JWT", jwt))
        .addCredential(new AccessTokenCredential("raw.token.signature"))
        .addRole("adviser")
        .addAttribute("tenant-id", tenant)
        .addAttribute(RoutingContext.class.getName(), routing(blocking()))
        .addAttribute(AuthenticationRequestContext.class.getName(), blocking());
  }

  static SecurityIdentity verified(String tenant) {
    return verified(tenant, Map.of()).build();
  }

  @Test
  void aVerifiedTokenIsKeptUntilItsExpiry() {
    assertThat(CachedIdentities.keptUntil(verified("Default"), "Default", Optional.empty()))
        .contains(EXP);
  }

  @Test
  void aTenantThatLimitsTheTokensAgeEndsItEarlier() {
    assertThat(
            CachedIdentities.keptUntil(
                verified("Default"), "Default", Optional.of(Duration.ofMinutes(10))))
        .contains(IAT.plus(Duration.ofMinutes(10)));
    assertThat(
            CachedIdentities.keptUntil(
                verified("Default"), "Default", Optional.of(Duration.ofHours(2))))
        .contains(EXP);
  }

  @Test
  void aFailedVerificationIsNotKept() {
    assertThat(CachedIdentities.keptUntil(null, "Default", Optional.empty())).isEmpty();
    SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
    assertThat(CachedIdentities.keptUntil(anonymous, "Default", Optional.empty())).isEmpty();
  }

  @Test
  void anIdentityOfAnotherTenantThanTheRequestsIsNotKept() {
    assertThat(CachedIdentities.keptUntil(verified("machines"), "Default", Optional.empty()))
        .isEmpty();
  }

  @Test
  void identitiesTheCopyCouldNotMakeAgainAreNotKept() {
    SecurityIdentity scoped = verified("Default", Map.of("scope", "read write")).build();
    assertThat(CachedIdentities.keptUntil(scoped, "Default", Optional.empty())).isEmpty();
    SecurityIdentity withUserInfo =
        verified("Default", Map.of()).addAttribute("userinfo", "{}").build();
    assertThat(CachedIdentities.keptUntil(withUserInfo, "Default", Optional.empty())).isEmpty();
    SecurityIdentity neverExpires =
        QuarkusSecurityIdentity.builder(verified("Default"))
            .setPrincipal(new DefaultJWTCallerPrincipal(new JwtClaims()))
            .build();
    assertThat(CachedIdentities.keptUntil(neverExpires, "Default", Optional.empty())).isEmpty();
  }

  @Test
  void whatIsKeptHoldsNoRequestAndALaterRequestGetsItsOwn() {
    SecurityIdentity first = verified("Default");
    SecurityIdentity kept = CachedIdentities.withoutRequest(first);
    assertThat(kept.getAttributes())
        .doesNotContainKeys(
            RoutingContext.class.getName(), AuthenticationRequestContext.class.getName())
        .containsEntry("tenant-id", "Default");

    AuthenticationRequestContext laterBlocking = blocking();
    RoutingContext later = routing(laterBlocking);
    SecurityIdentity again = CachedIdentities.forRequest(kept, later);
    assertThat(again.<Object>getAttribute(RoutingContext.class.getName())).isSameAs(later);
    assertThat(again.<Object>getAttribute(AuthenticationRequestContext.class.getName()))
        .isSameAs(laterBlocking);
    assertThat(again.getPrincipal()).isSameAs(first.getPrincipal());
    assertThat(again.getRoles()).isEqualTo(first.getRoles());
    assertThat(again.getCredentials()).isEqualTo(first.getCredentials());
    assertThat(again.isAnonymous()).isFalse();
    assertThat(again.getAttributes()).hasSameSizeAs(first.getAttributes());
  }
}
