package no.nav.ia.platform.callid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.nav.ia.platform.domain.NationalIdentityNumbers;
import org.junit.jupiter.api.Test;

class CallIdTest {

  @Test
  void aGeneratedCallIdIsARandomVersion4UuidAndNeverRepeats() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = CallId.generate();
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(id);
      assertThat(seen.add(id)).isTrue();
    }
  }

  @Test
  void aCallIdFromTheCallerIsKeptWhenItIsSafeToLog() {
    assertThat(CallId.acceptOrGenerate("batch-2026-12-04.17:3", null))
        .isEqualTo("batch-2026-12-04.17:3");
    assertThat(CallId.acceptOrGenerate(null, "corr-42")).isEqualTo("corr-42");
    // Eleven digits that are no identity number (wrong control digits) are an ordinary id.
    assertThat(CallId.acceptOrGenerate("case-01019010047", null)).isEqualTo("case-01019010047");
  }

  @Test
  void aCallIdHoldingAnIdentityNumberIsReplacedSoThatItNeverReachesALogLine() {
    for (String id :
        List.of(
            "01019010046",
            "case-01019010046-step2",
            "x.41019010110",
            "sak_010190_10046",
            "sak:010190:10046")) {
      String taken = CallId.acceptOrGenerate(id, null);
      assertThat(taken)
          .doesNotContain("01019010046")
          .doesNotContain("41019010110")
          .doesNotContain("010190");
      assertThat(UUID.fromString(taken).version()).isEqualTo(4);
    }
    // A UUID is kept even when its digits spell one (these do, with a hyphen inside): random UUIDs
    // do so about once in 3,500.
    assertThat(NationalIdentityNumbers.containsOne("ab8d096b-b219-4383-9740-43f4ea03a1a4"))
        .isTrue();
    assertThat(CallId.acceptOrGenerate("ab8d096b-b219-4383-9740-43f4ea03a1a4", null))
        .isEqualTo("ab8d096b-b219-4383-9740-43f4ea03a1a4");
    // The alternative header is held to the same rule.
    assertThat(CallId.acceptOrGenerate("bad id with spaces", "01019010046"))
        .isNotEqualTo("01019010046");
  }

  @Test
  void aCallIdThatCouldInjectIntoALogLineIsReplaced() {
    assertThat(CallId.acceptOrGenerate("a\nb", null)).isNotEqualTo("a\nb");
    assertThat(CallId.acceptOrGenerate("x".repeat(101), null)).hasSize(36);
  }
}
