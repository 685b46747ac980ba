package no.nav.ia.e2e;

import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.ia.test.Infra;

/**
 * The whole platform for end-to-end tests: real infrastructure in this JVM, the services as
 * processes.
 */
final class Platform {

  final ServiceProcess agreement;
  final ServiceProcess delivery;
  final ServiceProcess scorecard;
  final ServiceProcess gateway;

  /** Further instances of the three services (with replicas > 1), in that order per replica. */
  final List<ServiceProcess> replicas = new java.util.ArrayList<>();

  /** The folder agreement-service imports register files from (a test puts its fixture there). */
  static final java.nio.file.Path REGISTER_DIR =
      java.nio.file.Path.of("target", "e2e-register").toAbsolutePath();

  private Platform(int instances) {
    String bootstrap = Infra.kafkaBootstrapServers();
    String issuer = Infra.issuerUrl();
    int pgPort = Infra.postgres().getPort();
    agreement = new ServiceProcess("agreement-service", agreementEnv(pgPort, bootstrap, issuer));
    Map<String, String> deliveryEnv = db("delivery", pgPort, bootstrap, issuer);
    deliveryEnv.put("AGREEMENT_SERVICE_URL", agreement.url());
    delivery = new ServiceProcess("delivery-service", deliveryEnv);
    scorecard = new ServiceProcess("scorecard-service", db("scorecard", pgPort, bootstrap, issuer));
    for (int k = 2; k <= instances; k++) {
      replicas.add(
          new ServiceProcess(
              "agreement-service",
              "agreement-service-" + k,
              agreementEnv(pgPort, bootstrap, issuer)));
      replicas.add(new ServiceProcess("delivery-service", "delivery-service-" + k, deliveryEnv));
      replicas.add(
          new ServiceProcess(
              "scorecard-service",
              "scorecard-service-" + k,
              db("scorecard", pgPort, bootstrap, issuer)));
    }
    Map<String, String> gatewayEnv = common(issuer);
    gatewayEnv.put("AGREEMENT_SERVICE_URL", urls(agreement));
    gatewayEnv.put("DELIVERY_SERVICE_URL", urls(delivery));
    gatewayEnv.put("SCORECARD_SERVICE_URL", urls(scorecard));
    gatewayEnv.put("UPSTREAM_TIMEOUT", "5S");
    // The gateway's per-client limit as in production (50/s) unless a run asks for a stricter one,
    // e.g.
    // -De2e.gateway.rate-limit.per-second=20, to show that the tests wait out 429 instead of
    // failing.
    String perSecond = System.getProperty("e2e.gateway.rate-limit.per-second");
    if (perSecond != null) {
      gatewayEnv.put("IA_GATEWAY_RATE_LIMIT_PER_SECOND", perSecond);
    }
    gateway = new ServiceProcess("gateway", gatewayEnv);
  }

  /**
   * Starts the four services on free ports. A port found free can be taken by another process
   * before the service binds it; then the service exits, and the platform starts again on other
   * ports.
   */
  static Platform start() {
    return start(1);
  }

  /**
   * The platform with {@code instances} instances of each of the three services behind one gateway.
   */
  static Platform start(int instances) {
    // A failed expectation in CI's output then shows the request and the answer, not only a status.
    RestAssured.config =
        RestAssured.config()
            .logConfig(
                LogConfig.logConfig()
                    .blacklistHeader("Authorization")
                    .enableLoggingOfRequestAndResponseIfValidationFails());
    IllegalStateException failure = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      Platform p = new Platform(instances);
      try {
        List<ServiceProcess> all = p.all();
        all.forEach(ServiceProcess::start);
        all.forEach(s -> s.awaitReady(Duration.ofSeconds(90)));
        return p;
      } catch (IllegalStateException e) {
        System.err.println("platform start " + attempt + " failed: " + e.getMessage());
        p.stop();
        failure = e;
      }
    }
    throw failure;
  }

  List<ServiceProcess> all() {
    List<ServiceProcess> all = new java.util.ArrayList<>(List.of(agreement, delivery, scorecard));
    all.addAll(replicas);
    all.add(gateway);
    return all;
  }

  /**
   * Every instance's base URL of the first instance's service, separated by commas, as the gateway
   * takes them.
   */
  private String urls(ServiceProcess first) {
    StringBuilder urls = new StringBuilder(first.url());
    replicas.stream()
        .filter(r -> r.name.equals(first.name))
        .forEach(r -> urls.append(',').append(r.url()));
    return urls.toString();
  }

  void stop() {
    all().forEach(ServiceProcess::stop);
  }

  /** A request to the gateway with the token. */
  io.restassured.specification.RequestSpecification as(String token) {
    return RestAssured.given().baseUri(gateway.url()).auth().oauth2(token);
  }

  String gatewayUrl() {
    return gateway.url();
  }

  private static Map<String, String> agreementEnv(int pgPort, String bootstrap, String issuer) {
    Map<String, String> env = db("agreement", pgPort, bootstrap, issuer);
    env.put("IA_REGISTER_IMPORT_DIR", REGISTER_DIR.toString());
    return env;
  }

  private static Map<String, String> db(
      String database, int pgPort, String bootstrap, String issuer) {
    Map<String, String> env = common(issuer);
    Infra.database(database);
    env.put("DB_HOST", "localhost");
    env.put("DB_PORT", String.valueOf(pgPort));
    env.put("DB_DATABASE", database);
    env.put("DB_USERNAME", "postgres");
    env.put("DB_PASSWORD", "postgres");
    env.put("KAFKA_BROKERS", bootstrap);
    return env;
  }

  /**
   * Each service with its own client id and audience (their defaults: ia-platform for the gateway,
   * ia-agreement-service and so on), as on NAIS: the gateway and delivery-service get a token for
   * the service they call from the issuer (HopTokens).
   */
  private static Map<String, String> common(String issuer) {
    Map<String, String> env = new HashMap<>();
    env.put("OIDC_ISSUER_URL", issuer);
    // The reconciliation plays the centres of 2015 (advisers of 01 Østfold, 16 Sør-Trøndelag, 19
    // Troms), whose tokens a platform of today refuses a county (SecurityGroupsConfig).
    env.put("IA_SECURITY_FORMER_COUNTY_TOKENS", "true");
    return env;
  }
}
