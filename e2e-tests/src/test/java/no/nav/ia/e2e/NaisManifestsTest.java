package no.nav.ia.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production manifests against what the platform needs (read as text: a guard against drift,
 * not a NAIS validator): probes that do not depend on Kafka, a heap that fits the memory limit, and
 * database pools that fit the instance with every replica counted.
 */
class NaisManifestsTest {

  /**
   * Connections one Cloud SQL instance of the manifests' tier takes (its default max_connections).
   */
  static final int DATABASE_CONNECTIONS = 100;

  private static String manifest(String app) throws IOException {
    return Files.readString(Path.of("..", "deploy", "nais", app + ".yaml"));
  }

  private static int number(String yaml, String regex) {
    Matcher m = Pattern.compile(regex).matcher(yaml);
    assertThat(m.find()).as(regex).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"agreement-service", "delivery-service", "scorecard-service", "gateway"})
  void probesHeapAndMemoryFit(String app) throws IOException {
    String yaml = manifest(app);
    assertThat(yaml).contains("path: /q/health/live").contains("path: /q/health/ready");
    // The management interface (quarkus.management.port=9000 in the nais profile).
    assertThat(yaml)
        .containsPattern("path: /q/health/live\\s*\\n\\s*port: 9000")
        .containsPattern("path: /q/health/ready\\s*\\n\\s*port: 9000")
        .containsPattern("path: /q/metrics\\s*\\n\\s*port: \"9000\"");
    // Liveness applies only once started: a start with a long migration is not restarted.
    assertThat(yaml)
        .containsPattern("startup:\\s*\\n\\s*path: /q/health/started\\s*\\n\\s*port: 9000");
    int startupSeconds =
        number(yaml, "startup:[^\\n]*\\n(?:\\s+\\w+: .*\\n)*?\\s+periodSeconds: (\\d+)")
            * number(yaml, "startup:[^\\n]*\\n(?:\\s+\\w+: .*\\n)*?\\s+failureThreshold: (\\d+)");
    assertThat(startupSeconds).as("seconds a start may take").isGreaterThanOrEqualTo(120);
    int limitMi = number(yaml, "limits:\\s*\\n\\s*memory:\\s*(\\d+)Mi");
    int heapPercent = number(yaml, "MaxRAMPercentage=(\\d+)");
    // 160-190 MB besides the heap with C1 only (docs/performance.md), 60-95 MB more with C2, and
    // the OpenTelemetry agent on top.
    assertThat(limitMi * (100 - heapPercent) / 100)
        .as("room besides the heap")
        .isGreaterThanOrEqualTo(400);
    assertThat(yaml).contains("-XX:+ExitOnOutOfMemoryError");
  }

  @ParameterizedTest
  @ValueSource(strings = {"agreement-service", "delivery-service", "scorecard-service"})
  void theDatabasePoolsOfEveryReplicaFitTheInstanceWithRoomToSpare(String app) throws IOException {
    String yaml = manifest(app);
    int maxReplicas = number(yaml, "replicas:\\s*\\n\\s*min:\\s*\\d+\\s*\\n\\s*max:\\s*(\\d+)");
    int pool = number(yaml, "name: DB_POOL_SIZE\\s*\\n\\s*value:\\s*\"(\\d+)\"");
    // A rolling deploy adds a pod while the old ones still hold their pools; half is left for
    // operators.
    assertThat((maxReplicas + 1) * pool).isLessThanOrEqualTo(DATABASE_CONNECTIONS / 2);
  }

  /**
   * What differs per cluster comes from deploy/nais/vars (nais/deploy's VARS): every variable a
   * manifest names is in every cluster's file, so none is rendered empty (an empty cluster would
   * ask for tokens for api://.ia.agreement-service).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "agreement-service",
        "delivery-service",
        "scorecard-service",
        "gateway",
        "topics/agreement-events-v1",
        "topics/delivery-events-v1"
      })
  void everyClusterGivesEveryVariableAManifestNames(String app) throws IOException {
    String yaml = manifest(app);
    Matcher variable = Pattern.compile("\\{\\{\\s*([A-Za-z_][\\w]*)\\s*}}").matcher(yaml);
    java.util.Set<String> named = new java.util.TreeSet<>();
    while (variable.find()) {
      named.add(variable.group(1));
    }
    named.remove("image");
    try (var clusters = Files.list(Path.of("..", "deploy", "nais", "vars"))) {
      java.util.List<Path> files = clusters.toList();
      assertThat(files)
          .extracting(f -> f.getFileName().toString())
          .contains("dev-gcp.yaml", "prod-gcp.yaml");
      for (Path file : files) {
        String vars = Files.readString(file);
        for (String name : named) {
          assertThat(vars)
              .as(file.getFileName() + " gives " + name)
              .containsPattern("(?m)^" + name + ": \\S+");
        }
      }
    }
    assertThat(yaml).doesNotContain("nav-prod", "intern.nav.no");
  }

  @Test
  void theIngressTakesTheBodiesTheGatewayTakes() throws IOException {
    String yaml = manifest("gateway");
    int ingressMb = number(yaml, "nginx.ingress.kubernetes.io/proxy-body-size: \"(\\d+)m\"");
    String properties =
        Files.readString(
            Path.of("..", "gateway", "src", "main", "resources", "application.properties"));
    int gatewayMb = number(properties, "max-body-size=\\$\\{HTTP_MAX_BODY:(\\d+)M}");
    assertThat(ingressMb).isGreaterThanOrEqualTo(gatewayMb);
  }

  @Test
  void theIngressWaitsForAnOperationAsLongAsTheGateway() throws IOException {
    // nginx gave up after its default minute: a rebuild's answer was lost on the way out.
    String yaml = manifest("gateway");
    int readSeconds = number(yaml, "nginx.ingress.kubernetes.io/proxy-read-timeout: \"(\\d+)\"");
    String config =
        Files.readString(
            Path.of(
                "..",
                "gateway",
                "src",
                "main",
                "java",
                "no",
                "nav",
                "ia",
                "gateway",
                "config",
                "GatewayConfig.java"));
    int gatewayMinutes =
        number(config, "@WithDefault\\(\"(\\d+)M\"\\)\\s*Duration operationsTimeout");
    // Longer: at the same moment nginx's HTML 504 would race the gateway's problem.
    assertThat(readSeconds).isGreaterThan(gatewayMinutes * 60);
  }

  @Test
  void navSystemsReachTheGatewayWithTheSystemRoleOnly() throws IOException {
    String yaml = manifest("gateway");
    Matcher roles = Pattern.compile("roles:\\s*\\n((?:\\s*- \\w+\\s*\\n)+)").matcher(yaml);
    assertThat(roles.find()).as("an inbound rule with app roles").isTrue();
    assertThat(roles.group(1).trim().split("\\s*-\\s*")).containsOnly("", "system");
  }

  @ParameterizedTest
  @ValueSource(strings = {"agreement-service", "delivery-service", "scorecard-service"})
  void theGatewayGetsTokensForEachServiceAndTheServiceBelievesOnlyItsCallers(String app)
      throws IOException {
    String gateway = manifest("gateway");
    String scopeVariable = app.substring(0, app.indexOf('-')).toUpperCase() + "_SERVICE_SCOPE";
    assertThat(gateway)
        .as("the gateway asks for tokens for " + app)
        .containsPattern(
            "name: "
                + scopeVariable
                + "\\s*\\n\\s*value: \"api://\\{\\{ cluster }}\\.ia\\."
                + app
                + "/\\.default\"");
    assertThat(gateway).contains("- application: " + app);
    String yaml = manifest(app);
    assertThat(yaml)
        .as("the gateway may call " + app + " as itself with the system role")
        .containsPattern(
            "- application: gateway\\s*\\n\\s*permissions:\\s*\\n\\s*roles:\\s*\\n\\s*- system");
    assertThat(yaml)
        .containsPattern(
            "name: IA_TRUSTED_FORWARDERS\\s*\\n\\s*value: \"\\{\\{ cluster }}:ia:gateway[,\"]");
  }

  @Test
  void theGatewaysRateLimitIsSharedAmongItsMinimumReplicas() throws IOException {
    String yaml = manifest("gateway");
    Matcher min = Pattern.compile("replicas:\\s*\\n\\s*min: (\\d+)").matcher(yaml);
    assertThat(min.find()).isTrue();
    assertThat(yaml)
        .containsPattern(
            "name: IA_GATEWAY_RATE_LIMIT_REPLICAS\\s*\\n\\s*value: \"" + min.group(1) + "\"");
  }

  /**
   * Every app the OpenTelemetry agent instruments has the query parameters that take free text or a
   * person's ident redacted in its spans, the agent's own list kept (the setting replaces it).
   */
  @ParameterizedTest
  @ValueSource(strings = {"agreement-service", "delivery-service", "scorecard-service", "gateway"})
  void tracesCarryNoSearchTextOrIdentOfAPerson(String app) throws IOException {
    String yaml = manifest(app);
    assertThat(yaml).containsPattern("autoInstrumentation:\\s*\\n\\s*enabled: true");
    Matcher m =
        Pattern.compile(
                "name: OTEL_INSTRUMENTATION_SANITIZATION_URL_EXPERIMENTAL_SENSITIVE_QUERY_PARAMETERS"
                    + "\\s*\\n\\s*value: \"([^\"]*)\"")
            .matcher(yaml);
    assertThat(m.find()).isTrue();
    assertThat(m.group(1).split(","))
        .contains("q", "orgNumber", "adviser", "contactPerson")
        .contains("AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature");
    if (app.equals("gateway")) {
      // The login's callback carries the code and state, or the issuer's error text (anyone can
      // write it).
      assertThat(m.group(1).split(",")).contains("code", "state", "error_description");
    }
  }

  /**
   * Every app is watched from the cluster too (kube-state-metrics): a gateway that is down takes
   * its own metrics with it, and one crash-looping answers now and then (an on-call review found
   * neither watched). The apps named are the manifests' own.
   */
  @ParameterizedTest
  @CsvSource({
    "IaAppUnavailable, kube_deployment_status_replicas_available, deployment",
    "IaAppRestarting, kube_pod_container_status_restarts_total, container"
  })
  void everyAppIsWatchedFromTheCluster(String alert, String metric, String label)
      throws IOException {
    Matcher rule =
        Pattern.compile("- alert: " + alert + "\\s*\\n\\s*expr: (.+)").matcher(manifest("alerts"));
    assertThat(rule.find()).as(alert).isTrue();
    for (String app :
        new String[] {"gateway", "agreement-service", "delivery-service", "scorecard-service"}) {
      assertThat(manifest(app)).containsPattern("(?m)^  name: " + app + "$");
    }
    // kube-state-metrics names the app by these labels, not by app (the pods' label).
    Matcher selector =
        Pattern.compile(metric + "\\{namespace=\"ia\", " + label + "=~\"([^\"]+)\"\\}")
            .matcher(rule.group(1));
    assertThat(selector.find()).as(rule.group(1)).isTrue();
    assertThat(selector.group(1).split("\\|"))
        .containsExactlyInAnyOrder(
            "gateway", "agreement-service", "delivery-service", "scorecard-service");
  }

  /**
   * The alerts watch metrics the services register: a renamed meter would leave an alert that never
   * fires.
   */
  @Test
  void alertsWatchMetricsTheServicesRegister() throws IOException {
    String alerts = manifest("alerts");
    assertThat(alerts).contains("kind: PrometheusRule", "ia_outbox_oldest_pending_seconds");
    Matcher metric =
        Pattern.compile("\\b(ia_[a-z_]+?)(_seconds_count|_seconds|_total)?\\{").matcher(alerts);
    StringBuilder sources = new StringBuilder();
    try (var files = Files.walk(Path.of(".."))) {
      for (Path file :
          files
              .filter(
                  f -> f.toString().contains("/src/main/java/") && f.toString().endsWith(".java"))
              .toList()) {
        sources.append(Files.readString(file));
      }
    }
    int watched = 0;
    while (metric.find()) {
      watched++;
      String meter = metric.group(1).replace('_', '.');
      assertThat(sources.toString()).as(metric.group()).contains("\"" + meter + "\"");
    }
    // The outbox and the parked events, the gateway's answers (5xx over all, and their number)
    // and its refused upstreams.
    assertThat(watched).isEqualTo(6);
  }
}
