package no.nav.ia.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.nav.ia.platform.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResigningRulesTest {

  static ResigningCase pending() {
    ResigningCase c = new ResigningCase();
    c.status = ResigningStatus.PENDING;
    c.statusOn = LocalDate.of(2014, 3, 1);
    return c;
  }

  @ParameterizedTest
  @EnumSource(value = ResigningStatus.class, names = {"CONTACTED", "RESIGNED", "DECLINED", "AWAITING_GROUP", "NO_RESPONSE"})
  void aPendingAgreementMayMoveToAnyAnswer(ResigningStatus to) {
    ResigningCase c = pending();
    assertThat(c.moveTo(to, LocalDate.of(2014, 3, 5), null)).isEqualTo(ResigningStatus.PENDING);
    assertThat(c.status).isEqualTo(to);
  }

  @ParameterizedTest
  @EnumSource(ResigningStatus.class)
  void aReSignedAgreementIsFinal(ResigningStatus to) {
    ResigningCase c = pending();
    c.moveTo(ResigningStatus.RESIGNED, LocalDate.of(2014, 3, 5), null);
    assertThatThrownBy(() -> c.moveTo(to, LocalDate.of(2014, 3, 6), null))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(422));
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
    c.moveTo(ResigningStatus.DECLINED, LocalDate.of(2014, 3, 5), null);
    assertThatThrownBy(() -> c.moveTo(ResigningStatus.AWAITING_GROUP, LocalDate.of(2014, 3, 6), null)).isInstanceOf(ApiException.class);
    c.moveTo(ResigningStatus.RESIGNED, LocalDate.of(2014, 3, 7), "changed its mind");
    assertThat(c.status).isEqualTo(ResigningStatus.RESIGNED);
  }

  @Test
  void aStatusCannotBeDatedBeforeThePreviousOne() {
    ResigningCase c = pending();
    c.moveTo(ResigningStatus.CONTACTED, LocalDate.of(2014, 3, 10), null);
    assertThatThrownBy(() -> c.moveTo(ResigningStatus.RESIGNED, LocalDate.of(2014, 3, 9), null))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).errors()).extracting("field").containsExactly("on"));
  }

  @Test
  void aContactMadeBeforeTheCampaignWasRegisteredCounts() {
    ResigningCase c = pending();
    c.moveTo(ResigningStatus.CONTACTED, LocalDate.of(2014, 2, 20), null);
    assertThat(c.statusOn).isEqualTo(LocalDate.of(2014, 2, 20));
  }

  @Test
  void onlyReSignedAndDeclinedAreNoLongerOutstanding() {
    assertThat(ResigningStatus.RESIGNED.isOutstanding()).isFalse();
    assertThat(ResigningStatus.DECLINED.isOutstanding()).isFalse();
    assertThat(ResigningStatus.AWAITING_GROUP.isOutstanding()).isTrue();
    assertThat(ResigningStatus.NO_RESPONSE.isOutstanding()).isTrue();
  }
}
