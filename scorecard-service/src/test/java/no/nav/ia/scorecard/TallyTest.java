package no.nav.ia.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 2/3 rule: which deliveries the share is taken over, and when the target is met. */
class TallyTest {

  static Tally direct(long system, long individual) {
    return new Tally().add("SYSTEM", "DIRECT", system).add("INDIVIDUAL", "DIRECT", individual);
  }

  @Test
  void theTargetIsAtLeastTwoThirdsSystemDirectedComparedExactly() {
    assertThat(direct(2, 1).targetMet()).isTrue();
    assertThat(direct(6666, 3334).targetMet()).isFalse();
    assertThat(direct(200, 100).systemShare()).isEqualTo(2.0 / 3);
    assertThat(direct(1, 1).targetMet()).isFalse();
  }

  @Test
  void withoutDeliveriesThereIsNoShareAndNoVerdict() {
    assertThat(direct(0, 0).systemShare()).isNull();
    assertThat(direct(0, 0).targetMet()).isNull();
  }

  @Test
  void coursesAndInformationWorkCountInTheTotalsButNotInTheShare() {
    // Seed 000: information work and open courses are kept apart from the direct processes.
    Tally t = direct(2, 2).add("INDIVIDUAL", "COURSE", 5).add("SYSTEM", "INFORMATION", 3);
    assertThat(t.total()).isEqualTo(12);
    assertThat(t.system()).isEqualTo(5);
    assertThat(t.individual()).isEqualTo(7);
    assertThat(t.shareBase()).isEqualTo(4);
    assertThat(t.systemShare()).isEqualTo(0.5);
    assertThat(t.targetMet()).isFalse();
    assertThat(t.byForm())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("DIRECT", 4L),
            org.assertj.core.api.Assertions.entry("COURSE", 5L),
            org.assertj.core.api.Assertions.entry("INFORMATION", 3L));
  }

  @Test
  void onlyCoursesGiveNoShareAndNoVerdict() {
    Tally t = new Tally().add("SYSTEM", "COURSE", 4);
    assertThat(t.total()).isEqualTo(4);
    assertThat(t.systemShare()).isNull();
    assertThat(t.targetMet()).isNull();
  }

  @Test
  void aDeliveryWithoutAFormIsADirectOne() {
    Tally t = new Tally().add("SYSTEM", null, 1);
    assertThat(t.byForm()).containsEntry("DIRECT", 1L);
    assertThat(t.systemShare()).isEqualTo(1.0);
  }

  @Test
  void aFormOutsideTheContractCountsInTheTotalsAfterTheContractsFormsButNotInTheShare() {
    // An event from a newer producer: shown rather than dropped, and in the same order each time.
    Tally t =
        direct(1, 0)
            .add("INDIVIDUAL", "WEBINAR", 2)
            .add("SYSTEM", "MENTORING", 3)
            .add(new Tally().add("SYSTEM", "WEBINAR", 1).add("INDIVIDUAL", "MENTORING", 4));
    assertThat(t.total()).isEqualTo(11);
    assertThat(t.system()).isEqualTo(5);
    assertThat(t.individual()).isEqualTo(6);
    assertThat(t.shareBase()).isEqualTo(1);
    assertThat(t.systemShare()).isEqualTo(1.0);
    assertThat(t.byForm())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("DIRECT", 1L),
            org.assertj.core.api.Assertions.entry("COURSE", 0L),
            org.assertj.core.api.Assertions.entry("INFORMATION", 0L),
            org.assertj.core.api.Assertions.entry("MENTORING", 7L),
            org.assertj.core.api.Assertions.entry("WEBINAR", 3L));
  }

  @Test
  void otherFormsListTheSystemDirectedOnesFirstThenTheIndividualOnesEachAlphabetically() {
    // Added into a tally that has seen no other form yet: ZOOM (system) before AAA (individual).
    Tally t = new Tally().add(new Tally().add("SYSTEM", "ZOOM", 1).add("INDIVIDUAL", "AAA", 2));
    assertThat(t.byForm().keySet())
        .containsExactly("DIRECT", "COURSE", "INFORMATION", "ZOOM", "AAA");
    assertThat(t.total()).isEqualTo(3);
  }

  @Test
  void theSharesFormsAreFormsOfTheContract() {
    // A tally keeps only the contract's forms by index, so a share form outside them never counts.
    assertThat(Tally.FORMS).containsAll(Tally.SHARE_FORMS);
  }

  @Test
  void talliesAddUpFormByForm() {
    Tally sum = direct(1, 0).add(new Tally().add("SYSTEM", "COURSE", 2)).add(direct(0, 1));
    assertThat(sum.byForm()).containsEntry("DIRECT", 2L).containsEntry("COURSE", 2L);
    assertThat(sum.systemShare()).isEqualTo(0.5);
  }
}
