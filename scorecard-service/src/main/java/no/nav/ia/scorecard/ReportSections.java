package no.nav.ia.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.DomainException.Violation;
import no.nav.ia.platform.domain.FreeText;
import no.nav.ia.platform.domain.NationalIdentityNumbers;

/**
 * The written parts of a half-year report (seeds 001 and 002): activities in the IA councils, the
 * industries targeted, the effects seen, and the use of funds. Free text; a section left out is
 * empty.
 */
public record ReportSections(String iaCouncil, String industries, String effects, String funds) {

  public static final int MAX_LENGTH = 10_000;

  public static final ReportSections EMPTY = new ReportSections(null, null, null, null);

  /** The sections' field names, in the order the report shows them. */
  public static final List<String> FIELDS = List.of("iaCouncil", "industries", "effects", "funds");

  /** These sections with {@code field} (one of {@link #FIELDS}) not written. */
  public ReportSections without(String field) {
    return switch (field) {
      case "iaCouncil" -> new ReportSections(null, industries, effects, funds);
      case "industries" -> new ReportSections(iaCouncil, null, effects, funds);
      case "effects" -> new ReportSections(iaCouncil, industries, null, funds);
      case "funds" -> new ReportSections(iaCouncil, industries, effects, null);
      default -> throw new IllegalArgumentException("no section " + field);
    };
  }

  /** The sections by their field names, in the order the report shows them. */
  public Map<String, String> byField() {
    java.util.LinkedHashMap<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("iaCouncil", iaCouncil);
    fields.put("industries", industries);
    fields.put("effects", effects);
    fields.put("funds", funds);
    return fields;
  }

  /**
   * The sections not yet written (none, or only spaces of any kind: FreeText), named {@code
   * sections.<field>}: a report is submitted with every section written, "Ingen" where there is
   * nothing to say, so that no frozen report says "not written yet".
   */
  public List<Violation> unwritten() {
    List<Violation> unwritten = new ArrayList<>();
    byField()
        .forEach(
            (field, text) -> {
              if (!FreeText.isWritten(text)) {
                unwritten.add(
                    new Violation(
                        "sections." + field, "must be written before the report is submitted"));
              }
            });
    return unwritten;
  }

  /**
   * The sections among {@code names} that are written: a whole replacement leaving them out would
   * erase them.
   */
  public List<Violation> writtenAmong(java.util.Set<String> names) {
    List<Violation> written = new ArrayList<>();
    byField()
        .forEach(
            (field, text) -> {
              if (names.contains(field) && FreeText.isWritten(text)) {
                // Named as the body names it, as the other refusals of the edit do (a review
                // saw "iaCouncil" and "sections.industries" from one endpoint).
                written.add(
                    new Violation(
                        field,
                        "is left out but has text: the edit replaces all four sections, so send it"
                            + " as it is (null erases it on purpose)"));
              }
            });
    return written;
  }

  /**
   * Refuses sections longer than {@link #MAX_LENGTH} characters or holding a national identity
   * number (a report is about enterprises, never about a person).
   */
  public ReportSections validated() {
    return validated(EMPTY);
  }

  /**
   * {@link #validated()} for an edit of the sections {@code before}: a section sent back as it
   * stands is not refused for a control character it was stored with before they were refused (a
   * form sends every section back, and cannot show what it holds).
   */
  public ReportSections validated(ReportSections before) {
    Map<String, String> stored = before.byField();
    List<Violation> violations = new ArrayList<>();
    byField()
        .forEach(
            (field, text) -> {
              if (text == null) {
                return;
              }
              if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
                violations.add(
                    new Violation(field, "must be at most " + MAX_LENGTH + " characters"));
              } else if (NationalIdentityNumbers.containsOne(text)) {
                violations.add(new Violation(field, "must not contain a national identity number"));
              } else if (FreeText.reordersText(text)) {
                violations.add(new Violation(field, FreeText.REORDERS_MESSAGE));
              } else if (FreeText.breaksLines(text) && !text.equals(stored.get(field))) {
                violations.add(new Violation(field, FreeText.LINES_MESSAGE));
              }
            });
    if (!violations.isEmpty()) {
      throw DomainException.invalid(violations);
    }
    return this;
  }
}
