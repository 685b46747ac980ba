package no.nav.ia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityMappingTest {

  static final Map<String, IdentityMapping.Group> GROUPS =
      Map.of(
          "0b7f-oslo-managers",
              new IdentityMapping.Group(Optional.of("manager"), Optional.of("03")),
          "5a21-vestland-advisers",
              new IdentityMapping.Group(Optional.of("adviser"), Optional.of("46")),
          "77c0-coordinators",
              new IdentityMapping.Group(Optional.of("coordinator"), Optional.empty()));

  @Test
  void rolesAndCountyOfTheTokenItselfStandAsTheyAre() {
    IdentityMapping.Result r =
        IdentityMapping.map("Default", Set.of("adviser"), List.of(), "03", GROUPS);
    assertThat(r.roles()).containsExactly("adviser");
    assertThat(r.county()).contains("03");
  }

  @Test
  void aCountyThatIsNoLongerOneBindsTheCallerToNoneWhenTodaysCountiesAreAskedFor() {
    java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 6);
    for (String former : List.of("16", "30", "54", "12")) {
      assertThat(
              IdentityMapping.map(
                      "Default", Set.of("adviser"), List.of(), former, "Z990001", GROUPS, today)
                  .county())
          .as(former)
          .isEmpty();
      assertThat(
              IdentityMapping.map(
                      "Default", Set.of("adviser"), List.of(), former, "Z990001", GROUPS, null)
                  .county())
          .contains(former);
    }
    assertThat(
            IdentityMapping.map(
                    "Default", Set.of("adviser"), List.of(), "50", "Z990001", GROUPS, today)
                .county())
        .contains("50");
    // A group of a former county left over beside the successor's: the successor's.
    Map<String, IdentityMapping.Group> both =
        Map.of(
            "1a2b-hordaland",
            new IdentityMapping.Group(Optional.of("adviser"), Optional.of("12")),
            "5a21-vestland-advisers",
            new IdentityMapping.Group(Optional.of("adviser"), Optional.of("46")));
    assertThat(
            IdentityMapping.map(
                    "Default",
                    Set.of(),
                    List.of("1a2b-hordaland", "5a21-vestland-advisers"),
                    null,
                    "Z990001",
                    both,
                    today)
                .county())
        .contains("46");
    // A group of a former county, left over in Entra ID, binds to none either.
    Map<String, IdentityMapping.Group> leftOver =
        Map.of(
            "1a2b-hordaland", new IdentityMapping.Group(Optional.of("adviser"), Optional.of("12")));
    assertThat(
            IdentityMapping.map(
                    "Default",
                    Set.of(),
                    List.of("1a2b-hordaland"),
                    null,
                    "Z990001",
                    leftOver,
                    today)
                .county())
        .isEmpty();
  }

  @Test
  void aPersonsTokenWhoseNavIdentIsNoNavIdentGetsNoRole() {
    assertThat(
            IdentityMapping.map("Default", Set.of("adviser"), List.of(), "03", "Z990001", GROUPS)
                .roles())
        .containsExactly("adviser");
    for (Object bad : List.of("<i>x</i>", "Z99000", "z990001", "", 990001)) {
      IdentityMapping.Result r =
          IdentityMapping.map(
              "Default", Set.of("adviser"), List.of("0b7f-oslo-managers"), "03", bad, GROUPS);
      assertThat(r.roles()).as("NAVident %s", bad).isEmpty();
      assertThat(r.county()).isEmpty();
    }
    assertThat(
            IdentityMapping.map("machines", Set.of("system"), List.of(), null, "nonsense", GROUPS)
                .roles())
        .as("a machine's NAVident is ignored, not judged")
        .containsExactly("system");
  }

  @Test
  void aPersonsTokenNeverMakesTheCallerAMachine() {
    Map<String, IdentityMapping.Group> systemGroup =
        Map.of(
            "9c1d-integrations",
            new IdentityMapping.Group(Optional.of("system"), Optional.empty()));
    IdentityMapping.Result adviser =
        IdentityMapping.map(
            "Default",
            Set.of("adviser", "system"),
            List.of("9c1d-integrations"),
            "15",
            "Z991515",
            systemGroup);
    assertThat(adviser.roles()).containsExactly("adviser");
    assertThat(adviser.county()).contains("15");
    assertThat(
            IdentityMapping.map("Default", Set.of("system"), List.of(), null, "Z991515", GROUPS)
                .roles())
        .isEmpty();
    assertThat(
            IdentityMapping.map("Default", Set.of("system"), List.of(), null, null, GROUPS).roles())
        .as("an application's token of the platform issuer")
        .containsExactly("system");
  }

  @Test
  void anEntraGroupGivesItsRoleAndItsCounty() {
    IdentityMapping.Result r =
        IdentityMapping.map(
            "Default", Set.of(), List.of("0b7f-oslo-managers", "unknown-group"), null, GROUPS);
    assertThat(r.roles()).containsExactly("manager");
    assertThat(r.county()).contains("03");
    IdentityMapping.Result coordinator =
        IdentityMapping.map("Default", Set.of(), List.of("77c0-coordinators"), null, GROUPS);
    assertThat(coordinator.roles()).containsExactly("coordinator");
    assertThat(coordinator.county()).isEmpty();
  }

  @Test
  void groupsOfTwoCountiesBindTheCallerToNoCounty() {
    IdentityMapping.Result r =
        IdentityMapping.map(
            "Default",
            Set.of(),
            List.of("0b7f-oslo-managers", "5a21-vestland-advisers"),
            null,
            GROUPS);
    assertThat(r.roles()).containsExactlyInAnyOrder("manager", "adviser");
    assertThat(r.county()).isEmpty();
  }

  @Test
  void aCountyClaimThatIsNoCountyCodeIsNone() {
    assertThat(IdentityMapping.map("Default", Set.of("adviser"), List.of(), "3", GROUPS).county())
        .isEmpty();
  }

  @Test
  void theSecondIssuerForMachineClientsGrantsOnlyTheSystemRole() {
    IdentityMapping.Result r =
        IdentityMapping.map(
            "machines",
            Set.of("system", "coordinator"),
            List.of("77c0-coordinators"),
            null,
            GROUPS);
    assertThat(r.roles()).containsExactly("system");
    assertThat(
            IdentityMapping.map("machines", Set.of("coordinator"), List.of(), null, GROUPS).roles())
        .isEmpty();
  }
}
