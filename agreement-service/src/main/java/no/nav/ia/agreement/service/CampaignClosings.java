package no.nav.ia.agreement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.AgreementChange;
import no.nav.ia.agreement.CampaignClosing;
import no.nav.ia.agreement.CampaignStatus;
import no.nav.ia.agreement.ClosingOutcome;
import no.nav.ia.agreement.GroupSignedAnew;
import no.nav.ia.agreement.ResigningCampaign;
import no.nav.ia.agreement.ResigningCase;
import no.nav.ia.agreement.ResigningStatus;
import no.nav.ia.agreement.events.AgreementEvents;
import no.nav.ia.agreement.events.AgreementEvents.AgreementResigned;
import no.nav.ia.agreement.events.AgreementEvents.AgreementTerminated;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.events.Outbox;
import no.nav.ia.platform.problem.Causes;
import no.nav.ia.platform.problem.ProblemMappers;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.platform.time.Timestamps;
import org.jboss.logging.Logger;

/**
 * Closes re-signing campaigns (the re-signing outcome). The request marks the campaign CLOSING in a
 * transaction of its own, so no status change slips in after it, keeps the groups that signed anew
 * in that transaction ({@link GroupSignedAnew}), and answers at once; a worker thread then gives
 * the due agreements their outcome ({@link CampaignClosing}) a few hundred per transaction, each
 * agreement's change with its event, audit row and history row and its case's outcome saying it is
 * done, and at last marks the campaign CLOSED. A closing that was cut off (a restart, a database
 * error) is taken up again at start-up and every minute ({@link #resumeCutOff}), or by asking
 * again: cases with an outcome are passed over. No transaction holds more than {@link
 * #CASES_PER_TRANSACTION} agreements, and no request waits for twenty thousand of them.
 */
@ApplicationScoped
public class CampaignClosings {

  private static final Logger LOG = Logger.getLogger(CampaignClosings.class);

  /** Short transactions (the locks of one batch, well under a second) without a commit per row. */
  static final int CASES_PER_TRANSACTION = 200;

  /** Rounds over the open cases before giving up (another closing of the same campaign, racing). */
  private static final int ROUNDS = 20;

