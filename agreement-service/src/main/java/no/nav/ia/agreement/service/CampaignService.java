package no.nav.ia.agreement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.AgreementErrors;
import no.nav.ia.agreement.CampaignStatus;
import no.nav.ia.agreement.ResigningCampaign;
import no.nav.ia.agreement.ResigningCase;
import no.nav.ia.agreement.ResigningStatus;
import no.nav.ia.agreement.ResigningStatusChange;
import no.nav.ia.agreement.events.AgreementEvents;
import no.nav.ia.agreement.events.AgreementEvents.CampaignStarted;
import no.nav.ia.agreement.events.AgreementEvents.ResigningCaseAdded;
import no.nav.ia.agreement.events.AgreementEvents.ResigningCaseRemoved;
import no.nav.ia.agreement.events.AgreementEvents.ResigningStatusChanged;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.CountyVisibility;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.events.Outbox;
import no.nav.ia.platform.persistence.Constraints;
import no.nav.ia.platform.problem.ApiException;
import no.nav.ia.platform.problem.Causes;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.time.NorwegianTime;
import no.nav.ia.platform.time.Timestamps;

/** Re-signing campaigns: start one, move agreements through it, with history, events and audit. */
@ApplicationScoped
public class CampaignService {

  /** How long a start waits for the agreements' writes under way before it gives up (503). */
  static final String START_LOCK_WAIT = "10s";

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Caller caller;
  @Inject AuditTrail audit;

  /** The refusal of a start while {@code open} is not closed, with the path to read it at. */
  private static DomainException refused(ResigningCampaign open) {
    return open.refusesAnother("/api/v1/resigning-campaigns/" + open.id);
  }

