package no.nav.ia.test;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to the management interface of the service a {@code @QuarkusTest} runs (health and
 * metrics live there, not on the public port; its port is chosen at random in tests).
 */
public final class Management {

  private Management() {}

  /** A request to the management interface, e.g. {@code Management.given().get("/q/metrics")}. */
  public static RequestSpecification given() {
    int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    return io.restassured.RestAssured.given().baseUri("http://127.0.0.1").port(port);
  }
}
