package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint x every role x own/other county (API.md): coordinator everything; advisers and
 * managers only in their token's county, advisers change statuses and contact persons, managers
 * read; systems read all and may register agreements. Own county is 11, the other 12.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
class AuthorizationMatrixTest {

  static final String OWN = "11";
  static final String OTHER = "12";

  /** Shared data, made once: an agreement in each county and a campaign in which both are due. */
  static final class Data {
    static String agreementOwn;
    static String agreementOther;
    static String campaign;

    static synchronized void ensure() {
      if (campaign == null) {
        agreementOwn = AgreementResourceTest.register(Fixtures.agreement(Fixtures.orgNumber(), OWN));
        agreementOther = AgreementResourceTest.register(Fixtures.agreement(Fixtures.orgNumber(), OTHER));
        campaign = CampaignResourceTest.startCampaign();
      }
    }

    static String agreement(String county) {
      ensure();
      return county.equals(OWN) ? agreementOwn : agreementOther;
    }
  }

  /** One endpoint: sends the request for a resource in the given county. */
  record Endpoint(String name, BiFunction<RequestSpecification, String, io.restassured.response.Response> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("GET counties", (r, c) -> r.get("/api/v1/counties")),
      new Endpoint("GET regions", (r, c) -> r.get("/api/v1/regions")),
      new Endpoint("POST agreement", (r, c) -> r.contentType(ContentType.JSON)
          .body(Fixtures.agreement(Fixtures.orgNumber(), c)).post("/api/v1/agreements")),
      new Endpoint("GET agreements", (r, c) -> r.get("/api/v1/agreements?county=" + c)),
      new Endpoint("GET agreement", (r, c) -> r.get("/api/v1/agreements/" + Data.agreement(c))),
      new Endpoint("PUT contact person", (r, c) -> r.contentType(ContentType.JSON).body(Map.of("navIdent", "Z990009"))
          .put("/api/v1/agreements/" + Data.agreement(c) + "/contact-person")),
      new Endpoint("POST termination", (r, c) -> r.contentType(ContentType.JSON)
          .body(Map.of("endedOn", NorwegianTime.today().toString(), "reason", "Lagt ned"))
          .post("/api/v1/agreements/" + AgreementResourceTest.register(Fixtures.agreement(Fixtures.orgNumber(), c)) + "/termination")),
      new Endpoint("POST campaign", (r, c) -> r.contentType(ContentType.JSON)
          .body(Map.of("name", "Matrix", "deadline", NorwegianTime.today().plusDays(30).toString())).post("/api/v1/resigning-campaigns")),
      new Endpoint("GET campaigns", (r, c) -> r.get("/api/v1/resigning-campaigns")),
      new Endpoint("POST status", (r, c) -> r.contentType(ContentType.JSON)
          .body(Map.of("status", "CONTACTED", "on", NorwegianTime.today().toString()))
          .post("/api/v1/resigning-campaigns/" + campaign() + "/agreements/" + Data.agreement(c) + "/status")),
      new Endpoint("GET status history", (r, c) ->
          r.get("/api/v1/resigning-campaigns/" + campaign() + "/agreements/" + Data.agreement(c) + "/history")),
      new Endpoint("GET progress", (r, c) -> r.get("/api/v1/resigning-campaigns/" + campaign() + "/progress?county=" + c)),
      new Endpoint("GET reminders", (r, c) -> r.get("/api/v1/resigning-campaigns/" + campaign() + "/reminders?county=" + c)));

  static String campaign() {
    Data.ensure();
    return Data.campaign;
  }

  /** The expected status for a role on an endpoint in its own county (own) or another (!own). */
  static int expected(String endpoint, String role, boolean own) {
    boolean county = role.equals("adviser") || role.equals("manager");
    boolean read = endpoint.startsWith("GET");
    if (endpoint.equals("GET counties") || endpoint.equals("GET regions") || endpoint.equals("GET campaigns")) {
      return 200;
    }
    if (endpoint.equals("POST agreement")) {
      return role.equals("coordinator") || role.equals("system") ? 201 : 403;
    }
    if (endpoint.equals("POST campaign")) {
      return role.equals("coordinator") ? 201 : 403;
    }
    if (endpoint.equals("POST termination")) {
      return role.equals("coordinator") ? 200 : 403;
    }
    if (read) {
      return county && !own ? 403 : 200;
    }
    // Contact persons and statuses: advisers in their own county, and coordinators.
    return role.equals("coordinator") || (role.equals("adviser") && own) ? 200 : 403;
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint e : ENDPOINTS) {
      for (String role : List.of("adviser", "manager", "coordinator", "system")) {
        for (boolean own : List.of(true, false)) {
          cases.add(Arguments.of(e, role, own ? "own county" : "other county", expected(e.name(), role, own)));
        }
      }
      cases.add(Arguments.of(e, "no token", "own county", 401));
    }
    return cases.stream();
  }

  static String token(String role) {
    return switch (role) {
      case "adviser" -> Tokens.adviser(OWN);
      case "manager" -> Tokens.manager(OWN);
      case "coordinator" -> Tokens.coordinator();
      case "system" -> Tokens.system("arena");
      default -> null;
    };
  }

  @ParameterizedTest(name = "{0} as {1} in {2}: {3}")
  @MethodSource("matrix")
  void everyEndpointLetsInExactlyTheRolesAndCountiesItShould(Endpoint endpoint, String role, String where, int status) {
    String county = where.equals("own county") ? OWN : OTHER;
    Data.ensure();
    RequestSpecification request = given();
    String token = token(role);
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    endpoint.call().apply(request, county).then().statusCode(status);
  }
}
