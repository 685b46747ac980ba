package no.nav.ia.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A 403 for a role names the roles the operation takes, in words. */
class ForbiddenDetailTest {

  @Test
  void namesOneTwoOrThreeRolesAndNothingWhenTheyAreNotKnown() {
    assertThat(ProblemMappers.forbiddenDetail(List.of("coordinator")))
        .isEqualTo("Your roles do not allow this; it takes the role coordinator");
    assertThat(ProblemMappers.forbiddenDetail(List.of("manager", "coordinator")))
        .isEqualTo("Your roles do not allow this; it takes the role manager or coordinator");
    assertThat(ProblemMappers.forbiddenDetail(List.of("adviser", "manager", "coordinator")))
        .isEqualTo(
            "Your roles do not allow this; it takes the role adviser, manager or coordinator");
    assertThat(ProblemMappers.forbiddenDetail(List.of())).isEqualTo("Your roles do not allow this");
  }
}
