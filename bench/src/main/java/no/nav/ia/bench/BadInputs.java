package no.nav.ia.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Sends generated malformed or mutated requests to every public endpoint through the gateway:
 * missing fields, wrong types, huge strings, invalid dates, invalid org numbers, identity numbers
 * in text, broken JSON, wrong content types and bad tokens. Every request is invalid by
 * construction, so every answer must be a 4xx; prints {@code bad_inputs}, {@code server_errors} and
 * {@code accepted} (a 2xx to a write) with the answers per status. bench/faults compares the
 * databases before and after for {@code data_changed_by_rejects}.
 */
final class BadInputs {

  /** One generated request: method, path, content type, body, and which token it carries. */
  record Bad(
      String what,
      String method,
      String path,
      String contentType,
      String body,
      String token,
      Map<String, String> headers) {
    boolean write() {
      return !method.equals("GET");
    }
  }

  private final Main.Config config;
  private final Random random;
  private final List<String> advisers = new ArrayList<>();
  private final List<String> coordinators = new ArrayList<>();
  private final List<String> systems = new ArrayList<>();
  private String otherCountyAdviser;
  private final String county;
  private final String org;
  private final String agreementId;
  private final String deliveryId;

  BadInputs(Main.Config config) {
    this.config = config;
    this.random = new Random(Long.parseLong(config.get("seed", "20261123")));
    this.county = config.get("county", "03");
    this.org = config.get("org", "974760673");
    this.agreementId = config.get("agreementId", UUID.randomUUID().toString());
    this.deliveryId = config.get("deliveryId", UUID.randomUUID().toString());
  }

  void run() throws Exception {
    int count = config.integer("count", 10_000);
    int tokens = config.integer("tokens", 100);
    for (int i = 0; i < tokens; i++) {
      advisers.add(Http.token(config.issuer(), "adviser", county, String.format("Z97%04d", i)));
      coordinators.add(
          Http.token(config.issuer(), "coordinator", null, String.format("Z96%04d", i)));
      systems.add(Http.token(config.issuer(), "system", null, "ia-bad-inputs-" + i));
    }
    otherCountyAdviser =
        Http.token(config.issuer(), "adviser", county.equals("03") ? "11" : "03", "Z979999");
    List<Function<Random, Bad>> kinds = kinds();
    List<Bad> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      requests.add(kinds.get(i % kinds.size()).apply(random));
    }
    AtomicLong serverErrors = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    Map<String, String> examples = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(config.integer("clients", 8));
    for (Bad bad : requests) {
      pool.submit(
          () -> {
            int status = send(bad);
            byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (status >= 500) {
              serverErrors.incrementAndGet();
              examples.putIfAbsent(
                  "server_error_" + status, bad.what() + " " + bad.method() + " " + bad.path());
            } else if (status < 300 && bad.write()) {
              accepted.incrementAndGet();
              examples.putIfAbsent("accepted", bad.what() + " " + bad.method() + " " + bad.path());
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.MINUTES);
    System.out.println("bad_inputs=" + count);
    System.out.println("bad_input_kinds=" + kinds.size());
    System.out.println("server_errors=" + serverErrors.get());
    System.out.println("accepted=" + accepted.get());
    System.out.println("rate_limited_waits=" + Http.RATE_LIMITED_WAITS.get());
    new TreeMap<>(byStatus)
        .forEach((status, n) -> System.out.println("status_" + status + "=" + n.get()));
    examples.forEach((k, v) -> System.out.println("# example " + k + ": " + v));
  }

  private int send(Bad bad) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(config.gateway() + bad.path()))
            .timeout(Duration.ofSeconds(60));
    if (bad.token() != null) {
      request.header("Authorization", "Bearer " + bad.token());
    }
    if (bad.contentType() != null) {
      request.header("Content-Type", bad.contentType());
    }
    bad.headers().forEach(request::header);
    HttpRequest.BodyPublisher body =
        bad.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(bad.body());
    request.method(bad.method(), body);
    try {
      // A 429 says nothing about the input: wait it out and send the same request again.
      HttpResponse<String> response = Http.politely(request.build());
      if (response.statusCode() == 200
          && (bad.path().endsWith("/batch") || bad.path().endsWith("/group"))
          && response.body().contains("\"created\":0")) {
        return 422; // a batch answers 200 with a result per item; none created is a reject
      }
      return response.statusCode();
    } catch (java.io.IOException e) {
      return 599; // no answer at all counts as a server error
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 599;
    }
  }

