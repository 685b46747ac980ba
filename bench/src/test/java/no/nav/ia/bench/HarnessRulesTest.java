package no.nav.ia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import no.nav.ia.platform.domain.NationalIdentityNumbers;
import no.nav.ia.platform.domain.OrgNumber;
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
  void theShareOverALimitCountsOnlyWhatIsAboveIt() {
    long[] values = {50, 10, 40, 20, 30, 60, 70, 80, 90, 100};
    assertThat(Stats.percentOver(values, 50)).isEqualTo("50.00");
    assertThat(Stats.percentOver(values, 100)).isEqualTo("0.00");
    assertThat(Stats.percentOver(new long[] {1, 2, 3}, 1)).isEqualTo("66.67");
  }

  @Test
  void generatedOrgNumbersAreValidAndTheMutatedOnesAreNot() {
    for (int i = 0; i < 200; i++) {
      String org = OrgNumbers.random();
      assertThat(org).hasSize(9).startsWith("9");
      assertThat(OrgNumber.isValid(org)).as(org).isTrue();
      assertThat(OrgNumber.isValid(OrgNumbers.withWrongCheckDigit(org))).isFalse();
    }
    assertThat(OrgNumbers.checkDigit("97476067")).isEqualTo(3);
  }

  @Test
  void everyKindOfBadInputIsMadeWhateverTheDice() {
    // A kind that threw (List.of with the null of a missing token) stopped the fault drill's
    // bad inputs after its seven scenarios.
    BadInputs bad = new BadInputs(new Main.Config(java.util.Map.of()));
    bad.useToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
    var kinds = bad.kinds();
    for (int seed = 0; seed < 200; seed++) {
      Random dice = new Random(seed);
      for (var kind : kinds) {
        BadInputs.Bad request = kind.apply(dice);
        assertThat(request.path()).as(request.what()).startsWith("/");
        assertThat(request.method()).as(request.what()).isNotBlank();
      }
    }
  }

  @Test
  void identityNumbersForTheBadInputRunHaveValidControlDigits() {
    Random random = new Random(1);
    for (int i = 0; i < 100; i++) {
      String number = BadInputs.identityNumber(random);
      assertThat(number).matches("\\d{11}");
      assertThat(NationalIdentityNumbers.isValid(number)).as(number).isTrue();
    }
  }

  @Test
  void removingAFieldLeavesValidJsonWithoutIt() {
    String json = "{\"a\":\"x\",\"b\":[1,2],\"c\":3}";
    assertThat(BadInputs.withoutField(json, "b")).isEqualTo("{\"a\":\"x\",\"c\":3}");
    assertThat(BadInputs.withoutField(json, "c")).isEqualTo("{\"a\":\"x\",\"b\":[1,2]}");
  }
}
