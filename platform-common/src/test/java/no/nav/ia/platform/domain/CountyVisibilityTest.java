package no.nav.ia.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CountyVisibilityTest {

  static final CountyVisibility OSLO_ADVISER = new CountyVisibility(false, Optional.of("03"));
  static final CountyVisibility COORDINATOR = new CountyVisibility(true, Optional.empty());
  static final CountyVisibility UNBOUND_MANAGER = new CountyVisibility(false, Optional.empty());

  @Test
  void anAdviserSeesTheOwnCountyOnlyAndACoordinatorEvery() {
    assertThat(OSLO_ADVISER.mayAccess("03")).isTrue();
    assertThat(OSLO_ADVISER.mayAccess("46")).isFalse();
    assertThat(COORDINATOR.mayAccess("46")).isTrue();
    assertThat(UNBOUND_MANAGER.mayAccess("03")).isFalse();
    assertThatThrownBy(() -> OSLO_ADVISER.require("46"))
        .isInstanceOf(DomainException.class)
        .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("FORBIDDEN_COUNTY"));
  }

  @Test
  void aListingIsScopedToTheOwnCountyOrTheOneAskedFor() {
    assertThat(OSLO_ADVISER.scope(null)).contains("03");
    assertThat(OSLO_ADVISER.scope("03")).contains("03");
    assertThat(COORDINATOR.scope(null)).isEmpty();
    assertThat(COORDINATOR.scope("46")).contains("46");
    assertThatThrownBy(() -> OSLO_ADVISER.scope("46"))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e ->
                assertThat(((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    assertThatThrownBy(() -> UNBOUND_MANAGER.scope(null)).isInstanceOf(DomainException.class);
  }

  @Test
  void aCodeThatWasNeverACountyIsABadFilterNotAnEmptyListing() {
    for (CountyVisibility caller : new CountyVisibility[] {COORDINATOR, OSLO_ADVISER}) {
      assertThatThrownBy(() -> caller.scope("99"))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                assertThat(e.violations())
                    .extracting(DomainException.Violation::field)
                    .containsExactly("county");
              });
    }
    // A county of the past is still a filter: its agreements and deliveries are history.
    assertThat(COORDINATOR.scope("01")).contains("01");
  }

  @Test
  void aCountysCentreWorksOnWhatWasRecordedUnderTheCountiesMergedIntoIt() {
    CountyVisibility vestland = new CountyVisibility(false, Optional.of("46"));
    // Hordaland (12) and Sogn og Fjordane (14) became Vestland in 2020.
    assertThat(vestland.mayAccess("12")).isTrue();
    assertThat(vestland.mayAccess("14")).isTrue();
    assertThat(vestland.mayAccess("11")).isFalse();
    assertThat(vestland.scope("12")).contains("12");
    assertThat(CountyVisibility.codesOf("46")).containsExactlyInAnyOrder("46", "12", "14");
    // Not the other way: Hordaland's code sees nothing of Vestland's.
    assertThat(new CountyVisibility(false, Optional.of("12")).mayAccess("46")).isFalse();
    // Troms (19) rolled up into Troms og Finnmark (54), which was split in 2024: its data cannot
    // be divided, so it stays with 54 and the coordinators, not with today's Troms (55).
    assertThat(new CountyVisibility(false, Optional.of("55")).mayAccess("19")).isFalse();
    assertThat(new CountyVisibility(false, Optional.of("54")).mayAccess("19")).isTrue();
  }

  @Test
  void aSplitCountysLastReportIsForTheCountiesItBecame() {
    java.time.LocalDate dueAfterTheSplit = java.time.LocalDate.of(2024, 3, 1);
    java.time.LocalDate dueBefore = java.time.LocalDate.of(2023, 9, 1);
    // Troms og Finnmark (54) ended on 31 December 2023; its 2023-H2 report was due in 2024.
    new CountyVisibility(false, Optional.of("55")).requireForReport("54", dueAfterTheSplit);
    new CountyVisibility(false, Optional.of("56")).requireForReport("54", dueAfterTheSplit);
    new CountyVisibility(false, Optional.of("54")).requireForReport("54", dueAfterTheSplit);
    assertThat(new CountyVisibility(false, Optional.of("55")).mayReportFor("54", dueAfterTheSplit))
        .as("so its row is on Troms' dashboard too")
        .isTrue();
    // Its 2023-H1 report was due while 54's centre still worked.
    assertThatThrownBy(
            () -> new CountyVisibility(false, Optional.of("55")).requireForReport("54", dueBefore))
        .isInstanceOf(DomainException.class);
    // Nobody else's, and not the other way round.
    assertThatThrownBy(
            () ->
                new CountyVisibility(false, Optional.of("03"))
                    .requireForReport("54", dueAfterTheSplit))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(
            () ->
                new CountyVisibility(false, Optional.of("54"))
                    .requireForReport("55", dueAfterTheSplit))
        .isInstanceOf(DomainException.class);
  }
}
