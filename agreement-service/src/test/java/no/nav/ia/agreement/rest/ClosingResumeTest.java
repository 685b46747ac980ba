package no.nav.ia.agreement.rest;

import static no.nav.ia.agreement.rest.Closings.awaitClosed;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import no.nav.ia.test.PlatformTestResource;
import org.junit.jupiter.api.Test;

/**
 * A closing cut off half-way (the pod stopped, a database error) is taken up again by the service
 * itself, with nobody asking again. The other tests turn the resume off, since they cut closings
 * off and ask again on purpose; here it runs every second.
 */
@QuarkusTest
@TestProfile(ClosingResumeTest.ResumeEverySecond.class)
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class ClosingResumeTest {

  public static class ResumeEverySecond implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("ia.campaign.closing-resume-every", "1s");
    }
  }

  @Test
  void aClosingLeftClosingIsFinishedWithoutAnyoneAskingAgain() {
    CampaignClosingRetryTest.CutOff cut = CampaignClosingRetryTest.CutOff.in("20");

    JsonPath closed = awaitClosed(cut.campaign());
    cut.finishedAs(closed);
    assertThat(closed.getString("closedBy")).isEqualTo("Z990003");
    assertThat(Api.history(cut.contacted()).get(1))
        .as("the closing's change, by the one who asked for it")
        .containsEntry("changedBy", "Z990003");
  }
}
