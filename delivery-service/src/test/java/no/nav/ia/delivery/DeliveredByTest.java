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
    assertThat(DeliveredBy.onRecord(PERSON, "Z990001"))
        .as("naming themselves names nobody else")
        .isEqualTo("Z990001");
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

  @Test
  void aPersonsCorrectionMaySendBackTheAdviserItReadWhenThatIsThemselves() {
    assertThat(DeliveredBy.onCorrection(PERSON, "Z990001", "Z990001")).isEqualTo("Z990001");
    assertThat(DeliveredBy.onCorrection(PERSON, "Z990001", null))
        .as("before the delivery is read: only the request is checked")
        .isNull();
    assertThatThrownBy(() -> DeliveredBy.onCorrection(PERSON, "Z990001", "Z990003"))
        .as("not to take over another adviser's delivery")
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.violations()).extracting("field").containsExactly("adviser"));
    assertThatThrownBy(() -> DeliveredBy.onCorrection(PERSON, "Z990003", "Z990003"))
        .as("another's ident, even the delivery's adviser: only systems name others")
        .isInstanceOf(DomainException.class);
  }

  @Test
  void aPersonsRequestNamesNoAdviserForItsFingerprint() {
    assertThat(DeliveredBy.named(PERSON, "Z990001")).isNull();
    assertThat(DeliveredBy.named(SYSTEM, "Z990002")).isEqualTo("Z990002");
  }
}
