package no.nav.ia.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessLogTest {

  static final Set<String> ROUTES = Set.of("deliveries", "resigning-campaigns", "events");

  @Test
  void theLineNamesTheRouteAPathBelongsTo() {
    assertThat(AccessLog.route("/api/v1/deliveries", ROUTES)).isEqualTo("deliveries");
    assertThat(AccessLog.route("/api/v1/resigning-campaigns/7/closing", ROUTES))
        .isEqualTo("resigning-campaigns");
    assertThat(AccessLog.route("/dashboard/counties/03", ROUTES)).isEqualTo("dashboard");
    assertThat(AccessLog.route("/q/health", ROUTES)).isEqualTo("unknown");
  }

  @Test
  void aFirstSegmentThatIsNoRouteStaysOutOfTheLog() {
    // An identity number or a name put where a route goes would otherwise be written to the log.
    for (String path :
        new String[] {
          "/api/v1/01019010046",
          "/api/v1/olanordmann",
          "/api/v1/deliveries01019010046/x",
          "/api/v1/Deliveries",
          "/api/v1/"
        }) {
      assertThat(AccessLog.route(path, ROUTES)).as(path).isEqualTo("unknown");
    }
  }

  @Test
  void aMethodHttpDoesNotDefineIsLoggedAsOther() {
    assertThat(AccessLog.method("PATCH")).isEqualTo("PATCH");
    assertThat(AccessLog.method("X01019010046")).isEqualTo("OTHER");
  }
}
