package no.nav.ia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The harnesses' own rules: if these are wrong, the figures they print are wrong. */
class HarnessRulesTest {

  @Test
  void percentilesAreByNearestRank() {
    long[] values = {50, 10, 40, 20, 30, 60, 70, 80, 90, 100};
    assertThat(Stats.percentile(values, 50)).isEqualTo(50);
    assertThat(Stats.percentile(values, 99)).isEqualTo(100);
    assertThat(Stats.percentile(values, 10)).isEqualTo(10);
    assertThat(Stats.percentile(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  void generatedOrgNumbersAreValidAndTheMutatedOnesAreNot() {
    for (int i = 0; i < 200; i++) {
      String org = OrgNumbers.random();
      assertThat(org).hasSize(9).startsWith("9");
      assertThat(OrgNumbers.checkDigit(org.substring(0, 8))).isEqualTo(org.charAt(8) - '0');
      String wrong = OrgNumbers.withWrongCheckDigit(org);
      assertThat(OrgNumbers.checkDigit(wrong.substring(0, 8))).isNotEqualTo(wrong.charAt(8) - '0');
    }
    assertThat(OrgNumbers.checkDigit("97476067")).isEqualTo(3);
  }

  @Test
  void identityNumbersForTheBadInputRunHaveValidControlDigits() {
    Random random = new Random(1);
    for (int i = 0; i < 100; i++) {
      String number = BadInputs.identityNumber(random);
      assertThat(number).matches("\\d{11}");
      assertThat(no.nav.ia.bench.BadInputsCheck.valid(number)).isTrue();
    }
  }

  @Test
  void removingAFieldLeavesValidJsonWithoutIt() {
    String json = "{\"a\":\"x\",\"b\":[1,2],\"c\":3}";
    assertThat(BadInputs.withoutField(json, "b")).isEqualTo("{\"a\":\"x\",\"c\":3}");
    assertThat(BadInputs.withoutField(json, "c")).isEqualTo("{\"a\":\"x\",\"b\":[1,2]}");
  }
}
