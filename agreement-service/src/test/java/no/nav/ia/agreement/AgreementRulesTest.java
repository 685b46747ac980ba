package no.nav.ia.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class AgreementRulesTest {

  static Agreement signed() {
    return Agreement.sign("974760673", "Eksempel Bygg AS", "03", 120, LocalDate.of(2010, 3, 1));
  }

  /** Refused as invalid, naming the one field. */
  static void refusedOn(String field, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(DomainException.class)
        .satisfies(
            e ->
                assertThat(((DomainException) e).violations())
                    .extracting("field")
                    .containsExactly(field));
  }

  @Test
  void onlyAReasonSomeoneWroteIsOneToErase() {
    Agreement active = signed();
    assertThat(active.hasWrittenEndReason()).isFalse();
    Agreement typed = signed();
    typed.terminate(LocalDate.of(2012, 1, 1), "Lagt ned");
    assertThat(typed.hasWrittenEndReason()).isTrue();
    Agreement closed = signed();
    closed.terminate(LocalDate.of(2012, 1, 1), CampaignClosing.NOT_RESIGNED);
    assertThat(closed.hasWrittenEndReason()).isFalse();
    Agreement erased = signed();
    erased.terminate(LocalDate.of(2012, 1, 1), Agreement.ERASED_REASON);
    assertThat(erased.hasWrittenEndReason()).isFalse();
  }

  @Test
  void anAgreementFollowsTheRegistersChangeOfAValueItHadFromTheRegisterOnly() {
    Agreement a = signed();
    assertThat(
            a.follow(new RegisterChange(a.orgNumber, "Eksempel Bygg AS", "EKSEMPEL AS", 120, 95)))
        .isTrue();
    assertThat(a.name).isEqualTo("EKSEMPEL AS");
    assertThat(a.employees).isEqualTo(95);
    assertThat(a.searchWords).contains("eksempel").doesNotContain("bygg");

    // The centre's own values (not the register's before the change) stay.
    assertThat(a.follow(new RegisterChange(a.orgNumber, "ANNET AS", "TREDJE AS", 80, 90)))
        .isFalse();
    assertThat(a.name).isEqualTo("EKSEMPEL AS");
    assertThat(a.employees).isEqualTo(95);
    // A size the register no longer gives is no size.
    assertThat(a.follow(new RegisterChange(a.orgNumber, "EKSEMPEL AS", "EKSEMPEL AS", 95, null)))
        .isFalse();

    a.terminate(LocalDate.of(2024, 6, 30), "Slutt");
    assertThat(a.follow(new RegisterChange(a.orgNumber, "EKSEMPEL AS", "NYTT AS", 95, 99)))
        .isFalse();
    assertThat(a.name).isEqualTo("EKSEMPEL AS");
  }

  @Test
  void anAgreementIsActiveFromSigningThroughItsLastDay() {
    Agreement a = signed();
    assertThat(a.isActiveOn(LocalDate.of(2010, 2, 28))).isFalse();
    assertThat(a.isActiveOn(LocalDate.of(2010, 3, 1))).isTrue();
    a.terminate(LocalDate.of(2012, 6, 30), "Lagt ned");
    assertThat(a.isActiveOn(LocalDate.of(2012, 6, 30))).isTrue();
    assertThat(a.isActiveOn(LocalDate.of(2012, 7, 1))).isFalse();
    assertThat(a.status).isEqualTo(AgreementStatus.ENDED);
  }

  @Test
  void anAgreementEndsOnceAndNotBeforeItWasSigned() {
    Agreement a = signed();
    refusedOn("endedOn", () -> a.terminate(LocalDate.of(2009, 1, 1), "x"));
    assertThat(a.terminate(LocalDate.of(2012, 1, 1), "x")).isTrue();
    // The same termination again is a retry: nothing changes, no conflict.
    assertThat(a.terminate(LocalDate.of(2012, 1, 1), "x")).isFalse();
    assertThat(a.endedOn).isEqualTo(LocalDate.of(2012, 1, 1));
    assertThatThrownBy(() -> a.terminate(LocalDate.of(2012, 1, 1), "another reason"))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> a.terminate(LocalDate.of(2012, 2, 1), "x"))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e -> assertThat(((DomainException) e).code()).isEqualTo("AGREEMENT_ALREADY_ENDED"));
  }

  @Test
  void anAgreementSignedAgainDoesNotEndBeforeItsNewPeriodBegan() {
    Agreement a = signed();
    a.resign(LocalDate.of(2014, 3, 10));
    refusedOn("endedOn", () -> a.terminate(LocalDate.of(2014, 3, 9), "Lagt ned"));
    assertThat(a.isActive()).isTrue();
    assertThat(a.terminate(LocalDate.of(2014, 3, 10), "Lagt ned")).isTrue();
  }

  @Test
  void anEndedAgreementGetsNoNewContactPerson() {
    Agreement a = signed();
    assertThat(a.assignContactPerson("Z990001", null)).isEmpty();
    assertThat(a.assignContactPerson("Z990002", null)).contains("Z990001");
    a.terminate(LocalDate.of(2012, 1, 1), "x");
    assertThatThrownBy(() -> a.assignContactPerson("Z990003", null))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e ->
                assertThat(((DomainException) e).kind())
                    .isEqualTo(DomainException.Kind.NOT_ALLOWED_NOW))
        .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("AGREEMENT_ENDED"));
  }

  @Test
  void aContactPersonGivenAgainstAnOlderVersionIsRefusedAndChangesNothing() {
    Agreement a = signed();
    a.version = 3;
    assertThat(a.assignContactPerson("Z990001", 3L)).isEmpty();
    assertThatThrownBy(() -> a.assignContactPerson("Z990002", 2L))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e -> assertThat(((DomainException) e).kind()).isEqualTo(DomainException.Kind.STALE));
    assertThat(a.contactPerson).isEqualTo("Z990001");
  }

  @Test
  void countyValidityFollowsTheReferenceData() {
    CountyRegistry registry = CountyRegistry.get();
    assertThat(registry.county("16").orElseThrow().isValidOn(LocalDate.of(2017, 12, 31))).isTrue();
    assertThat(registry.county("16").orElseThrow().isValidOn(LocalDate.of(2018, 1, 1))).isFalse();
    assertThat(registry.county("50").orElseThrow().isValidOn(LocalDate.of(2018, 1, 1))).isTrue();
    assertThat(registry.county("30").orElseThrow().isValidOn(LocalDate.of(2024, 1, 1))).isFalse();
  }

  static County county(String code, LocalDate from, LocalDate to) {
    County c = new County();
    c.code = code;
    c.validFrom = from;
    c.validTo = to;
    return c;
  }

  @Test
  void aRegistrationNamesACountyOfTheSigningDateAndAGroupOtherThanItself() {
    Optional<County> ostfold = Optional.of(county("01", null, LocalDate.of(2019, 12, 31)));
    Agreement ok =
        Agreement.register(
            "974760673", "Eksempel AS", "01", ostfold, 10, LocalDate.of(2015, 1, 2), "910000001");
    assertThat(ok.isActive()).isTrue();
    assertThat(ok.groupOrgNumber).isEqualTo("910000001");
    assertThatThrownBy(
            () ->
                Agreement.register(
                    "974760673",
                    "Eksempel AS",
                    "01",
                    ostfold,
                    10,
                    LocalDate.of(2020, 1, 2),
                    "974760673"))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e ->
                assertThat(((DomainException) e).violations())
                    .extracting("field", "message")
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "countyCode", "is not a county on the signing date"),
                        org.assertj.core.groups.Tuple.tuple(
                            "groupOrgNumber", "must differ from the enterprise's own org number")));
    assertThatThrownBy(
            () ->
                Agreement.register(
                    "974760673",
                    "Eksempel AS",
                    "99",
                    Optional.empty(),
                    10,
                    LocalDate.of(2015, 1, 2),
                    null))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e ->
                assertThat(((DomainException) e).violations())
                    .extracting("message")
                    .containsExactly("is not a known county code"));
  }

  @Test
  void aCampaignsDeadlineIsNotInThePastNorYearsAhead() {
    LocalDate today = LocalDate.of(2014, 1, 2);
    assertThat(ResigningCampaign.start("IA 2014", today, today, "Z990003").startedOn)
        .isEqualTo(today);
    assertThat(
            ResigningCampaign.start("IA 2014", LocalDate.of(2016, 1, 2), today, "Z990003").deadline)
        .isEqualTo(LocalDate.of(2016, 1, 2));
    for (LocalDate wrong : List.of(today.minusDays(1), LocalDate.of(2016, 1, 3))) {
      assertThatThrownBy(() -> ResigningCampaign.start("IA 2014", wrong, today, "Z990003"))
          .isInstanceOf(DomainException.class)
          .satisfies(
              e ->
                  assertThat(((DomainException) e).violations())
                      .extracting("field")
                      .containsExactly("deadline"));
    }
    // A typo of 2072 for 2027 says how far a deadline may be.
    assertThatThrownBy(
            () -> ResigningCampaign.start("IA 2014", LocalDate.of(2072, 3, 1), today, "Z990003"))
        .satisfies(
            e ->
                assertThat(((DomainException) e).violations())
                    .extracting("message")
                    .containsExactly("must be at most 2 years ahead, on 2016-01-02 or before"));
  }
}
