package no.nav.ia.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Applies {@link IdentityMapping} to every authenticated token: the identity's roles become the
 * mapped ones and its {@value #COUNTY_ATTRIBUTE} attribute the caller's county, which {@link
 * Caller} reads. Groups are mapped by configuration ({@code ia.security.groups."<object
 * id>".role|county}).
 */
@Singleton
public class PlatformIdentityAugmentor implements SecurityIdentityAugmentor {

  /** The identity attribute holding the caller's county (absent when the caller has none). */
  public static final String COUNTY_ATTRIBUTE = "ia.county";

  /** The configured groups, read once (configuration does not change while the service runs). */
  private final Map<String, IdentityMapping.Group> groups;

  private final boolean formerCounties;

  @Inject
  PlatformIdentityAugmentor(SecurityGroupsConfig config) {
    this.groups =
        config.groups().entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey,
                    e -> new IdentityMapping.Group(e.getValue().role(), e.getValue().county())));
    this.formerCounties = config.formerCountyTokens();
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return Uni.createFrom().item(identity);
    }
    IdentityMapping.Result result =
        IdentityMapping.map(
            identity.getAttribute("tenant-id"),
            identity.getRoles(),
            strings(jwt.getClaim("groups")),
            TokenClaims.value(jwt, "county"),
            plain(TokenClaims.value(jwt, "NAVident")),
            groups,
            formerCounties ? null : no.nav.ia.platform.time.NorwegianTime.today());
    // Roles only added: the identity as it is, plus them. Roles taken away (the machines issuer): a
    // new identity with the same principal, credentials and attributes.
    QuarkusSecurityIdentity.Builder builder =
        result.roles().containsAll(identity.getRoles())
            ? QuarkusSecurityIdentity.builder(identity).addRoles(result.roles())
            : QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(result.roles());
    result.county().ifPresent(c -> builder.addAttribute(COUNTY_ATTRIBUTE, c));
    return Uni.createFrom().item(builder.build());
  }

  /** A JSON string claim as a string; any other value as it came. */
  private static Object plain(Object claim) {
    return claim instanceof JsonString json ? json.getString() : claim;
  }

  private static Collection<String> strings(Object claim) {
    if (claim instanceof JsonArray array) {
      return array.stream()
          .filter(v -> v instanceof JsonString)
          .map(v -> ((JsonString) v).getString())
          .toList();
    }
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
