package no.nav.ia.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.nav.ia.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

  @Test
  void aHalfYearHasAReportFromTheFirstIaAgreementUntilTheRunningOne() {
    LocalDate today = LocalDate.of(2026, 12, 7);
    assertThat(HalfYear.parse("2001-H1").noReport(today)).get().asString().contains("2001-10-03");
    assertThat(HalfYear.parse("2001-H2").noReport(today)).isEmpty();
    assertThat(HalfYear.parse("2026-H2").noReport(today)).isEmpty();
    assertThat(HalfYear.parse("2027-H1").noReport(today))
        .get()
        .asString()
        .contains("has not begun", "2027-01-01");
    assertThat(HalfYear.parse("2027-H1").noReport(LocalDate.of(2027, 1, 1))).isEmpty();
  }

  @Test
  void parsesYearsHalfYearsQuartersAndMonths() {
    assertThat(Period.parse("2012").from()).isEqualTo(LocalDate.of(2012, 1, 1));
    assertThat(Period.parse("2012").to()).isEqualTo(LocalDate.of(2012, 12, 31));
    assertThat(Period.parse("2012-H2").from()).isEqualTo(LocalDate.of(2012, 7, 1));
    assertThat(Period.parse("2012-H1").to()).isEqualTo(LocalDate.of(2012, 6, 30));
    assertThat(Period.parse("2012-Q3").from()).isEqualTo(LocalDate.of(2012, 7, 1));
    assertThat(Period.parse("2012-Q3").to()).isEqualTo(LocalDate.of(2012, 9, 30));
    assertThat(Period.parse("2012-02").to()).isEqualTo(LocalDate.of(2012, 2, 29));
  }

  @Test
  void theYearBeforeKeepsTheKindOfPeriod() {
    assertThat(Period.parse("2012-Q3").yearBefore().id()).isEqualTo("2011-Q3");
    assertThat(Period.parse("2012-Q3").yearBefore().from()).isEqualTo(LocalDate.of(2011, 7, 1));
  }

  @Test
  void containsTheDaysFromItsFirstToItsLast() {
    Period q2 = Period.parse("2012-Q2");
    assertThat(q2.contains(LocalDate.of(2012, 4, 1))).isTrue();
    assertThat(q2.contains(LocalDate.of(2012, 6, 30))).isTrue();
    assertThat(q2.contains(LocalDate.of(2012, 3, 31))).isFalse();
    assertThat(q2.contains(LocalDate.of(2012, 7, 1))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "12",
        "2012-H3",
        "2012-Q5",
        "2012-Q0",
        "2012-13",
        "2012-00",
        "2012-1",
        "2012-W05",
        "x2012",
        "2012-05-01"
      })
  void rejectsAnythingElse(String value) {
    assertThatThrownBy(() -> Period.parse(value))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e ->
                assertThat(((DomainException) e).violations())
                    .extracting("field")
                    .containsExactly("period"));
  }

  @Test
  void rejectsAMissingPeriod() {
    assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(DomainException.class);
  }
}
