package no.nav.ia.agreement.rest;

import static no.nav.ia.agreement.rest.Closings.DEADLINE;
import static no.nav.ia.agreement.rest.Closings.TODAY;
import static no.nav.ia.agreement.rest.Closings.agreementJson;
import static no.nav.ia.agreement.rest.Closings.campaignPastItsDeadline;
import static no.nav.ia.agreement.rest.Closings.close;
import static no.nav.ia.agreement.rest.Closings.closeAndWait;
import static no.nav.ia.agreement.rest.Closings.endAndResignEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.CampaignClosing;
import no.nav.ia.agreement.ClosingOutcome;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.agreement.ResigningCampaign;
import no.nav.ia.agreement.ResigningCase;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/** A closing cut off half-way (a crash, a restart) is taken up again by asking again. */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class CampaignClosingRetryTest {

  /**
   * What a closing that stopped after one agreement leaves: the campaign CLOSING and that one
   * agreement ended, its case with its outcome.
   */
  static void cutOffAfter(String campaign, String agreement) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ResigningCampaign c = ResigningCampaign.findById(UUID.fromString(campaign));
              c.close(TODAY, "Z990003");
              Agreement a = Agreement.findById(UUID.fromString(agreement));
              a.terminate(DEADLINE, CampaignClosing.NOT_RESIGNED);
              ResigningCase done =
                  ResigningCase.findById(
                      new ResigningCase.Key(UUID.fromString(campaign), UUID.fromString(agreement)));
              done.outcome = ClosingOutcome.ENDED;
            });
  }

  /** A campaign cut off after one of its three due agreements; one contacted, one re-signed. */
  record CutOff(String campaign, String done, String contacted, String resigned) {
    static CutOff in(String county) {
      String done = Api.register(Fixtures.agreement(Fixtures.orgNumber(), county));
      String contacted = Api.register(Fixtures.agreement(Fixtures.orgNumber(), county));
      String resigned = Api.register(Fixtures.agreement(Fixtures.orgNumber(), county));
      String campaign = campaignPastItsDeadline(List.of(done, contacted, resigned));
      String adviser = Tokens.adviser(county);
      Api.status(adviser, campaign, contacted, "CONTACTED", TODAY).statusCode(200);
      Api.status(adviser, campaign, resigned, "RESIGNED", TODAY).statusCode(200);
      cutOffAfter(campaign, done);
      return new CutOff(campaign, done, contacted, resigned);
    }

    /** The closing went on with the two left, and passed over the one done before the cut. */
    void finishedAs(JsonPath closed) {
      assertThat(closed.getInt("ended")).isEqualTo(2);
      assertThat(closed.getInt("resigned")).isEqualTo(1);
      assertThat(closed.getInt("pending")).isZero();
      assertThat(agreementJson(contacted).getString("endReason")).isEqualTo("NOT_RESIGNED");
      assertThat(agreementJson(resigned).getString("resignedOn")).isEqualTo(TODAY.toString());
      var events = endAndResignEvents(List.of(done, contacted, resigned));
      assertThat(events.get(done)).as("done before the cut: not done again").isNull();
      assertThat(events.get(contacted)).containsExactly("AgreementTerminated");
      assertThat(events.get(resigned)).containsExactly("AgreementResigned");
    }
  }

  @Test
  void askingAgainGoesOnWhereTheClosingStoppedAndPassesOverWhatWasDone() {
    CutOff cut = CutOff.in("19");

    Api.status(Tokens.adviser("19"), cut.campaign(), cut.contacted(), "RESIGNED", TODAY)
        .statusCode(409)
        .body("code", equalTo("CAMPAIGN_CLOSED"));
    close(Tokens.coordinator(), cut.campaign())
        .statusCode(202)
        .body("status", equalTo("CLOSING"))
        .body("ended", equalTo(1))
        .body("pending", equalTo(2));
    cut.finishedAs(closeAndWait(cut.campaign()));
  }
}
