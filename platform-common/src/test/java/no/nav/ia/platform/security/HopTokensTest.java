package no.nav.ia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.client.Tokens;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class HopTokensTest {

  static JsonWebToken token(Map<String, Object> claims) {
    JwtClaims jwt = new JwtClaims();
    jwt.setSubject("subject");
    claims.forEach(jwt::setClaim);
    return new DefaultJWTCallerPrincipal(jwt);
  }

  static final List<String> TRUSTED = List.of("ia-platform", "dev-gcp:teamia:ia-gateway");

  @Test
  void aPersonIsNamedByTheirNavIdentWhateverHeaderCameAlong() {
    JsonWebToken person = token(Map.of("NAVident", "Z990001", "azp", "ia-platform"));
    assertThat(Caller.actorOf(person, "arena", TRUSTED)).isEqualTo("Z990001");
    assertThat(HopTokens.isMachine(person)).isFalse();
  }

  @Test
  void aMachineCallingThroughAPlatformServiceIsTheMachineTheServiceNames() {
    assertThat(
            Caller.actorOf(
                token(Map.of("azp", "ia-platform", "roles", List.of("system"))), "arena", TRUSTED))
        .isEqualTo("arena");
    // On NAIS the forwarder is known by azp_name (cluster:namespace:app); its azp is a GUID.
    assertThat(
            Caller.actorOf(
                token(Map.of("azp", "6f1c-guid", "azp_name", "dev-gcp:teamia:ia-gateway")),
                "arena",
                TRUSTED))
        .isEqualTo("arena");
  }

  @Test
  void anyoneElsesConsumerHeaderIsIgnored() {
    JsonWebToken machine = token(Map.of("azp", "arena"));
    assertThat(Caller.actorOf(machine, "someone-else", TRUSTED)).isEqualTo("arena");
    assertThat(Caller.actorOf(machine, null, TRUSTED)).isEqualTo("arena");
    assertThat(Caller.actorOf(token(Map.of()), null, TRUSTED))
        .as("no azp: the subject")
        .isEqualTo("subject");
    assertThat(
            Caller.actorOf(token(Map.of("azp", "ia-platform")), "bad value\nwith a line", TRUSTED))
        .as("a value that is no client id")
        .isEqualTo("ia-platform");
  }

  @Test
  void anIdentityNumberATokenCarriesIsNeverNamed() {
    // Written as it came into the gateway's access log (a 403 for the person; a 200 for the
    // machine, whose records named it).
    String fnr = "13109726731";
    assertThat(Caller.actorOf(token(Map.of("NAVident", fnr)), null, TRUSTED))
        .isEqualTo(Caller.WITHHELD);
    assertThat(Caller.actorOf(token(Map.of("NAVident", "ola.nordmann@nav.no")), null, TRUSTED))
        .as("a NAVident that is none")
        .isEqualTo(Caller.WITHHELD);
    assertThat(Caller.actorOf(token(Map.of("azp", fnr)), null, TRUSTED)).isEqualTo(Caller.WITHHELD);
    JwtClaims bySubject = new JwtClaims();
    bySubject.setSubject("user-" + fnr);
    assertThat(Caller.actorOf(new DefaultJWTCallerPrincipal(bySubject), null, TRUSTED))
        .isEqualTo(Caller.WITHHELD);
    assertThat(
            Caller.actorOf(
                token(Map.of("azp", "ia-platform")), "forwarded-" + fnr, List.of("ia-platform")))
        .isEqualTo(Caller.WITHHELD);
    assertThat(Caller.actorOf(token(Map.of("azp", "arena-12345678901")), null, TRUSTED))
        .as("eleven digits that are no identity number")
        .isEqualTo("arena-12345678901");
    assertThat(
            Caller.actorOf(
                token(Map.of("azp", "f45b6b78-1024-4499-9fd9-333f6c857f1b")), null, TRUSTED))
        .as("an Entra ID client id whose digits between dashes make a valid number")
        .isEqualTo("f45b6b78-1024-4499-9fd9-333f6c857f1b");
  }

  @Test
  void entraIdsAppOnlyTokensAndTokensWithoutAPersonAreMachines() {
    assertThat(HopTokens.isMachine(token(Map.of("idtyp", "app", "NAVident", "Z990001")))).isTrue();
    assertThat(HopTokens.isMachine(token(Map.of("azp", "arena")))).isTrue();
  }

  @Test
  void anExchangedTokenIsHandedOutUntilShortlyBeforeItOrTheCallersTokenExpires() {
    long now = Instant.now().getEpochSecond();
    Tokens hour = new Tokens("t", now + 3600, null, null, null, null, "client");
    assertThat(HopTokens.expiry(hour, 0))
        .isEqualTo(Instant.ofEpochSecond(now + 3600).minus(HopTokens.EXPIRY_MARGIN));
    assertThat(HopTokens.expiry(hour, now + 600))
        .as("the caller's token ends first")
        .isEqualTo(Instant.ofEpochSecond(now + 600).minus(HopTokens.EXPIRY_MARGIN));
    Tokens unknown = new Tokens("t", null, null, null, null, null, "client");
    assertThat(HopTokens.expiry(unknown, 0)).isBefore(Instant.now().plus(Duration.ofMinutes(5)));
  }
}