  private String adviser(Random r) {
    return advisers.get(r.nextInt(advisers.size()));
  }

  private String coordinator(Random r) {
    return coordinators.get(r.nextInt(coordinators.size()));
  }

  private String system(Random r) {
    return systems.get(r.nextInt(systems.size()));
  }

  /**
   * A valid-looking national identity number (both control digits right), for text that must refuse
   * it.
   */
  static String identityNumber(Random r) {
    int[] k1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    int[] k2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    while (true) {
      String base =
          String.format(
              "%02d%02d%02d%03d",
              1 + r.nextInt(28), 1 + r.nextInt(12), r.nextInt(100), r.nextInt(1000));
      int c1 = control(base, k1);
      if (c1 == 10) {
        continue;
      }
      int c2 = control(base + c1, k2);
      if (c2 == 10) {
        continue;
      }
      return base + c1 + c2;
    }
  }

  private static int control(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    int check = 11 - sum % 11;
    return check == 11 ? 0 : check;
  }

  private static String huge(Random r) {
    return "x".repeat(List.of(201, 5_000, 1_100_000, 3_000_000).get(r.nextInt(4)));
  }

  /** Longer than a note may be (2,000). */
  /** An agreement's name over its limit (the register's 500 characters) or far over. */
  private static String hugeName(Random r) {
    return "x".repeat(List.of(501, 5_000, 1_100_000, 3_000_000).get(r.nextInt(4)));
  }

  private static String hugeNote(Random r) {
    return "x".repeat(List.of(2_001, 5_000, 1_100_000, 3_000_000).get(r.nextInt(4)));
  }

  private static String badDate(Random r) {
    return List.of(
            "2024-02-30", "2024-13-01", "31.12.2024", "yesterday", "2999-01-01", "", "2024-1-1")
        .get(r.nextInt(7));
  }

  /**
   * A bad date in a body: besides {@link #badDate}, days before the IA work began, a negative year
   * and a date with a time, which a query's filter may take but a body's date may not.
   */
  private static String badBodyDate(Random r) {
    return r.nextInt(2) == 0
        ? badDate(r)
        : List.of("0001-01-01", "-0001-01-01", "2001-10-02", "2020-01-01T23:30:00")
            .get(r.nextInt(4));
  }

  private static String brokenJson(Random r, String valid) {
    return switch (r.nextInt(8)) {
      case 6 -> valid + " garbage";
      case 7 -> valid + " " + valid;
      case 0 -> valid.substring(0, valid.length() / 2);
      case 1 -> valid.replaceFirst("\\{", "{,");
      case 2 -> "";
      case 3 -> "null";
      case 4 -> "[" + valid + "]";
      default -> valid.replace("\"", "'");
    };
  }

  private static String withField(String json, String field, String rawValue) {
    String without = withoutField(json, field);
    return without.substring(0, without.length() - 1)
        + (without.length() > 2 ? "," : "")
        + "\""
        + field
        + "\":"
        + rawValue
        + "}";
  }

