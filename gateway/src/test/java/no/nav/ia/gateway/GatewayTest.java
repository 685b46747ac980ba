package no.nav.ia.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.nav.ia.test.Infra;
import no.nav.ia.test.LogLines;
import no.nav.ia.test.Management;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.RawHttp;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class GatewayTest {

  static final List<String> ROUTES =
      List.of(
          "/api/v1/agreements",
          "/api/v1/deliveries",
          "/api/v1/scorecards?period=2012",
          "/api/v1/counties",
          "/api/v1/resigning-campaigns");

  static String unsigned(String token) {
    String[] parts = token.split("\\.");
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    return header + "." + parts[1] + ".";
  }

  /**
   * A valid token whose payload was changed after signing (an adviser making itself coordinator).
   */
  static String tampered(String token) {
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("adviser", "coordinator");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  static Stream<Arguments> tokenFaults() {
    Map<String, Object> adviser =
        Map.of("roles", List.of("adviser"), "NAVident", "Z990001", "county", "03");
    Map<String, String> faults = new java.util.LinkedHashMap<>();
    faults.put("malformed", "not-a-jwt");
    faults.put("expired", Tokens.issue("Z990001", adviser, Infra.AUDIENCE, -120));
    faults.put(
        "wrong issuer",
        Tokens.fromIssuer("someone-else", "Z990001", adviser, Infra.AUDIENCE, 3600));
    faults.put("wrong audience", Tokens.issue("Z990001", adviser, "another-app", 3600));
    faults.put("alg none", unsigned(Tokens.adviser("03")));
    faults.put("wrongly signed", tampered(Tokens.adviser("03")));
    // An ID token, as the dashboard's logout hands the browser one (it has its login's nonce).
    Map<String, Object> idToken = new java.util.HashMap<>(adviser);
    idToken.put("nonce", "4f1c2d");
    faults.put("ID token", Tokens.issue("Z990001", idToken, Infra.AUDIENCE, 3600));
    return ROUTES.stream()
        .flatMap(
            route ->
                Stream.concat(
                    Stream.of(Arguments.of("missing", route, null)),
                    faults.entrySet().stream()
                        .map(f -> Arguments.of(f.getKey(), route, f.getValue()))));
  }

  @ParameterizedTest(name = "{0} token on {1}: 401")
  @MethodSource("tokenFaults")
  void everyTokenFaultIsA401ProblemOnEveryRoute(String fault, String route, String token) {
    var request = given();
    if (token != null) {
      request = request.header("Authorization", "Bearer " + token);
    }
    request
        .get(route)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("UNAUTHENTICATED"))
        .header("WWW-Authenticate", startsWith("Bearer"));
  }

  @Test
  void theOpenApiDocumentComesAsYamlWhenAskedForAndAsJsonOtherwise() throws Exception {
    String yaml =
        given()
            .queryParam("format", "yaml")
            .get("/openapi")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/yaml"))
            .extract()
            .asString();
    com.fasterxml.jackson.databind.JsonNode read =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(yaml);
    // Every string stays a string (version 1.0 unquoted would come back a number).
    assertThat(read.path("info").path("version").isTextual()).isTrue();
    // A client generator's author reads how the contract changes (an integrator's review).
    assertThat(read.path("info").path("description").asText())
        .contains("an answer may gain fields")
        .contains("400 MALFORMED_BODY");
    // The gateway's own answers on every operation, each 429 and 503 saying when to try again
    // (the gateway's own path: the services' documents are not served here).
    com.fasterxml.jackson.databind.JsonNode ownPath =
        read.path("paths").path("/api/v1/events/asyncapi").path("get").path("responses");
    assertThat(ownPath.path("429").path("headers").has("Retry-After")).isTrue();
    assertThat(ownPath.path("503").path("headers").has("Retry-After")).isTrue();
    assertThat(read.path("openapi").asText()).startsWith("3.1");
    given()
        .header("Accept", "application/yaml")
        .get("/openapi")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/yaml"));
    given()
        .header("Accept", "text/yaml")
        .get("/openapi")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/yaml"));
    given().get("/openapi").then().statusCode(200).contentType(startsWith("application/json"));
    given()
        .header("Accept", "application/*")
        .get("/openapi")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"));
    given()
        .queryParam("format", "xml")
        .get("/openapi")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("format"));
  }

  @Test
  void aCompressedBodyIs415AtTheGatewayNotForwarded() {
    given()
        .auth()
        .oauth2(Tokens.adviser("03", "Z995102"))
        .contentType("application/json")
        .header("Content-Encoding", "gzip")
        .body("{}")
        .post("/api/v1/deliveries")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .header("Accept-Encoding", "identity")
        .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
        .body("uri", nullValue());
  }

  @Test
  void everyAnswerCarriesOneDateWrittenAsAnHttpDate() {
    // An HTTP review found no Date on any answer (RFC 9110 asks an origin server with a clock for
    // it). A service's answer (here a stub that sends its own) carries the gateway's, once.
    List<List<String>> dates =
        List.of(
            given()
                .auth()
                .oauth2(Tokens.adviser("03", "Z995103"))
                .get("/api/v1/agreements/42")
                .then()
                .statusCode(200)
                .extract()
                .headers()
                .getValues("Date"),
            given().post("/openapi").then().statusCode(405).extract().headers().getValues("Date"),
            given()
                .get("/api/v1/agreements")
                .then()
                .statusCode(401)
                .extract()
                .headers()
                .getValues("Date"));
    for (List<String> date : dates) {
      assertThat(date)
          .singleElement()
          .asString()
          .matches(
              "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
      java.time.Instant at =
          java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(
              date.get(0), java.time.Instant::from);
      assertThat(java.time.Duration.between(at, java.time.Instant.now()).abs())
          .isLessThan(java.time.Duration.ofMinutes(1));
    }
  }

  @Test
  void aMethodAPathOfTheGatewayDoesNotTakeIs405WithItsAllowHeader() {
    given()
        .post("/openapi")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .header("Allow", "GET, HEAD, OPTIONS");
  }

  @Test
  void optionsOnAnApiPathIsTheServicesAnswerNotTheGatewaysCatchAll() {
    // The gateway's one resource takes every method on every path; the service knows the path's.
    given()
        .auth()
        .oauth2(Tokens.adviser("03", "Z995101"))
        .options("/api/v1/agreements/42")
        .then()
        .statusCode(200)
        .body("method", equalTo("OPTIONS"))
        .body("uri", equalTo("/api/v1/agreements/42"));
  }

  @Test
  void aTokenWithoutAPlatformRoleIsForbiddenAtTheEdge() {
    String tourist =
        Tokens.issue("Z990001", Map.of("roles", List.of("tourist")), Infra.AUDIENCE, 3600);
    given()
        .auth()
        .oauth2(tourist)
        .get("/api/v1/agreements")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Tokens.adviser("03", "Z996001"))
        .get("/api/v1/agreements?county=12")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
  }

  /**
   * The claims of the token a service got from the gateway (the stub echoes the request's headers).
   */
  static String forwardedClaims(io.restassured.response.ValidatableResponse response) {
    String authorization = response.extract().path("headers.authorization");
    assertThat(authorization).startsWith("Bearer ");
    return Tokens.claimsOf(authorization.substring(7));
  }

  @Test
  void aCoordinatorReachesAServicesOperationsThroughTheGatewayAndNoOneElseDoes() {
    // A coordinator of its own: the rate limit counts per person, and other tests are coordinators.
    String operator = Tokens.person("coordinator", null, "Z995292");
    // On NAIS a service's /internal/** (the parked events' replay, the scorecard's rebuild) has
    // no ingress, and no person gets a token for the service's audience but through the gateway.
    var response =
        given()
            .auth()
            .oauth2(operator)
            .get("/api/v1/operations/scorecard-service/dead-letters?topic=x")
            .then()
            .statusCode(200)
            .body("method", equalTo("GET"))
            .body("uri", equalTo("/internal/dead-letters?topic=x"));
    assertThat(forwardedClaims(response))
        .contains("\"aud\":\"ia-scorecard-service\"")
        .contains("\"coordinator\"");
    // Sent on as sent: an encoded "?" stays in the path, it does not start a query.
    given()
        .urlEncodingEnabled(false)
        .auth()
        .oauth2(operator)
        .get("/api/v1/operations/scorecard-service/dead-letters%3Ftopic=x")
        .then()
        .statusCode(200)
        .body("uri", equalTo("/internal/dead-letters%3Ftopic=x"));
    for (String refused :
        List.of(
            Tokens.person("manager", "03", "Z996002"),
            Tokens.adviser("03", "Z996003"),
            Tokens.system("arena"))) {
      given()
          .auth()
          .oauth2(refused)
          .post("/api/v1/operations/scorecard-service/dead-letters/replay")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    for (String path :
        List.of(
            "/api/v1/operations/no-such-service/dead-letters",
            "/api/v1/operations/scorecard-service",
            "/api/v1/operations/scorecard-service/",
            "/api/v1/operations/scorecard-service/..%2F..%2Fapi/v1/agreements",
            "/api/v1/operations/scorecard-service/dead-letters%2F..%2F..%2Fx",
            "/api/v1/operations/scorecard-service/%252e%252e/x")) {
      given()
          .urlEncodingEnabled(false)
          .auth()
          .oauth2(operator)
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
  }

  @Test
  void aPersonsTokenReachesAServiceExchangedForOneWithThatServicesAudience() {
    String token = Tokens.person("coordinator", null, "Z996004");
    var response =
        given()
            .auth()
            .oauth2(token)
            .header("Nav-Consumer-Id", "pretender")
            .get("/api/v1/agreements/42")
            .then()
            .statusCode(200)
            .body("headers.authorization", not(equalTo("Bearer " + token)))
            .body("headers.nav-consumer-id", nullValue());
    assertThat(forwardedClaims(response))
        .contains("\"aud\":\"ia-agreement-service\"")
        .contains("\"NAVident\":\"Z996004\"")
        .contains("\"coordinator\"")
        .doesNotContain("ia-platform");
  }

  @Test
  void aMachineClientsCallGoesWithTheGatewaysOwnTokenAndNamesTheMachine() {
    var response =
        given()
            .auth()
            .oauth2(Tokens.system("arena-hop"))
            .header("Nav-Consumer-Id", "pretender")
            .get("/api/v1/agreements/42")
            .then()
            .statusCode(200)
            .body("headers.nav-consumer-id", equalTo("arena-hop"));
    assertThat(forwardedClaims(response))
        .contains("\"aud\":\"ia-agreement-service\"")
        .contains("\"azp\":\"ia-platform\"")
        .contains("\"system\"")
        .doesNotContain("arena-hop");
  }

  @Test
  void aClientTokenNamingTheGatewaysOwnClientIdNamesNoOtherMachine() {
    given()
        .auth()
        .oauth2(Tokens.system("ia-platform"))
        .header("Nav-Consumer-Id", "pretender")
        .get("/api/v1/agreements/42")
        .then()
        .statusCode(200)
        .body("headers.nav-consumer-id", equalTo("ia-platform"));
  }

  @Test
  void anAdviserNamingACodeThatIsNoCountyHearsItIsNoCounty() {
    // Not 403: the gateway lets the service say what is wrong with the filter (the stub echoes).
    given()
        .auth()
        .oauth2(Tokens.adviser("03", "Z996005"))
        .get("/api/v1/agreements?county=99")
        .then()
        .statusCode(200)
        .header("X-Upstream", "agreement-service")
        .body("uri", equalTo("/api/v1/agreements?county=99"));
    given()
        .auth()
        .oauth2(Tokens.adviser("03", "Z996005"))
        .get("/api/v1/agreements?county=46")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
  }

  @Test
  void aHeaderSentTwiceReachesTheServiceTwiceForItToRefuse() {
    given()
        .auth()
        .oauth2(Tokens.adviser("03", "Z996005"))
        .header("Idempotency-Key", "first")
        .header("Idempotency-Key", "second")
        .get("/api/v1/agreements?twice=1")
        .then()
        .statusCode(200)
        .body("headers.'idempotency-key'", equalTo("first,second"));
  }

  @Test
  void refusedRequestsGetAnAccessLineToo() {
    try (LogLines log = LogLines.of("gateway.access")) {
      List<String> lines = log.lines;
      given().get("/api/v1/agreements?access=none").then().statusCode(401);
      String tourist =
          Tokens.issue(
              "Z990009",
              Map.of("roles", List.of("tourist"), "NAVident", "Z990009"),
              Infra.AUDIENCE,
              600);
      given()
          .auth()
          .oauth2(tourist)
          .get("/api/v1/agreements?access=tourist")
          .then()
          .statusCode(403);
      given()
          .auth()
          .oauth2(Tokens.system("access-served"))
          .get("/api/v1/agreements/42")
          .then()
          .statusCode(200);
      await()
          .atMost(java.time.Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(lines)
                      .anyMatch(
                          l ->
                              l.startsWith(
                                  "subject=- route=agreements method=GET status=401 latency_ms="))
                      .anyMatch(
                          l ->
                              l.startsWith(
                                  "subject=Z990009 route=agreements method=GET status=403 latency_ms="))
                      .anyMatch(
                          l ->
                              l.startsWith(
                                  "subject=access-served route=agreements method=GET status=200 latency_ms=")));
    }
  }

  @Test
  void aClientThatLeavesBeforeTheAnswerIsLoggedAsAbortedNot200() throws Exception {
    try (LogLines log = LogLines.of("gateway.access")) {
      try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
        // 13 bytes of the 200 announced, then the client goes away.
        postAgreement(http, 200).body("{\"orgNumber\":".getBytes(StandardCharsets.UTF_8));
      }
      await()
          .atMost(java.time.Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(log.lines)
                      .anyMatch(l -> l.contains(" route=agreements method=POST status=aborted ")));
    }
  }

  @Test
  void aMachineClientWithoutTheSystemRoleIsForbidden() {
    String machine =
        Tokens.issue(
            "robot", Map.of("roles", List.of("coordinator"), "azp", "robot"), Infra.AUDIENCE, 600);
    given()
        .auth()
        .oauth2(machine)
        .get("/api/v1/agreements/42")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("FORBIDDEN"));
  }

  @Test
  void forwardsTheRequestWithItsTokenAndCallIdButNotHopByHopHeaders() {
    String token = Tokens.person("coordinator", null, "Z996006");
    given()
        .auth()
        .oauth2(token)
        .header("Nav-Call-Id", "gw-test-1")
        .header("Proxy-Authorization", "Basic x")
        .header("Host", "evil.example")
        .header("TE", "trailers")
        .header("Idempotency-Key", "k-1")
        .contentType(ContentType.JSON)
        .body("{\"orgNumber\":\"974760673\"}")
        .post("/api/v1/agreements?county=03")
        .then()
        .statusCode(201)
        .header("Nav-Call-Id", "gw-test-1")
        .header("X-Upstream", "agreement-service")
        .header("Location", equalTo("https://ia.example.test/api/v1/agreements/42"))
        .body("method", equalTo("POST"))
        .body("uri", equalTo("/api/v1/agreements?county=03"))
        .body("body", equalTo("{'orgNumber':'974760673'}"))
        .body("headers.authorization", startsWith("Bearer "))
        .body("headers.nav-call-id", equalTo("gw-test-1"))
        .body("headers.idempotency-key", equalTo("k-1"))
        .body("headers.proxy-authorization", nullValue())
        .body("headers.te", nullValue());
  }

  @Test
  void aCorrectionByPatchIsForwardedWithItsBodyAndIfMatch() {
    given()
        .auth()
        .oauth2(Tokens.person("coordinator", null, "Z990021"))
        .header("If-Match", "\"3\"")
        .contentType(ContentType.JSON)
        .body("{\"employees\":120}")
        .patch("/api/v1/agreements/42")
        .then()
        .statusCode(200)
        .body("method", equalTo("PATCH"))
        .body("uri", equalTo("/api/v1/agreements/42"))
        .body("body", equalTo("{'employees':120}"))
        .body("headers.if-match", equalTo("'3'"));
  }

  @Test
  void aReplicaThatDoesNotAnswerIsLeftOutAfterItsFirstTimeout() {
    // A caller of its own: the rate limit (a burst of 5 here) is per caller.
    String coordinator = Tokens.person("coordinator", null, "Z990031");
    // The first request's turn is the hung replica: 504 after the timeout (1 s here), not sent
    // again (the service may have done it). Before, every second request waited for the timeout.
    given()
        .auth()
        .oauth2(coordinator)
        .get("/api/v1/hung/1")
        .then()
        .statusCode(504)
        .body("code", equalTo("UPSTREAM_TIMEOUT"));
    for (int i = 2; i <= 5; i++) {
      given()
          .auth()
          .oauth2(coordinator)
          .get("/api/v1/hung/" + i)
          .then()
          .statusCode(200)
          .body("uri", equalTo("/api/v1/hung/" + i));
    }
  }

  @Test
  void anAnswerWithoutABodyIsPassedOnWithoutAContentType() {
    // It came out as application/octet-stream: a client reading the type would look for a file.
    var response =
        given()
            .auth()
            .oauth2(Tokens.person("coordinator", null, "Z990032"))
            .delete("/api/v1/agreements/voided")
            .then()
            .statusCode(204)
            .extract();
    assertThat(response.header("Content-Type")).isNull();
    assertThat(response.asByteArray()).isEmpty();
  }

  @Test
  void anAdviserMaySearchTheRegisterInAnotherCountyButListNoOtherCountysAgreements() {
    String adviser = Tokens.adviser("03", "Z990022");
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/enterprises?q=bygg&county=12")
        .then()
        .statusCode(200)
        .body("uri", equalTo("/api/v1/enterprises?q=bygg&county=12"));
    given()
        .auth()
        .oauth2(adviser)
        .get("/api/v1/agreements?county=12")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
  }

  @Test
  void headersReachAServiceOnlyFromTheAllowListAndClientSentForwardingHeadersAreDropped() {
    given()
        .auth()
        .oauth2(Tokens.system("allow-list"))
        .header("If-Match", "\"3\"")
        .header("X-Forwarded-For", "10.9.8.7")
        .header("X-Forwarded-Host", "evil.example")
        .header("X-Forwarded-Proto", "http")
        .header("Forwarded", "for=10.9.8.7;host=evil.example")
        .header("X-Debug-Mode", "on")
        .get("/api/v1/agreements/42")
        .then()
        .statusCode(200)
        .body("headers.if-match", equalTo("'3'"))
        .body("headers.x-forwarded-for", nullValue())
        .body("headers.x-forwarded-host", nullValue())
        .body("headers.x-forwarded-proto", nullValue())
        .body("headers.forwarded", nullValue())
        .body("headers.x-debug-mode", nullValue());
  }

  @Test
  void aServiceWithTwoInstancesIsServedByTheOneUpWhenTheOtherIsDown() {
    // A client of its own per request: the test profile's rate limit is five requests per client.
    for (int i = 0; i < 4; i++) {
      given()
          .auth()
          .oauth2(Tokens.system("two-instances-" + i))
          .header("Idempotency-Key", "two-" + i)
          .get("/api/v1/regions?i=" + i)
          .then()
          .statusCode(200)
          .body("uri", equalTo("/api/v1/regions?i=" + i))
          .body("headers.idempotency-key", equalTo("two-" + i));
    }
  }

  @Test
  void aRequestRefusedByAnInstanceThatIsStoppingGoesToTheNextOne() {
    for (int i = 0; i < 4; i++) {
      given()
          .auth()
          .oauth2(Tokens.system("stopping-" + i))
          .contentType(ContentType.JSON)
          .body("{\"i\":" + i + "}")
          .post("/api/v1/counties")
          .then()
          .statusCode(201)
          .body("body", equalTo("{'i':" + i + "}"));
    }
  }

  @Test
  void aRequestRefusedByAStoppingPodBehindOneAddressIsSentOnceMore() {
    // On NAIS a route is one Service URL: no next instance, but a new connection reaches a pod in
    // service. The bare 503 must not reach the client, whatever the method.
    given()
        .auth()
        .oauth2(Tokens.system("restarting-get"))
        .header("Nav-Call-Id", "restarting-get")
        .get("/api/v1/restarting?stopping=1")
        .then()
        .statusCode(200)
        .header("X-Attempt", "2")
        .body("uri", equalTo("/api/v1/restarting?stopping=1"));
    given()
        .auth()
        .oauth2(Tokens.system("restarting-post"))
        .header("Nav-Call-Id", "restarting-post")
        .contentType(ContentType.JSON)
        .body("{\"i\":1}")
        .post("/api/v1/restarting?stopping=1")
        .then()
        .statusCode(201)
        .header("X-Attempt", "2")
        .body("body", equalTo("{'i':1}"));
  }

  @Test
  void aStoppingPodBehindOneAddressTwiceIsA503ProblemWithRetryAfter() {
    // Sent once more only: a third request would have been answered.
    for (String method : List.of("GET", "POST")) {
      var request =
          given()
              .auth()
              .oauth2(Tokens.system("stopping-twice-" + method))
              .header("Nav-Call-Id", "stopping-twice-" + method);
      if (method.equals("POST")) {
        request.contentType(ContentType.JSON).body("{}");
      }
      request
          .request(method, "/api/v1/restarting?stopping=2")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", "1")
          .body("code", equalTo("SERVICE_UNAVAILABLE"));
    }
  }

  @Test
  void anAbsoluteFormRequestTargetIsA400ProblemNotA500() throws Exception {
    try (java.net.Socket socket =
        new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
      socket.setSoTimeout(10_000);
      String request =
          "GET http://elsewhere.example/api/v1/agreements HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + Tokens.person("coordinator", null, "Z996007")
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      org.assertj.core.api.Assertions.assertThat(answer)
          .startsWith("HTTP/1.1 400")
          .contains("application/problem+json")
          .contains("\"code\":\"BAD_REQUEST_TARGET\"");
    }
  }

  @Test
  void aRequestWithoutAHostIsA400ProblemNotA500() throws Exception {
    // The dashboard and the start page built absolute URLs from the request and answered 500.
    for (String path : List.of("/dashboard", "/", "/openapi", "/api/v1/agreements")) {
      try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
        RawHttp.Answer answer = http.headWithoutHost("GET " + path + " HTTP/1.0").answer();
        org.assertj.core.api.Assertions.assertThat(answer.status()).as(path).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(answer.body())
            .as(path)
            // Under /dashboard the browser's Norwegian page (BrowserErrors), elsewhere the problem.
            .contains(path.equals("/dashboard") ? "Ugyldig adresse" : "Host header");
      }
    }
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      RawHttp.Answer answer =
          http.headWithoutHost(
                  "GET /api/v1/agreements HTTP/1.1",
                  "Authorization: Bearer " + Tokens.person("coordinator", null, "Z996008"),
                  "Connection: close")
              .answer();
      org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(400);
      org.assertj.core.api.Assertions.assertThat(answer.header("Content-Type"))
          .isEqualTo("application/problem+json");
      org.assertj.core.api.Assertions.assertThat(answer.body())
          .contains("\"code\":\"BAD_REQUEST\"");
    }
  }

  @Test
  void aSearchWithRawLettersReachesTheServicePercentEncoded() throws Exception {
    // curl sends ?q=ærlig as the bytes of UTF-8; the service got them mangled and answered a bare
    // 400. Upper-case Æ, Ø and Å stay a bare 400 before any code of ours (README).
    String raw =
        new String(
            "GET /api/v1/agreements?q=ærlig HTTP/1.1".getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1);
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      RawHttp.Answer answer =
          http.head(
                  raw,
                  "Authorization: Bearer " + Tokens.person("coordinator", null, "Z995291"),
                  "Connection: close")
              .answer();
      org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(200);
      org.assertj.core.api.Assertions.assertThat(answer.body())
          .contains("\"uri\":\"/api/v1/agreements?q=%C3%A6rlig\"");
    }
  }

  @Test
  void twoAuthorizationHeadersAreA400WhicheverComesFirst() throws Exception {
    // The first one spoke for the request: an adviser's token and then a coordinator's was 403 on
    // an adviser's limits, the other way round 200.
    String adviser = Tokens.adviser("03", "Z996009");
    String coordinator = Tokens.person("coordinator", null, "Z996010");
    for (List<String> tokens :
        List.of(List.of(adviser, coordinator), List.of(coordinator, adviser))) {
      try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
        RawHttp.Answer answer =
            http.head(
                    "GET /api/v1/agreements HTTP/1.1",
                    "Authorization: Bearer " + tokens.get(0),
                    "Authorization: Bearer " + tokens.get(1),
                    "Connection: close")
                .answer();
        org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(answer.header("Content-Type"))
            .isEqualTo("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(answer.body())
            .contains("one Authorization header");
      }
    }
    given().auth().oauth2(coordinator).get("/api/v1/agreements").then().statusCode(200);
  }

  @Test
  void aServiceThatIsDownIsA503AndASlowOneA504NeverAHang() {
    given()
        .auth()
        .oauth2(Tokens.person("coordinator", null, "Z996011"))
        .get("/api/v1/deliveries")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "1")
        .body("code", equalTo("SERVICE_UNAVAILABLE"));
    given()
        .auth()
        .oauth2(Tokens.person("coordinator", null, "Z996011"))
        .get("/api/v1/scorecards?period=2012")
        .then()
        .statusCode(504)
        .contentType("application/problem+json")
        .body("code", equalTo("UPSTREAM_TIMEOUT"));
  }

  @Test
  void aClientOverItsRateGets429WithRetryAfterAndRecovers() throws InterruptedException {
    // The test limit: a burst of 5, then one request per 5 seconds.
    String runaway = Tokens.adviser("03", "Z777777");
    int allowed = 0;
    long started = System.nanoTime();
    io.restassured.response.Response refused = null;
    for (int i = 0; i < 20 && refused == null; i++) {
      io.restassured.response.Response r = given().auth().oauth2(runaway).get("/api/v1/agreements");
      if (r.statusCode() == 429) {
        refused = r;
      } else {
        r.then().statusCode(200);
        allowed++;
      }
    }
    org.assertj.core.api.Assertions.assertThat(refused).as("a 429 within 20 requests").isNotNull();
    // The burst, plus one for every 5 s the requests took (a slow machine earns more, never fewer).
    long refilled = (System.nanoTime() - started) / 5_000_000_000L;
    org.assertj.core.api.Assertions.assertThat(allowed).isBetween(5, 5 + (int) refilled + 1);
    refused
        .then()
        .contentType("application/problem+json")
        .body("code", equalTo("TOO_MANY_REQUESTS"));
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    org.assertj.core.api.Assertions.assertThat(retryAfter).isBetween(1L, 5L);
    given()
        .auth()
        .oauth2(Tokens.adviser("03", "Z888888"))
        .get("/api/v1/agreements")
        .then()
        .statusCode(200);
    Thread.sleep(retryAfter * 1000 + 200);
    given().auth().oauth2(runaway).get("/api/v1/agreements").then().statusCode(200);
  }

  @Test
  void theSecondIssuerMayGrantOnlyTheSystemRole() {
    String claimsCoordinator =
        Tokens.fromIssuer(
            "ia-machines",
            "rogue",
            Map.of("roles", List.of("coordinator"), "azp", "rogue"),
            Infra.AUDIENCE,
            600);
    given().auth().oauth2(claimsCoordinator).get("/api/v1/agreements").then().statusCode(403);
  }

  @Test
  void anEntraGroupMapsToItsRoleAndCounty() {
    String manager =
        Tokens.issue(
            "Z990100",
            Map.of("groups", List.of("0b7f-oslo-managers"), "NAVident", "Z990100"),
            Infra.AUDIENCE,
            600);
    given().auth().oauth2(manager).get("/api/v1/agreements?county=03").then().statusCode(200);
    given()
        .auth()
        .oauth2(manager)
        .get("/api/v1/agreements?county=12")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN_COUNTY"));
    String outsider =
        Tokens.issue(
            "Z990101",
            Map.of("groups", List.of("some-other-group"), "NAVident", "Z990101"),
            Infra.AUDIENCE,
            600);
    given().auth().oauth2(outsider).get("/api/v1/agreements?county=03").then().statusCode(403);
  }

  @Test
  void aSecondConfiguredIssuerIsTrustedToo() {
    String machine =
        Tokens.fromIssuer(
            "ia-machines",
            "arena",
            Map.of("roles", List.of("system"), "azp", "arena"),
            Infra.AUDIENCE,
            600);
    given().auth().oauth2(machine).get("/api/v1/agreements").then().statusCode(200);
  }

  @Test
  void requestsAreTimedPerRoute() {
    given()
        .auth()
        .oauth2(Tokens.system("metrics-check"))
        .get("/api/v1/agreements")
        .then()
        .statusCode(200);
    // Metrics and health are on the management interface only, not on the public port.
    given().get("/q/metrics").then().statusCode(404);
    given().get("/q/health/ready").then().statusCode(404);
    Management.given().get("/q/health/ready").then().statusCode(200);
    Management.given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(
            org.hamcrest.Matchers.containsString(
                "ia_gateway_requests_seconds_count{method=\"GET\",route=\"agreements\",status=\"200\"}"),
            // Buckets, for a p99 per route across the gateway's pods.
            org.hamcrest.Matchers.containsString(
                "ia_gateway_requests_seconds_bucket{method=\"GET\",route=\"agreements\",status=\"200\",le=\"0.05\"}"));
  }

  @Test
  void aPathTheClientMadeUpNeverBecomesAMetricsTag() {
    // Refused before any route matched it: 400 for a NUL character, 400 for path parameters.
    given().urlEncodingEnabled(false).get("/01019010046%00").then().statusCode(400);
    given().urlEncodingEnabled(false).get("/41019010110;x").then().statusCode(400);
    // Spelled so that Micrometer's own clean-up of the path changes it.
    given().urlEncodingEnabled(false).get("//01019010046%00").then().statusCode(400);
    given().urlEncodingEnabled(false).get("/41019010110//").then().statusCode(404);
    given()
        .auth()
        .oauth2(Tokens.system("metrics-check"))
        .urlEncodingEnabled(false)
        .get("/api/v1/agreements;01019010046")
        .then()
        .statusCode(400);
    String metrics =
        Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
    org.assertj.core.api.Assertions.assertThat(metrics)
        .doesNotContain("01019010046")
        .doesNotContain("41019010110")
        .contains("uri=\"/other\"");
  }

  @Test
  void aMethodTheClientMadeUpNeverBecomesAMetricsTag() throws Exception {
    for (String method : List.of("QZBREWQZ", "QZFOOBARQZ")) {
      try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
        org.assertj.core.api.Assertions.assertThat(
                http.head(method + " /api/v1/agreements HTTP/1.1").answer().status())
            .isBetween(400, 499);
      }
    }
    String metrics =
        Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
    org.assertj.core.api.Assertions.assertThat(metrics)
        .doesNotContain("QZBREWQZ")
        .doesNotContain("QZFOOBARQZ")
        .contains("method=\"OTHER\"");
  }

  @Test
  void aChunkedBodyIsCountedAsItComesAndForwardedWhole() throws Exception {
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      // Over 512 KB: the gateway's 413 problem (it was Quarkus's bare 413 and two ERROR traces).
      RawHttp.Answer refused =
          chunkedAgreement(http, "{\"name\":\"" + "x".repeat(600 * 1024) + "\"}");
      assertThat(refused.status()).isEqualTo(413);
      assertThat(refused.header("content-type")).startsWith("application/problem+json");
      assertThat(refused.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
      // Within it, in three chunks, the service gets the body whole, on the same connection.
      String name = "Chunked Bygg AS ".repeat(10_000);
      RawHttp.Answer forwarded = chunkedAgreement(http, "{\"name\":\"" + name + "\"}");
      assertThat(forwarded.status()).isEqualTo(201);
      assertThat(forwarded.body()).contains("'name':'" + name + "'");
    }
    // A client that waits for 100 Continue gets one, and then the answer (RESTEasy sent a second
    // 100 Continue after the body).
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      http.head(
          "POST /api/v1/agreements HTTP/1.1",
          "Authorization: Bearer " + chunking(),
          "Content-Type: application/json",
          "Transfer-Encoding: chunked",
          "Expect: 100-continue");
      assertThat(http.answer().status()).isEqualTo(100);
      http.chunked("{\"name\":\"Venter Bygg AS\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(http.answer().status()).isEqualTo(201);
    }
    // Without a token the body is not read first: 401, as with a length.
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      RawHttp.Answer refused =
          http.head(
                  "POST /api/v1/agreements HTTP/1.1",
                  "Content-Type: application/json",
                  "Transfer-Encoding: chunked")
              .chunked("{\"name\":\"Uten Token AS\"}".getBytes(StandardCharsets.UTF_8))
              .answer();
      assertThat(refused.status()).isEqualTo(401);
    }
  }

  /**
   * A person of their own for these requests: the coordinator's rate-limit bucket is shared with
   * most tests of this class (a run fast enough met its 429).
   */
  private static String chunking() {
    return Tokens.adviser("03", "Z993201");
  }

  private static RawHttp.Answer chunkedAgreement(RawHttp http, String body)
      throws java.io.IOException {
    return http.head(
            "POST /api/v1/agreements HTTP/1.1",
            "Authorization: Bearer " + chunking(),
            "Content-Type: application/json",
            "Transfer-Encoding: chunked")
        .chunked(body.getBytes(StandardCharsets.UTF_8))
        .answer();
  }

  @Test
  void aBodyThatTricklesInIs408WhenItsTimeIsUpAndTheConnectionClosed() throws Exception {
    // An HTTP review: a client that stopped halfway through its body, or sent a byte every 5 s,
    // had no answer and no close from the gateway after 300 s. The test profile gives a body 5 s.
    byte[] body = "{\"name\":\"Drypp Bygg AS\"}".getBytes(StandardCharsets.UTF_8);
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      long start = System.nanoTime();
      http.head(
          "POST /api/v1/agreements HTTP/1.1",
          "Authorization: Bearer " + Tokens.adviser("03", "Z993202"),
          "Content-Type: application/json",
          "Nav-Call-Id: trickle-408",
          "Content-Length: " + body.length);
      // A byte every half second, for up to 9 s (the body is 24 bytes): each one keeps the
      // connection busy, and none earns time. The answer comes at 5 s, while bytes still come.
      for (int i = 0; i < 18 && !http.answerWaiting(); i++) {
        http.body(new byte[] {body[i]});
        Thread.sleep(500);
      }
      long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      RawHttp.Answer answer = http.answer();
      assertThat(answer.status()).isEqualTo(408);
      assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(answer.body())
          .contains("\"code\":\"REQUEST_TIMEOUT\"")
          .contains("\"callId\":\"trickle-408\"");
      assertThat(answer.header("Connection")).isEqualTo("close");
      assertThat(http.closedByServer()).isTrue();
      assertThat(millis).isBetween(4_500L, 7_000L);
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413BeforeItReachesAService() throws Exception {
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      RawHttp.Answer answer = postAgreement(http, 5 * 1024 * 1024).answer();
      org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(413);
      org.assertj.core.api.Assertions.assertThat(answer.header("Content-Type"))
          .isEqualTo("application/problem+json");
      org.assertj.core.api.Assertions.assertThat(answer.body()).contains("PAYLOAD_TOO_LARGE");
      // The announced 5 MB are not waited for: the connection is closed after the answer.
      org.assertj.core.api.Assertions.assertThat(answer.header("Connection")).isEqualTo("close");
      org.assertj.core.api.Assertions.assertThat(http.closedByServer()).isTrue();
    }
  }

  @Test
  void aSingleItemOverTheItemLimitIsRefusedHereAndTheConnectionKept() throws Exception {
    // 1 MB to a path that takes one item (the bulk path takes 4 MB): the echoing upstream would
    // answer 200, so a 413 is the gateway's own.
    byte[] body =
        ("{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    try (RawHttp http = new RawHttp(io.restassured.RestAssured.port)) {
      RawHttp.Answer refused = postAgreement(http, body.length).body(body).answer();
      org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(413);
      org.assertj.core.api.Assertions.assertThat(refused.body()).contains("PAYLOAD_TOO_LARGE");
      RawHttp.Answer next =
          http.head(
                  "GET /api/v1/agreements HTTP/1.1",
                  "Authorization: Bearer " + Tokens.person("coordinator", null, "Z996012"))
              .answer();
      org.assertj.core.api.Assertions.assertThat(next.status()).isEqualTo(200);
    }
  }

  @Test
  void aBatchOverTheItemLimitIsForwarded() {
    // About 600 KB in three items: the bulk path takes it, so the answer is the upstream's (here
    // delivery-service is down: 503), not 413.
    String item = "{\"note\":\"" + "x".repeat(200_000) + "\"}";
    given()
        .auth()
        .oauth2(Tokens.system("large-batch-client"))
        .contentType("application/json")
        .body("[" + item + "," + item + "," + item + "]")
        .post("/api/v1/deliveries/batch")
        .then()
        .statusCode(503);
  }

  /** Sends the head of a coordinator's POST of an agreement that announces this length. */
  private static RawHttp postAgreement(RawHttp http, long length) throws java.io.IOException {
    return http.head(
        "POST /api/v1/agreements HTTP/1.1",
        "Authorization: Bearer " + Tokens.person("coordinator", null, "Z996012"),
        "Content-Type: application/json",
        "Content-Length: " + length);
  }

  @Test
  void anUnknownPathIs404() {
    given()
        .auth()
        .oauth2(Tokens.person("coordinator", null, "Z996013"))
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
