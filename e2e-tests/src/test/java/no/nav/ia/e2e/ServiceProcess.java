package no.nav.ia.e2e;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One packaged service started as its own JVM, the way deploy/local/up starts it. */
final class ServiceProcess {

  final String name;
  final int port;
  private final Map<String, String> env;
  private Process process;

  ServiceProcess(String name, Map<String, String> env) {
    this.name = name;
    this.port = freePort();
    this.env = env;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  ServiceProcess start() {
    Path jar = Path.of("..", name, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify builds them)");
    }
    Path logs = Path.of("target", "e2e-logs");
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(logs.toFile(), name + ".log")));
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + name, e);
    }
    return this;
  }

  void awaitReady(Duration timeout) {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see target/e2e-logs/" + name + ".log");
      }
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout);
  }

  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
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
