package no.nav.ia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerCountyClaimTest {

  @Test
  void aTwoDigitStringIsTheCallersCounty() {
    assertThat(Caller.countyCode("03")).contains("03");
    assertThat(Caller.countyCode(Json.createValue("46"))).contains("46");
  }

  @Test
  void anythingElseBindsTheCallerToNoCounty() {
    for (Object claim :
        new Object[] {null, 3, 3L, "3", "003", "O3", "", List.of("03"), Json.createValue(3)}) {
      assertThat(Caller.countyCode(claim)).as(String.valueOf(claim)).isEmpty();
    }
  }
}
