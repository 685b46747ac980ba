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
 * managers only in their token's county: both change statuses and contact persons, erase a case's
 * note and register agreements in their county (API.md version 2), managers also end their county's
 * agreements and erase the reason they ended with; systems read all and may register agreements.
 * Own county is 11, the other 12. A campaign is closed by coordinators only (422 here: its deadline
 * is ahead) and is not a county's.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
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
        agreementOwn = Api.register(Fixtures.agreement(Fixtures.orgNumber(), OWN));
        agreementOther = Api.register(Fixtures.agreement(Fixtures.orgNumber(), OTHER));
        campaign = Api.startCampaign();
      }
    }

    static String agreement(String county) {
      ensure();
      return county.equals(OWN) ? agreementOwn : agreementOther;
    }
  }

  /** One endpoint: sends the request for a resource in the given county. */
  record Endpoint(
      String name,
      BiFunction<RequestSpecification, String, io.restassured.response.Response> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("GET counties", (r, c) -> r.get("/api/v1/counties")),
          new Endpoint("GET regions", (r, c) -> r.get("/api/v1/regions")),
          new Endpoint(
              "POST agreement",
              (r, c) ->
                  r.contentType(ContentType.JSON)
                      .body(Fixtures.agreement(Fixtures.orgNumber(), c))
                      .post("/api/v1/agreements")),
          new Endpoint("GET agreements", (r, c) -> r.get("/api/v1/agreements?county=" + c)),
          new Endpoint("GET agreement", (r, c) -> r.get("/api/v1/agreements/" + Data.agreement(c))),
          new Endpoint(
              "PUT contact person",
              (r, c) ->
                  r.contentType(ContentType.JSON)
                      .body(Map.of("navIdent", "Z990009"))
                      .put("/api/v1/agreements/" + Data.agreement(c) + "/contact-person")),
          new Endpoint(
              "POST termination",
              (r, c) ->
                  r.contentType(ContentType.JSON)
                      .body(
                          Map.of("endedOn", NorwegianTime.today().toString(), "reason", "Lagt ned"))
                      .post(
                          "/api/v1/agreements/"
                              + Api.register(Fixtures.agreement(Fixtures.orgNumber(), c))
                              + "/termination")),
          new Endpoint(
              "POST campaign",
              (r, c) ->
                  r.contentType(ContentType.JSON)
                      .body(
                          Map.of(
                              "name",
                              "Matrix",
                              "deadline",
                              NorwegianTime.today().plusDays(30).toString()))
                      .post("/api/v1/resigning-campaigns")),
          new Endpoint("GET campaigns", (r, c) -> r.get("/api/v1/resigning-campaigns")),
          new Endpoint(
              "POST status",
              (r, c) ->
                  r.contentType(ContentType.JSON)
                      .body(Map.of("status", "CONTACTED", "on", NorwegianTime.today().toString()))
                      .post(
                          "/api/v1/resigning-campaigns/"
                              + campaign()
                              + "/agreements/"
                              + Data.agreement(c)
                              + "/status")),
          new Endpoint(
              "GET status history",
              (r, c) ->
                  r.get(
                      "/api/v1/resigning-campaigns/"
                          + campaign()
                          + "/agreements/"
                          + Data.agreement(c)
                          + "/history")),
          new Endpoint(
              "DELETE case note",
              (r, c) ->
                  r.delete(
                      "/api/v1/resigning-campaigns/"
                          + campaign()
                          + "/agreements/"
                          + Data.agreement(c)
                          + "/note")),
          new Endpoint(
              "DELETE end reason",
              (r, c) -> r.delete("/api/v1/agreements/" + Data.agreement(c) + "/end-reason")),
          new Endpoint(
              "GET progress",
              (r, c) ->
                  r.get("/api/v1/resigning-campaigns/" + campaign() + "/progress?county=" + c)),
          new Endpoint(
              "POST closing",
              (r, c) -> r.post("/api/v1/resigning-campaigns/" + campaign() + "/closing")),
          new Endpoint(
              "GET closing",
              (r, c) -> r.get("/api/v1/resigning-campaigns/" + campaign() + "/closing")),
          new Endpoint(
              "GET reminders",
              (r, c) ->
                  r.get("/api/v1/resigning-campaigns/" + campaign() + "/reminders?county=" + c)));

  static String campaign() {
    Data.ensure();
    return Data.campaign;
  }

  /**
   * The matrix as API.md states it, to be read against it: per endpoint, the status for each role
   * on a resource of its own county and of another (coordinators and systems have no county of
   * their own). A coordinator is let in to start a campaign and refused by the rules (409: the
   * shared campaign is open), as to close one (422: before its deadline).
   */
  static final String EXPECTED =
      """
      endpoint           | adviser   | manager   | coordinator | system
                         | own other | own other | own other   | own other
      GET counties       | 200 200   | 200 200   | 200 200     | 200 200
      GET regions        | 200 200   | 200 200   | 200 200     | 200 200
      POST agreement     | 201 403   | 201 403   | 201 201     | 201 201
      GET agreements     | 200 403   | 200 403   | 200 200     | 200 200
      GET agreement      | 200 403   | 200 403   | 200 200     | 200 200
      PUT contact person | 200 403   | 200 403   | 200 200     | 200 200
      POST termination   | 403 403   | 200 403   | 200 200     | 403 403
      POST campaign      | 403 403   | 403 403   | 409 409     | 403 403
      GET campaigns      | 200 200   | 200 200   | 200 200     | 200 200
      POST status        | 200 403   | 200 403   | 200 200     | 403 403
      GET status history | 200 403   | 200 403   | 200 200     | 200 200
      DELETE case note   | 204 403   | 204 403   | 204 204     | 403 403
      DELETE end reason  | 403 403   | 204 403   | 204 204     | 403 403
      GET progress       | 200 403   | 200 403   | 200 200     | 200 200
      GET reminders      | 200 403   | 200 403   | 200 200     | 200 200
      POST closing       | 403 403   | 403 403   | 422 422     | 403 403
      GET closing        | 200 200   | 200 200   | 200 200     | 200 200
      """;

  static final List<String> ROLES = List.of("adviser", "manager", "coordinator", "system");

  /**
   * The expected status for a role on an endpoint in its own county (own) or another (!own), from
   * {@link #EXPECTED}.
   */
  static int expected(String endpoint, String role, boolean own) {
    String row =
        EXPECTED
            .lines()
            .filter(l -> l.split("\\|")[0].strip().equals(endpoint))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + endpoint + " in the matrix"));
    String[] statuses = row.split("\\|")[1 + ROLES.indexOf(role)].strip().split("\\s+");
    return Integer.parseInt(statuses[own ? 0 : 1]);
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint e : ENDPOINTS) {
      for (String role : ROLES) {
        for (boolean own : List.of(true, false)) {
          cases.add(
              Arguments.of(
                  e, role, own ? "own county" : "other county", expected(e.name(), role, own)));
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
  void everyEndpointLetsInExactlyTheRolesAndCountiesItShould(
      Endpoint endpoint, String role, String where, int status) {
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
