package no.nav.ia.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import no.nav.ia.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The re-signing outcome: closing a campaign, which agreements end and which get a new period. */
class ResigningOutcomeTest {

  static final LocalDate STARTED = LocalDate.of(2014, 3, 1);
  static final LocalDate DEADLINE = LocalDate.of(2014, 7, 1);
  static final String GROUP = "910000001";

  static ResigningCampaign campaign() {
    return ResigningCampaign.start("IA 2014-2018", DEADLINE, STARTED, "Z990003");
  }

  static Agreement agreement(String org) {
    return Agreement.sign(org, "Testbedrift AS", "03", 40, LocalDate.of(2011, 3, 1));
  }

  /** The case of an agreement, in a status since a date. */
  static ResigningCase due(Agreement a, String group, ResigningStatus status, LocalDate since) {
    ResigningCase c = new ResigningCase();
    c.agreementId = a.id;
    c.orgNumber = a.orgNumber;
    c.groupOrgNumber = group;
    c.status = status;
    c.statusOn = since;
    return c;
  }

  /** Whether the closing counts a unit in that status since the start as re-signed. */
  static boolean reSigned(
      CampaignClosing closing, String org, String group, ResigningStatus status) {
    return closing.decide(due(agreement(org), group, status, STARTED)).resigned();
  }

