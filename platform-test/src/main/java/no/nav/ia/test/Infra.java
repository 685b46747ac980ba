package no.nav.ia.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The real infrastructure for tests, started once per JVM: PostgreSQL (embedded binaries), a
 * single-node KRaft Kafka broker (Kafka's own test kit) and NAV's mock-oauth2-server.
 */
public final class Infra {

  /** Issuer id of the platform at the mock OIDC provider. */
  public static final String ISSUER = "ia";

  /**
   * The gateway's audience (the platform's public API): what callers' tokens are for. Each service
   * accepts only its own (its name with the prefix {@code ia-}), which the gateway asks the issuer
   * for.
   */
  public static final String AUDIENCE = "ia-platform";

  /**
   * The issuer's answers to the token requests services make for calls to each other (HopTokens),
   * as Entra ID gives them: on behalf of a person (the JWT bearer grant) the person's claims for
   * the audience the scope names; with client credentials the client itself, holding the {@code
   * system} role at the target. deploy/local/oidc.json has the same two mappings.
   */
  private static final String HOP_GRANTS =
      """
      {"interactiveLogin": false, "tokenCallbacks": [{"issuerId": "ia", "tokenExpiry": 3600, "requestMappings": [
        {"requestParam": "grant_type", "match": "urn:ietf:params:oauth:grant-type:jwt-bearer",
         "claims": {"aud": ["${scope}"]}},
        {"requestParam": "grant_type", "match": "client_credentials",
         "claims": {"sub": "${client_id}", "azp": "${client_id}", "aud": ["${scope}"], "roles": ["system"]}}
      ]}]}""";

  public static final List<String> TOPICS =
      List.of("ia.agreement-events-v1", "ia.delivery-events-v1");

  private static EmbeddedPostgres postgres;
  private static KafkaClusterTestKit kafka;
  private static MockOAuth2Server oidc;

  static {
    // A broker that fails while the JVM shuts down must not halt the test JVM (Kafka's own test
    // harness does the same): that would fail a build whose tests all passed.
    org.apache.kafka.common.utils.Exit.setExitProcedure(
        (code, message) -> System.err.println("Kafka asked to exit(" + code + "): " + message));
    org.apache.kafka.common.utils.Exit.setHaltProcedure(
        (code, message) -> System.err.println("Kafka asked to halt(" + code + "): " + message));
    // One hook, in order: the broker first, then the issuer, then the database.
    Runtime.getRuntime().addShutdownHook(new Thread(Infra::shutdown, "infra-shutdown"));
  }

  private Infra() {}

  /** A running PostgreSQL server; the same for the whole JVM. */
  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (Exception e) {
        throw new IllegalStateException("PostgreSQL did not start", e);
      }
    }
    return postgres;
  }

  /** Creates (once) a database of that name and returns its JDBC URL. */
  public static synchronized String database(String name) {
    try (Connection c = postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        if (!rs.next()) {
          s.execute("create database " + name);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return "jdbc:postgresql://localhost:" + postgres().getPort() + "/" + name;
  }

  /**
   * A connection of its own to that database, outside the application's pool and transactions: for
   * a test that plays another process (a lock holder whose session the server ends, say).
   */
  public static Connection connection(String database) throws java.sql.SQLException {
    return postgres().getDatabase("postgres", database).getConnection();
  }

  /**
   * Waits (up to 30 s) until at least {@code count} statements like {@code query} (an ILIKE
   * pattern) wait for a lock in the connection's database: a test that holds a lock knows the other
   * side has reached it.
   */
  public static void awaitLockWaits(Connection c, String query, int count) throws Exception {
    java.time.Instant until = java.time.Instant.now().plusSeconds(30);
    while (true) {
      if (lockWaits(c, query) >= count) {
        return;
      }
      if (java.time.Instant.now().isAfter(until)) {
        throw new AssertionError("fewer than " + count + " statements wait on " + query);
      }
      Thread.sleep(100);
    }
  }

  /**
   * How many statements like {@code query} (an ILIKE pattern; {@code "%"} for any) wait for a lock
   * in the connection's database now.
   */
  public static int lockWaits(Connection c, String query) throws java.sql.SQLException {
    try (var s = c.createStatement()) {
      // The statistics views keep one snapshot per transaction unless told otherwise.
      s.execute("select pg_stat_clear_snapshot()");
    }
    try (var q =
        c.prepareStatement(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and datname = current_database() and query ilike ?")) {
      q.setString(1, query);
      try (var rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** A running single-node KRaft broker with the platform's topics; the same for the whole JVM. */
  public static synchronized String kafkaBootstrapServers() {
    if (kafka == null) {
      try {
        kafka =
            new KafkaClusterTestKit.Builder(
                    new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        createTopics(kafka.bootstrapServers());
      } catch (Exception e) {
        throw new IllegalStateException("Kafka did not start", e);
      }
    }
    return kafka.bootstrapServers();
  }

  private static void createTopics(String bootstrap) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      admin
          .createTopics(TOPICS.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList())
          .all()
          .get();
    }
  }

  /** A running mock-oauth2-server; the same for the whole JVM. */
  public static synchronized MockOAuth2Server oidc() {
    if (oidc == null) {
      oidc = new MockOAuth2Server(OAuth2Config.Companion.fromJson(HOP_GRANTS));
      oidc.start();
    }
    return oidc;
  }

  /** The issuer URL the services validate tokens against. */
  public static String issuerUrl() {
    return oidc().issuerUrl(ISSUER).toString();
  }

  private static synchronized void shutdown() {
    if (kafka != null) {
      quietly(kafka::close);
    }
    if (oidc != null) {
      quietly(oidc::shutdown);
    }
    if (postgres != null) {
      quietly(postgres::close);
    }
  }

  private interface Closer {
    void close() throws Exception;
  }

  private static void quietly(Closer closer) {
    try {
      closer.close();
    } catch (Exception ignored) {
      // shutting down anyway
    }
  }
}
