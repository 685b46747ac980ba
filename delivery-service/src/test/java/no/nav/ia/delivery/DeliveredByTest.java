package no.nav.ia.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import no.nav.ia.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class DeliveredByTest {

  private static final Optional<String> PERSON = Optional.of("Z990001");
  private static final Optional<String> SYSTEM = Optional.empty();

  @Test
  void aPersonIsTheAdviserAndMayNotNameAnother() {
    assertThat(DeliveredBy.onRecord(PERSON, null)).isEqualTo("Z990001");
    assertThatThrownBy(() -> DeliveredBy.onRecord(PERSON, "Z990002"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.violations()).extracting("field").containsExactly("adviser"));
    assertThatThrownBy(() -> DeliveredBy.onRecord(PERSON, "Z990001"))
        .as("not even themselves: the token says it")
        .isInstanceOf(DomainException.class);
  }

  @Test
  void aSystemMustNameTheAdviser() {
    assertThat(DeliveredBy.onRecord(SYSTEM, "Z990002")).isEqualTo("Z990002");
    assertThatThrownBy(() -> DeliveredBy.onRecord(SYSTEM, null))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.violations()).extracting("field").containsExactly("adviser"));
  }

  @Test
  void aCorrectionKeepsTheAdviserUnlessASystemNamesAnother() {
    assertThat(DeliveredBy.onCorrection(PERSON, null, "Z990003")).isEqualTo("Z990003");
    assertThat(DeliveredBy.onCorrection(SYSTEM, null, "Z990003")).isEqualTo("Z990003");
    assertThat(DeliveredBy.onCorrection(SYSTEM, "Z990004", "Z990003")).isEqualTo("Z990004");
    assertThatThrownBy(() -> DeliveredBy.onCorrection(PERSON, "Z990004", "Z990003"))
        .isInstanceOf(DomainException.class);
  }
}
