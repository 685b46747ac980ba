package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import no.nav.ia.agreement.events.AgreementEvents;
import no.nav.ia.platform.events.asyncapi.AsyncApiDocument;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/** The topic's AsyncAPI document, as the gateway fetches it to merge it. */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class AsyncApiEndpointTest {

  static final String PATH = "/internal/events/asyncapi";

  @Test
  void everyRoleReadsTheDocumentMadeFromTheEventRecords() throws Exception {
    for (String token :
        List.of(
            Tokens.adviser("03"),
            Tokens.manager("03"),
            Tokens.coordinator(),
            Tokens.system("arena"))) {
      String body =
          given().auth().oauth2(token).get(PATH).then().statusCode(200).extract().asString();
      JsonNode served = new ObjectMapper().readTree(body);
      assertThat(served).isEqualTo(AsyncApiDocument.of(List.of(AgreementEvents.CONTRACT)));
    }
  }

  @Test
  void withoutATokenItIs401() {
    given().get(PATH).then().statusCode(401).contentType("application/problem+json");
  }
}
