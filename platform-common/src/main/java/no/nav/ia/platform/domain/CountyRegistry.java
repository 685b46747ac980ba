package no.nav.ia.platform.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The county codes over time and the region groupings, read from {@code reference/*.csv}: the one
 * source of this reference data for every service.
 */
public final class CountyRegistry {

  /** One county code with its validity (open ends unbounded) and the codes it became. */
  public record County(
      String code, String name, LocalDate validFrom, LocalDate validTo, List<String> successors) {
    public boolean isValidOn(LocalDate date) {
      return (validFrom == null || !date.isBefore(validFrom))
          && (validTo == null || !date.isAfter(validTo));
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
      return (validFrom == null || !to.isBefore(validFrom))
          && (validTo == null || !from.isAfter(validTo));
    }
  }

  /** A region of a grouping and the counties it holds. */
  public record Region(String grouping, String code, String name, List<String> counties) {}

  public static final String DEFAULT_GROUPING = "proposal-2016";

  private static final CountyRegistry INSTANCE = load();

  private final Map<String, County> counties;
  private final Map<String, Map<String, Region>> groupings;

  private CountyRegistry(Map<String, County> counties, Map<String, Map<String, Region>> groupings) {
    this.counties = counties;
    this.groupings = groupings;
  }

  public static CountyRegistry get() {
    return INSTANCE;
  }

  public Optional<County> county(String code) {
    return Optional.ofNullable(counties.get(code));
  }

  public List<County> all() {
    return List.copyOf(counties.values());
  }

  public List<County> validOn(LocalDate date) {
    return counties.values().stream()
        .filter(c -> c.isValidOn(date))
        .sorted((a, b) -> a.code().compareTo(b.code()))
        .toList();
  }

  /**
   * The codes whose data rolls up into this county: itself and, transitively, every code that was
   * merged into it (a code with this one as its only successor). Data of a code that was split
   * cannot be divided and stays with that code.
   */
  public Set<String> withMergedPredecessors(String code) {
    Set<String> result = new LinkedHashSet<>();
    collect(code, result);
    return result;
  }

  private void collect(String code, Set<String> into) {
    if (!into.add(code)) {
      return;
    }
    counties.values().stream()
        .filter(c -> c.successors().size() == 1 && c.successors().get(0).equals(code))
        .forEach(c -> collect(c.code(), into));
  }

  /**
   * The counties valid on the day that a code which was not valid then became or came from: its
   * successors, followed until valid on the day (Troms, 19, is Troms og Finnmark, 54, on a day of
   * 2023), or the counties it was formed from (Troms, 55, was part of 54 then). By code; none for a
   * code valid on the day or unknown.
   */
  public List<County> inItsPlaceOn(String code, LocalDate day) {
    County county = counties.get(code);
    if (county == null || county.isValidOn(day)) {
      return List.of();
    }
    Set<County> found = new java.util.TreeSet<>(java.util.Comparator.comparing(County::code));
    if (county.validTo() != null && day.isAfter(county.validTo())) {
      forward(county, day, found, new LinkedHashSet<>());
    } else {
      backward(code, day, found, new LinkedHashSet<>());
    }
    return List.copyOf(found);
  }

  private void forward(County county, LocalDate day, Set<County> found, Set<String> seen) {
    for (String next : county.successors()) {
      County successor = counties.get(next);
      if (successor == null || !seen.add(next)) {
        continue;
      }
      if (successor.isValidOn(day)) {
        found.add(successor);
      } else {
        forward(successor, day, found, seen);
      }
    }
  }

  private void backward(String code, LocalDate day, Set<County> found, Set<String> seen) {
    for (County earlier : counties.values()) {
      if (earlier.successors().contains(code) && seen.add(earlier.code())) {
        if (earlier.isValidOn(day)) {
          found.add(earlier);
        } else {
          backward(earlier.code(), day, found, seen);
        }
      }
    }
  }

  /**
   * The code a county's data rolls up into today: its successor as long as it was merged into
   * exactly one, so Troms (19) rolls up into Troms og Finnmark (54), and stops there, since 54 was
   * split.
   */
  public String rollsUpInto(String code) {
    String current = code;
    Set<String> seen = new LinkedHashSet<>();
    while (seen.add(current)) {
      County county = counties.get(current);
      if (county == null || county.successors().size() != 1) {
        break;
      }
      current = county.successors().get(0);
    }
    return current;
  }

  /**
   * The county that data recorded under {@code code} on {@code day} belongs to: the code itself
   * unless it had ended by then, else the county it was merged into, followed while it was merged
   * into one (Hordaland, 12, is Vestland's, 46, in 2024; Troms, 19, is Troms og Finnmark's, 54, in
   * 2022). Empty when that county had ended too, split (Viken, 30, and what was merged into it,
   * after 2023): no county of the day holds such data, nor does its half-year report. An unknown
   * code is its own county, and so is a code on a day before it existed (agreement-service
   * registers no agreement so: its county must be valid on the signing day).
   */
  public Optional<String> holderOn(String code, LocalDate day) {
    String current = code;
    Set<String> seen = new LinkedHashSet<>();
    while (seen.add(current)) {
      County county = counties.get(current);
      if (county == null || county.validTo() == null || !day.isAfter(county.validTo())) {
        return Optional.of(current);
      }
      if (county.successors().size() != 1) {
        return Optional.empty();
      }
      current = county.successors().get(0);
    }
    return Optional.empty();
  }

  /**
   * The codes whose data belongs to a region: the region's counties with what was merged into them;
   * a county formed by merging only counties that belong to it (Trøndelag in Nord- og
   * Sør-Trøndelag); and a county formed by splitting one that belongs to it (Troms, 55, from Troms
   * og Finnmark) or re-established under the name of one of its counties (Østfold, 31, split from
   * Viken, is Østfold, 01, again). Viken (30) itself spans two regions of the 2016 proposal, so its
   * data belongs to neither.
   */
  public Set<String> codesOf(Region region) {
    Set<String> codes = new LinkedHashSet<>();
    region.counties().forEach(c -> codes.addAll(withMergedPredecessors(c)));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (County county : counties.values()) {
        if (!codes.contains(county.code()) && belongsWith(county, codes)) {
          codes.add(county.code());
          grew = true;
        }
      }
    }
    return codes;
  }

  private boolean belongsWith(County county, Set<String> codes) {
    Set<String> merged = withMergedPredecessors(county.code());
    merged.remove(county.code());
    if (!merged.isEmpty()) {
      return codes.containsAll(merged);
    }
    return counties.values().stream()
        .filter(parent -> parent.successors().size() > 1)
        .filter(parent -> parent.successors().contains(county.code()))
        .anyMatch(
            parent ->
                codes.contains(parent.code())
                    || withMergedPredecessors(parent.code()).stream()
                        .filter(codes::contains)
                        .map(counties::get)
                        .anyMatch(origin -> origin != null && origin.name().equals(county.name())));
  }

  public Optional<Map<String, Region>> grouping(String grouping) {
    return Optional.ofNullable(groupings.get(grouping));
  }

  public Set<String> groupingNames() {
    return groupings.keySet();
  }

  private static CountyRegistry load() {
    Map<String, County> counties = new LinkedHashMap<>();
    for (String[] row : csv("reference/counties.csv")) {
      counties.put(
          row[0],
          new County(
              row[0],
              row[1],
              date(row[2]),
              date(row[3]),
              row.length > 4 && !row[4].isBlank()
                  ? List.of(row[4].trim().split("\\s+"))
                  : List.of()));
    }
    Map<String, Region> regions = new LinkedHashMap<>();
    for (String[] row : csv("reference/regions-proposal-2016.csv")) {
      String code = slug(row[0]);
      regions.put(
          code, new Region(DEFAULT_GROUPING, code, row[0], List.of(row[1].trim().split("\\s+"))));
    }
    return new CountyRegistry(counties, Map.of(DEFAULT_GROUPING, regions));
  }

  /**
   * The region code: its name in lower case ASCII with dashes (Østfold og Akershus:
   * ostfold-og-akershus).
   */
  public static String slug(String name) {
    String ascii =
        name.toLowerCase(java.util.Locale.ROOT)
            .replace("ø", "o")
            .replace("æ", "ae")
            .replace("å", "a");
    return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  private static LocalDate date(String s) {
    return s == null || s.isBlank() ? null : LocalDate.parse(s);
  }

  private static List<String[]> csv(String resource) {
    InputStream in = CountyRegistry.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the classpath");
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          rows.add(split(line));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** Splits one CSV line; fields may be quoted and hold commas. */
  static String[] split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields.toArray(String[]::new);
  }

  @Override
  public String toString() {
    return "CountyRegistry" + Arrays.toString(counties.keySet().toArray());
  }
}
