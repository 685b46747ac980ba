package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A person's token bound to a county that is no longer one (16 Sør-Trøndelag, merged into 50
 * Trøndelag in 2018) binds its holder to no county, as one of "99" does: a security review's token
 * of 16, as a group left over in Entra ID would give, read and could change an agreement active
 * today under Trøndelag's centre. The platform as it runs, without the contract tests' setting.
 */
@QuarkusTest
@TestProfile(FormerCountyTokenTest.AsInProduction.class)
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class FormerCountyTokenTest {

  public static class AsInProduction implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "ia.security.former-county-tokens", "false",
          "%test.ia.security.former-county-tokens", "false");
    }
  }

  @Test
  void aTokenOfACountyThatIsNoLongerOneReachesNoneOfItsRecords() {
    Map<String, Object> body = Fixtures.agreement(Fixtures.orgNumber(), "16");
    body.put("signedOn", "2016-04-01");
    String id = Api.register(body);

    String formerCounty = Tokens.adviser("16");
    Api.get(formerCounty, "/api/v1/agreements/" + id)
        .statusCode(403)
        .body("code", org.hamcrest.Matchers.equalTo("FORBIDDEN_COUNTY"));
    Api.get(formerCounty, "/api/v1/agreements?county=16").statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.manager("16"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(Map.of("employees", 4))
        .patch("/api/v1/agreements/" + id)
        .then()
        .statusCode(403);

    // Trøndelag's centre keeps the agreement recorded under 16.
    Api.get(Tokens.adviser("50"), "/api/v1/agreements/" + id).statusCode(200);
  }
}
