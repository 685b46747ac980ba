package no.nav.ia.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real infrastructure: its own PostgreSQL database (init arg
 * {@code database}), the Kafka broker and the OIDC issuer. Nothing is mocked.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

  private String database;

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.get("database");
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>();
    if (database != null) {
      config.put("quarkus.datasource.jdbc.url", Infra.database(database));
      config.put("quarkus.datasource.username", "postgres");
      config.put("quarkus.datasource.password", "postgres");
    }
    config.put("kafka.bootstrap.servers", Infra.kafkaBootstrapServers());
    config.put("quarkus.oidc.auth-server-url", Infra.issuerUrl());
    config.put("quarkus.oidc.token.audience", Infra.AUDIENCE);
    return config;
  }

  @Override
  public void stop() {
    // The infrastructure lives as long as the JVM: other test classes reuse it.
  }
}
