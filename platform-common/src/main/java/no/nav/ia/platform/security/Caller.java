package no.nav.ia.platform.security;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.nav.ia.platform.domain.CountyVisibility;
import no.nav.ia.platform.domain.NationalIdentityNumbers;
import no.nav.ia.platform.domain.NavIdent;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: roles, NAV-ident or client id, and the county a person is bound to. */
@RequestScoped
public class Caller {

  @Inject SecurityIdentity identity;
  @Inject JsonWebToken jwt;
  @Inject HttpServerRequest request;
  @Inject HopConfig hops;

  /** What a client id looks like (Entra ID's GUIDs, NAIS' cluster:namespace:app, local names). */
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  public boolean has(String role) {
    return identity.hasRole(role);
  }

  /** Coordinators and systems see every county; advisers and managers only their own. */
  public boolean seesAllCounties() {
    return has(Roles.COORDINATOR) || has(Roles.SYSTEM);
  }

  /**
   * The caller's county (IdentityMapping: the token's county claim, or its groups' county), when it
   * is a county code: a claim that is not one (a number, a list, "3", "99") binds the caller to no
   * county, so a county-bound role is refused (403) instead of failing (500) or seeing an empty
   * county.
   */
  public Optional<String> county() {
    return Optional.ofNullable(
        identity.<String>getAttribute(PlatformIdentityAugmentor.COUNTY_ATTRIBUTE));
  }

  /** The county code in a {@code county} claim's value, if it is a county's code (ever). */
  public static Optional<String> countyCode(Object claim) {
    return countyCode(claim, null);
  }

