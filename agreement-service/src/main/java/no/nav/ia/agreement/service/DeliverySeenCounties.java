package no.nav.ia.agreement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Fills in the county of deliveries seen without one (migration V14): those seen before the county
 * was kept, and those the release before writes while a rolling deploy runs both. A delivery is
 * recorded under the county of the enterprise's agreement active on its day (delivery-service), so
 * it takes that agreement's county, else that of the newest agreement signed on or before its day;
 * one before any agreement of its enterprise stays without (seen by those who see every county
 * only). Runs after start-up and then every {@code ia.delivery-seen.fill-counties-every}, in
 * batches of {@link #BATCH} rows, each in a transaction of its own; replicas running it at once
 * write the same values.
 */
@ApplicationScoped
public class DeliverySeenCounties {

  private static final Logger LOG = Logger.getLogger(DeliverySeenCounties.class);

  static final int BATCH = 1000;

  private static final String NEXT =
      "select delivery_id from delivery_seen where county_code is null and delivery_id > ?1"
          + " order by delivery_id limit "
          + BATCH;

  private static final String FILL =
      """
      update delivery_seen s
         set county_code = (select a.county_code
                              from agreement a
                             where a.org_number = s.org_number and a.signed_on <= s.delivered_on
                             order by (a.ended_on is null or a.ended_on >= s.delivered_on) desc,
                                      a.signed_on desc
                             limit 1)
       where s.delivery_id = any(?1) and s.county_code is null
         and exists (select 1 from agreement a
                      where a.org_number = s.org_number and a.signed_on <= s.delivered_on)
      """;

  private static final UUID BEFORE_ALL = new UUID(0, 0);

  @Inject EntityManager em;

  @Scheduled(
      every = "${ia.delivery-seen.fill-counties-every:5m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void scheduled() {
    fill();
  }

  /** Fills in what it can; returns how many deliveries got their county. */
  public long fill() {
    long filled = 0;
    UUID after = BEFORE_ALL;
    while (true) {
      UUID from = after;
      List<UUID> batch =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      em.createNativeQuery(NEXT, UUID.class).setParameter(1, from).getResultList());
      if (batch.isEmpty()) {
        break;
      }
      UUID[] ids = batch.toArray(UUID[]::new);
      filled +=
          QuarkusTransaction.requiringNew()
              .call(() -> em.createNativeQuery(FILL).setParameter(1, ids).executeUpdate());
      after = batch.get(batch.size() - 1);
    }
    if (filled > 0) {
      LOG.infof("filled in the county of %d deliveries seen without one", filled);
    }
    return filled;
  }
}
