package no.nav.ia.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.nav.ia.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResigningRulesTest {

  static final LocalDate TODAY = LocalDate.of(2014, 6, 1);

  static ResigningCase pending() {
    ResigningCase c = new ResigningCase();
    c.status = ResigningStatus.PENDING;
    c.statusOn = LocalDate.of(2014, 3, 1);
    c.groupOrgNumber = "910000009";
    return c;
  }

  @Test
  void onlyAUnitOfAGroupCanWaitForItsGroup() {
    ResigningCase c = pending();
    c.groupOrgNumber = null;
    assertThatThrownBy(
            () -> c.moveTo(ResigningStatus.AWAITING_GROUP, LocalDate.of(2014, 3, 5), TODAY, null))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_ALLOWED_NOW);
              assertThat(e.code()).isEqualTo("NO_GROUP_AGREEMENT");
            });
    assertThat(c.status).isEqualTo(ResigningStatus.PENDING);
  }

  @ParameterizedTest
  @EnumSource(
      value = ResigningStatus.class,
      names = {"CONTACTED", "RESIGNED", "DECLINED", "AWAITING_GROUP", "NO_RESPONSE"})
  void aPendingAgreementMayMoveToAnyAnswer(ResigningStatus to) {
    ResigningCase c = pending();
    assertThat(c.moveTo(to, LocalDate.of(2014, 3, 5), TODAY, null))
        .isEqualTo(ResigningStatus.PENDING);
    assertThat(c.status).isEqualTo(to);
  }

  @ParameterizedTest
  @EnumSource(ResigningStatus.class)
  void aReSignedAgreementIsFinal(ResigningStatus to) {
    ResigningCase c = pending();
    c.moveTo(ResigningStatus.RESIGNED, LocalDate.of(2014, 3, 5), TODAY, null);
    assertThatThrownBy(() -> c.moveTo(to, LocalDate.of(2014, 3, 6), TODAY, null))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e ->
                assertThat(((DomainException) e).kind())
                    .isEqualTo(DomainException.Kind.NOT_ALLOWED_NOW))
        .satisfies(
            e ->
                assertThat(((DomainException) e).code())
                    .isEqualTo("RESIGNING_TRANSITION_NOT_ALLOWED"));
  }

  @Test
  void theSameStatusOnTheSameDayWithTheSameNoteIsWhereTheCaseStands() {
    ResigningCase c = pending();
    c.moveTo(ResigningStatus.CONTACTED, LocalDate.of(2014, 3, 5), TODAY, "ringt");
    assertThat(c.standsAt(ResigningStatus.CONTACTED, LocalDate.of(2014, 3, 5), "ringt")).isTrue();
    assertThat(c.standsAt(ResigningStatus.CONTACTED, LocalDate.of(2014, 3, 6), "ringt")).isFalse();
    assertThat(c.standsAt(ResigningStatus.CONTACTED, LocalDate.of(2014, 3, 5), null)).isFalse();
    assertThat(c.standsAt(ResigningStatus.RESIGNED, LocalDate.of(2014, 3, 5), "ringt")).isFalse();
    assertThat(pending().standsAt(ResigningStatus.CONTACTED, LocalDate.of(2014, 3, 1), null))
        .isFalse();
  }

  @Test
  void nothingGoesBackToPending() {
    for (ResigningStatus s : ResigningStatus.values()) {
      assertThat(s.next()).doesNotContain(ResigningStatus.PENDING);
    }
  }

  @Test
  void aDeclinedEnterpriseMayStillReSignButNotSitWaitingForItsGroup() {
    ResigningCase c = pending();
    c.moveTo(ResigningStatus.DECLINED, LocalDate.of(2014, 3, 5), TODAY, null);
    assertThatThrownBy(
            () -> c.moveTo(ResigningStatus.AWAITING_GROUP, LocalDate.of(2014, 3, 6), TODAY, null))
        .isInstanceOf(DomainException.class);
    c.moveTo(ResigningStatus.RESIGNED, LocalDate.of(2014, 3, 7), TODAY, "changed its mind");
    assertThat(c.status).isEqualTo(ResigningStatus.RESIGNED);
  }

  @Test
  void aStatusCannotBeDatedBeforeThePreviousOne() {
    ResigningCase c = pending();
    c.moveTo(ResigningStatus.CONTACTED, LocalDate.of(2014, 3, 10), TODAY, null);
    assertThatThrownBy(
            () -> c.moveTo(ResigningStatus.RESIGNED, LocalDate.of(2014, 3, 9), TODAY, null))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e ->
                assertThat(((DomainException) e).violations())
                    .extracting("field")
                    .containsExactly("on"));
  }

  @Test
  void aContactMadeBeforeTheCampaignWasRegisteredCounts() {
    ResigningCase c = pending();
    c.moveTo(ResigningStatus.CONTACTED, LocalDate.of(2014, 2, 20), TODAY, null);
    assertThat(c.statusOn).isEqualTo(LocalDate.of(2014, 2, 20));
  }

  @Test
  void onlyReSignedAndDeclinedAreNoLongerOutstanding() {
    assertThat(ResigningStatus.RESIGNED.isOutstanding()).isFalse();
    assertThat(ResigningStatus.DECLINED.isOutstanding()).isFalse();
    assertThat(ResigningStatus.AWAITING_GROUP.isOutstanding()).isTrue();
    assertThat(ResigningStatus.NO_RESPONSE.isOutstanding()).isTrue();
  }

  @Test
  void aStatusIsNotDatedInTheFuture() {
    assertThatThrownBy(
            () -> pending().moveTo(ResigningStatus.CONTACTED, TODAY.plusDays(1), TODAY, null))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e ->
                assertThat(((DomainException) e).violations())
                    .extracting("field")
                    .containsExactly("on"));
    assertThat(pending().moveTo(ResigningStatus.CONTACTED, TODAY, TODAY, null))
        .isEqualTo(ResigningStatus.PENDING);
  }

  static ResigningCase unit(String org, String group, ResigningStatus status) {
    ResigningCase c = pending();
    c.orgNumber = org;
    c.groupOrgNumber = group;
    c.status = status;
    return c;
  }

  @Test
  void whenAGroupReSignsItsOpenUnitsFollowAndTheOthersStayAsTheyAre() {
    ResigningCase group = unit("910000001", null, ResigningStatus.RESIGNED);
    ResigningCase waiting = unit("910000002", "910000001", ResigningStatus.AWAITING_GROUP);
    ResigningCase contacted = unit("910000003", "910000001", ResigningStatus.CONTACTED);
    ResigningCase declined = unit("910000004", "910000001", ResigningStatus.DECLINED);
    ResigningCase done = unit("910000005", "910000001", ResigningStatus.RESIGNED);
    ResigningCase otherGroup = unit("910000006", "919999999", ResigningStatus.PENDING);
    assertThat(
            group.unitsResigningWith(
                java.util.List.of(waiting, contacted, declined, done, otherGroup)))
        .containsExactly(waiting, contacted);
  }

  @Test
  void aUnitFollowsItsGroupOnTheGroupsDayUnlessItsOwnStatusIsLater() {
    ResigningCase contactedLater = unit("910000002", "910000001", ResigningStatus.CONTACTED);
    contactedLater.statusOn = LocalDate.of(2014, 5, 10);
    assertThat(contactedLater.followsGroupOn(LocalDate.of(2014, 5, 8)))
        .isEqualTo(LocalDate.of(2014, 5, 10));
    assertThat(contactedLater.followsGroupOn(LocalDate.of(2014, 5, 12)))
        .isEqualTo(LocalDate.of(2014, 5, 12));
    // PENDING's day is the campaign's start, not something the unit did.
    ResigningCase pending = unit("910000003", "910000001", ResigningStatus.PENDING);
    assertThat(pending.followsGroupOn(LocalDate.of(2014, 2, 20)))
        .isEqualTo(LocalDate.of(2014, 2, 20));
  }
}
