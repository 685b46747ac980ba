package no.nav.ia.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogTest {

  @Test
  void theLineNamesTheRouteAPathBelongsTo() {
    assertThat(AccessLog.route("/api/v1/deliveries")).isEqualTo("deliveries");
    assertThat(AccessLog.route("/api/v1/resigning-campaigns/7/closing"))
        .isEqualTo("resigning-campaigns");
    assertThat(AccessLog.route("/dashboard/counties/03")).isEqualTo("dashboard");
    assertThat(AccessLog.route("/q/health")).isEqualTo("unknown");
  }

  @Test
  void aFirstSegmentTheClientMadeUpStaysOutOfTheLogUnlessItIsAWordLikeARoute() {
    // An identity number pasted where a route goes would otherwise be written to the log.
    assertThat(AccessLog.route("/api/v1/01019010046")).isEqualTo("unknown");
    assertThat(AccessLog.route("/api/v1/enterprises01019010046/x")).isEqualTo("unknown");
    assertThat(AccessLog.route("/api/v1/" + "a".repeat(41))).isEqualTo("unknown");
    assertThat(AccessLog.route("/api/v1/Deliveries")).isEqualTo("unknown");
    assertThat(AccessLog.route("/api/v1/")).isEqualTo("unknown");
    // A misspelt route is still useful to see.
    assertThat(AccessLog.route("/api/v1/delivery")).isEqualTo("delivery");
  }

  @Test
  void aMethodHttpDoesNotDefineIsLoggedAsOther() {
    assertThat(AccessLog.method("PATCH")).isEqualTo("PATCH");
    assertThat(AccessLog.method("X01019010046")).isEqualTo("OTHER");
  }
}
