package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/** OPTIONS says which methods the path takes, the same list a 405 on it gives. */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class OptionsTest {

  @Test
  void optionsNamesTheMethodsOfThePathNotThoseOfTheWholeResource() {
    String id = UUID.randomUUID().toString();
    options("/api/v1/agreements").statusCode(200).header("Allow", "GET, HEAD, OPTIONS, POST");
    options("/api/v1/agreements/" + id)
        .statusCode(200)
        .header("Allow", "GET, HEAD, OPTIONS, PATCH");
    options("/api/v1/agreements/" + id + "/history")
        .statusCode(200)
        .header("Allow", "GET, HEAD, OPTIONS");
    // The same list the 405 of a method the path does not take carries.
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .delete("/api/v1/agreements/" + id + "/history")
        .then()
        .statusCode(405)
        .header("Allow", "GET, HEAD, OPTIONS");
    options("/api/v1/no-such-thing").statusCode(404);
  }

  private static io.restassured.response.ValidatableResponse options(String path) {
    return given().auth().oauth2(Tokens.coordinator()).options(path).then();
  }
}
