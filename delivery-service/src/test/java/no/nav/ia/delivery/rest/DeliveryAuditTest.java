package no.nav.ia.delivery.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import no.nav.ia.delivery.AgreementServiceStub;
import no.nav.ia.delivery.Fixtures;
import no.nav.ia.test.LogLines;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What is done with a delivery, and what is refused, reaches the audit trail (a security review
 * found no line for a delivery recorded, read, corrected or voided, and every line a Permit).
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(AgreementServiceStub.class)
class DeliveryAuditTest {

  @Test
  void recordingReadingCorrectingVoidingAndARefusalAreEachAnAuditLine() {
    try (LogLines log = LogLines.of("auditLogger")) {
      List<String> lines = log.lines;
      String org = Fixtures.enterpriseIn("03");
      String adviser = Tokens.adviser("03", "Z990301");
      String id =
          Fixtures.post(adviser, Fixtures.delivery(org)).statusCode(201).extract().path("id");
      given().auth().oauth2(adviser).get("/api/v1/deliveries/" + id).then().statusCode(200);
      given()
          .auth()
          .oauth2(adviser)
          .contentType(ContentType.JSON)
          .header("If-Match", "\"1\"")
          .body(Fixtures.delivery(org))
          .put("/api/v1/deliveries/" + id)
          .then()
          .statusCode(200);
      given()
          .auth()
          .oauth2(Tokens.adviser("11", "Z991101"))
          .get("/api/v1/deliveries/" + id)
          .then()
          .statusCode(403);
      given().auth().oauth2(adviser).delete("/api/v1/deliveries/" + id).then().statusCode(204);

      assertThat(lines)
          .anySatisfy(
              l -> assertThat(l).contains("|audit:create|").contains("suid=Z990301 duid=" + org))
          .anySatisfy(l -> assertThat(l).contains("|audit:access|").contains("duid=" + org))
          .anySatisfy(l -> assertThat(l).contains("|audit:update|").contains("duid=" + org))
          .anySatisfy(l -> assertThat(l).contains("|audit:delete|").contains("duid=" + org))
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains("suid=Z991101")
                      .contains("request=/api/v1/deliveries/" + id)
                      .endsWith("flexString1=Deny"));
      assertThat(lines.stream().filter(l -> l.endsWith("flexString1=Deny")))
          .allSatisfy(l -> assertThat(l).contains("suid=Z991101"));
    }
  }
}
