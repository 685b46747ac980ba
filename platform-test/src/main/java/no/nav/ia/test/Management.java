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

  /**
   * The metrics page, after checking that every metric of ours ({@code ia_}) says what it counts:
   * an on-call engineer reads the HELP line in Grafana's metric browser (an empty one was found on
   * the gateway's upstream failures).
   */
  public static String metrics() {
    String page = given().get("/q/metrics").then().statusCode(200).extract().asString();
    java.util.List<String> undescribed =
        page.lines().filter(line -> line.matches("# HELP ia_\\S+\\s*")).toList();
    if (undescribed.isEmpty()) {
      return page;
    }
    throw new AssertionError("metrics without a description: " + undescribed);
  }
}
