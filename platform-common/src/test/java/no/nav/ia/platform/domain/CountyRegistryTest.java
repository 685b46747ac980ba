package no.nav.ia.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CountyRegistryTest {

  private final CountyRegistry registry = CountyRegistry.get();

  @Test
  void theCountyStructureFollowsTheReforms() {
    assertThat(registry.validOn(LocalDate.of(2012, 6, 1))).hasSize(19);
    assertThat(registry.validOn(LocalDate.of(2018, 6, 1))).hasSize(18);
    assertThat(registry.validOn(LocalDate.of(2020, 6, 1))).hasSize(11);
    assertThat(registry.validOn(LocalDate.of(2024, 6, 1))).hasSize(15);
  }

  @Test
  void aCodeNotValidOnADayIsInThePlaceOfWhatItBecameOrCameFrom() {
    CountyRegistry registry = CountyRegistry.get();
    LocalDate in2023 = LocalDate.of(2023, 12, 31);
    // Troms (55) was part of Troms og Finnmark (54) in 2023; Troms (19) had become it.
    assertThat(registry.inItsPlaceOn("55", in2023))
        .extracting(CountyRegistry.County::code)
        .containsExactly("54");
    assertThat(registry.inItsPlaceOn("19", in2023))
        .extracting(CountyRegistry.County::code)
        .containsExactly("54");
    // Troms og Finnmark (54) was split in 2024.
    assertThat(registry.inItsPlaceOn("54", LocalDate.of(2024, 6, 30)))
        .extracting(CountyRegistry.County::code)
        .containsExactly("55", "56");
    assertThat(registry.inItsPlaceOn("03", in2023)).isEmpty();
    assertThat(registry.inItsPlaceOn("99", in2023)).isEmpty();
  }

  @Test
  void dataBelongsToTheCountyItWasMergedIntoAndToNoneOnceThatWasSplit() {
    LocalDate in2022 = LocalDate.of(2022, 6, 1);
    LocalDate in2024 = LocalDate.of(2024, 1, 1);
    assertThat(registry.holderOn("19", LocalDate.of(2019, 12, 31))).contains("19");
    assertThat(registry.holderOn("19", in2022)).contains("54");
    assertThat(registry.holderOn("12", in2024)).contains("46");
    assertThat(registry.holderOn("16", in2024)).contains("50");
    assertThat(registry.holderOn("38", LocalDate.of(2023, 12, 31))).contains("38");
    // Split on 2024-01-01: neither Vestfold (39) nor Telemark (40) holds what was recorded so.
    assertThat(registry.holderOn("38", in2024)).isEmpty();
    assertThat(registry.holderOn("19", in2024)).isEmpty();
    assertThat(registry.holderOn("01", in2024)).isEmpty();
    assertThat(registry.holderOn("31", in2024)).contains("31");
    // A day before the code existed is the code's own (no agreement is registered so).
    assertThat(registry.holderOn("50", LocalDate.of(2012, 5, 14))).contains("50");
  }

  @Test
  void trondelagIncludesSorAndNordTrondelag() {
    assertThat(registry.withMergedPredecessors("50")).containsExactlyInAnyOrder("50", "16", "17");
  }

  @Test
  void mergesRollUpTransitivelyButSplitsDoNot() {
    assertThat(registry.withMergedPredecessors("30"))
        .containsExactlyInAnyOrder("30", "01", "02", "06");
    // Viken was split in 2024: its data cannot be divided among Østfold, Akershus and Buskerud.
    assertThat(registry.withMergedPredecessors("31")).containsExactly("31");
    assertThat(registry.withMergedPredecessors("03")).containsExactly("03");
  }

  @Test
  void theRegionProposalHasElevenRegionsCoveringTheNineteenCounties() {
    var regions = registry.grouping(CountyRegistry.DEFAULT_GROUPING).orElseThrow();
    assertThat(regions).hasSize(11);
    assertThat(regions.values().stream().flatMap(r -> r.counties().stream()).distinct())
        .hasSize(19);
    assertThat(regions.get("telemark-vestfold-og-buskerud").counties())
        .containsExactly("08", "07", "06");
  }

  @Test
  void aMergedCodeRollsUpIntoItsSuccessorUntilThatWasSplit() {
    assertThat(registry.rollsUpInto("19")).isEqualTo("54");
    assertThat(registry.rollsUpInto("16")).isEqualTo("50");
    assertThat(registry.rollsUpInto("01")).isEqualTo("30");
    assertThat(registry.rollsUpInto("54")).isEqualTo("54");
    assertThat(registry.rollsUpInto("03")).isEqualTo("03");
  }

  @Test
  void aRegionHoldsWhatItsCountiesBecameAsLongAsNoneOfItLiesOutside() {
    var regions = registry.grouping(CountyRegistry.DEFAULT_GROUPING).orElseThrow();
    // Troms og Finnmark (2020-2023), then Troms and Finnmark again (2024).
    assertThat(registry.codesOf(regions.get("finnmark-og-troms")))
        .containsExactlyInAnyOrder("20", "19", "54", "55", "56");
    assertThat(registry.codesOf(regions.get("telemark-vestfold-og-buskerud")))
        .containsExactlyInAnyOrder("08", "07", "06", "38", "39", "40", "33");
    // Viken (30) held Østfold, Akershus and Buskerud, which lie in two regions: its data in
    // neither; Østfold (31) and Akershus (32) re-established in 2024 are the counties of 1919-2019.
    assertThat(registry.codesOf(regions.get("ostfold-og-akershus")))
        .containsExactlyInAnyOrder("01", "02", "31", "32");
    assertThat(registry.codesOf(regions.get("nord-og-sor-trondelag")))
        .containsExactlyInAnyOrder("17", "16", "50");
    assertThat(registry.codesOf(regions.get("oslo"))).containsExactly("03");
  }

  @Test
  void everyCodeButVikenBelongsToExactlyOneRegion() {
    var regions = registry.grouping(CountyRegistry.DEFAULT_GROUPING).orElseThrow();
    for (var county : registry.all()) {
      long holding =
          regions.values().stream()
              .filter(r -> registry.codesOf(r).contains(county.code()))
              .count();
      assertThat(holding).as(county.code()).isEqualTo(county.code().equals("30") ? 0 : 1);
    }
  }

  @Test
  void aRegionNamingAMergedCountyHoldsWhatWasMergedIntoIt() {
    var region = new CountyRegistry.Region("test", "midt", "Midt", java.util.List.of("50", "15"));
    assertThat(registry.codesOf(region)).containsExactlyInAnyOrder("50", "16", "17", "15");
  }
}
