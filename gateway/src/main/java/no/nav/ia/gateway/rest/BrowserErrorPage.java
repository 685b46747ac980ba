package no.nav.ia.gateway.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The page a browser gets instead of a problem+json: the status kept, a short Norwegian title and
 * explanation chosen by the problem's status and code (the services' own details are English and
 * written for API clients, so they are not shown), the code and call id for support, and a link
 * back to the dashboard. Everything taken from a problem is escaped.
 */
public record BrowserErrorPage(int status, String title, String explanation, String reference) {

  /** A refusal's code and its field errors' fields, as read from the problem (any may be null). */
  public record Problem(String code, String callId, List<String> fields) {

    public Problem {
      fields = fields == null ? List.of() : List.copyOf(fields);
    }
  }

  /**
   * Explanations of the codes a dashboard user can meet, where the status alone says too little.
   */
  private static final Map<String, String[]> BY_CODE =
      Map.of(
          "FORBIDDEN_COUNTY",
          new String[] {
            "Ingen tilgang til fylket",
            "Du ser tallene for ditt eget fylke og for landet. Dette er et annet fylke, eller"
                + " innloggingen din er ikke knyttet til et kjent fylke."
          },
          "FORBIDDEN",
          new String[] {
            "Ingen tilgang",
            "Innloggingen din gir ikke tilgang til målekortet: den mangler en rolle i"
                + " IA-plattformen (rådgiver, leder eller koordinator), eller fylket ditt er ukjent."
                + " Be den som gir tilganger i NAV om å rette det."
          },
          "COUNTY_NOT_FOUND",
          new String[] {"Fant ikke fylket", "Det finnes ikke noe fylke med denne koden."},
          "REPORT_NOT_FOUND",
          new String[] {"Fant ikke rapporten", "Det finnes ingen halvårsrapport for dette."});

  /** The page for a problem the gateway or a service answered with. */
  public static BrowserErrorPage of(int status, Problem problem) {
    return of(status, problem, null);
  }

  /** The national compilation's download, which only coordinators may have. */
  static final String NATIONAL_REPORTS = "/dashboard/reports.csv";

  /** The pages of the caller's own county and the nation, which any county's person may open. */
  static final Set<String> OWN_COUNTY = Set.of("/dashboard", "/dashboard/", "/dashboard/cards.csv");

  /**
   * The page for a problem answered for the path (null when not known): a refusal of a page only
   * coordinators may have says so, not that the login lacks a role (a review was sent to ask for
   * access it had).
   */
  public static BrowserErrorPage of(int status, Problem problem, String path) {
    String[] text = problem.code() == null ? null : BY_CODE.get(problem.code());
    if (status == 403 && "FORBIDDEN".equals(problem.code()) && NATIONAL_REPORTS.equals(path)) {
      text =
          new String[] {
            "Bare for koordinatorer",
            "Sammenstillingen av alle fylkenes halvårsrapporter er for koordinatorene. Ditt"
                + " fylkes rapport finner du under «Halvårsrapporter» på målekortet."
          };
    }
    if (status == 403
        && "FORBIDDEN_COUNTY".equals(problem.code())
        && path != null
        && OWN_COUNTY.contains(path)) {
      // These pages show the caller's own county; they refuse only a login bound to none (or to a
      // code that is no county), which "this is another county" would not help.
      text =
          new String[] {
            "Ikke knyttet til et fylke",
            "Målekortet viser tallene for fylket ditt, og innloggingen din er ikke knyttet til et"
                + " fylke IA-plattformen kjenner. Be den som gir tilganger i NAV om å knytte deg"
                + " til fylket (arbeidslivssenteret) du arbeider for."
          };
    }
    if (text == null && status == 400 && problem.fields().contains("period")) {
      text =
          new String[] {
            "Ugyldig periode",
            // The page may be a card's (any period) or a report's (a half-year): both said.
            "Perioden i adressen kan ikke leses. Målekortet har år (2026), halvår (2026-H1),"
                + " kvartal (2026-Q3) og måneder (2026-11) fra 2000 til 2100; en halvårsrapport"
                + " gjelder et halvår, 2026-H1 eller 2026-H2."
          };
    }
    if (text == null) {
      text = byStatus(status);
    }
    return new BrowserErrorPage(status, text[0], text[1], reference(status, problem));
  }

