package no.nav.ia.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedMethodsTest {

  @Path("/api/v1/things")
  public static class Things {
    @GET
    public String list() {
      return "";
    }

    @POST
    public void add() {}

    @GET
    @Path("{id}")
    public String one(@PathParam("id") String id) {
      return id;
    }

    @PUT
    @Path("/{id}/")
    public void replace(@PathParam("id") String id) {}

    @DELETE
    @Path("{id}/notes/{note: [0-9]+}")
    public void forget(@PathParam("id") String id, @PathParam("note") String note) {}

    public void notAResourceMethod() {}
  }

  static List<String> methods(String path) {
    return AllowedMethods.routesOf(Things.class).stream()
        .filter(r -> r.path().matcher(path).matches())
        .map(AllowedMethods.Route::method)
        .sorted()
        .toList();
  }

  @Test
  void aPathTakesTheMethodsOfTheResourceMethodsWhoseTemplateItMatches() {
    assertThat(methods("/api/v1/things")).containsExactly("GET", "POST");
    assertThat(methods("/api/v1/things/42")).containsExactly("GET", "PUT");
    assertThat(methods("/api/v1/things/42/notes/7")).containsExactly("DELETE");
    assertThat(methods("/api/v1/things/42/notes/x")).isEmpty();
    assertThat(methods("/api/v1/things/42/43")).isEmpty();
    assertThat(AllowedMethods.routesOf(String.class)).isEmpty();
  }
}
