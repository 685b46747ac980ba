package no.nav.ia.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Reading one entity of the register's bulk file, and how its name is searched. */
class RegisterEntryTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode node(String json) throws Exception {
    return JSON.readTree(json);
  }

  static RegisterEntry.Read read(String json) throws Exception {
    return RegisterEntry.read(node(json));
  }

  @Test
  void anEntityOfTheBulkFileKeepsItsFactsAndItsCountyFromTheMunicipality() throws Exception {
    RegisterEntry.Read r =
        read(
            """
            {"organisasjonsnummer": "974760673", "navn": "ÆRLIG BYGG AS ",
             "organisasjonsform": {"kode": "AS", "beskrivelse": "Aksjeselskap"},
             "naeringskode1": {"kode": "41.200", "beskrivelse": "Oppføring av bygninger"},
             "antallAnsatte": 42,
             "forretningsadresse": {"kommunenummer": "0301", "kommune": "OSLO"},
             "postadresse": {"kommunenummer": "4601"}}
            """);
    assertThat(r).isInstanceOf(RegisterEntry.Accepted.class);
    RegisterEntry e = ((RegisterEntry.Accepted) r).entry();
    assertThat(e.name()).isEqualTo("ÆRLIG BYGG AS");
    assertThat(e.organisationForm()).isEqualTo("AS");
    assertThat(e.industry()).isEqualTo("41.200");
    assertThat(e.employees()).isEqualTo(42);
    assertThat(e.municipality()).isEqualTo("0301");
    assertThat(e.countyCode()).isEqualTo("03");
    assertThat(e.deleted()).isFalse();
  }

  @Test
  void withoutABusinessAddressThePostalAddressGivesTheMunicipalityAndSlettedatoMarksItDeleted()
      throws Exception {
    RegisterEntry e =
        ((RegisterEntry.Accepted)
                read(
                    """
                    {"organisasjonsnummer": "974760673", "navn": "Gammel AS",
                     "postadresse": {"kommunenummer": "1103"}, "slettedato": "2020-02-03"}
                    """))
            .entry();
    assertThat(e.countyCode()).isEqualTo("11");
    assertThat(e.deletedOn()).isEqualTo(LocalDate.of(2020, 2, 3));
    // No antallAnsatte: the register's way of saying the entity has no employees.
    assertThat(e.employees()).isZero();
  }

  @Test
  void anEntityThePlatformCannotKeepIsRejectedWithTheFieldNamed() throws Exception {
    assertThat(reason("[1, 2]")).isEqualTo("not an object");
    assertThat(reason("{\"organisasjonsnummer\": \"974760674\", \"navn\": \"X\"}"))
        .isEqualTo("organisasjonsnummer is not a valid org number");
    assertThat(reason("{\"organisasjonsnummer\": \"974760673\"}"))
        .isEqualTo("974760673: navn is missing");
    assertThat(
            reason(
                "{\"organisasjonsnummer\": \"974760673\", \"navn\": \"X\", \"antallAnsatte\": \"mange\"}"))
        .isEqualTo("974760673: antallAnsatte is not a count");
    assertThat(
            reason(
                "{\"organisasjonsnummer\": \"974760673\", \"navn\": \"X\", \"antallAnsatte\": -1}"))
        .isEqualTo("974760673: antallAnsatte is not a count");
    assertThat(
            reason(
                "{\"organisasjonsnummer\": \"974760673\", \"navn\": \"X\","
                    + " \"forretningsadresse\": {\"kommunenummer\": \"301\"}}"))
        .isEqualTo("974760673: kommunenummer is not four digits");
    assertThat(
            reason(
                "{\"organisasjonsnummer\": \"974760673\", \"navn\": \"X\", \"slettedato\": \"i fjor\"}"))
        .isEqualTo("974760673: slettedato is not a date");
    assertThat(reason("{\"organisasjonsnummer\": \"974760673\", \"navn\": \"A\\u0000B\"}"))
        .isEqualTo("974760673: navn contains the NUL character");
    assertThat(
            reason(
                "{\"organisasjonsnummer\": \"974760673\", \"navn\": \"A\","
                    + " \"naeringskode1\": {\"kode\": \"47\\u0000\"}}"))
        .isEqualTo("974760673: naeringskode1.kode contains the NUL character");
    assertThat(reason("{\"organisasjonsnummer\": \"974760673\", \"navn\": \"HALV \\ud83d AS\"}"))
        .isEqualTo("974760673: navn contains half a character (a lone surrogate)");
    // A whole one (an emoji's pair) is kept.
    assertThat(
            read("{\"organisasjonsnummer\": \"974760673\", \"navn\": \"SOL \\ud83c\\udf1e AS\"}"))
        .isInstanceOf(RegisterEntry.Accepted.class);
    // With a valid org number the entity is known to be in the file.
    assertThat(
            ((RegisterEntry.Rejected)
                    read("{\"organisasjonsnummer\": \"974760673\", \"antallAnsatte\": -1}"))
                .orgNumber())
        .isEqualTo("974760673");
    assertThat(((RegisterEntry.Rejected) read("[1]")).orgNumber()).isNull();
  }

  static String reason(String json) throws Exception {
    return ((RegisterEntry.Rejected) read(json)).reason();
  }

  @Test
  void aNameIsKeptOnOneLineWithItsTabsAndLineBreaksMadeSpaces() throws Exception {
    RegisterEntry entry =
        ((RegisterEntry.Accepted)
                read(
                    "{\"organisasjonsnummer\": \"974760673\","
                        + " \"navn\": \"MIDT DATA\\nGJØVIK \\t OG\\u0085TOTEN ANS\\r\\n\"}"))
            .entry();
    assertThat(entry.name()).isEqualTo("MIDT DATA GJØVIK OG TOTEN ANS");
    assertThat(reason("{\"organisasjonsnummer\": \"974760673\", \"navn\": \"\\u0001\"}"))
        .isEqualTo("974760673: navn is missing");
    // A re-check's: invisible characters inside a word are dropped, a no-break space is a space,
    // a direction mark goes; spaces as written stay; a name of nothing visible is missing.
    assertThat(RegisterEntry.oneLine("ÅR\u200bDAL\u00a0\u00a0AS\r\n")).isEqualTo("ÅRDAL AS");
    assertThat(RegisterEntry.oneLine("REISE ADVOKAT\u200e MEDIA ENK"))
        .isEqualTo("REISE ADVOKAT MEDIA ENK");
    assertThat(RegisterEntry.oneLine("A\t \tB")).isEqualTo("A B");
    assertThat(RegisterEntry.oneLine("A  B")).isEqualTo("A  B");
    assertThat(RegisterEntry.oneLine(" ".repeat(400) + "\t")).isEmpty();
    assertThat(reason("{\"organisasjonsnummer\": \"974760673\", \"navn\": \"\\u200b\\u00a0\"}"))
        .isEqualTo("974760673: navn is missing");
  }

  @Test
  void aChangeOfAnyKeptFieldChangesTheHash() throws Exception {
    RegisterEntry a = new RegisterEntry("974760673", "A AS", "AS", "41.200", 4, "0301", null);
    assertThat(a.contentHash())
        .isEqualTo(
            new RegisterEntry("974760673", "A AS", "AS", "41.200", 4, "0301", null).contentHash());
    assertThat(a.contentHash())
        .isNotEqualTo(
            new RegisterEntry("974760673", "A AS", "AS", "41.200", 5, "0301", null).contentHash())
        .isNotEqualTo(
            new RegisterEntry("974760673", "A AS", "AS", "41.200", null, "0301", null)
                .contentHash())
        .isNotEqualTo(
            new RegisterEntry(
                    "974760673", "A AS", "AS", "41.200", 4, "0301", LocalDate.of(2024, 1, 1))
                .contentHash());
  }

  @Test
  void nameWordsAreFoldedSoNorwegianLettersAndAnyCaseFindTheSameName() {
    assertThat(SearchWords.of("ÆRLIG Bygg & Anlegg AS"))
        .containsExactly("aerlig", "bygg", "anlegg", "as");
    assertThat(SearchWords.of("Søndre Åsen Økologiske"))
        .containsExactly("soendre", "aasen", "oekologiske");
    assertThat(SearchWords.of("Café Ünterberg-Müller"))
        .containsExactly("cafe", "unterberg", "muller");
    assertThat(SearchWords.of("ærlig")).isEqualTo(SearchWords.of("ÆRLIG"));
    // The words, then those punctuation split joined (SearchWords.joined).
    assertThat(SearchWords.indexed("  A/S  Nord-Norge ")).isEqualTo("a s nord norge as nordnorge");
    assertThat(SearchWords.of(null)).isEmpty();
  }
}