  /** A GET of the logout address, which only the logout button's POST may use. */
  static BrowserErrorPage logoutByGet(String callId) {
    return new BrowserErrorPage(
        405,
        "Logg ut med knappen",
        "Du logger ut med knappen «Logg ut» øverst på målekortet; denne adressen kan ikke åpnes"
            + " direkte.",
        reference(405, new Problem("METHOD_NOT_ALLOWED", callId, List.of())));
  }

  /** {@code Feilkode 403 FORBIDDEN_COUNTY · referanse <call id>}, for support. */
  private static String reference(int status, Problem problem) {
    return "Feilkode "
        + status
        + (problem.code() == null ? "" : " " + problem.code())
        + (problem.callId() == null ? "" : " · referanse " + problem.callId());
  }

  private static String[] byStatus(int status) {
    return switch (status) {
      case 400 -> new String[] {"Ugyldig adresse", "Adressen inneholder noe som ikke kan leses."};
      case 401 ->
          new String[] {
            "Innloggingen mislyktes", "Innloggingen kunne ikke fullføres. Prøv å logge inn på nytt."
          };
      case 403 -> new String[] {"Ingen tilgang", "Du har ikke tilgang til denne siden."};
      case 404 ->
          new String[] {
            "Fant ikke siden", "Det finnes ingen side på denne adressen. Sjekk adressen."
          };
      case 405 ->
          new String[] {"Siden kan ikke brukes slik", "Denne adressen kan ikke brukes slik."};
      case 429 ->
          new String[] {
            "For mange forespørsler",
            "Du har sendt for mange forespørsler. Vent litt og prøv igjen."
          };
      case 502, 503, 504 ->
          new String[] {
            "Målekortet svarer ikke",
            "Tjenesten er ikke tilgjengelig akkurat nå. Prøv igjen om litt."
          };
      default ->
          status >= 500
              ? new String[] {"Noe gikk galt", "Siden kunne ikke vises. Prøv igjen om litt."}
              : new String[] {"Siden kan ikke vises", "Forespørselen kunne ikke behandles."};
    };
  }

  /** The whole page, for a browser without a session. */
  public String html() {
    return html(false);
  }

  /**
   * The whole page. Its only style is inline, which the pages' policy allows. With a session, the
   * dashboard's "Logg ut" button too (a POST form to the gateway, which the policy allows): someone
   * refused after logging in with the wrong account can switch, where the link back to the
   * dashboard may lead to the same refusal.
   */
  public String html(boolean session) {
    String link = status == 401 ? "Logg inn på nytt" : "Til målekortet";
    String logout =
        session
            ? """
              <form class="logout" method="post" action="%s">
                <button id="logout" type="submit">Logg ut</button> for å logge inn som en annen bruker.
              </form>
              """
                .formatted(BrowserHardening.LOGOUT_PATH)
            : "";
    return """
        <!DOCTYPE html>
        <html lang="nb">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>%s – NAV Arbeidslivssenter</title>
          <style>
            body { font-family: "Source Sans Pro", Arial, sans-serif; margin: 0 auto; max-width: 40rem; padding: 1.5rem; color: #262626; }
            h1 { font-size: 1.5rem; }
            .muted { color: #6a6a6a; font-size: .9rem; }
            form.logout button { font-size: 1rem; }
          </style>
        </head>
        <body>
        <main id="error-page" data-status="%d">
          <h1 id="error-title">%s</h1>
          <p id="error-explanation">%s</p>
          <p><a id="back" href="/dashboard">%s</a></p>
        %s  <p class="muted" id="error-reference">%s</p>
        </main>
        </body>
        </html>
        """
        .formatted(
            escape(title),
            status,
            escape(title),
            escape(explanation),
            link,
            logout,
            escape(reference));
  }

  /** HTML-escapes text for an element's content or a quoted attribute. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether an answer to this request should be a page rather than problem+json: never on the API
   * (its clients read problem+json), always on the browser pages, elsewhere when the client asks
   * for HTML.
   */
  public static boolean wanted(String path, String accept) {
    if (path == null || path.equals("/api") || path.startsWith("/api/")) {
      return false;
    }
    return BrowserHardening.isBrowserPage(path)
        || accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
  }
}
