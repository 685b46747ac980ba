package no.nav.ia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.jose4j.base64url.Base64Url;
import org.junit.jupiter.api.Test;

/**
 * A bearer token is taken only as a JWS in its one canonical spelling, so that one valid token is
 * one key of the verified-token cache (and of the gateway's on-behalf-of cache).
 */
class BearerTokenShapeTest {

  static String part(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String part(String json) {
    return part(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Shaped as an RS256 token: a 256-byte signature, 342 characters, 4 of its bits unused. */
  static String token(String payload) {
    byte[] signature = new byte[256];
    new Random(42).nextBytes(signature);
    return part("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}")
        + "."
        + part(payload)
        + "."
        + part(signature);
  }

  static final String TOKEN = token("{\"sub\":\"Z990001\",\"roles\":[\"adviser\"]}");

  @Test
  void joseDecodesCharactersOutsideTheAlphabetAwayWhichIsWhyTheyAreRefused() {
    String signature = TOKEN.split("\\.")[2];
    Base64Url base64 = new Base64Url();
    assertThat(base64.base64UrlDecode(signature + "!!!!!!!!"))
        .isEqualTo(base64.base64UrlDecode(signature));
    assertThat(VerifiedTokenIdentityProvider.wellFormed(TOKEN)).isTrue();
    assertThat(VerifiedTokenIdentityProvider.wellFormed(TOKEN + "!!!!!!!!")).isFalse();
  }

  @Test
  void onlyThreeBase64UrlPartsWithoutPaddingOrAnythingElse() {
    for (String spelling :
        new String[] {
          TOKEN + "==",
          TOKEN + " ",
          " " + TOKEN,
          TOKEN + "\n",
          TOKEN + ".",
          TOKEN + ".eyJ9",
          TOKEN.replaceFirst("\\.", "+."),
          TOKEN.replace('_', '/').replace('-', '+') + "+/",
          TOKEN.substring(0, TOKEN.lastIndexOf('.') + 1),
          "." + TOKEN,
          TOKEN.replaceFirst("\\.", ".."),
          "not-a-jwt",
          "",
        }) {
      assertThat(VerifiedTokenIdentityProvider.wellFormed(spelling)).as(spelling).isFalse();
    }
    assertThat(VerifiedTokenIdentityProvider.wellFormed(null)).isFalse();
  }

  @Test
  void aPartsLastCharacterMustLeaveItsUnusedBitsZero() {
    String signature = TOKEN.split("\\.")[2];
    assertThat(signature.length() % 4).isEqualTo(2);
    String head = TOKEN.substring(0, TOKEN.length() - 1);
    char last = TOKEN.charAt(TOKEN.length() - 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int index = alphabet.indexOf(last);
    assertThat(index % 16).isZero();
    Base64Url base64 = new Base64Url();
    // The 15 other characters with the same 2 used bits decode to the same signature.
    for (int low = 1; low < 16; low++) {
      String other = head + alphabet.charAt(index + low);
      assertThat(base64.base64UrlDecode(other.split("\\.")[2]))
          .isEqualTo(base64.base64UrlDecode(signature));
      assertThat(VerifiedTokenIdentityProvider.wellFormed(other)).as(other).isFalse();
    }
    // A part whose length leaves one character over encodes no whole byte.
    assertThat(VerifiedTokenIdentityProvider.wellFormed(TOKEN + "AAA")).isFalse();
    assertThat(VerifiedTokenIdentityProvider.wellFormed(TOKEN + "AA")).isTrue();
  }

  @Test
  void aTokenLongerThan8KbIsRefused() {
    String base = token("{\"pad\":\"\"}");
    int room = VerifiedTokenIdentityProvider.MAX_TOKEN_LENGTH - base.length();
    // Payload characters: 4 per 3 bytes; pad the payload to the longest length allowed, and one
    // group more.
    String longest = null;
    for (int pad = room * 3 / 4 - 3; pad <= room * 3 / 4 + 3; pad++) {
      String candidate = token("{\"pad\":\"" + "x".repeat(pad) + "\"}");
      if (candidate.length() <= VerifiedTokenIdentityProvider.MAX_TOKEN_LENGTH
          && VerifiedTokenIdentityProvider.wellFormed(candidate)) {
        longest = candidate;
      }
    }
    assertThat(longest).isNotNull();
    assertThat(longest.length()).isGreaterThan(VerifiedTokenIdentityProvider.MAX_TOKEN_LENGTH - 4);
    String tooLong = token("{\"pad\":\"" + "x".repeat(room * 3 / 4 + 6) + "\"}");
    assertThat(tooLong.length()).isGreaterThan(VerifiedTokenIdentityProvider.MAX_TOKEN_LENGTH);
    assertThat(VerifiedTokenIdentityProvider.wellFormed(tooLong)).isFalse();
  }

  /** The rule as a regular expression and a split, as it was written first. */
  static boolean asFirstWritten(String token) {
    if (token == null
        || token.length() > VerifiedTokenIdentityProvider.MAX_TOKEN_LENGTH
        || !token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
      return false;
    }
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (String part : token.split("\\.")) {
      int last = alphabet.indexOf(part.charAt(part.length() - 1));
      int unusedBits = new int[] {0, -1, 4, 2}[part.length() % 4];
      if (unusedBits < 0 || (last & ((1 << unusedBits) - 1)) != 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theOnePassCheckAgreesWithTheRuleAsFirstWrittenOnTokensAndTheirMutations() {
    // The check runs on every request at every hop, so it is a loop over the characters; this
    // holds it to the rule's first, plainer form over tokens, their edits and short strings.
    Random random = new Random(7);
    String characters = "AQgw_-.=+/ !\u00e6\u0000aZ09";
    int valid = 0;
    for (int round = 0; round < 20_000; round++) {
      // Whole tokens, and short strings from nothing or from a short well-formed one.
      String start = round % 2 == 0 ? TOKEN : round % 4 == 1 ? "AA.AA.AA" : "";
      StringBuilder candidate = new StringBuilder(start);
      int edits = round % 2 == 0 ? random.nextInt(3) : 1 + random.nextInt(12);
      for (int e = 0; e < edits; e++) {
        char c = characters.charAt(random.nextInt(characters.length()));
        int at = random.nextInt(candidate.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> candidate.insert(at, c);
          case 1 -> {
            if (at < candidate.length()) {
              candidate.setCharAt(at, c);
            }
          }
          default -> {
            if (at < candidate.length()) {
              candidate.deleteCharAt(at);
            }
          }
        }
      }
      String spelling = candidate.toString();
      boolean expected = asFirstWritten(spelling);
      valid += expected ? 1 : 0;
      assertThat(VerifiedTokenIdentityProvider.wellFormed(spelling))
          .as(spelling)
          .isEqualTo(expected);
    }
    // Both answers came up often enough for the comparison to mean something.
    assertThat(valid).isBetween(2_000, 18_000);
  }
}