  static String withoutField(String json, String field) {
    return json.replaceAll("\"" + field + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|[^,}]*),?", "")
        .replace(",}", "}");
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }

  /** Bad tokens: none, not a JWT, a signature that does not fit, alg none. */
  /**
   * A token that may erase nothing a county's manager or a coordinator may: an adviser's, another
   * county's adviser's, a system's, or a bad one (which may be none at all: null, so no List.of).
   */
  private String notAnEraser(Random r) {
    return java.util.Arrays.asList(
            adviser(r), otherCountyAdviser, system(r), badToken(r, coordinator(r)))
        .get(r.nextInt(4));
  }

  private String badToken(Random r, String good) {
    String[] parts = good.split("\\.");
    return switch (r.nextInt(4)) {
      case 0 -> null;
      case 1 -> "not-a-token";
      case 2 -> parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
      default ->
          Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
              + "."
              + parts[1]
              + ".";
    };
  }

  /**
   * Every token the run would get from the issuer, as the one given (a test makes every kind of
   * request with it).
   */
  void useToken(String token) {
    advisers.add(token);
    coordinators.add(token);
    systems.add(token);
    otherCountyAdviser = token;
  }

  List<Function<Random, Bad>> kinds() {
    String agreement =
        "{\"orgNumber\":\""
            + OrgNumbers.random()
            + "\",\"name\":\"Bad Input AS\",\"countyCode\":\""
            + county
            + "\",\"employees\":10,\"signedOn\":\"2020-06-01\"}";
    // Advisers register agreements in their own county only (API.md version 2).
    String otherCounty = county.equals("11") ? "03" : "11";
    String agreementElsewhere =
        "{\"orgNumber\":\""
            + OrgNumbers.random()
            + "\",\"name\":\"Bad Input AS\",\"countyCode\":\""
            + otherCounty
            + "\",\"employees\":10,\"signedOn\":\"2020-06-01\"}";
    String delivery =
        DeliveryJson.of(org, "SYSTEM", "2024-03-04").replace("}", ",\"note\":\"ok\"}");
    List<Function<Random, Bad>> k = new ArrayList<>();
    String agreements = "/api/v1/agreements";
    String deliveries = "/api/v1/deliveries";
    Map<String, String> none = Map.of();
    // --- POST /agreements (coordinator): every mutation leaves it invalid
    for (String field : List.of("orgNumber", "name", "countyCode", "employees", "signedOn")) {
      k.add(
          r ->
              new Bad(
                  "agreement without " + field,
                  "POST",
                  agreements,
                  "application/json",
                  withoutField(agreement, field),
                  coordinator(r),
                  none));
    }
    k.add(
        r ->
            new Bad(
                "agreement, org number with wrong check digit",
                "POST",
                agreements,
                "application/json",
                withField(
                    agreement,
                    "orgNumber",
                    quoted(OrgNumbers.withWrongCheckDigit(OrgNumbers.random()))),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement, org number not 9 digits",
                "POST",
                agreements,
                "application/json",
                withField(
                    agreement,
                    "orgNumber",
                    List.of("\"12345678\"", "\"9747606731\"", "\"97476067A\"", "\"\"", "[]")
                        .get(r.nextInt(5))),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement, huge name",
                "POST",
                agreements,
                "application/json",
                withField(agreement, "name", quoted(hugeName(r))),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement, name of wrong type",
                "POST",
                agreements,
                "application/json",
                withField(
                    agreement, "name", List.of("[]", "{}", "[\"a\"]", "null").get(r.nextInt(4))),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement, bad county",
                "POST",
                agreements,
                "application/json",
                withField(
                    agreement,
                    "countyCode",
                    List.of(
                            "\"99\"",
                            "\"3\"",
                            "\"0003\"",
                            "3",
                            "\"50\",\"signedOn\":\"2012-01-01\"")
                        .get(r.nextInt(5))),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement, bad employees",
                "POST",
                agreements,
                "application/json",
                withField(
                    agreement,
                    "employees",
                    List.of("-1", "\"many\"", "1e40", "[]", "\"12\"", "10000001")
                        .get(r.nextInt(6))),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement, bad signedOn",
                "POST",
                agreements,
                "application/json",
                withField(agreement, "signedOn", quoted(badBodyDate(r))),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement, bad contact person",
                "POST",
                agreements,
                "application/json",
                withField(
                    agreement,
                    "contactPerson",
                    List.of("\"z12\"", "\"ZZ123456\"", quoted(identityNumber(r)), "42")
                        .get(r.nextInt(4))),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement, broken JSON",
                "POST",
                agreements,
                "application/json",
                brokenJson(r, agreement),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement, wrong content type",
                "POST",
                agreements,
                List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")
                    .get(r.nextInt(3)),
                agreement,
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement, bad token",
                "POST",
                agreements,
                "application/json",
                agreement,
                badToken(r, coordinator(r)),
                none));
    k.add(
        r ->
            new Bad(
                "agreement by an adviser for another county",
                "POST",
                agreements,
                "application/json",
                agreementElsewhere,
                adviser(r),
                none));
    // --- contact person and termination of the fixture agreement: always invalid
    k.add(
        r ->
            new Bad(
                "contact person, bad ident",
                "PUT",
                agreements + "/" + agreementId + "/contact-person",
                "application/json",
                List.of(
                        "{\"navIdent\":\"z1\"}",
                        "{}",
                        "{\"navIdent\":" + identityNumber(r) + "}",
                        "{\"navIdent\":[]}",
                        "{\"navIdent\":\"" + huge(r) + "\"}")
                    .get(r.nextInt(5)),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "termination, bad body",
                "POST",
                agreements + "/" + agreementId + "/termination",
                "application/json",
                List.of(
                        "{\"endedOn\":\"2010-01-01\",\"reason\":\"before signing\"}",
                        "{\"endedOn\":\"2999-01-01\",\"reason\":\"future\"}",
                        "{\"endedOn\":\"" + badBodyDate(r) + "\",\"reason\":\"x\"}",
                        "{\"endedOn\":\"2024-01-01\"}",
                        "{\"reason\":\"no date\"}",
                        brokenJson(r, "{\"endedOn\":\"2024-01-01\",\"reason\":\"x\"}"))
                    .get(r.nextInt(6)),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement path, not an id",
                "GET",
                agreements
                    + "/"
                    + List.of("not-a-uuid", "1", "%00", UUID.randomUUID().toString())
                        .get(r.nextInt(4)),
                null,
                null,
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "agreement listing, bad paging",
                "GET",
                agreements
                    + "?"
                    + List.of(
                            "page=-1",
                            "size=0",
                            "size=100000",
                            "page=abc",
                            "status=FROZEN",
                            "county=99",
                            "page=5000000&size=500")
                        .get(r.nextInt(7)),
                null,
                null,
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "counties, bad date",
                "GET",
                "/api/v1/counties?date=" + Http.enc(badDate(r)),
                null,
                null,
                adviser(r),
                none));
    // --- campaigns: a coordinator with bad bodies, others without the role; unknown campaigns
    k.add(
        r ->
            new Bad(
                "campaign, bad body",
                "POST",
                "/api/v1/resigning-campaigns",
                "application/json",
                List.of(
                        "{\"name\":\"IA 2026\",\"deadline\":\"2000-01-01\"}",
                        "{\"name\":\"\",\"deadline\":\"2099-01-01\"}",
                        "{\"deadline\":\"2099-01-01\"}",
                        "{\"name\":\"" + huge(r) + "\",\"deadline\":\"2099-01-01\"}",
                        "{\"name\":\"x\",\"deadline\":\""
                            + List.of("2024-02-30", "31.12.2099", "", "soon").get(r.nextInt(4))
                            + "\"}",
                        brokenJson(r, "{\"name\":\"x\",\"deadline\":\"2099-01-01\"}"))
                    .get(r.nextInt(6)),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "campaign by an adviser",
                "POST",
                "/api/v1/resigning-campaigns",
                "application/json",
                "{\"name\":\"IA\",\"deadline\":\"2099-01-01\"}",
                adviser(r),
                none));
    k.add(
        r ->
            new Bad(
                "campaign status, unknown campaign or bad status",
                "POST",
                "/api/v1/resigning-campaigns/"
                    + UUID.randomUUID()
                    + "/agreements/"
                    + agreementId
                    + "/status",
                "application/json",
                List.of(
                        "{\"status\":\"RESIGNED\",\"on\":\"2024-01-01\"}",
                        "{\"status\":\"PENDING\",\"on\":\"2024-01-01\"}",
                        "{\"status\":\"MAYBE\",\"on\":\"2024-01-01\"}",
                        "{\"status\":\"CONTACTED\",\"on\":\"2999-01-01\"}",
                        "{\"status\":\"CONTACTED\",\"on\":\"2024-01-01\",\"note\":\"fnr "
                            + identityNumber(r)
                            + "\"}")
                    .get(r.nextInt(5)),
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "campaign progress, unknown or bad id",
                "GET",
                "/api/v1/resigning-campaigns/"
                    + List.of("x", UUID.randomUUID().toString()).get(r.nextInt(2))
                    + "/progress",
                null,
                null,
                coordinator(r),
                none));
    // --- POST /deliveries (adviser of the fixture's county)
    for (String field : List.of("orgNumber", "service", "direction", "subGoals", "deliveredOn")) {
      k.add(
          r ->
              new Bad(
                  "delivery without " + field,
                  "POST",
                  deliveries,
                  "application/json",
                  withoutField(delivery, field),
                  adviser(r),
                  none));
    }
    k.add(
        r ->
            new Bad(
                "delivery, unknown code",
                "POST",
                deliveries,
                "application/json",
                List.of(
                        withField(delivery, "service", "\"NAPPING\""),
                        withField(delivery, "direction", "\"SIDEWAYS\""),
                        withField(delivery, "form", "\"SMOKE_SIGNALS\""),
                        withField(delivery, "service", "99"))
                    .get(r.nextInt(4)),
                adviser(r),
                none));
    k.add(
        r ->
            new Bad(
                "delivery, bad sub-goals",
                "POST",
                deliveries,
                "application/json",
                withField(
                    delivery,
                    "subGoals",
                    List.of("[]", "[4]", "[0]", "[\"a\"]", "[1,-2]", "null", "{}", "[2,2]")
                        .get(r.nextInt(8))),
                adviser(r),
                none));
    k.add(
        r ->
            new Bad(
                "delivery, bad date",
                "POST",
                deliveries,
                "application/json",
                withField(delivery, "deliveredOn", quoted(badBodyDate(r))),
                adviser(r),
                none));
    k.add(
        r ->
            new Bad(
                "delivery, identity number in the note",
                "POST",
                deliveries,
                "application/json",
                withField(
                    delivery,
                    "note",
                    quoted(
                        List.of("", "Møte med ", "fnr: ").get(r.nextInt(3)) + identityNumber(r))),
                adviser(r),
                none));
    // PostgreSQL's text cannot hold U+0000, nor UTF-8 half a character; JSON's escapes (and a
    // URL's %00) can carry them.
    k.add(
        r -> {
          int which = r.nextInt(4);
          return switch (which) {
            case 0 ->
                new Bad(
                    "text with the NUL character or half an emoji: a delivery's note",
                    "POST",
                    deliveries,
                    "application/json",
                    withField(
                        delivery, "note", quoted(r.nextBoolean() ? "Møte\\u0000" : "Møte \\ud83d")),
                    adviser(r),
                    none);
            case 1 ->
                new Bad(
                    "text with the NUL character: an agreement's name",
                    "POST",
                    agreements,
                    "application/json",
                    withField(agreement, "name", quoted("Bad\\u0000 AS")),
                    coordinator(r),
                    none);
            case 2 ->
                new Bad(
                    "text with the NUL character: a search",
                    "GET",
                    "/api/v1/enterprises?q=bad%00input",
                    null,
                    null,
                    adviser(r),
                    none);
            default ->
                new Bad(
                    "text with the NUL character: a listing's filter",
                    "GET",
                    agreements + "?q=%00",
                    null,
                    null,
                    adviser(r),
                    none);
          };
        });
    k.add(
        r ->
            new Bad(
                "delivery, huge note",
                "POST",
                deliveries,
                "application/json",
                withField(delivery, "note", quoted(hugeNote(r))),
                adviser(r),
                none));
    k.add(
        r ->
            new Bad(
                "delivery, org number invalid or without agreement",
                "POST",
                deliveries,
                "application/json",
                withField(
                    delivery,
                    "orgNumber",
                    quoted(
                        r.nextBoolean()
                            ? OrgNumbers.withWrongCheckDigit(org)
                            : OrgNumbers.random())),
                adviser(r),
                none));
    k.add(
        r ->
            new Bad(
                "delivery, broken JSON",
                "POST",
                deliveries,
                "application/json",
                brokenJson(r, delivery),
                adviser(r),
                none));
    k.add(
        r ->
            new Bad(
                "delivery, wrong content type",
                "POST",
                deliveries,
                List.of("text/plain", "application/xml", "text/csv").get(r.nextInt(3)),
                delivery,
                adviser(r),
                none));
    k.add(
        r ->
            new Bad(
                "delivery, bad token",
                "POST",
                deliveries,
                "application/json",
                delivery,
                badToken(r, adviser(r)),
                none));
    k.add(
        r ->
            new Bad(
                "delivery by an adviser of another county",
                "POST",
                deliveries,
                "application/json",
                delivery,
                otherCountyAdviser,
                none));
    k.add(
        r ->
            new Bad(
                "delivery, bad idempotency key",
                "POST",
                deliveries,
                "application/json",
                delivery,
                adviser(r),
                Map.of(
                    "Idempotency-Key",
                    List.of("x".repeat(201), "bad key with spaces", "x".repeat(5000))
                        .get(r.nextInt(3)))));
    k.add(
        r ->
            new Bad(
                "batch of invalid items",
                "POST",
                deliveries + "/batch",
                "application/json",
                List.of(
                        "["
                            + withoutField(delivery, "service")
                            + ","
                            + withField(delivery, "deliveredOn", "\"2999-01-01\"")
                            + "]",
                        "{}",
                        "[]",
                        brokenJson(r, "[" + delivery + "]"),
                        "[" + (delivery + ",").repeat(1001) + delivery + "]")
                    .get(r.nextInt(5)),
                adviser(r),
                none));
    // --- corrections, voids and reads of the fixture delivery: never with a valid version and body
    k.add(
        r ->
            new Bad(
                "correction without If-Match",
                "PUT",
                deliveries + "/" + deliveryId,
                "application/json",
                delivery,
                adviser(r),
                none));
    k.add(
        r ->
            new Bad(
                "correction with a stale If-Match",
                "PUT",
                deliveries + "/" + deliveryId,
                "application/json",
                delivery,
                adviser(r),
                Map.of("If-Match", List.of("\"99\"", "\"0\"", "W/\"x\"", "*x").get(r.nextInt(4)))));
    k.add(
        r ->
            new Bad(
                "correction with a bad body",
                "PUT",
                deliveries + "/" + deliveryId,
                "application/json",
                List.of(
                        withField(delivery, "subGoals", "[9]"),
                        brokenJson(r, delivery),
                        withoutField(delivery, "direction"))
                    .get(r.nextInt(3)),
                adviser(r),
                Map.of("If-Match", "\"1\"")));
    k.add(
        r ->
            new Bad(
                "void by a stranger",
                "DELETE",
                deliveries + "/" + deliveryId,
                null,
                null,
                r.nextBoolean() ? otherCountyAdviser : badToken(r, adviser(r)),
                none));
    k.add(
        r ->
            r.nextBoolean()
                ? new Bad(
                    "note erasure by a stranger",
                    "DELETE",
                    deliveries + "/" + deliveryId + "/note",
                    null,
                    null,
                    r.nextBoolean() ? otherCountyAdviser : badToken(r, adviser(r)),
                    none)
                : new Bad(
                    "end reason erasure without the role",
                    "DELETE",
                    agreements + "/" + agreementId + "/end-reason",
                    null,
                    null,
                    notAnEraser(r),
                    none));
    String report = "/api/v1/reports/counties/" + county + "/2024-H1";
    k.add(
        r ->
            r.nextBoolean()
                ? new Bad(
                    "report text erasure without the role",
                    "DELETE",
                    report + (r.nextBoolean() ? "/sections/industries" : "/reopening-reasons"),
                    null,
                    null,
                    notAnEraser(r),
                    none)
                : new Bad(
                    "report text erasure of no section or half-year",
                    "DELETE",
                    List.of(
                            report + "/sections/Industries",
                            report + "/sections/names",
                            "/api/v1/reports/counties/" + county + "/2024-H3/sections/funds",
                            "/api/v1/reports/counties/" + county + "/1999-H1/reopening-reasons")
                        .get(r.nextInt(4)),
                    null,
                    null,
                    coordinator(r),
                    none));
    k.add(
        r ->
            new Bad(
                "erasure of nothing",
                "DELETE",
                List.of(
                        deliveries + "/not-a-uuid/note",
                        deliveries + "/" + UUID.randomUUID() + "/note",
                        agreements + "/" + UUID.randomUUID() + "/end-reason",
                        "/api/v1/resigning-campaigns/"
                            + UUID.randomUUID()
                            + "/agreements/"
                            + agreementId
                            + "/note",
                        "/api/v1/resigning-campaigns/x/agreements/" + agreementId + "/note")
                    .get(r.nextInt(5)),
                null,
                null,
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "void or read of no delivery",
                List.of("DELETE", "GET", "PUT").get(r.nextInt(3)),
                deliveries
                    + "/"
                    + List.of("not-a-uuid", UUID.randomUUID().toString(), "..%2F..%2Fetc")
                        .get(r.nextInt(3)),
                "application/json",
                delivery,
                adviser(r),
                Map.of("If-Match", "\"1\"")));
    k.add(
        r ->
            new Bad(
                "delivery listing, bad filters",
                "GET",
                deliveries
                    + "?"
                    + List.of(
                            "from=" + Http.enc(badDate(r)),
                            "to=yesterday",
                            "page=-5",
                            "size=1000000",
                            "county=" + (county.equals("03") ? "11" : "03"),
                            "orgNumber=123",
                            "page=4294968&size=500",
                            "county=" + county + "&county=" + county)
                        .get(r.nextInt(8)),
                null,
                null,
                adviser(r),
                none));
    // --- scorecards
    k.add(
        r ->
            new Bad(
                "scorecard, bad period",
                "GET",
                "/api/v1/scorecards?period="
                    + Http.enc(
                        List.of("2024-Q5", "2024-H3", "24", "2024-13", "1999", "", "2024-Q1-01")
                            .get(r.nextInt(7))),
                null,
                null,
                coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "scorecard, unknown county or grouping",
                "GET",
                List.of(
                        "/api/v1/scorecards/counties/99?period=2024",
                        "/api/v1/scorecards/regions/none?period=2024",
                        "/api/v1/scorecards/counties/"
                            + (county.equals("03") ? "11" : "03")
                            + "?period=2024")
                    .get(r.nextInt(3)),
                null,
                null,
                r.nextBoolean() ? coordinator(r) : adviser(r),
                none));
    k.add(
        r ->
            new Bad(
                "scorecard, bad token",
                "GET",
                "/api/v1/scorecards?period=2024",
                null,
                null,
                badToken(r, coordinator(r)),
                none));
    k.add(
        r ->
            new Bad(
                "no such path",
                List.of("GET", "POST", "PATCH").get(r.nextInt(3)),
                "/api/v1/"
                    + List.of("nothing", "deliveries/batch/x", "agreements/x/y/z")
                        .get(r.nextInt(3)),
                "application/json",
                "{}",
                adviser(r),
                none));
    // --- Who delivered (API.md version 2): a system names the adviser, people may not.
    k.add(
        r ->
            new Bad(
                "delivery naming another adviser, by a person",
                "POST",
                deliveries,
                "application/json",
                withField(delivery, "adviser", quoted(String.format("Z95%04d", r.nextInt(10_000)))),
                r.nextBoolean() ? adviser(r) : coordinator(r),
                none));
    k.add(
        r ->
            new Bad(
                "delivery by a system, without or with a bad adviser",
                "POST",
                deliveries,
                "application/json",
                r.nextBoolean()
                    ? delivery
                    : withField(
                        delivery,
                        "adviser",
                        List.of("\"z990001\"", "\"Z99\"", "42", "\"\"", quoted(identityNumber(r)))
                            .get(r.nextInt(5))),
                system(r),
                none));
    // --- POST /deliveries/group: one course for many enterprises, refused whole when bad.
    String groups = "/api/v1/deliveries/group";
    String group =
        "{\"orgNumbers\":[\""
            + org
            + "\"],\"service\":\"SICK_LEAVE\",\"direction\":\"SYSTEM\",\"subGoals\":[1],"
            + "\"deliveredOn\":\"2024-03-04\",\"form\":\"COURSE\"}";
    k.add(
        r ->
            new Bad(
                "group without Idempotency-Key",
                "POST",
                groups,
                "application/json",
                group,
                adviser(r),
                none));
    k.add(
        r -> {
          StringBuilder orgs = new StringBuilder("\"" + org + "\"");
          int extra = List.of(1, 200, 300).get(r.nextInt(3));
          for (int i = 0; i < extra; i++) {
            orgs.append(",\"").append(i == 0 ? org : OrgNumbers.random()).append('"');
          }
          return new Bad(
              "group, an enterprise twice or more than 200",
              "POST",
              groups,
              "application/json",
              withField(group, "orgNumbers", "[" + orgs + "]"),
              adviser(r),
              Map.of("Idempotency-Key", "bad-group-" + r.nextLong()));
        });
    k.add(
        r ->
            new Bad(
                "group, direct, no form or bad fields",
                "POST",
                groups,
                "application/json",
                List.of(
                        withField(group, "form", "\"DIRECT\""),
                        withoutField(group, "form"),
                        withField(group, "orgNumbers", "[]"),
                        withField(group, "orgNumbers", "\"" + org + "\""),
                        withField(group, "orgNumbers", "[\"123456789\"]"),
                        withField(group, "deliveredOn", quoted(badBodyDate(r))),
                        withField(group, "note", quoted(identityNumber(r))),
                        brokenJson(r, group))
                    .get(r.nextInt(8)),
                adviser(r),
                Map.of("Idempotency-Key", "bad-group-" + r.nextLong())));
    k.add(
        r ->
            new Bad(
                "group by a system without an adviser",
                "POST",
                groups,
                "application/json",
                group,
                system(r),
                Map.of("Idempotency-Key", "bad-group-" + r.nextLong())));
    return k;
  }
}
