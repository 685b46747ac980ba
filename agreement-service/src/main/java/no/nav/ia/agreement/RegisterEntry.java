package no.nav.ia.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import no.nav.ia.platform.domain.FreeText;
import no.nav.ia.platform.domain.OrgNumber;

/**
 * One entity of the register's bulk file ("enheter"), as the platform keeps it. {@link #read}
 * refuses an entity the platform cannot keep with a reason that names the field, never its value
 * beyond the org number.
 */
public record RegisterEntry(
    String orgNumber,
    String name,
    String organisationForm,
    String industry,
    Integer employees,
    String municipality,
    LocalDate deletedOn) {

  public static final int MAX_NAME_LENGTH = 500;

  /** An entry, or why it cannot be one. */
  public sealed interface Read {}

  public record Accepted(RegisterEntry entry) implements Read {}

  /**
   * Why an entity cannot be kept, and its org number when that one is valid: the entity is in the
   * file, so the import does not take it for gone.
   */
  public record Rejected(String orgNumber, String reason) implements Read {
    Rejected(String reason) {
      this(null, reason);
    }
  }

  /** Reads one element of the file's array. */
  public static Read read(JsonNode node) {
    if (node == null || !node.isObject()) {
      return new Rejected("not an object");
    }
    String org = text(node.get("organisasjonsnummer"));
    if (org == null || !OrgNumber.isValid(org)) {
      return new Rejected("organisasjonsnummer is not a valid org number");
    }
    String name = text(node.get("navn"));
    if (name == null || name.isBlank()) {
      return new Rejected(org, org + ": navn is missing");
    }
    if (unkeepable(name) != null) {
      return new Rejected(org, org + ": navn contains " + unkeepable(name));
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return new Rejected(org, org + ": navn is longer than " + MAX_NAME_LENGTH + " characters");
    }
    name = oneLine(name);
    if (!no.nav.ia.platform.domain.FreeText.isWritten(name)) {
      return new Rejected(org, org + ": navn is missing");
    }
    // The register leaves antallAnsatte out for an entity without employees.
    Integer employees = 0;
    JsonNode count = node.get("antallAnsatte");
    if (count != null && !count.isNull()) {
      if (!count.canConvertToInt() || !count.isIntegralNumber() || count.intValue() < 0) {
        return new Rejected(org, org + ": antallAnsatte is not a count");
      }
      employees = count.intValue();
    }
    String municipality = text(node.at("/forretningsadresse/kommunenummer"));
    if (municipality == null) {
      municipality = text(node.at("/postadresse/kommunenummer"));
    }
    if (municipality != null && !fourDigits(municipality)) {
      return new Rejected(org, org + ": kommunenummer is not four digits");
    }
    LocalDate deletedOn = null;
    String deleted = text(node.get("slettedato"));
    if (deleted != null) {
      try {
        deletedOn = LocalDate.parse(deleted);
      } catch (DateTimeParseException e) {
        return new Rejected(org, org + ": slettedato is not a date");
      }
    }
    String form = text(node.at("/organisasjonsform/kode"));
    if (unkeepable(form) != null) {
      return new Rejected(org, org + ": organisasjonsform.kode contains " + unkeepable(form));
    }
    String industry = text(node.at("/naeringskode1/kode"));
    if (unkeepable(industry) != null) {
      return new Rejected(org, org + ": naeringskode1.kode contains " + unkeepable(industry));
    }
    return new Accepted(
        new RegisterEntry(
            org, FreeText.strip(name), form, industry, employees, municipality, deletedOn));
  }

  /**
   * What a name may not hold, as the body of a regular expression's character class that Java and a
   * JSON Schema validator (ECMA-262) read alike: control characters (C0, DEL, C1), the line and
   * paragraph separators, and the invisible format characters (soft hyphen, zero-width space and
   * joiners, direction marks, embeddings and isolates, word joiner, byte-order mark). The API
   * refuses them in an agreement's name; the register import makes spaces of them ({@link
   * #oneLine}), so that an agreement following the register keeps a name it can be edited back to.
   */
  public static final String NOT_IN_A_NAME =
      "\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u180E"
          + "\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u206F\\uFEFF\\uFFF9-\\uFFFB";

  /**
   * A register name on one line of what shows: a control character, a line or paragraph separator,
   * a direction embedding or isolate and any space of Unicode (a no-break space) become a space,
   * and a run of spaces holding such one is one space (spaces as the register wrote them stay);
   * other invisible format characters (a zero-width space inside a word, a direction mark) are
   * dropped. A re-check's register names kept them, so "ÅR\u200bDAL" was not found as "årdal". One
   * pass over the characters (a regular expression took seconds on a run of spaces).
   */
  static String oneLine(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean afterSpace = false;
    boolean runHasMade = false;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      boolean made;
      if (cp == ' ') {
        made = false;
      } else if (Character.isISOControl(cp) || Character.isSpaceChar(cp) || FreeText.reorders(cp)) {
        made = true;
      } else if (Character.getType(cp) == Character.FORMAT) {
        continue;
      } else {
        out.appendCodePoint(cp);
        afterSpace = false;
        continue;
      }
      if (afterSpace && (made || runHasMade)) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
          end--;
        }
        out.setLength(end);
        out.append(' ');
        runHasMade = true;
        continue;
      }
      out.append(' ');
      afterSpace = true;
      runHasMade = made;
    }
    return out.toString().strip();
  }

  /** The county of the municipality's code: its first two digits, as valid when published. */
  public String countyCode() {
    return municipality == null ? null : municipality.substring(0, 2);
  }

  public boolean deleted() {
    return deletedOn != null;
  }

  /**
   * A hash of every kept field, written beside them. The import compares the fields themselves (a
   * rename from "AS" to "B4" keeps this hash), so the hash only serves instances of earlier
   * releases, which compared it, during a deploy.
   */
  public long contentHash() {
    long h = 1125899906842597L;
    for (Object field :
        new Object[] {name, organisationForm, industry, employees, municipality, deletedOn}) {
      String s = Objects.toString(field, "\u0000");
      for (int i = 0; i < s.length(); i++) {
        h = 31 * h + s.charAt(i);
      }
      h = 31 * h + 0x1f;
    }
    return h;
  }

  private static boolean fourDigits(String s) {
    return s.length() == 4 && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /**
   * What of a text PostgreSQL cannot keep, or null: U+0000, or half a character (a surrogate
   * without its pair, which the database stored as "?").
   */
  private static String unkeepable(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        return "the NUL character";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "half a character (a lone surrogate)";
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() || !node.isValueNode()
        ? null
        : node.asText();
  }
}