  /**
   * Starts a campaign: every agreement active now and signed before today becomes due, PENDING (one
   * signed today belongs to the new period, as one registered later signed today does, and so does
   * one re-signed today by a campaign closed today). Refused (409 CAMPAIGN_ALREADY_OPEN, naming it)
   * while another campaign is open or closing, also when two starts meet.
   */
  @Transactional
  public ResigningCampaign start(String name, LocalDate deadline) {
    LocalDate today = NorwegianTime.today();
    ResigningCampaign campaign = ResigningCampaign.start(name, deadline, today, caller.actor());
    ResigningCampaign.notClosed()
        .ifPresent(
            open -> {
              throw refused(open);
            });
    try {
      campaign.persistAndFlush();
    } catch (PersistenceException e) {
      if (Constraints.violated(e, "resigning_campaign_one_not_closed")) {
        // Another start (another replica) committed its campaign while this one waited on the
        // index: that campaign is refused here as if it had been there first.
        throw QuarkusTransaction.requiringNew()
            .call(() -> ResigningCampaign.notClosed().map(CampaignService::refused))
            .orElseThrow(() -> e);
      }
      throw e;
    }
    // Registrations under way finish first and are among the active agreements taken here; those
    // that come later wait for this start and then find the campaign (dueOnRegistration).
    em.createNativeQuery("select set_config('lock_timeout', '" + START_LOCK_WAIT + "', true)")
        .getSingleResult();
    try {
      em.createNativeQuery("lock table agreement in share mode").executeUpdate();
    } catch (PersistenceException e) {
      if (Causes.any(
          e, t -> t instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState()))) {
        throw new ApiException(
            503,
            AgreementErrors.AGREEMENTS_BUSY,
            "Service unavailable",
            "Agreements were being written for longer than a start waits; the campaign was not"
                + " started, try again in a minute",
            null);
      }
      throw e;
    }
    em.createNativeQuery(
            "insert into resigning_case (campaign_id, agreement_id, org_number, county_code, employees,"
                + " group_org_number, status, status_on, version)"
                + " select :campaign, id, org_number, county_code, employees, group_org_number, 'PENDING', :today, 0"
                + " from agreement where status = 'ACTIVE'"
                + " and greatest(signed_on, resigned_on) < :today")
        .setParameter("campaign", campaign.id)
        .setParameter("today", today)
        .executeUpdate();
    Map<String, Integer> dueByCounty = new LinkedHashMap<>();
    rows(
            "select county_code, count(*) from resigning_case where campaign_id = ?1 group by 1 order by 1",
            campaign.id)
        .forEach(r -> dueByCounty.put((String) r[0], ((Number) r[1]).intValue()));
    int due = dueByCounty.values().stream().mapToInt(Integer::intValue).sum();
    outbox.publish(
        AgreementEvents.CONTRACT,
        campaign.id.toString(),
        new CampaignStarted(campaign.id, deadline, today, due, dueByCounty));
    audit.changed("CAMPAIGN_STARTED", "resigning_campaign", campaign.id, null, "due=" + due);
    return campaign;
  }

  /**
   * An agreement registered while a campaign is open, signed before the campaign started, was
   * active when it started: it becomes due like those the start found (PENDING, with its event), so
   * the progress, the closing and the cards count it; a unit whose group has re-signed in the
   * campaign follows it at once, as a unit moved on does. An enterprise already due in the campaign
   * is not due twice. Called in the registration's transaction after the agreement's insert: a
   * start takes the agreement table in share mode while it finds the active agreements, so a
   * registration is either among them or finds the campaign here. The campaign is read with a
   * shared lock, as a status change reads it: a closing that begins waits for the registration, and
   * one that has begun takes no more cases.
   */
  public void dueOnRegistration(Agreement agreement) {
    Optional<ResigningCampaign> open =
        notClosedHeld()
            .filter(campaign -> campaign.makesDueOnRegistration(agreement))
            .filter(
                campaign ->
                    ResigningCase.count(
                            "campaignId = ?1 and orgNumber = ?2", campaign.id, agreement.orgNumber)
                        == 0);
    if (open.isEmpty()) {
      return;
    }
    UUID campaignId = open.get().id;
    ResigningCase due = ResigningCase.pending(campaignId, agreement, NorwegianTime.today());
    due.persist();
    outbox.publish(
        AgreementEvents.CONTRACT,
        agreement.orgNumber,
        new ResigningCaseAdded(
            campaignId,
            agreement.id,
            agreement.orgNumber,
            agreement.countyCode,
            agreement.employees,
            agreement.signedOn));
    AuditTrail.Origin origin = audit.origin();
    AuditTrail.changed(
        origin,
        "RESIGNING_DUE",
        "resigning_case",
        agreement.id,
        agreement.orgNumber,
        "campaign=" + campaignId);
    if (due.followsItsGroup()) {
      groupResigned(campaignId, due.groupOrgNumber)
          .ifPresent(
              group -> {
                followGroup(origin, due, group);
                unitsFollow(origin, due, new HashSet<>());
              });
    }
  }

  /**
   * An agreement due in the open campaign, ended with a day before the campaign started (a
   * termination dated back: registered in error, or its end recorded late), was not active when the
   * campaign started: it is not due after all. Its case goes, with its status changes (the audit
   * trail keeps who made them), and its event tells the scorecard one less is due (one less
   * re-signed too, had it re-signed). A unit that followed it as its group keeps its own status.
   * Called in the termination's transaction; the campaign is read with a shared lock as {@link
   * #dueOnRegistration} reads it: a closing that has begun takes no change.
   */
  public void notDueOnTermination(Agreement agreement) {
    Optional<ResigningCampaign> campaign =
        notClosedHeld().filter(c -> c.makesNotDueOnTermination(agreement));
    if (campaign.isEmpty()) {
      return;
    }
    UUID campaignId = campaign.get().id;
    // FOR UPDATE, as the delete will: a status change that would add a row to this case (its
    // foreign key takes KEY SHARE) waits and then finds no case, and one that got there first is
    // waited for, its row removed with the others. Hibernate's write lock is FOR NO KEY UPDATE,
    // which lets such a row in and deadlocks with the delete.
    List<Object[]> locked =
        rows(
            "select status, county_code, employees from resigning_case"
                + " where campaign_id = ?1 and agreement_id = ?2 for update",
            campaignId,
            agreement.id);
    if (locked.isEmpty()) {
      return;
    }
    String status = (String) locked.get(0)[0];
    String county = (String) locked.get(0)[1];
    int employees = ((Number) locked.get(0)[2]).intValue();
    int changes =
        execute(
            "delete from resigning_status_change where campaign_id = ?1 and agreement_id = ?2",
            campaignId,
            agreement.id);
    execute(
        "delete from resigning_case where campaign_id = ?1 and agreement_id = ?2",
        campaignId,
        agreement.id);
    outbox.publish(
        AgreementEvents.CONTRACT,
        agreement.orgNumber,
        new ResigningCaseRemoved(
            campaignId,
            agreement.id,
            agreement.orgNumber,
            county,
            employees,
            status,
            agreement.endedOn));
    audit.changed(
        "RESIGNING_NOT_DUE",
        "resigning_case",
        agreement.id,
        agreement.orgNumber,
        "campaign="
            + campaignId
            + " status="
            + status
            + " changes="
            + changes
            + " endedOn="
            + agreement.endedOn);
  }

  /**
   * The campaign not closed yet, read with a shared lock: an agreement's change that makes it due
   * or not goes on beside status changes, and a closing waits for it.
   */
  private static Optional<ResigningCampaign> notClosedHeld() {
    return ResigningCampaign.<ResigningCampaign>find("status <> ?1", CampaignStatus.CLOSED)
        .withLock(LockModeType.PESSIMISTIC_READ)
        .firstResultOptional();
  }

  public ResigningCampaign campaign(UUID id) {
    return ResigningCampaign.<ResigningCampaign>findByIdOptional(id)
        .orElseThrow(CampaignService::campaignNotFound);
  }

  static DomainException campaignNotFound() {
    return DomainException.notFound(
        AgreementErrors.CAMPAIGN_NOT_FOUND, "No re-signing campaign with that id");
  }

  public List<ResigningCampaign> campaigns() {
    return ResigningCampaign.list("order by startedAt desc");
  }

  /** The case of one agreement, if the caller may see its county. */
  public ResigningCase caseOf(UUID campaignId, UUID agreementId) {
    return caseOf(campaignId, agreementId, LockModeType.NONE);
  }

  private ResigningCase caseOf(UUID campaignId, UUID agreementId, LockModeType lock) {
    campaign(campaignId);
    ResigningCase found =
        ResigningCase.<ResigningCase>findByIdOptional(
                new ResigningCase.Key(campaignId, agreementId), lock)
            .orElseThrow(() -> notDue(agreementId));
    caller.requireCounty(found.countyCode, found.orgNumber);
    return found;
  }

  /**
   * Why an agreement has no case: there is no such agreement (404), it is another county's (403, as
   * for a due one: a review's adviser could tell which of another county's agreements were due by
   * the 404), or it is not due (404).
   */
  private DomainException notDue(UUID agreementId) {
    Agreement agreement = Agreement.findById(agreementId);
    if (agreement == null) {
      return DomainException.notFound(
          AgreementErrors.AGREEMENT_NOT_FOUND, "No agreement with that id");
    }
    caller.requireCounty(agreement.countyCode, agreement.orgNumber);
    return DomainException.notFound(
        AgreementErrors.AGREEMENT_NOT_DUE, "The agreement is not due in this campaign");
  }

  /**
   * Moves an agreement to a new status. When a group's own agreement is re-signed, the agreements
   * of its units that are still outstanding follow (they were waiting for the central signing), and
   * their units in turn. The same change again (status, day and note) changes nothing; the change
   * the case stands at again with a note, after its note was erased, is refused
   * (RESIGNING_NOTE_WAS_ERASED). Refused (CAMPAIGN_CLOSED) once the campaign is closing or closed.
   */
  @Transactional
  public ResigningCase changeStatus(
      UUID campaignId, UUID agreementId, ResigningStatus to, LocalDate on, String note) {
    // Read first, with a shared lock: status changes go on side by side, a closing waits for those
    // under way before it marks the campaign CLOSING, and those that come after see it closing.
    ResigningCampaign campaign =
        Optional.ofNullable(
                em.find(ResigningCampaign.class, campaignId, LockModeType.PESSIMISTIC_READ))
            .orElseThrow(CampaignService::campaignNotFound);
    // Locked as it is read: a change under way is waited for and then seen, so the same change sent
    // twice at once (a client's retry, the two replicas) is a retry, and another one is made on top
    // of it as if sent after it (a lock taken after the read checked the version read: 409). A case
    // a termination removed meanwhile is not found (404).
    ResigningCase target = caseOf(campaignId, agreementId, LockModeType.PESSIMISTIC_WRITE);
    campaign.requireOpen();
    if (target.standsAt(to, on, note)) {
      // The same change again (a retried request): the case as it stands, nothing recorded.
      return target;
    }
    if (note != null && target.standsAt(to, on, null) && standingNoteErased(target, to, on)) {
      // The change the case stands at, sent again with a note after that note was erased: a
      // client's late retry, or a note written afresh, which the erasure (it keeps nothing of the
      // text) cannot tell apart. Recorded, the retry wrote the erased text back; answered 200, the
      // fresh note was lost unsaid. So it is refused, and says why.
      throw DomainException.conflict(
          AgreementErrors.RESIGNING_NOTE_WAS_ERASED,
          "The case stands at this status and day, and their note was erased since; the same"
              + " change is not recorded again with a note. Sent without the note it is answered"
              + " with the case as it stands");
    }
    Agreement agreement =
        Agreement.<Agreement>findByIdOptional(agreementId)
            .filter(Agreement::isActive)
            .orElseThrow(
                () ->
                    DomainException.notAllowedNow(
                        AgreementErrors.AGREEMENT_ENDED,
                        "The agreement has ended: it can no longer be re-signed"));
    if (on.isBefore(agreement.signedOn)) {
      // The closing gives a re-signed agreement its status day as resignedOn.
      throw DomainException.invalid("on", "must not be before the agreement was signed");
    }
    AuditTrail.Origin origin = audit.origin();
    move(origin, target, to, on, note);
    if (to == ResigningStatus.RESIGNED) {
      unitsFollow(origin, target, new HashSet<>());
    } else if (target.followsItsGroup()) {
      // A unit moved on after its group had already re-signed: the group's signing counts for it
      // at once, as it would at the closing, and for its own units in turn.
      // Unlocked: this unit's case is locked here, and a group's change under way waits for it in
      // unitsFollow and then sees it moved; a shared lock on the group's case here closed a cycle
      // with that change (a deadlock, a 500).
      Optional<ResigningCase> group =
          ResigningCase.find(
                  "campaignId = ?1 and orgNumber = ?2 and status = ?3",
                  campaignId,
                  target.groupOrgNumber,
                  ResigningStatus.RESIGNED)
              .firstResultOptional();
      if (group.isPresent()) {
        followGroup(origin, target, group.get());
        unitsFollow(origin, target, new HashSet<>());
      }
    }
    return target;
  }

  /**
   * Whether the case's last status change, the one it stands at ({@code to} on {@code on}), had its
   * note erased. Read only for a change that matches the case's status and day.
   */
  private static boolean standingNoteErased(ResigningCase c, ResigningStatus to, LocalDate on) {
    return ResigningStatusChange.<ResigningStatusChange>find(
            "campaignId = ?1 and agreementId = ?2 order by id desc", c.campaignId, c.agreementId)
        .firstResultOptional()
        .filter(last -> last.noteErasedAt != null && last.to == to && on.equals(last.on))
        .isPresent();
  }

  /**
   * For a unit's registration: the group's case when it has re-signed, read with a shared lock: a
   * status change of the group under way (its case locked, its units found before this unit's case
   * was committed) is waited for and then seen, and one that comes after finds this unit's case.
   * Read without a lock, a unit registered while its group re-signed stayed PENDING until the
   * closing (a review's reasoning; LateRegistrationDueTest holds the group's change open). The
   * status is checked on the row locked, not in the query: a query for RESIGNED reads past the row
   * still PENDING in its snapshot.
   */
  private static Optional<ResigningCase> groupResigned(UUID campaignId, String groupOrgNumber) {
    return ResigningCase.<ResigningCase>find(
            "campaignId = ?1 and orgNumber = ?2", campaignId, groupOrgNumber)
        .withLock(LockModeType.PESSIMISTIC_READ)
        .firstResultOptional()
        .filter(group -> group.status == ResigningStatus.RESIGNED);
  }

  /**
   * The group cascade: the units of a group that re-signed and are still open follow it, and their
   * own units follow them, down the whole tree of groups (a group's unit may be the group of
   * others), as the closing counts them ({@link no.nav.ia.agreement.CampaignClosing}); {@code seen}
   * stops at an enterprise met before.
   */
  private void unitsFollow(AuditTrail.Origin origin, ResigningCase group, Set<String> seen) {
    if (!seen.add(group.orgNumber)) {
      return;
    }
    // Locked before they move: a unit whose case a termination is removing is waited for and then
    // left out (notDueOnTermination).
    List<ResigningCase> unitsOfGroup =
        ResigningCase.<ResigningCase>find(
                "campaignId = ?1 and groupOrgNumber = ?2" + STILL_ACTIVE,
                group.campaignId,
                group.orgNumber)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .list();
    for (ResigningCase unit : group.unitsResigningWith(unitsOfGroup)) {
      followGroup(origin, unit, group);
      unitsFollow(origin, unit, seen);
    }
  }

  /** A unit re-signed with its group, on the group's day or its own later one. */
  private void followGroup(AuditTrail.Origin origin, ResigningCase unit, ResigningCase group) {
    move(
        origin,
        unit,
        ResigningStatus.RESIGNED,
        unit.followsGroupOn(group.statusOn),
        "Re-signed with the group agreement of " + group.orgNumber);
  }

  /** One move of a case, with its history row, its event and its audit row, as origin asked. */
  void move(
      AuditTrail.Origin origin, ResigningCase c, ResigningStatus to, LocalDate on, String note) {
    ResigningStatus from = c.moveTo(to, on, NorwegianTime.today(), note);
    ResigningStatusChange change = new ResigningStatusChange();
    change.campaignId = c.campaignId;
    change.agreementId = c.agreementId;
    change.from = from;
    change.to = to;
    change.on = on;
    change.note = note;
    change.changedBy = origin.actor();
    change.changedAt = Timestamps.now();
    change.callId = origin.callId();
    change.persist();
    outbox.publish(
        AgreementEvents.CONTRACT,
        c.orgNumber,
        new ResigningStatusChanged(
            c.campaignId,
            c.agreementId,
            c.orgNumber,
            c.countyCode,
            c.employees,
            from.name(),
            to.name(),
            on,
            change.changedBy));
    AuditTrail.changed(
        origin,
        "RESIGNING_" + to,
        "agreement",
        c.agreementId,
        c.orgNumber,
        "campaign=" + c.campaignId + " from=" + from);
  }

  /**
   * Erases the case's note and the note of every status change of the case (personal data written
   * by mistake), in an open campaign or a closed one; each change whose note went keeps who erased
   * it and when. The case is locked first, so a status change under way is waited for (its note is
   * erased too) and one that comes after writes its own. No event: no event carries a note. Erasing
   * a case without a note changes nothing, so the same request again is answered alike.
   */
  @Transactional
  public ResigningCase eraseNote(UUID campaignId, UUID agreementId) {
    ResigningCase target = caseOf(campaignId, agreementId, LockModeType.PESSIMISTIC_WRITE);
    AuditTrail.Origin origin = audit.origin();
    int changes =
        em.createQuery(
                "update ResigningStatusChange set note = null, noteErasedBy = ?1,"
                    + " noteErasedAt = ?2 where campaignId = ?3 and agreementId = ?4"
                    + " and note is not null")
            .setParameter(1, origin.actor())
            .setParameter(2, Timestamps.now())
            .setParameter(3, campaignId)
            .setParameter(4, agreementId)
            .executeUpdate();
    target.note = null;
    AuditTrail.changed(
        origin,
        "RESIGNING_NOTE_ERASED",
        "agreement",
        agreementId,
        target.orgNumber,
        "campaign=" + campaignId + " changes=" + changes);
    return target;
  }

  public List<ResigningStatusChange> history(UUID campaignId, UUID agreementId) {
    caseOf(campaignId, agreementId);
    return ResigningStatusChange.list(
        "campaignId = ?1 and agreementId = ?2 order by id", campaignId, agreementId);
  }

  /**
   * What the counts call a due agreement that ended while it was still outstanding (during the
   * campaign, or at its closing): it can no longer re-sign, and is counted so instead of under its
   * last status, as the follow-up lists leave it out.
   */
  public static final String ENDED = "ENDED";

  /**
   * Counts per county and status name ({@link #ENDED} for those ended while outstanding), for the
   * county asked (empty: all). Codes merged into a county count as that county (Hordaland's
   * agreements as Vestland's), as on the scorecard.
   */
  public Map<String, Map<String, Long>> counts(UUID campaignId, Optional<String> county) {
    Map<String, Map<String, Long>> byCounty = new java.util.TreeMap<>();
    CountyRegistry registry = CountyRegistry.get();
    String outstanding =
        String.join(", ", outstanding().stream().map(s -> "'" + s.name() + "'").toList());
    String sql =
        "select c.county_code, case when c.status in ("
            + outstanding
            + ") and a.status <> 'ACTIVE' then '"
            + ENDED
            + "' else c.status end, count(*)"
            + " from resigning_case c join agreement a on a.id = c.agreement_id"
            + " where c.campaign_id = ?1"
            + (county.isPresent() ? " and c.county_code in (?2)" : "")
            + " group by 1, 2";
    rows(
            sql,
            county.isPresent()
                ? new Object[] {campaignId, List.copyOf(CountyVisibility.codesOf(county.get()))}
                : new Object[] {campaignId})
        .forEach(
            r ->
                byCounty
                    .computeIfAbsent(
                        county.orElseGet(() -> registry.rollsUpInto((String) r[0])),
                        k -> new java.util.HashMap<>())
                    .merge((String) r[1], ((Number) r[2]).longValue(), Long::sum));
    return byCounty;
  }

  /**
   * The agreements of the cases given, by id, in one query: the follow-up lists name each
   * enterprise and its contact person, who to chase (the cases keep neither).
   */
  public Map<UUID, Agreement> agreementsOf(List<ResigningCase> cases) {
    if (cases.isEmpty()) {
      return Map.of();
    }
    return Agreement.<Agreement>list("id in ?1", cases.stream().map(c -> c.agreementId).toList())
        .stream()
        .collect(java.util.stream.Collectors.toMap(a -> a.id, a -> a));
  }

  /** Outstanding agreements (not re-signed, not declined), most employees first. */
  public no.nav.ia.platform.rest.Page<ResigningCase> largestOutstanding(
      UUID campaignId, Optional<String> county, int page, int size) {
    var query =
        ResigningCase.<ResigningCase>find(
            "campaignId = ?1 and status in ?2"
                + STILL_ACTIVE
                + (county.isPresent() ? " and countyCode in ?3" : "")
                + " order by employees desc, orgNumber",
            county.isPresent()
                ? new Object[] {campaignId, outstanding(), CountyVisibility.codesOf(county.get())}
                : new Object[] {campaignId, outstanding()});
    var paged = query.page(io.quarkus.panache.common.Page.of(page, size));
    return new no.nav.ia.platform.rest.Page<>(paged.list(), page, size, paged.count());
  }

  /**
   * Agreements contacted at least {@code days} days ago without an answer since, or found not
   * answering that long ago (NO_RESPONSE: DOMAIN.md's non-responders are the ones to chase; a
   * campaign review found them in no reminder), most employees first.
   */
  public no.nav.ia.platform.rest.Page<ResigningCase> reminders(
      UUID campaignId, Optional<String> county, int days, int page, int size) {
    LocalDate before = NorwegianTime.today().minusDays(days);
    var query =
        ResigningCase.<ResigningCase>find(
            "campaignId = ?1 and status in ?2 and statusOn <= ?3"
                + STILL_ACTIVE
                + (county.isPresent() ? " and countyCode in ?4" : "")
                + " order by employees desc, orgNumber",
            county.isPresent()
                ? new Object[] {
                  campaignId, AWAITING_ANSWER, before, CountyVisibility.codesOf(county.get())
                }
                : new Object[] {campaignId, AWAITING_ANSWER, before});
    var paged = query.page(io.quarkus.panache.common.Page.of(page, size));
    return new no.nav.ia.platform.rest.Page<>(paged.list(), page, size, paged.count());
  }

  /** The statuses of a case whose enterprise has not answered. */
  private static final List<ResigningStatus> AWAITING_ANSWER =
      List.of(ResigningStatus.CONTACTED, ResigningStatus.NO_RESPONSE);

  /**
   * Cases whose agreement is still active: the follow-up lists and the group cascade leave out
   * agreements that ended during the campaign, which can no longer be re-signed (the counts call
   * them {@link #ENDED}, still due).
   */
  private static final String STILL_ACTIVE =
      " and exists (select 1 from Agreement a where a.id = agreementId and a.status = 'ACTIVE')";

  private static List<ResigningStatus> outstanding() {
    return java.util.Arrays.stream(ResigningStatus.values())
        .filter(ResigningStatus::isOutstanding)
        .toList();
  }

  private int execute(String sql, Object... params) {
    return bound(sql, params).executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object... params) {
    return bound(sql, params).getResultList();
  }

  /** A native statement with its positional parameters ?1, ?2, ... bound. */
  private jakarta.persistence.Query bound(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return q;
  }
}
