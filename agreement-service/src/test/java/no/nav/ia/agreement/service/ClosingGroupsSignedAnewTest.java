package no.nav.ia.agreement.service;

import static no.nav.ia.agreement.rest.Closings.DEADLINE;
import static no.nav.ia.agreement.rest.Closings.TODAY;
import static no.nav.ia.agreement.rest.Closings.agreementJson;
import static no.nav.ia.agreement.rest.Closings.campaignPastItsDeadline;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.CampaignClosing;
import no.nav.ia.agreement.CampaignStatus;
import no.nav.ia.agreement.ClosingOutcome;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.agreement.ResigningCase;
import no.nav.ia.agreement.rest.Api;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A group that signed a new agreement during the campaign (its due one having ended) counts as
 * re-signed for its waiting units as it stood when the closing began: an agreement of the group
 * registered or ended after that, while the closing is under way or before a cut-off closing is
 * taken up again, gives none of its units another outcome. The closing is begun and then run here,
 * on this thread (the resume is off in tests), so that the group's change falls between the two.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class ClosingGroupsSignedAnewTest {

  static final String COUNTY = "15";

  static final AuditTrail.Origin COORDINATOR =
      new AuditTrail.Origin("Z990003", "closing-groups-signed-anew", "POST", "/closing");

  @Inject CampaignClosings closings;

  /** A campaign with a group and two of its units waiting for it; the group's agreement ended. */
  record Scene(UUID campaign, String groupOrg, String first, String second) {

    static Scene set() {
      String groupOrg = Fixtures.orgNumber();
      String group = Api.register(Fixtures.agreement(groupOrg, COUNTY));
      String first = unitOf(groupOrg);
      String second = unitOf(groupOrg);
      String campaign = campaignPastItsDeadline(List.of(group, first, second));
      for (String unit : List.of(first, second)) {
        Api.status(Tokens.adviser(COUNTY), campaign, unit, "AWAITING_GROUP", TODAY.minusDays(50))
            .statusCode(200);
      }
      Api.terminate(group, TODAY.minusDays(40), "Omorganisert");
      return new Scene(UUID.fromString(campaign), groupOrg, first, second);
    }

    private static String unitOf(String groupOrg) {
      Map<String, Object> unit = Fixtures.agreement(Fixtures.orgNumber(), COUNTY);
      unit.put("groupOrgNumber", groupOrg);
      return Api.register(unit);
    }

    /** The group signs a new agreement on the day; returns its id. */
    String groupSigns(LocalDate on) {
      Map<String, Object> again = Fixtures.agreement(groupOrg, COUNTY);
      again.put("signedOn", on.toString());
      return Api.register(again);
    }

    /** What a closing cut off after the first unit leaves: that unit ended, its case done. */
    void cutOffAfterTheFirst() {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                Agreement.<Agreement>findById(UUID.fromString(first))
                    .terminate(DEADLINE, CampaignClosing.NOT_RESIGNED);
                ResigningCase.<ResigningCase>findById(
                            new ResigningCase.Key(campaign, UUID.fromString(first)))
                        .outcome =
                    ClosingOutcome.ENDED;
              });
    }
  }

  void begin(UUID campaign) {
    QuarkusTransaction.requiringNew().run(() -> closings.begin(campaign, COORDINATOR));
  }

  CampaignClosings.Closing closedAfterRunning(UUID campaign) {
    closings.run(campaign, COORDINATOR);
    CampaignClosings.Closing closed = closings.closing(campaign);
    assertThat(closed.campaign().status).isEqualTo(CampaignStatus.CLOSED);
    return closed;
  }

  @Test
  void aGroupThatSignsAgainBeforeACutOffClosingIsTakenUpGivesItsOtherUnitTheSameOutcome() {
    Scene scene = Scene.set();
    begin(scene.campaign());
    scene.cutOffAfterTheFirst();
    scene.groupSigns(TODAY);

    CampaignClosings.Closing closed = closedAfterRunning(scene.campaign());

    assertThat(agreementJson(scene.second()).getString("endReason"))
        .as("ended as its group's other unit was before the cut-off")
        .isEqualTo(CampaignClosing.NOT_RESIGNED);
    assertThat(closed.outcomes())
        .containsEntry(ClosingOutcome.ENDED, 2L)
        .containsEntry(ClosingOutcome.RESIGNED, 0L)
        .containsEntry(ClosingOutcome.UNCHANGED, 1L);
  }

  @Test
  void aGroupsNewAgreementEndedAfterTheClosingBeganStillCountsForItsUnits() {
    Scene scene = Scene.set();
    String again = scene.groupSigns(TODAY.minusDays(20));
    begin(scene.campaign());
    Api.terminate(again, TODAY, "Lagt ned");

    CampaignClosings.Closing closed = closedAfterRunning(scene.campaign());

    for (String unit : List.of(scene.first(), scene.second())) {
      assertThat(agreementJson(unit).getString("status")).as(unit).isEqualTo("ACTIVE");
      assertThat(agreementJson(unit).getString("resignedOn"))
          .as(unit)
          .isEqualTo(TODAY.minusDays(20).toString());
    }
    assertThat(closed.outcomes())
        .containsEntry(ClosingOutcome.RESIGNED, 2L)
        .containsEntry(ClosingOutcome.UNCHANGED, 1L);
  }

  @Test
  void aClosingBegunByTheReleaseBeforeKeepsItsGroupsAtItsFirstRun() {
    Scene scene = Scene.set();
    scene.groupSigns(TODAY.minusDays(20));
    // The release before marked the campaign CLOSING and kept no groups (a rolling deploy).
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                no.nav.ia.agreement.ResigningCampaign
                    .<no.nav.ia.agreement.ResigningCampaign>findById(scene.campaign())
                    .close(TODAY, COORDINATOR.actor()));

    CampaignClosings.Closing closed = closedAfterRunning(scene.campaign());

    assertThat(closed.outcomes())
        .as("the group's new agreement counts for both units, kept at the first run")
        .containsEntry(ClosingOutcome.RESIGNED, 2L)
        .containsEntry(ClosingOutcome.UNCHANGED, 1L);
    assertThat(closed.campaign().groupsKept).isTrue();
  }
}
