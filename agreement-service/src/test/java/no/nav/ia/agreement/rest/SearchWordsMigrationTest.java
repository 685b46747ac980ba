package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.agreement.SearchWords;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * V27 on names stored by the release before (their words only): the register copy's search words
 * become what {@link SearchWords#indexed} gives now, and an agreement's hold every word {@link
 * SearchWords#listed} gives (the diff review: the migration's SQL fold had no test against Java's).
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class SearchWordsMigrationTest {

  static final List<String> NAMES =
      List.of(
          "SJØ-MAT AS",
          "Ærlig--Bygg A/S",
          "(Nord-Norsk) Bil-Service",
          "4-H Norge",
          "Hansen og Hansen AS",
          "A/S Sjø-Mat Sjø-Mat",
          "O’Brien 3.0",
          "ÅS-BYGG A.S AS",
          "--Mat--",
          "Vik Bygg AS");

  /** Not joined by V27 (a letter outside a-z, æ, ø, å): the register's next import does it. */
  static final String ACCENTED = "Café-Øst AS";

  @Inject DataSource dataSource;

  @Test
  void storedNamesGetTheWordsJavaWouldGiveThem() throws Exception {
    Map<String, String> orgs = new LinkedHashMap<>();
    for (String name : NAMES) {
      orgs.put(Fixtures.orgNumber(), name);
    }
    String accented = Fixtures.orgNumber();
    orgs.put(accented, ACCENTED);
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(true);
      try {
        for (var e : orgs.entrySet()) {
          insertAsBefore(db, e.getKey(), e.getValue());
        }
        try (Statement s = db.createStatement()) {
          s.execute("drop function if exists pg_temp.joined_words(text)");
        }
        migrate(db, "/db/migration/V27__search_joined_words.sql");
        for (var e : orgs.entrySet()) {
          String org = e.getKey();
          String name = e.getValue();
          String enterprise =
              words(db, "select search_words from enterprise where org_number = ?", org);
          String agreement =
              words(db, "select search_words from agreement where org_number = ?", org);
          if (org.equals(accented)) {
            assertThat(enterprise).as(name).isEqualTo(String.join(" ", SearchWords.of(name)));
            continue;
          }
          assertThat(enterprise).as(name).isEqualTo(SearchWords.indexed(name));
          assertThat(Set.copyOf(Arrays.asList(agreement.split(" "))))
              .as(name)
              .isEqualTo(Set.copyOf(Arrays.asList(SearchWords.listed(name).split(" "))));
        }
      } finally {
        try (PreparedStatement clean =
            db.prepareStatement(
                "delete from agreement where org_number = any (?);"
                    + " delete from enterprise where org_number = any (?)")) {
          String[] all = orgs.keySet().toArray(String[]::new);
          clean.setArray(1, db.createArrayOf("varchar", all));
          clean.setArray(2, db.createArrayOf("varchar", all));
          clean.execute();
        }
      }
    }
  }

  @Test
  void namesWithSamiLettersStoredBeforeGainTheWordsTypedWithoutThem() throws Exception {
    String org = Fixtures.orgNumber();
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(true);
      try {
        // As the release before stored "Porsáŋgu Guolli AS": á folded, ŋ kept.
        activeAgreement(db, org, "Porsáŋgu Guolli AS", "porsaŋgu guolli as");
        migrate(db, "/db/migration/V29__search_sami_letters.sql");
        assertThat(words(db, "select search_words from agreement where org_number = ?", org))
            .contains("porsangu");
        // What a query typed without the letter looks for, and with it.
        assertThat(SearchWords.of("porsangu")).isEqualTo(SearchWords.of("Porsáŋgu"));
        given()
            .auth()
            .oauth2(Tokens.adviser("18"))
            .queryParam("q", "porsangu guolli")
            .get("/api/v1/agreements")
            .then()
            .statusCode(200)
            .body("items.orgNumber", hasItem(org));
      } finally {
        try (PreparedStatement clean =
            db.prepareStatement("delete from agreement where org_number = ?")) {
          clean.setString(1, org);
          clean.execute();
        }
      }
    }
  }

  @Test
  void namesStoredWithUnicodeSpacesAroundThemLoseThemAndMoreLettersFold() throws Exception {
    String spaced = Fixtures.orgNumber();
    String polish = Fixtures.orgNumber();
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(true);
      try {
        UUID id =
            activeAgreement(db, spaced, "\u00a0Kantmellomrom\u00a0AS\u202f", "kantmellomrom as");
        try (PreparedStatement v =
            db.prepareStatement(
                "insert into agreement_change (agreement_id, version, action, changed_by,"
                    + " changed_at, name, employees, status) values (?, 0, 'REGISTERED', 'Z990003',"
                    + " now(), '\u00a0Kantmellomrom\u00a0AS\u202f', 5, 'ACTIVE')")) {
          v.setObject(1, id);
          v.executeUpdate();
        }
        activeAgreement(db, polish, "Łukasz Bygg AS", "łukasz bygg as");
        migrate(db, "/db/migration/V30__names_stripped_and_more_letters_folded.sql");
        assertThat(words(db, "select name from agreement where org_number = ?", spaced))
            .isEqualTo("Kantmellomrom\u00a0AS");
        assertThat(
                words(
                    db,
                    "select c.name from agreement_change c join agreement a on a.id ="
                        + " c.agreement_id where a.org_number = ?",
                    spaced))
            .isEqualTo("Kantmellomrom\u00a0AS");
        assertThat(words(db, "select search_words from agreement where org_number = ?", polish))
            .contains("lukasz");
        assertThat(SearchWords.of("Łukasz")).containsExactly("lukasz");
      } finally {
        try (PreparedStatement clean =
            db.prepareStatement(
                "delete from agreement_change where agreement_id in (select id from agreement"
                    + " where org_number = any (?)); delete from agreement where org_number = any"
                    + " (?)")) {
          java.sql.Array both = db.createArrayOf("varchar", new String[] {spaced, polish});
          clean.setArray(1, both);
          clean.setArray(2, both);
          clean.execute();
        }
      }
    }
  }

  /** Runs a migration's statements again, on rows a test stored as the release before did. */
  private void migrate(Connection db, String file) throws Exception {
    try (var in = getClass().getResourceAsStream(file);
        Statement s = db.createStatement()) {
      s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** An active agreement in county 18 with the name and search words given. */
  private static UUID activeAgreement(Connection db, String org, String name, String words)
      throws Exception {
    UUID id = UUID.randomUUID();
    try (PreparedStatement a =
        db.prepareStatement(
            "insert into agreement (id, org_number, name, county_code, employees, signed_on,"
                + " status, created_at, created_by, version, search_words) values (?, ?, ?, '18',"
                + " 5, date '2011-03-01', 'ACTIVE', now(), 'Z990003', 0, ?)")) {
      a.setObject(1, id);
      a.setString(2, org);
      a.setString(3, name);
      a.setString(4, words);
      a.executeUpdate();
    }
    return id;
  }

  /** The enterprise and an ended agreement as the release before stored them. */
  private static void insertAsBefore(Connection db, String org, String name) throws Exception {
    List<String> words = SearchWords.of(name);
    Set<String> listed = new LinkedHashSet<>(words);
    words.forEach(w -> listed.add(SearchWords.collapsed(w)));
    try (PreparedStatement e =
            db.prepareStatement(
                "insert into enterprise (org_number, name, county_code, search_words, content_hash,"
                    + " updated_at) values (?, ?, '03', ?, 0, now())");
        PreparedStatement a =
            db.prepareStatement(
                "insert into agreement (id, org_number, name, county_code, employees, signed_on,"
                    + " status, ended_on, created_at, created_by, version, search_words)"
                    + " values (?, ?, ?, '03', 5, date '2011-03-01', 'ENDED',"
                    + " date '2011-12-31', now(), 'Z990003', 0, ?)")) {
      e.setString(1, org);
      e.setString(2, name);
      e.setString(3, String.join(" ", words));
      e.executeUpdate();
      a.setObject(1, UUID.randomUUID());
      a.setString(2, org);
      a.setString(3, name);
      a.setString(4, String.join(" ", listed));
      a.executeUpdate();
    }
  }

  private static String words(Connection db, String sql, String org) throws Exception {
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setString(1, org);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }
}
