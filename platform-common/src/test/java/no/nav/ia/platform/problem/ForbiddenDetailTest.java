package no.nav.ia.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 403 for a role names the roles the operation takes, in words. */
class ForbiddenDetailTest {

  @Test
  void namesOneTwoOrThreeRolesAndNothingWhenTheyAreNotKnown() {
    assertThat(ProblemMappers.forbiddenDetail(List.of("coordinator"), false))
        .isEqualTo("Your roles do not allow this; it takes the role coordinator");
    assertThat(ProblemMappers.forbiddenDetail(List.of("manager", "coordinator"), false))
        .isEqualTo("Your roles do not allow this; it takes the role manager or coordinator");
    assertThat(ProblemMappers.forbiddenDetail(List.of("adviser", "manager", "coordinator"), false))
        .isEqualTo(
            "Your roles do not allow this; it takes the role adviser, manager or coordinator");
    assertThat(ProblemMappers.forbiddenDetail(List.of(), false))
        .isEqualTo("Your roles do not allow this");
    assertThat(ProblemMappers.forbiddenDetail(List.of("adviser"), true))
        .isEqualTo(
            "Your token gives no role of this platform (none of its roles is one, or it names a"
                + " person without a valid NAV-ident); it takes the role adviser");
  }

  @RolesAllowed({"adviser", "manager"})
  static class Annotated {
    @RolesAllowed("coordinator")
    public void own() {}

    public void inherits() {}
  }

  static class Plain {
    public void none() {}
  }

  @Test
  void theRolesAreTheMethodsElseItsClasssElseNone() throws Exception {
    assertThat(ProblemMappers.rolesAllowed(resource(Annotated.class, "own")))
        .containsExactly("coordinator");
    assertThat(ProblemMappers.rolesAllowed(resource(Annotated.class, "inherits")))
        .containsExactly("adviser", "manager");
    assertThat(ProblemMappers.rolesAllowed(resource(Plain.class, "none"))).isEmpty();
    assertThat(ProblemMappers.rolesAllowed(resource(Plain.class, null))).isEmpty();
    assertThat(ProblemMappers.rolesAllowed(null)).isEmpty();
  }

  private static ResourceInfo resource(Class<?> type, String method) throws Exception {
    Method found = method == null ? null : type.getMethod(method);
    return new ResourceInfo() {
      @Override
      public Method getResourceMethod() {
        return found;
      }

      @Override
      public Class<?> getResourceClass() {
        return type;
      }
    };
  }
}
