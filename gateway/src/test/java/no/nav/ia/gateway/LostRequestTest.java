package no.nav.ia.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * An instance killed (kill -9) with a request in hand, its replica in service (UpstreamStubs'
 * {@code crash-*} routes): a request whose second sending changes nothing goes to the replica, any
 * other is a 502. Before, every one was a 502.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class LostRequestTest {

  @Test
  void aGetLostByAKilledInstanceIsAnsweredByTheOtherWithItsCallIdAndToken() {
    call("lost-get")
        .get("/api/v1/crash-get/deliveries?close=reset")
        .then()
        .statusCode(200)
        .body("uri", equalTo("/api/v1/crash-get/deliveries?close=reset"))
        .body("headers.nav-call-id", equalTo("lost-get"))
        .body("headers.authorization", startsWith("Bearer "));
    counts("lost-get", 1, 1);
  }

  @Test
  void aDeleteLostByAKilledInstanceIsSentToTheOtherToo() {
    // Voiding a delivery twice answers 204 twice (Resend): the client learns it is voided.
    call("lost-delete")
        .delete("/api/v1/crash-delete/42?close=fin")
        .then()
        .statusCode(200)
        .body("method", equalTo("DELETE"));
    counts("lost-delete", 1, 1);
  }

  @Test
  void aPostLostByAKilledInstanceIsA502AndNotSentAgain() {
    // The service may have recorded it before it died: the client decides (Idempotency-Key).
    badGateway(
        call("lost-post")
            .contentType(ContentType.JSON)
            .body("{\"i\":1}")
            .post("/api/v1/crash-post/deliveries?close=reset"));
    counts("lost-post", 1, 0);
  }

  @Test
  void aGetWhoseAnswerWasCutShortIsSentAgainButADeleteIsNot() {
    // The client had nothing of the answer (the gateway holds it whole): a GET changes nothing and
    // goes to the other instance (a killed instance sending a long list gave one 502 in seven
    // kills); a DELETE whose answer had begun was done, and the client is told so.
    call("lost-answering")
        .get("/api/v1/crash-answering/deliveries?close=answering")
        .then()
        .statusCode(200)
        .body("headers.nav-call-id", equalTo("lost-answering"));
    counts("lost-answering", 1, 1);
    badGateway(
        call("lost-answering-delete").delete("/api/v1/crash-answering-delete/42?close=answering"));
    counts("lost-answering-delete", 1, 0);
  }

  @Test
  void aGetLostAtOneAddressIsSentOnceMoreOnly() {
    // On NAIS a route is one Service URL: a new connection there may reach another pod; here every
    // pod dies too, and the second loss is the answer.
    badGateway(call("lost-alone").get("/api/v1/crash-alone/deliveries?close=reset"));
    counts("lost-alone", 2, 0);
  }

  @Test
  void whatAnInstanceLostIsCountedByRouteInstanceAndOutcome() {
    call("lost-counted").get("/api/v1/crash-counted/deliveries?close=reset").then().statusCode(200);
    badGateway(
        call("lost-counted-post")
            .contentType(ContentType.JSON)
            .body("{\"i\":1}")
            .post("/api/v1/crash-counted-post/deliveries?close=reset"));
    String metrics = no.nav.ia.test.Management.metrics();
    org.assertj.core.api.Assertions.assertThat(metrics)
        .containsPattern(
            "(?m)^ia_gateway_upstream_failures_total\\{outcome=\"lost\",route=\"crash-counted\",upstream=\"http://[^\"]+\"\\} [1-9]")
        .containsPattern(
            "(?m)^ia_gateway_upstream_failures_total\\{outcome=\"lost\",route=\"crash-counted-post\",upstream=\"http://[^\"]+\"\\} [1-9]");
  }

  /** A request of a client of its own (the rate limit is per client), its Nav-Call-Id the same. */
  private static RequestSpecification call(String callId) {
    return given().auth().oauth2(Tokens.system(callId)).header("Nav-Call-Id", callId);
  }

  private static void badGateway(Response response) {
    response
        .then()
        .statusCode(502)
        .contentType("application/problem+json")
        .body("code", equalTo("BAD_GATEWAY"));
  }

  /** What the killed instances lost and those in service answered of the call. */
  private static void counts(String callId, int lost, int served) {
    // The stub's counts are at its instance in service (that of agreements).
    String inService =
        ConfigProvider.getConfig().getValue("ia.gateway.routes.agreements", String.class);
    given()
        .header("Nav-Call-Id", callId)
        .get(inService + UpstreamStubs.COUNTS)
        .then()
        .statusCode(200)
        .body("lost", equalTo(lost))
        .body("served", equalTo(served));
  }
}
