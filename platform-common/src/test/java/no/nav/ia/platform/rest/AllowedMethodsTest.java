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

  /** A path of its own beside {@code things/{id}}, as a batch is beside a delivery's id. */
  @Path("/api/v1/things/batch")
  public static class Batch {
    @POST
    public void add() {}
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

  @Test
  void aPathOfItsOwnTakesOnlyItsOwnMethodsNotThoseOfATemplateItAlsoMatches() {
    List<AllowedMethods.Route> routes = new java.util.ArrayList<>();
    routes.addAll(AllowedMethods.routesOf(Things.class));
    routes.addAll(AllowedMethods.routesOf(Batch.class));
    assertThat(AllowedMethods.served(routes, "/api/v1/things/batch"))
        .extracting(AllowedMethods.Route::method)
        .containsExactly("POST");
    assertThat(AllowedMethods.served(routes, "/api/v1/things/42"))
        .extracting(AllowedMethods.Route::method)
        .containsExactlyInAnyOrder("GET", "PUT");
    assertThat(AllowedMethods.served(routes, "/api/v1/things/42/43")).isEmpty();
  }
}
