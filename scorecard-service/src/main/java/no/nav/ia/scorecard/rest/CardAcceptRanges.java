package no.nav.ia.scorecard.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Locale;

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

  void install(@Observes Router router) {
    router.route(PATH + "*").order(-10).handler(CardAcceptRanges::narrow);
  }

  private static void narrow(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    if (accept != null && accept.indexOf("/*") >= 0) {
      ctx.request().headers().set("Accept", narrowed(accept));
    }
    ctx.next();
  }

  /** The header with each {@code text/*} and {@code application/*} range made concrete. */
  static String narrowed(String accept) {
    StringBuilder out = new StringBuilder(accept.length() + 8);
    for (String range : accept.split(",")) {
      String trimmed = range.strip();
      int semicolon = trimmed.indexOf(';');
      String type = (semicolon < 0 ? trimmed : trimmed.substring(0, semicolon)).strip();
      String parameters = semicolon < 0 ? "" : trimmed.substring(semicolon);
      String concrete =
          switch (type.toLowerCase(Locale.ROOT)) {
            case "text/*" -> CardsCsv.TEXT_CSV;
            case "application/*" -> "application/json";
            default -> null;
          };
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(concrete == null ? trimmed : concrete + parameters);
    }
    return out.toString();
  }
}
