package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static no.nav.ia.agreement.rest.Closings.TODAY;
import static no.nav.ia.agreement.rest.Closings.campaignPastItsDeadline;
import static no.nav.ia.agreement.rest.Closings.closeAndWait;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.agreement.ResigningCampaign;
import no.nav.ia.test.Infra;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * One re-signing campaign at a time: a closing ends what was not re-signed in its own campaign, so
 * a second campaign beside it would have its re-signed agreements ended.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class OneCampaignAtATimeTest {

  static ValidatableResponse start(String name, LocalDate deadline) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "deadline", deadline.toString()))
        .post("/api/v1/resigning-campaigns")
        .then();
  }

  static void refusedNaming(ValidatableResponse response, String campaign, String state) {
    response
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("CAMPAIGN_ALREADY_OPEN"))
        .body("detail", allOf(containsString(campaign), containsString("is " + state)))
        .body("existing", equalTo("/api/v1/resigning-campaigns/" + campaign));
  }

  @Test
  void noCampaignStartsWhileAnotherIsOpenOrClosingAndARetriedStartGetsTheOneItStarted() {
    Api.noCampaignOpen();
    LocalDate deadline = TODAY.plusMonths(3);
    String first = start("IA-avtalen 2014-2018", deadline).statusCode(201).extract().path("id");

    refusedNaming(start("IA-avtalen 2019-2023", TODAY.plusDays(90)), first, "open");
    refusedNaming(start("IA-avtalen 2014-2018", deadline), first, "open");
    // Bad input is still 400, whatever is open.
    start("IA-avtalen 2019-2023", TODAY.minusDays(1)).statusCode(400);

    String due = Api.register(Fixtures.agreement(Fixtures.orgNumber(), "15"));
    String closing = campaignPastItsDeadline(List.of(due));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                ResigningCampaign.<ResigningCampaign>findById(UUID.fromString(closing))
                    .close(TODAY, "Z990003"));
    refusedNaming(start("IA-avtalen 2019-2023", TODAY.plusDays(90)), closing, "closing");

    closeAndWait(closing);
    String next =
        start("IA-avtalen 2019-2023", TODAY.plusDays(90)).statusCode(201).extract().path("id");
    refusedNaming(start("IA-avtalen 2019-2023", TODAY.plusDays(90)), next, "open");
  }

  /**
   * Two starts at the same moment (two replicas): the other one's campaign is inserted and not yet
   * committed when this start looks, so only the database's index stops it, and the answer is the
   * same 409, not a 500.
   */
  @Test
  void ofTwoStartsAtTheSameMomentOneIsRefused() throws Exception {
    Api.noCampaignOpen();
    UUID other = UUID.randomUUID();
    try (Connection db = Infra.postgres().getDatabase("postgres", "agreement").getConnection()) {
      db.setAutoCommit(false);
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into resigning_campaign (id, name, deadline, started_on, started_at,"
                  + " started_by, status) values (?, 'IA-avtalen 2014-2018', ?, ?, now(),"
                  + " 'Z990003', 'OPEN')")) {
        insert.setObject(1, other);
        insert.setObject(2, TODAY.plusMonths(3));
        insert.setObject(3, TODAY);
        insert.executeUpdate();
      }
      CompletableFuture<ValidatableResponse> second =
          CompletableFuture.supplyAsync(() -> start("IA-avtalen 2014-2018", TODAY.plusMonths(3)));
      await("the second start waits on the index")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50))
          .until(OneCampaignAtATimeTest::anInsertWaitsOnALock);
      db.commit();
      refusedNaming(second.get(20, TimeUnit.SECONDS), other.toString(), "open");
    }
  }

  private static boolean anInsertWaitsOnALock() throws Exception {
    try (Connection db = Infra.connection("agreement")) {
      return Infra.lockWaits(db, "insert into resigning_campaign%") > 0;
    }
  }
}
