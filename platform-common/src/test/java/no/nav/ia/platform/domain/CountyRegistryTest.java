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
}