  static DomainException refusal(Runnable action) {
    try {
      action.run();
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  @Test
  void aCampaignIsClosedOnOrAfterItsDeadlineAndNotBefore() {
    DomainException early = refusal(() -> campaign().close(DEADLINE.minusDays(1), "Z990003"));
    assertThat(early.kind()).isEqualTo(DomainException.Kind.NOT_ALLOWED_NOW);
    assertThat(early.code()).isEqualTo("CAMPAIGN_DEADLINE_NOT_REACHED");

    ResigningCampaign onTheDay = campaign();
    assertThat(onTheDay.close(DEADLINE, "Z990003")).isTrue();
    assertThat(onTheDay.status).isEqualTo(CampaignStatus.CLOSING);
    assertThat(onTheDay.closedOn).isEqualTo(DEADLINE);
    assertThat(campaign().close(DEADLINE.plusMonths(2), "Z990003")).isTrue();
  }

  @Test
  void aClosingCutOffIsTakenUpAgainButAClosedCampaignIsNotClosedTwice() {
    ResigningCampaign c = campaign();
    c.close(DEADLINE, "Z990003");
    assertThat(c.close(DEADLINE.plusDays(1), "Z990004")).as("taken up again").isFalse();
    assertThat(c.closedOn).isEqualTo(DEADLINE);
    assertThat(c.closedBy).isEqualTo("Z990003");
    c.closed(OffsetDateTime.now());
    assertThat(c.status).isEqualTo(CampaignStatus.CLOSED);

    DomainException twice = refusal(() -> c.close(DEADLINE.plusDays(2), "Z990003"));
    assertThat(twice.kind()).isEqualTo(DomainException.Kind.CONFLICT);
    assertThat(twice.code()).isEqualTo("CAMPAIGN_ALREADY_CLOSED");
  }

  @Test
  void onceTheClosingHasBegunNoStatusChanges() {
    ResigningCampaign c = campaign();
    c.requireOpen();
    c.close(DEADLINE, "Z990003");
    assertThat(refusal(c::requireOpen).code()).isEqualTo("CAMPAIGN_CLOSED");
    c.closed(OffsetDateTime.now());
    DomainException closed = refusal(c::requireOpen);
    assertThat(closed.kind()).isEqualTo(DomainException.Kind.CONFLICT);
    assertThat(closed.code()).isEqualTo("CAMPAIGN_CLOSED");
  }

  @ParameterizedTest
  @EnumSource(
      value = ResigningStatus.class,
      names = {"PENDING", "CONTACTED", "DECLINED", "AWAITING_GROUP", "NO_RESPONSE"})
  void anAgreementNotReSignedEndsOnTheDeadlineAsNotResigned(ResigningStatus status) {
    Agreement a = agreement("910000010");
    ResigningCase c = due(a, null, status, LocalDate.of(2014, 4, 2));
    CampaignClosing.Decision decision = new CampaignClosing(campaign(), List.of()).decide(c);
    assertThat(decision.resigned()).isFalse();

    assertThat(decision.applyTo(a)).isEqualTo(ClosingOutcome.ENDED);
    assertThat(a.status).isEqualTo(AgreementStatus.ENDED);
    assertThat(a.endedOn).isEqualTo(DEADLINE);
    assertThat(a.endReason).isEqualTo("NOT_RESIGNED");
    assertThat(a.isActiveOn(DEADLINE)).as("in force through the deadline").isTrue();
    assertThat(a.isActiveOn(DEADLINE.plusDays(1))).isFalse();
    assertThat(c.outcome).isEqualTo(ClosingOutcome.ENDED);
  }

  @Test
  void aReSignedAgreementsNewPeriodStartsTheDayItsCaseBecameResigned() {
    Agreement a = agreement("910000011");
    ResigningCase c = due(a, null, ResigningStatus.RESIGNED, LocalDate.of(2014, 5, 20));
    CampaignClosing.Decision decision = new CampaignClosing(campaign(), List.of()).decide(c);

    assertThat(decision.applyTo(a)).isEqualTo(ClosingOutcome.RESIGNED);
    assertThat(a.isActive()).isTrue();
    assertThat(a.resignedOn).isEqualTo(LocalDate.of(2014, 5, 20));
    assertThat(a.endedOn).isNull();
    assertThat(decision.withGroup()).as("its case stays as it is").isNull();
  }

  @Test
  void aUnitWaitingForItsGroupIsReSignedWithItFromTheLaterOfTheirDays() {
    ResigningCase group =
        due(agreement(GROUP), null, ResigningStatus.RESIGNED, LocalDate.of(2014, 4, 10));
    Agreement waitingSince = agreement("910000012");
    Agreement contactedAfter = agreement("910000013");
    CampaignClosing closing = new CampaignClosing(campaign(), List.of(group));

    CampaignClosing.Decision waiting =
        closing.decide(
            due(waitingSince, GROUP, ResigningStatus.AWAITING_GROUP, LocalDate.of(2014, 4, 1)));
    assertThat(waiting.resigned()).isTrue();
    assertThat(waiting.on()).isEqualTo(LocalDate.of(2014, 4, 10));
    assertThat(waiting.withGroup()).isEqualTo(GROUP);
    assertThat(waiting.applyTo(waitingSince)).isEqualTo(ClosingOutcome.RESIGNED);
    assertThat(waitingSince.resignedOn).isEqualTo(LocalDate.of(2014, 4, 10));

    // Moved after the group signed: the cascade passed it by, the closing does not.
    CampaignClosing.Decision contacted =
        closing.decide(
            due(contactedAfter, GROUP, ResigningStatus.CONTACTED, LocalDate.of(2014, 5, 3)));
    assertThat(contacted.resigned()).isTrue();
    assertThat(contacted.on()).isEqualTo(LocalDate.of(2014, 5, 3));
  }

  @Test
  void aUnitEndsWhenItDeclinedOrItsGroupDidNotReSignOrIsNotDue() {
    ResigningCase signed = due(agreement(GROUP), null, ResigningStatus.RESIGNED, STARTED);
    ResigningCase declinedGroup =
        due(agreement("910000002"), null, ResigningStatus.DECLINED, STARTED);
    CampaignClosing closing = new CampaignClosing(campaign(), List.of(signed, declinedGroup));

    assertThat(reSigned(closing, "910000014", GROUP, ResigningStatus.DECLINED))
        .as("declined itself")
        .isFalse();
    assertThat(reSigned(closing, "910000015", "910000002", ResigningStatus.AWAITING_GROUP))
        .as("its group declined")
        .isFalse();
    assertThat(reSigned(closing, "910000016", "919999999", ResigningStatus.AWAITING_GROUP))
        .as("its group is not due in the campaign")
        .isFalse();
  }

  @Test
  void aGroupThatSignedANewAgreementDuringTheCampaignCountsAsReSignedForItsUnits() {
    // Its due agreement ended during the campaign, so its case could not move; it signed again.
    ResigningCase endedGroup = due(agreement(GROUP), null, ResigningStatus.CONTACTED, STARTED);
    CampaignClosing closing =
        new CampaignClosing(
            campaign(),
            List.of(endedGroup),
            java.util.Map.of(GROUP, LocalDate.of(2014, 5, 2), "910000002", STARTED));

    CampaignClosing.Decision waiting =
        closing.decide(due(agreement("910000020"), GROUP, ResigningStatus.AWAITING_GROUP, STARTED));
    assertThat(waiting.resigned()).isTrue();
    assertThat(waiting.on()).isEqualTo(LocalDate.of(2014, 5, 2));
    assertThat(waiting.withGroup()).isEqualTo(GROUP);
    assertThat(
            closing
                .decide(
                    due(
                        agreement("910000021"),
                        GROUP,
                        ResigningStatus.CONTACTED,
                        LocalDate.of(2014, 6, 1)))
                .on())
        .as("contacted after the group signed: its own day")
        .isEqualTo(LocalDate.of(2014, 6, 1));
    assertThat(reSigned(closing, "910000022", GROUP, ResigningStatus.DECLINED))
        .as("declined itself")
        .isFalse();
    assertThat(reSigned(closing, "910000023", "910000002", ResigningStatus.AWAITING_GROUP))
        .as("a group that was not due and signed during the campaign")
        .isTrue();
  }

  @Test
  void aGroupWaitingForItsOwnGroupPassesTheSigningOnAndACircleEnds() {
    ResigningCase top = due(agreement(GROUP), null, ResigningStatus.RESIGNED, STARTED);
    ResigningCase middle =
        due(agreement("910000002"), GROUP, ResigningStatus.AWAITING_GROUP, STARTED);
    CampaignClosing chain = new CampaignClosing(campaign(), List.of(top, middle));
    assertThat(reSigned(chain, "910000017", "910000002", ResigningStatus.AWAITING_GROUP)).isTrue();

    ResigningCase a = due(agreement("910000003"), "910000004", ResigningStatus.PENDING, STARTED);
    ResigningCase b = due(agreement("910000004"), "910000003", ResigningStatus.PENDING, STARTED);
    assertThat(new CampaignClosing(campaign(), List.of(a, b)).decide(a).resigned()).isFalse();
  }

  @Test
  void anAgreementThatHadAlreadyEndedIsLeftAsItWas() {
    Agreement ended = agreement("910000018");
    ended.terminate(LocalDate.of(2014, 5, 1), "Lagt ned");
    ResigningCase c = due(ended, null, ResigningStatus.RESIGNED, LocalDate.of(2014, 4, 1));
    assertThat(new CampaignClosing(campaign(), List.of()).decide(c).applyTo(ended))
        .isEqualTo(ClosingOutcome.UNCHANGED);
    assertThat(ended.endedOn).isEqualTo(LocalDate.of(2014, 5, 1));
    assertThat(ended.endReason).isEqualTo("Lagt ned");
    assertThat(ended.resignedOn).isNull();
  }

  @Test
  void aNewPeriodNeverStartsBeforeTheAgreementWasSigned() {
    Agreement late = Agreement.sign("910000019", "Ny AS", "03", 5, LocalDate.of(2014, 3, 5));
    // A re-signing dated before the registration (a status may predate the campaign's start).
    ResigningCase c = due(late, null, ResigningStatus.RESIGNED, LocalDate.of(2014, 2, 20));
    new CampaignClosing(campaign(), List.of()).decide(c).applyTo(late);
    assertThat(late.resignedOn).isEqualTo(LocalDate.of(2014, 3, 5));
    assertThatThrownBy(() -> late.resign(LocalDate.of(2014, 3, 4)))
        .isInstanceOf(DomainException.class);
  }
}
