package no.nav.ia.platform.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import no.nav.ia.platform.problem.ApiException;

/** Parses query parameters into typed values, with a field error instead of a 404 or 500. */
public final class Params {

  public static final int MAX_PAGE_SIZE = 500;

  /**
   * The last page one may ask for: a page's first row ({@code page * size}) is an {@code int} in
   * JPA and must not overflow into a negative offset (a 500 instead of an empty page).
   */
  public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE;

  private Params() {}

  /**
   * A day as {@code YYYY-MM-DD}: a four-digit year, as the message says. ISO's signed and longer
   * years ({@code -999999999-01-01}) are refused here, not by the database (a 500).
   */
  public static LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    if (!isDay(value)) {
      throw ApiException.invalid(name, "must be a date as YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          name,
          writtenAsDay(value)
              ? "is written YYYY-MM-DD, but there is no such day"
              : "must be a date as YYYY-MM-DD");
    }
  }

  /**
   * Whether a text is written as a day, {@code YYYY-MM-DD} in digits, whether or not there is such
   * a day (2026-02-29 is written so): the message for one that is not says which it missed.
   */
  public static boolean writtenAsDay(String value) {
    if (value.length() != 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = value.charAt(i);
      if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a text may be a day as {@code YYYY-MM-DD} (a four-digit year): not one of ISO's signed
   * or longer years, which {@link LocalDate#parse} takes. Whether it is a valid day is the
   * parser's.
   */
  static boolean isDay(String value) {
    return value.length() == 10 && value.charAt(0) >= '0' && value.charAt(0) <= '9';
  }

  /**
   * A true/false query parameter: absent is {@code fallback}; anything but {@code true} or {@code
   * false} is 400 on the field (JAX-RS reads every other word, {@code 1} or {@code yes}, as false).
   */
  public static boolean flag(String name, String value, boolean fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw ApiException.invalid(name, "must be true or false");
  }

  public static int page(String value) {
    return integer("page", value, 0, 0, MAX_PAGE);
  }

  public static int size(String value) {
    return integer("size", value, 50, 1, MAX_PAGE_SIZE);
  }

  public static int integer(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min) {
        // "between 0 and 4294967" read as a riddle to a review: the bound that was crossed.
        throw ApiException.invalid(
            name,
            "must be " + min + " or more" + ("page".equals(name) ? " (pages count from 0)" : ""));
      }
      if (parsed > max) {
        throw ApiException.invalid(name, "must be at most " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, "must be a whole number");
    }
  }

  /**
   * An enum constant by name, or a field error naming the values the parameter takes (nothing of
   * the rejected value).
   */
  public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          name,
          no.nav.ia.platform.problem.ProblemMappers.unknownValue(
              java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(),
              value,
              "is not one of the allowed values: "));
    }
  }
}
