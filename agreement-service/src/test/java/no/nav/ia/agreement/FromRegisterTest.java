package no.nav.ia.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import no.nav.ia.agreement.FromRegister.Filled;
import no.nav.ia.agreement.FromRegister.Known;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.DomainException.Kind;
import org.junit.jupiter.api.Test;

/** A registration filled in from the register copy. */
class FromRegisterTest {

  static final CountyRegistry COUNTIES = CountyRegistry.get();
  static final LocalDate IN_2024 = LocalDate.of(2024, 5, 2);
  static final Known AERLIG = new Known("ÆRLIG BYGG AS", 120, "03", false);

  static Filled fill(String name, String county, Integer employees, LocalDate on, Known known) {
    return FromRegister.fill(name, county, employees, on, Optional.ofNullable(known), COUNTIES);
  }

  static void refused(Runnable call, Kind kind, String code, String... fields) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.violations())
                  .extracting(DomainException.Violation::field)
                  .containsExactly(fields);
            });
  }

  @Test
  void whatTheRequestLeavesOutComesFromTheRegister() {
    assertThat(fill(null, null, null, IN_2024, AERLIG))
        .isEqualTo(new Filled("ÆRLIG BYGG AS", "03", 120));
    assertThat(fill("Ærlig Bygg", "03", 118, IN_2024, AERLIG))
        .isEqualTo(new Filled("Ærlig Bygg", "03", 118));
  }

  @Test
  void aCountyThatContradictsTheRegisterIsRefusedAndOneMergedWithItIsNot() {
    refused(
        () -> fill(null, "11", null, IN_2024, AERLIG),
        Kind.NOT_ALLOWED_NOW,
        "COUNTY_CONTRADICTS_REGISTER");
    Known bergen = new Known("BERGEN BYGG AS", 10, "46", false);
    // Hordaland (12) was merged into Vestland (46) in 2020: a 2015 agreement is Hordaland's.
    assertThat(fill(null, "12", null, LocalDate.of(2015, 3, 1), bergen).countyCode())
        .isEqualTo("12");
    refused(
        () -> fill(null, "03", null, LocalDate.of(2015, 3, 1), bergen),
        Kind.NOT_ALLOWED_NOW,
        "COUNTY_CONTRADICTS_REGISTER");
  }

  @Test
  void anEnterpriseOfAMunicipalityInNoCountyGetsTheCountyTheRequestNames() {
    // Svalbard (2111): its digits 21 were never a county. The request names the centre; before,
    // every code was refused as contradicting "county 21".
    Known svalbard = new Known("LONGYEAR KULL AS", 40, "21", false);
    assertThat(fill(null, "55", null, IN_2024, svalbard))
        .isEqualTo(new Filled("LONGYEAR KULL AS", "55", 40));
    refused(
        () -> fill(null, null, null, IN_2024, svalbard),
        Kind.INVALID,
        "VALIDATION_FAILED",
        "countyCode");
  }

  @Test
  void aCodeThatIsNoCountyOnTheSigningDateIsLeftToTheAgreementsOwnCheck() {
    // Not a contradiction of the register but a bad field: the agreement's rules answer 400.
    assertThat(fill(null, "99", null, IN_2024, AERLIG).countyCode()).isEqualTo("99");
    // Østfold (01) was merged into Viken in 2020.
    assertThat(fill(null, "01", null, IN_2024, AERLIG).countyCode()).isEqualTo("01");
  }

  @Test
  void theRegistersCountyIsTakenAsItWasOnTheSigningDateWhenThatIsOneCounty() {
    // Published before the merger: Hordaland (12) in the file, signed in 2021 when it was Vestland.
    assertThat(
            fill(null, null, null, LocalDate.of(2021, 6, 1), new Known("X AS", 3, "12", false))
                .countyCode())
        .isEqualTo("46");
    // Vestland in the file, signed in 2015: Hordaland or Sogn og Fjordane, the register cannot say.
    refused(
        () -> fill(null, null, null, LocalDate.of(2015, 3, 1), new Known("X AS", 3, "46", false)),
        Kind.INVALID,
        "VALIDATION_FAILED",
        "countyCode");
  }

  @Test
  void anEnterpriseOutsideTheRegisterNeedsEverythingAndADeletedOneIsRefused() {
    refused(
        () -> fill(null, null, null, IN_2024, null),
        Kind.INVALID,
        "VALIDATION_FAILED",
        "name",
        "countyCode",
        "employees");
    assertThat(fill("Ny AS", "03", 4, IN_2024, null)).isEqualTo(new Filled("Ny AS", "03", 4));
    refused(
        () -> fill(null, null, null, IN_2024, new Known("NEDLAGT AS", 0, "03", true)),
        Kind.NOT_ALLOWED_NOW,
        "ENTERPRISE_DELETED");
    // One signed before the register's deletion is the centre's record, keyed in late.
    Known deleted = new Known("NEDLAGT AS", 4, "03", true, LocalDate.of(2024, 6, 30));
    assertThat(fill(null, null, null, LocalDate.of(2024, 6, 29), deleted))
        .isEqualTo(new Filled("NEDLAGT AS", "03", 4));
    refused(
        () -> fill(null, null, null, LocalDate.of(2024, 6, 30), deleted),
        Kind.NOT_ALLOWED_NOW,
        "ENTERPRISE_DELETED");
    assertThatThrownBy(() -> fill(null, null, null, LocalDate.of(2024, 7, 1), deleted))
        .hasMessageContaining("deleted on 2024-06-30: only an agreement signed before that day");
    // The register without a size has the enterprise without employees.
    assertThat(fill(null, null, null, IN_2024, new Known("UTEN AS", null, "03", false)))
        .isEqualTo(new Filled("UTEN AS", "03", 0));
  }
}
