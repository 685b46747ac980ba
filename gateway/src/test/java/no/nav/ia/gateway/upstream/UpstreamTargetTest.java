package no.nav.ia.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UpstreamTargetTest {

  /** As the HTTP decoder hands on a target sent raw: one character per byte. */
  private static String asDecoded(String sent) {
    return new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void aTargetSentWithRawLettersReachesTheServicePercentEncodedAsUtf8() {
    assertThat(Upstream.ascii(asDecoded("/api/v1/enterprises?q=ærlig bygg&county=03")))
        .isEqualTo("/api/v1/enterprises?q=%C3%A6rlig bygg&county=03");
    assertThat(Upstream.ascii(asDecoded("/api/v1/agreements?q=sjø")))
        .isEqualTo("/api/v1/agreements?q=sj%C3%B8");
  }

  @Test
  void anAsciiTargetIsForwardedAsItIs() {
    String target = "/api/v1/enterprises?q=%C3%A6rlig&size=5";
    assertThat(Upstream.ascii(target)).isSameAs(target);
  }
}