  /**
   * The county code in a {@code county} claim's value, if it is the code of a county on that day
   * (null: of any time).
   */
  public static Optional<String> countyCode(Object claim, java.time.LocalDate on) {
    String value =
        claim instanceof String s ? s : claim instanceof JsonString js ? js.getString() : null;
    if (value == null
        || value.length() != 2
        || !Character.isDigit(value.charAt(0))
        || !Character.isDigit(value.charAt(1))
        || no.nav.ia.platform.domain.CountyRegistry.get()
            .county(value)
            .filter(c -> on == null || c.isValidOn(on))
            .isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /**
   * The OIDC tenant that verified the caller's token ({@code tenant-id}: quarkus-oidc's {@code
   * Default} for the platform issuer, {@code machines} for the second issuer), or null for an
   * identity quarkus-oidc did not make.
   */
  public String tenant() {
    return identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
  }

  /**
   * A machine client: every token of the second issuer, whatever it claims, and a platform issuer's
   * token that names no person ({@link HopTokens#isMachine(JsonWebToken, String)}).
   */
  public boolean isMachine() {
    return HopTokens.isMachine(jwt, tenant());
  }

  /**
   * NAV-ident for people, the client id for machine clients: who did it, for records and audit. A
   * machine's call that reaches this service through another of the platform's services (HopTokens)
   * carries that service's token and names the machine in {@value HopTokens#CONSUMER_HEADER}.
   */
  public String actor() {
    return actorOf(
        jwt,
        tenant(),
        request.getHeader(HopTokens.CONSUMER_HEADER),
        hops.trustedForwarders().orElse(List.of()));
  }

  /** {@link #actorOf(JsonWebToken, String, String, Collection)} for a platform issuer's token. */
  public static String actorOf(
      JsonWebToken token, String consumer, Collection<String> trustedForwarders) {
    return actorOf(token, OidcUtils.DEFAULT_TENANT_ID, consumer, trustedForwarders);
  }

  /**
   * Who a token names: its NAV-ident, a trusted forwarder's consumer, its client id, or its
   * subject. Only the platform issuer's tokens (the default tenant) name a person or a trusted
   * forwarder: a token of the second issuer names its client whatever {@code NAVident} it carries,
   * and its {@code azp} is that issuer's name for a client, which may be any of the platform's
   * service names, so its {@value HopTokens#CONSUMER_HEADER} is never believed.
   *
   * @param tenant the OIDC tenant that verified the token ({@link #tenant()})
   */
  public static String actorOf(
      JsonWebToken token, String tenant, String consumer, Collection<String> trustedForwarders) {
    String actor = namedBy(token, tenant, consumer, trustedForwarders);
    // What a token names goes into the access log, the audit trail and the records: a NAVident
    // that is none (a token refused every role for it) or a client id holding a national identity
    // number is not written anywhere; one in the form of a UUID (Entra ID's) is taken as it is, as
    // a call id is.
    return NationalIdentityNumbers.inId(actor) ? WITHHELD : actor;
  }

  /** Who a token names when what it names may not be written (see {@link #actorOf}). */
  public static final String WITHHELD = "withheld";

  private static String namedBy(
      JsonWebToken token, String tenant, String consumer, Collection<String> trustedForwarders) {
    boolean platformIssuer = OidcUtils.DEFAULT_TENANT_ID.equals(tenant);
    String navIdent = navIdentOf(token, tenant);
    if (navIdent != null) {
      return NavIdent.isValid(navIdent) ? navIdent : WITHHELD;
    }
    String azp = token.getClaim("azp");
    String azpName = TokenClaims.string(token, "azp_name");
    boolean forwarded =
        platformIssuer
            && consumer != null
            && CLIENT_ID.matcher(consumer).matches()
            && (azp != null && trustedForwarders.contains(azp)
                || azpName != null && trustedForwarders.contains(azpName));
    if (forwarded) {
      return consumer;
    }
    return azp != null ? azp : token.getSubject();
  }

  /** The person calling: none for a machine, also when a second issuer's token claims one. */
  public Optional<String> navIdent() {
    return Optional.ofNullable(navIdentOf(jwt, tenant()));
  }

  /** The token's NAV-ident, or null: a token of the second issuer names no person of ours. */
  private static String navIdentOf(JsonWebToken token, String tenant) {
    return IdentityMapping.isMachinesTenant(tenant) ? null : TokenClaims.string(token, "NAVident");
  }

  /** The counties this caller may see and change (the rule: CountyVisibility). */
  public CountyVisibility visibility() {
    return new CountyVisibility(seesAllCounties(), county());
  }

  public boolean mayAccessCounty(String countyCode) {
    return visibility().mayAccess(countyCode);
  }

  /** Refuses (FORBIDDEN_COUNTY) unless the caller may act on data of that county. */
  public void requireCounty(String countyCode) {
    visibility().require(countyCode);
  }

  /**
   * The same for data about {@code subject} (an enterprise's org number): a refusal names it in the
   * audit trail's Deny line ({@link #refusedSubject}), so that "who tried to reach this
   * enterprise's data" is answered by its number (a privacy review found Deny lines naming none).
   */
  public void requireCounty(String countyCode, String subject) {
    try {
      visibility().require(countyCode);
    } catch (RuntimeException refused) {
      refusedSubject = subject;
      throw refused;
    }
  }

  /** Whose data this request was last refused for ({@link #requireCounty(String, String)}). */
  public String refusedSubject() {
    return refusedSubject;
  }

  private String refusedSubject;

  /**
   * Marks this request as refused data about {@code subject} that the answer does not admit exists
   * (a 404 where a 403 would tell that another county keeps records of it): the audit trail's Deny
   * line names who tried and whose data, as for a refusal answered 403.
   */
  public void refusedUnseen(String subject) {
    refusedSubject = subject;
    refusedUnseen = true;
  }

  /** Whether this request was refused as unseen ({@link #refusedUnseen(String)}). */
  public boolean wasRefusedUnseen() {
    return refusedUnseen;
  }

  private boolean refusedUnseen;

  /** Whether the caller may act on that county's report due then (CountyVisibility). */
  public boolean mayReportFor(String countyCode, java.time.LocalDate due) {
    return visibility().mayReportFor(countyCode, due);
  }

  /** Refuses unless the caller may act on that county's report due then (CountyVisibility). */
  public void requireCountyForReport(String countyCode, java.time.LocalDate due) {
    visibility().requireForReport(countyCode, due);
  }

  /**
   * Refuses unless that county's report due then is the caller's own centre's, whatever other role
   * the caller has (CountyVisibility.ownCountyOnly): for what only its manager may do.
   */
  public void requireOwnCountyForReport(String countyCode, java.time.LocalDate due) {
    visibility().ownCountyOnly().requireForReport(countyCode, due);
  }

  /** The county a listing is restricted to (CountyVisibility.scope). */
  public Optional<String> countyScope(String requested) {
    return visibility().scope(requested);
  }

  /** The caller's verified token, for a call to another service on its behalf (HopTokens). */
  public JsonWebToken token() {
    return jwt;
  }
}
