package no.nav.ia.e2e;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** One packaged service started as its own JVM, the way deploy/local/up starts it. */
final class ServiceProcess {

  /**
   * Ports already given to a service of this JVM: the kernel may hand the same free port out twice.
   */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  /** The service (its jar, and the application name its log lines carry). */
  final String name;

  /** This instance: the service's name, or {@code name-k} for a further replica. */
  final String instance;

  final int port;

  /** The management interface's port (health, metrics). */
  final int managementPort;

  private final Map<String, String> env;
  private final Path log;
  private Process process;
  private long logStart;

  ServiceProcess(String name, Map<String, String> env) {
    this(name, name, env);
  }

  ServiceProcess(String name, String instance, Map<String, String> env) {
    this.name = name;
    this.instance = instance;
    this.port = freePort();
    this.managementPort = freePort();
    this.env = env;
    this.log = Path.of("target", "e2e-logs", instance + ".log");
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  ServiceProcess start() {
    Path jar =
        Path.of("..", name, "target", "quarkus-app", "quarkus-run.jar")
            .toAbsolutePath()
            .normalize();
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: package the services first (./mvnw verify builds them)");
    }
    try {
      Files.createDirectories(log.getParent());
      logStart = Files.exists(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + name, e);
    }
    return this;
  }

  /**
   * Waits until this process says it listens on its own port and the port answers ready. A ready
   * answer alone could come from another service that got the same port, so the log must agree.
   */
  void awaitReady(Duration timeout) {
    Instant until = Instant.now().plus(timeout);
    Pattern listening =
        Pattern.compile(Pattern.quote(name) + " .*Listening on: http://[^\\s]+:" + port + "\\b");
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + log);
      }
      if (listening.matcher(logSinceStart()).find() && answersReady()) {
        return;
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  private boolean answersReady() {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready")
                  .toURL()
                  .openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      return c.getResponseCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  private String logSinceStart() {
    try {
      byte[] all = Files.readAllBytes(log);
      int from = (int) Math.min(logStart, all.length);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** A crash: kill -9, no shutdown hooks, in-flight requests cut. */
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        // As long as a graceful shutdown may take (quarkus.shutdown.timeout, 20 s), and a little
        // more.
        if (!process.waitFor(35, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  static int freePort() {
    while (true) {
      try (ServerSocket s = new ServerSocket(0)) {
        if (HANDED_OUT.add(s.getLocalPort())) {
          return s.getLocalPort();
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