  private static final UUID BEFORE_ALL = new UUID(0, 0);

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject AuditTrail audit;
  @Inject CampaignService campaigns;

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "campaign-closing"));
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();

  void stop(@Observes ShutdownEvent event) {
    worker.shutdownNow();
  }

  /**
   * Where a closing stands: the campaign, how many of its due agreements have each outcome, and how
   * many have none yet.
   */
  public record Closing(
      ResigningCampaign campaign, Map<ClosingOutcome, Long> outcomes, long pending) {
    public long due() {
      return pending + outcomes.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Starts closing the campaign, or takes up a closing that was cut off; returns where it stands as
   * the worker is asked to go on with it. Refused before the deadline and once closed.
   */
  public Closing close(UUID campaignId) {
    AuditTrail.Origin origin = audit.origin();
    Closing accepted = QuarkusTransaction.requiringNew().call(() -> begin(campaignId, origin));
    goOn(campaignId, origin);
    return accepted;
  }

  /**
   * Takes up every closing that is not under way here: at start-up (an interval job's first round
   * comes as the scheduler starts) and then every {@code ia.campaign.closing-resume-every} (a
   * minute). Without it a closing cut off by a restart or a database error stayed CLOSING, and its
   * agreements took no status change, until a coordinator asked again. The closing is audited as
   * asked for by the one who asked for it, in a call of its own. Two replicas may both go on with
   * one closing: a batch locks its cases and agreements in agreement order, and a case that got its
   * outcome meanwhile is no longer among those without one when its lock is granted.
   */
  @Scheduled(
      every = "${ia.campaign.closing-resume-every:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void resumeCutOff() {
    List<ResigningCampaign> cutOff =
        QuarkusTransaction.requiringNew()
            .call(() -> ResigningCampaign.list("status", CampaignStatus.CLOSING));
    try {
      for (ResigningCampaign c : cutOff) {
        goOn(
            c.id,
            new AuditTrail.Origin(
                c.closedBy,
                CallId.generate(),
                "POST",
                "/api/v1/resigning-campaigns/" + c.id + "/closing"));
      }
    } catch (RejectedExecutionException shuttingDown) {
      LOG.debug("closings not taken up: shutting down");
    }
  }

  /** Has the worker go on with the closing, unless it is doing so already. */
  private void goOn(UUID campaignId, AuditTrail.Origin origin) {
    if (running.add(campaignId)) {
      try {
        worker.submit(() -> run(campaignId, origin));
      } catch (RejectedExecutionException e) {
        running.remove(campaignId);
        throw e;
      }
    }
  }

  /** Where the campaign's closing stands (OPEN: not asked for yet). */
  public Closing closing(UUID campaignId) {
    return QuarkusTransaction.requiringNew().call(() -> state(campaigns.campaign(campaignId)));
  }

  /** Gives every due agreement its outcome, then closes the campaign. */
  void run(UUID campaignId, AuditTrail.Origin origin) {
    CallId.set(origin.callId() == null ? CallId.generate() : origin.callId());
    try {
      ResigningCampaign campaign =
          QuarkusTransaction.requiringNew().call(() -> campaigns.campaign(campaignId));
      CampaignClosing closing =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    keptBeforeTheFirstRun(campaignId);
                    return new CampaignClosing(
                        campaign, groups(campaignId), GroupSignedAnew.keptFor(campaignId));
                  });
      for (int round = 0; round < ROUNDS; round++) {
        UUID after = BEFORE_ALL;
        while (after != null) {
          UUID from = after;
          after =
              QuarkusTransaction.requiringNew()
                  .call(() -> nextCases(closing, campaignId, from, origin));
        }
        if (QuarkusTransaction.requiringNew().call(() -> finish(campaignId, origin))) {
          return;
        }
      }
      LOG.errorf(
          "campaign %s still has cases without outcome; the next resume goes on with them",
          campaignId);
    } catch (RuntimeException e) {
      if (ProblemMappers.isDatabaseAway(e)) {
        LOG.warnf(
            "closing campaign %s stopped, the database is away; the next resume (within a minute)"
                + " goes on where it stopped: %s",
            campaignId, Causes.find(e, java.sql.SQLException.class));
        return;
      }
      LOG.errorf(
          e,
          "closing campaign %s stopped; the next resume (within a minute) goes on where it stopped",
          campaignId);
    } finally {
      running.remove(campaignId);
      CallId.clear();
    }
  }

  /**
   * Marks the campaign CLOSING, once, keeping its groups signed anew with it ({@link
   * GroupSignedAnew}); returns where the closing stands. In the caller's transaction.
   */
  Closing begin(UUID campaignId, AuditTrail.Origin origin) {
    ResigningCampaign campaign =
        Optional.ofNullable(
                em.find(ResigningCampaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE))
            .orElseThrow(CampaignService::campaignNotFound);
    if (campaign.close(NorwegianTime.today(), origin.actor())) {
      // Kept with the change to CLOSING: every run of this closing, and every resume after a
      // cut-off, decides by the same groups, whatever is registered or ended meanwhile.
      GroupSignedAnew.keepAsTheClosingBegins(campaign);
      AuditTrail.changed(
          origin,
          "CAMPAIGN_CLOSING",
          "resigning_campaign",
          campaign.id,
          null,
          "deadline=" + campaign.deadline);
    }
    return state(campaign);
  }

  /**
   * A closing begun by a replica of the release before keeps no groups signed anew: this keeps them
   * now, under the campaign's lock, before any unit is decided by this release.
   */
  private void keptBeforeTheFirstRun(UUID campaignId) {
    ResigningCampaign locked =
        em.find(ResigningCampaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
    if (locked.status == CampaignStatus.CLOSING) {
      GroupSignedAnew.keepAsTheClosingBegins(locked);
    }
  }

  /** The campaign's cases of enterprises that are some due unit's group. */
  private List<ResigningCase> groups(UUID campaignId) {
    return ResigningCase.list(
        "campaignId = ?1 and orgNumber in (select u.groupOrgNumber from ResigningCase u"
            + " where u.campaignId = ?1 and u.groupOrgNumber is not null)",
        campaignId);
  }

  /**
   * Gives the next cases without outcome (by agreement id, after {@code after}) their outcome;
   * returns the last one's agreement id, or null when there was none.
   */
  private UUID nextCases(
      CampaignClosing closing, UUID campaignId, UUID after, AuditTrail.Origin origin) {
    List<ResigningCase> cases =
        em.createQuery(
                "from ResigningCase where campaignId = :campaign and outcome is null"
                    + " and agreementId > :after order by agreementId",
                ResigningCase.class)
            .setParameter("campaign", campaignId)
            .setParameter("after", after)
            .setMaxResults(CASES_PER_TRANSACTION)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    if (cases.isEmpty()) {
      return null;
    }
    Map<UUID, Agreement> agreements =
        em.createQuery("from Agreement where id in :ids order by id", Agreement.class)
            .setParameter("ids", cases.stream().map(c -> c.agreementId).toList())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .collect(Collectors.toMap(a -> a.id, Function.identity()));
    Map<Agreement, ClosingOutcome> changed = new LinkedHashMap<>();
    for (ResigningCase c : cases) {
      Agreement a = agreements.get(c.agreementId);
      ClosingOutcome outcome = give(closing.decide(c), a, campaignId, origin);
      if (outcome != ClosingOutcome.UNCHANGED) {
        changed.put(a, outcome);
      }
    }
    // Every change of an agreement is kept as it then stood (its history), with its new version.
    em.flush();
    OffsetDateTime now = Timestamps.now();
    changed.forEach(
        (a, outcome) ->
            AgreementChange.of(
                    a,
                    outcome == ClosingOutcome.ENDED
                        ? AgreementChange.Action.ENDED
                        : AgreementChange.Action.RESIGNED,
                    origin.actor(),
                    now)
                .persist());
    return cases.get(cases.size() - 1).agreementId;
  }

  /** One agreement's outcome, its event and its audit row. */
  private ClosingOutcome give(
      CampaignClosing.Decision decision, Agreement a, UUID campaignId, AuditTrail.Origin origin) {
    ClosingOutcome outcome = decision.applyTo(a);
    switch (outcome) {
      case ENDED -> {
        outbox.publish(
            AgreementEvents.CONTRACT,
            a.orgNumber,
            new AgreementTerminated(
                a.id, a.orgNumber, a.countyCode, a.signedOn, a.endedOn, campaignId));
        AuditTrail.changed(
            origin,
            "ENDED",
            "agreement",
            a.id,
            a.orgNumber,
            a.endReason + " campaign=" + campaignId);
      }
      case RESIGNED -> {
        if (decision.withGroup() != null) {
          campaigns.move(
              origin,
              decision.resigningCase(),
              ResigningStatus.RESIGNED,
              decision.on(),
              "Re-signed with the group agreement of " + decision.withGroup() + " at the closing");
        }
        outbox.publish(
            AgreementEvents.CONTRACT,
            a.orgNumber,
            new AgreementResigned(
                a.id, a.orgNumber, a.countyCode, campaignId, a.signedOn, a.resignedOn));
        AuditTrail.changed(
            origin,
            "RESIGNED",
            "agreement",
            a.id,
            a.orgNumber,
            "resignedOn=" + a.resignedOn + " campaign=" + campaignId);
      }
      case UNCHANGED -> {
        // It had ended already: nothing changes, nothing to tell.
      }
    }
    return outcome;
  }

  /** Closes the campaign once every case has its outcome; false while some have none. */
  private boolean finish(UUID campaignId, AuditTrail.Origin origin) {
    ResigningCampaign campaign =
        em.find(ResigningCampaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
    if (campaign.status != CampaignStatus.CLOSING) {
      return true;
    }
    Closing state = state(campaign);
    if (state.pending() > 0) {
      return false;
    }
    campaign.closed(Timestamps.now());
    AuditTrail.changed(
        origin,
        "CAMPAIGN_CLOSED",
        "resigning_campaign",
        campaign.id,
        null,
        "outcomes=" + state.outcomes());
    return true;
  }

  /** The campaign and how many of its cases have each outcome. */
  private Closing state(ResigningCampaign campaign) {
    Map<ClosingOutcome, Long> counts = new EnumMap<>(ClosingOutcome.class);
    for (ClosingOutcome o : ClosingOutcome.values()) {
      counts.put(o, 0L);
    }
    long pending = 0;
    for (Object[] r :
        em.createQuery(
                "select outcome, count(*) from ResigningCase where campaignId = :c group by outcome",
                Object[].class)
            .setParameter("c", campaign.id)
            .getResultList()) {
      if (r[0] == null) {
        pending = (Long) r[1];
      } else {
        counts.put((ClosingOutcome) r[0], (Long) r[1]);
      }
    }
    return new Closing(campaign, counts, pending);
  }
}
