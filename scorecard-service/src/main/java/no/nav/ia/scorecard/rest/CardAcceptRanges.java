package no.nav.ia.scorecard.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a media range of the card paths ({@code text/*}, {@code application/*}) as the one type of
 * that kind the cards come in ({@code text/csv}, {@code application/json}), keeping its q-value.
 *
 * <p>JAX-RS picks the more specific of a range and a type it produces (text/csv for {@code
 * text/*}); RESTEasy Reactive keeps the range as the answer's type and then answers 406 for a
 * wildcard subtype, when the method has more than one {@code @Produces}, and labels JSON {@code
 * application/octet-stream} for {@code application/*}. The card paths have two, so a client asking
 * for "any text" got nothing although CSV was there. Rewritten before REST reads the header; other
 * paths keep theirs.
 */
@Singleton
public class CardAcceptRanges {

  static final String PATH = "/api/v1/scorecards";

  /** Before the REST layer's route, after the platform's own filters. */
  static final int ORDER = -10;

  /** Each range this rewrites, and the type it stands for on the card paths. */
  private static final Map<String, String> CONCRETE =
      Map.of("text/*", CardsCsv.TEXT_CSV, "application/*", "application/json");

  void install(@Observes Router router) {
    router.route(PATH + "*").order(ORDER).handler(CardAcceptRanges::narrow);
  }

  private static void narrow(RoutingContext ctx) {
    // Every Accept line, as one list: a client may send the header more than once.
    List<String> lines = ctx.request().headers().getAll("Accept");
    if (!lines.isEmpty()) {
      String accept = String.join(", ", lines);
      String narrowed = narrowed(accept);
      if (!narrowed.equals(accept)) {
        ctx.request().headers().set("Accept", narrowed);
      }
    }
    ctx.next();
  }

  /**
   * The header with each {@code text/*} and {@code application/*} range made concrete, and the
   * refusals ({@code q=0}) taken out: RESTEasy Reactive would serve a refused type as the least
   * wanted one. A header of refusals only becomes the first card type it does not refuse. A range
   * whose concrete type the header names itself is left out too: the named type is more specific
   * and says what the client wants of it ({@code text/csv;q=0, text/*} asks for no CSV).
   */
  static String narrowed(String accept) {
    List<String> ranges = ranges(accept);
    List<String> named = ranges.stream().map(CardAcceptRanges::typeOf).toList();
    List<String> out = new ArrayList<>(ranges.size());
    for (String range : ranges) {
      if (refused(range)) {
        continue;
      }
      String concrete = CONCRETE.get(typeOf(range));
      if (concrete == null) {
        out.add(range);
      } else if (!named.contains(concrete)) {
        int semicolon = range.indexOf(';');
        out.add(concrete + (semicolon < 0 ? "" : range.substring(semicolon)));
      }
    }
    if (out.isEmpty()) {
      // Only refusals: the first of the cards' types the client did not refuse, or none (406).
      List<String> refused =
          ranges.stream().map(CardAcceptRanges::typeOf).filter(t -> !t.isEmpty()).toList();
      return TYPES.stream()
          .filter(
              t -> !refused.contains(t) && !refused.contains(kindOf(t)) && !refused.contains("*/*"))
          .findFirst()
          .orElse(NONE);
    }
    return String.join(", ", out);
  }

  /** The types of the cards, the default first. */
  private static final List<String> TYPES = List.of("application/json", CardsCsv.TEXT_CSV);

  /** A type no card path produces: what is left when the client refused every one (406). */
  static final String NONE = "application/x-no-card-type";

  /** The range of a type's kind: text/csv's is text/*. */
  private static String kindOf(String type) {
    return type.substring(0, type.indexOf('/')) + "/*";
  }

  /** Whether the range's q-value is 0: "not this". */
  private static boolean refused(String range) {
    for (String parameter : range.split(";")) {
      String p = parameter.strip().toLowerCase(Locale.ROOT);
      if (p.startsWith("q=")) {
        return p.substring(2).strip().matches("0(\\.0{0,3})?");
      }
    }
    return false;
  }

  /** A range's type and subtype, lower case, without parameters. */
  private static String typeOf(String range) {
    int semicolon = range.indexOf(';');
    return (semicolon < 0 ? range : range.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  /** The header's ranges, split at the commas outside quoted parameter values. */
  private static List<String> ranges(String accept) {
    List<String> ranges = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < accept.length(); i++) {
      char c = accept.charAt(i);
      if (c == '"' && (i == 0 || accept.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        add(ranges, accept.substring(start, i));
        start = i + 1;
      }
    }
    add(ranges, accept.substring(start));
    return ranges;
  }

  private static void add(List<String> ranges, String range) {
    if (!range.isBlank()) {
      ranges.add(range.strip());
    }
  }
}
