package no.nav.ia.agreement.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import no.nav.ia.agreement.ResigningCampaign;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long closing a large campaign takes: a measurement, not a rule, run on its own since it fills
 * the database ({@code ./mvnw -o test -pl agreement-service -Dtest=ClosingTimingTest
 * -Dclosing.agreements=20000}); the time is in the test's output.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
@EnabledIfSystemProperty(named = "closing.agreements", matches = "\\d+")
class ClosingTimingTest {

  private static final Logger LOG = Logger.getLogger(ClosingTimingTest.class);

  @Inject EntityManager em;

  /** A campaign due yesterday with n agreements: 60 % re-signed, one in ten a unit of a group. */
  String campaignOf(int n) {
    LocalDate today = NorwegianTime.today();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              em.createNativeQuery(
                      "insert into agreement (id, org_number, name, county_code, employees,"
                          + " signed_on, status, created_at, created_by, version, group_org_number,"
                          + " search_words)"
                          + " select gen_random_uuid(), (800000000 + g)::text, 'Timing AS', '03',"
                          + " 10, date '2011-03-01', 'ACTIVE', now(), 'timing', 0,"
                          + " case when g % 10 = 0 then '800000001' end, 'timing as'"
                          + " from generate_series(1, :n) g")
                  .setParameter("n", n)
                  .executeUpdate();
              ResigningCampaign c =
                  ResigningCampaign.start(
                      "Timing", today.minusDays(1), today.minusDays(60), "Z990003");
              c.persistAndFlush();
              em.createNativeQuery(
                      "insert into resigning_case (campaign_id, agreement_id, org_number,"
                          + " county_code, employees, group_org_number, status, status_on, version)"
                          + " select :c, id, org_number, county_code, employees, group_org_number,"
                          + " case when random() < 0.6 then 'RESIGNED' when random() < 0.5"
                          + " then 'AWAITING_GROUP' else 'DECLINED' end, :on, 0"
                          + " from agreement where created_by = 'timing'")
                  .setParameter("c", c.id)
                  .setParameter("on", today.minusDays(30))
                  .executeUpdate();
              return c.id.toString();
            });
  }

  @Test
  void closesALargeCampaign() {
    int n = Integer.getInteger("closing.agreements");
    String campaign = campaignOf(n);
    long start = System.nanoTime();
    given()
        .auth()
        .oauth2(Tokens.coordinator())
        .post("/api/v1/resigning-campaigns/" + campaign + "/closing")
        .then()
        .statusCode(202);
    long accepted = System.nanoTime();
    String closed =
        await()
            .atMost(Duration.ofMinutes(10))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    given()
                        .auth()
                        .oauth2(Tokens.coordinator())
                        .get("/api/v1/resigning-campaigns/" + campaign + "/closing")
                        .asString(),
                body -> body.contains("\"CLOSED\""));
    LOG.infof(
        "closing %d agreements: accepted in %d ms, closed in %d ms: %s",
        n,
        Duration.ofNanos(accepted - start).toMillis(),
        Duration.ofNanos(System.nanoTime() - start).toMillis(),
        closed);
  }
}
