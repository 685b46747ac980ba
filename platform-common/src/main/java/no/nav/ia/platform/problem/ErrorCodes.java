package no.nav.ia.platform.problem;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.nav.ia.platform.domain.CommonErrors;
import no.nav.ia.platform.domain.ErrorCode;

/**
 * The codes a document publishes, as the OpenAPI documents write them: on the Problem schema's
 * {@code code}, an {@value #EXTENSION} object of code and meaning for programs, and the same list
 * in the description for people. The gateway merges the services' lists with its own.
 */
public final class ErrorCodes {

  /** The extension on {@code Problem.code} that holds the codes and their meanings. */
  public static final String EXTENSION = "x-codes";

  private ErrorCodes() {}

  /** Code and meaning, sorted by code: the common and HTTP codes and the lists given. */
  public static Map<String, String> of(ErrorCode[]... lists) {
    return Stream.concat(
            Stream.of(CommonErrors.values(), HttpErrors.values()).flatMap(Arrays::stream),
            Arrays.stream(lists).flatMap(Arrays::stream))
        .collect(
            Collectors.toMap(ErrorCode::name, ErrorCode::meaning, ErrorCodes::same, TreeMap::new));
  }

  /** The description of {@code code} that lists them. */
  public static String describe(Map<String, String> codes) {
    return "What went wrong, for a program to branch on. One of the codes below; a code added later"
        + " is to be read by the answer's status.\n\n"
        + codes.entrySet().stream()
            .map(e -> "- `" + e.getKey() + "`: " + e.getValue())
            .collect(Collectors.joining("\n"));
  }

  /** Two lists may share a code only with one meaning. */
  private static String same(String one, String other) {
    if (!one.equals(other)) {
      throw new IllegalStateException("One code, two meanings: " + one + " / " + other);
    }
    return one;
  }
}
