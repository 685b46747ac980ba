package no.nav.ia.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

class AgreementRulesTest {

  static Agreement signed() {
    return Agreement.sign("974760673", "Eksempel Bygg AS", "03", 120, LocalDate.of(2010, 3, 1));
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
    assertThatThrownBy(() -> a.terminate(LocalDate.of(2009, 1, 1), "x"))
        .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    a.terminate(LocalDate.of(2012, 1, 1), "x");
    assertThatThrownBy(() -> a.terminate(LocalDate.of(2012, 2, 1), "x"))
        .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(409));
  }

  @Test
  void anEndedAgreementGetsNoNewContactPerson() {
    Agreement a = signed();
    assertThat(a.assignContactPerson("Z990001")).isEmpty();
    assertThat(a.assignContactPerson("Z990002")).contains("Z990001");
    a.terminate(LocalDate.of(2012, 1, 1), "x");
    assertThatThrownBy(() -> a.assignContactPerson("Z990003"))
        .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(422));
  }

  @Test
  void countyValidityFollowsTheReferenceData() {
    CountyRegistry registry = CountyRegistry.get();
    assertThat(registry.county("16").orElseThrow().isValidOn(LocalDate.of(2017, 12, 31))).isTrue();
    assertThat(registry.county("16").orElseThrow().isValidOn(LocalDate.of(2018, 1, 1))).isFalse();
    assertThat(registry.county("50").orElseThrow().isValidOn(LocalDate.of(2018, 1, 1))).isTrue();
    assertThat(registry.county("30").orElseThrow().isValidOn(LocalDate.of(2024, 1, 1))).isFalse();
  }
}
