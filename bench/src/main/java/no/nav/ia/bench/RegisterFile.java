package no.nav.ia.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a register bulk file in the format of Enhetsregisteret's "enheter" download (a gzip JSON
 * array) with {@code count} entities: distinct valid org numbers, names of two to five Norwegian
 * words (so that name searches match thousands, as real ones do), NACE codes, sizes skewed to the
 * small, municipalities of every county, a few deleted. Deterministic for a seed. Prints {@code
 * register_file=PATH} and {@code register_entities=N}.
 */
final class RegisterFile {

  static final String[] WORDS = {
    "BYGG",
    "TRANSPORT",
    "SJØMAT",
    "ØSTRE",
    "VESTRE",
    "NORDRE",
    "SØNDRE",
    "FJORD",
    "FJELL",
    "DAL",
    "ÅSEN",
    "BRØDRENE",
    "HANSEN",
    "OLSEN",
    "JOHANSEN",
    "LARSEN",
    "ANDERSEN",
    "PEDERSEN",
    "NILSEN",
    "KRISTIANSEN",
    "JENSEN",
    "KARLSEN",
    "HELSE",
    "OMSORG",
    "BARNEHAGE",
    "SKOLE",
    "KAFÉ",
    "BAKERI",
    "REGNSKAP",
    "EIENDOM",
    "INVEST",
    "HOLDING",
    "DATA",
    "ELEKTRO",
    "RØR",
    "MALER",
    "SNEKKER",
    "TAKTEKKING",
    "ANLEGG",
    "MASKIN",
    "FISK",
    "HAVBRUK",
    "LANDBRUK",
    "SKOG",
    "HOTELL",
    "REISE",
    "FRISØR",
    "KLINIKK",
    "TANNLEGE",
    "ADVOKAT",
    "KONSULENT",
    "MEKANISKE",
    "VERKSTED",
    "BIL",
    "SERVICE",
    "RENHOLD",
    "VAKT",
    "SIKKERHET",
    "LOGISTIKK",
    "HANDEL",
    "INTERIØR",
    "BLOMSTER",
    "SPORT",
    "MUSIKK",
    "KULTUR",
    "MEDIA",
    "TRYKKERI",
    "ENERGI",
    "KRAFT",
    "VANN",
    "MILJØ",
    "GJENVINNING",
    "NORD",
    "SØR",
    "ØST",
    "VEST",
    "MIDT",
    "KYST",
    "BYEN",
    "SENTRUM",
    "HAVN",
    "BRYGGE",
    "LIA",
    "BAKKEN",
    "TUNET",
    "GÅRD",
    "ÆRLIG",
    "ÆRE",
    "ØRN",
    "ÅRDAL",
    "ØYGARDEN",
    "BERGEN",
    "TROMSØ",
    "BODØ",
    "ÅLESUND"
  };
  static final String[] FORMS = {"AS", "AS", "AS", "ENK", "ENK", "NUF", "DA", "ANS", "SA", "STI"};
  static final String[] NACE = {
    "41.200", "43.210", "43.220", "43.320", "47.111", "47.190", "49.410", "56.101", "56.301",
    "62.010", "68.209", "69.201", "70.220", "81.210", "86.211", "86.221", "87.301", "88.911",
    "10.200", "03.211", "01.110", "85.201", "96.020", "45.200", "52.100"
  };
  static final String[] MUNICIPALITIES = {
    "0301", "1103", "1106", "1507", "1505", "1804", "1806", "3101", "3103", "3201", "3203", "3301",
    "3303", "3401", "3403", "3901", "3903", "4001", "4003", "4203", "4204", "4601", "4602", "5001",
    "5006", "5501", "5503", "5601", "5603"
  };

  private RegisterFile() {}

  static void write(Path file, int count, long seed) throws Exception {
    Random random = new Random(seed);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out =
            new GZIPOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16);
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartArray();
      long prefix = 80_000_000;
      for (int written = 0; written < count; prefix++) {
        int check = OrgNumbers.checkDigit(String.valueOf(prefix));
        if (check < 0) {
          continue;
        }
        entity(g, prefix + "" + check, random);
        written++;
      }
      g.writeEndArray();
    }
  }

  private static void entity(JsonGenerator g, String org, Random random) throws Exception {
    StringBuilder name = new StringBuilder();
    int words = 2 + random.nextInt(4);
    for (int i = 0; i < words - 1; i++) {
      name.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    String form = FORMS[random.nextInt(FORMS.length)];
    name.append(form);
    String municipality = MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)];
    g.writeStartObject();
    g.writeStringField("organisasjonsnummer", org);
    g.writeStringField("navn", name.toString());
    g.writeObjectFieldStart("organisasjonsform");
    g.writeStringField("kode", form);
    g.writeStringField("beskrivelse", "Organisasjonsform " + form);
    g.writeEndObject();
    g.writeObjectFieldStart("naeringskode1");
    g.writeStringField("kode", NACE[random.nextInt(NACE.length)]);
    g.writeStringField("beskrivelse", "Næring");
    g.writeEndObject();
    // Most entities are small: 0-4 employees for three in four.
    int employees =
        random.nextInt(4) > 0
            ? random.nextInt(5)
            : (int) Math.min(20_000, Math.exp(random.nextDouble() * 9));
    g.writeNumberField("antallAnsatte", employees);
    g.writeStringField("registreringsdatoEnhetsregisteret", "1995-02-20");
    g.writeObjectFieldStart("forretningsadresse");
    g.writeStringField("land", "Norge");
    g.writeStringField("landkode", "NO");
    g.writeStringField("postnummer", "0150");
    g.writeStringField("poststed", "OSLO");
    g.writeArrayFieldStart("adresse");
    g.writeString("Storgata " + (1 + random.nextInt(200)));
    g.writeEndArray();
    g.writeStringField("kommune", "KOMMUNE");
    g.writeStringField("kommunenummer", municipality);
    g.writeEndObject();
    if (random.nextInt(200) == 0) {
      g.writeStringField("slettedato", "2021-06-30");
    }
    g.writeEndObject();
  }

  static void run(Main.Config config) throws Exception {
    Path file = Path.of(config.get("out", "bench/target/enheter.json.gz"));
    int count = Integer.parseInt(config.get("count", "1100000"));
    write(file, count, Long.parseLong(config.get("seed", "1")));
    System.out.println("register_file=" + file.toAbsolutePath());
    System.out.println("register_entities=" + count);
  }
}
