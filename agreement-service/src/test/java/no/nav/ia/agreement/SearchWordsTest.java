package no.nav.ia.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

  @Test
  void anAgreementsListedWordsHoldEachWordFoldedAndCollapsedOnce() {
    // "bjork" and "okonomi" find them in the working lists by a plain prefix match.
    assertThat(SearchWords.listed("Bjørk Økonomi og Regnskap AS"))
        .isEqualTo("bjoerk oekonomi og regnskap as bjork okonomi");
    assertThat(SearchWords.listed("Vik Bygg AS")).isEqualTo(SearchWords.indexed("Vik Bygg AS"));
  }

  @Test
  void wordsSplitByPunctuationWithoutASpaceAreIndexedJoinedToo() {
    assertThat(SearchWords.indexed("Sjø-Mat AS")).isEqualTo("sjoe mat as sjoemat");
    // "A/S" joins into "as", which the name already has: once.
    assertThat(SearchWords.indexed("O'Hara Bygg A/S")).isEqualTo("o hara bygg a s ohara as");
    assertThat(SearchWords.indexed("(Nord-Norsk) Bil-Service"))
        .isEqualTo("nord norsk bil service nordnorsk bilservice");
    assertThat(SearchWords.indexed("O’Brien 3.0 Café-Øst")).endsWith(" obrien 30 cafeoest");
    // Words apart are not joined; the working lists hold the joined word collapsed as well.
    assertThat(SearchWords.indexed("Vik - Bygg AS")).isEqualTo("vik bygg as");
    // A word given twice stays twice, as stored before: an unchanged name is not rewritten.
    assertThat(SearchWords.indexed("Hansen og Hansen AS")).isEqualTo("hansen og hansen as");
    assertThat(SearchWords.indexed("A/S Sjø-Mat Sjø-Mat"))
        .isEqualTo("a s sjoe mat sjoe mat as sjoemat");
    assertThat(SearchWords.listed("Sjø-Mat AS")).isEqualTo("sjoe mat as sjoemat sjo sjomat");
    assertThat(SearchWords.joined(null)).isEmpty();
  }

  @Test
  void shortWordsAreLookedUpAsIndexedPrefixesAndLongerOnesAsPrefixMatches() {
    assertThat(SearchWords.prefixQuery("Ma")).isEqualTo("'ma'");
    assertThat(SearchWords.prefixQuery("regnskap AS")).isEqualTo("'regnskap':* & 'as'");
    assertThat(SearchWords.prefixQuery("bygg byggm")).isEqualTo("'bygg' & 'byggm':*");
    // One letter is not indexed as a prefix of its own; "å" folds to two letters, which are.
    assertThat(SearchWords.prefixQuery("m")).isEqualTo("'m':*");
    assertThat(SearchWords.prefixQuery("Å")).isEqualTo("'aa'");
  }

  @Test
  void punctuationAloneIsNoQueryAndOnlyTheFirstWordsCount() {
    assertThat(SearchWords.prefixQuery(" & - ")).isEmpty();
    assertThat(SearchWords.prefixQuery("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10").split(" & "))
        .hasSize(SearchWords.MAX_QUERY_WORDS)
        .endsWith("'h8'");
  }

  @Test
  void aLetterWrittenAsABaseAndACombiningMarkIsTheSameLetter() {
    // "Bråthen Måløy AS" as macOS and some copy-pastes write it: a, then a combining ring.
    String decomposed = "Bra\u030Athen Ma\u030Aløy AS";
    assertThat(SearchWords.of(decomposed))
        .isEqualTo(SearchWords.of("Bråthen Måløy AS"))
        .containsExactly("braathen", "maaloey", "as");
    assertThat(SearchWords.prefixQuery("A\u030Asga\u030Ard")).isEqualTo("'aasgaard':*");
    // Sami letters with a stroke or a hook fold as accents do (a text review's "porsangu").
    assertThat(SearchWords.of("Porsáŋgu Đavvi Ŧ")).containsExactly("porsangu", "davvi", "t");
    assertThat(SearchWords.of("Ǯoavvi Ʒárŋa ǦÁĐĐI")).containsExactly("zoavvi", "zarna", "gaddi");
    // A mark no letter takes stays inside its word instead of splitting it.
    assertThat(SearchWords.of("q\u0307uiz")).containsExactly("quiz");
  }

  @Test
  void aNameWordCollapsedIsTheWordTypedWithoutTheNorwegianLetters() {
    assertThat(SearchWords.collapsed("bjoerk")).isEqualTo("bjork");
    assertThat(SearchWords.collapsed("aasen")).isEqualTo("asen");
    assertThat(SearchWords.collapsed("laerdal")).isEqualTo("lardal");
    // The order of the collapses is the database's (V23): "aae" is "ae", then "a".
    assertThat(SearchWords.collapsed("raaen")).isEqualTo("ran");
    // The words kept (indexed) stay folded only: the database adds the collapsed forms.
    assertThat(SearchWords.indexed("Bjørk Åsen")).isEqualTo("bjoerk aasen");
    // A query's words are as typed: each form of a name is one of them.
    assertThat(SearchWords.prefixQuery("bjork")).isEqualTo("'bjork':*");
    assertThat(SearchWords.prefixQuery("Bjørk")).isEqualTo("'bjoerk':*");
  }
}
