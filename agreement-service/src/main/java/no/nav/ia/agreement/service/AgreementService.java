package no.nav.ia.agreement.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.AgreementChange;
import no.nav.ia.agreement.AgreementErrors;
import no.nav.ia.agreement.AgreementStatus;
import no.nav.ia.agreement.County;
import no.nav.ia.agreement.FromRegister;
import no.nav.ia.agreement.RegisterChange;
import no.nav.ia.agreement.ResigningCase;
import no.nav.ia.agreement.events.AgreementEvents;
import no.nav.ia.agreement.events.AgreementEvents.AgreementCorrected;
import no.nav.ia.agreement.events.AgreementEvents.AgreementRegistered;
import no.nav.ia.agreement.events.AgreementEvents.AgreementTerminated;
import no.nav.ia.agreement.events.AgreementEvents.ContactPersonAssigned;
import no.nav.ia.agreement.rest.AgreementRequests.RegisterAgreement;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.CountyVisibility;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.events.Outbox;
import no.nav.ia.platform.persistence.Constraints;
import no.nav.ia.platform.problem.ProblemMappers;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.time.Timestamps;

/**
 * The transaction boundary for agreements: each change, its outbox event and its audit row commit
 * together.
 */
@ApplicationScoped
public class AgreementService {

  @Inject Outbox outbox;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject EnterpriseSearch register;
  @Inject CampaignService campaigns;

  @Transactional
  public Agreement register(RegisterAgreement request) {
    FromRegister.Filled filled =
        FromRegister.fill(
            request.name(),
            request.countyCode(),
            request.employees(),
            request.signedOn(),
            register.known(request.orgNumber()),
            CountyRegistry.get());
    Agreement agreement =
        Agreement.register(
            request.orgNumber(),
            no.nav.ia.platform.domain.FreeText.strip(filled.name()),
            filled.countyCode(),
            County.byCode(filled.countyCode()),
            filled.employees(),
            request.signedOn(),
            request.groupOrgNumber());
    // Advisers and managers register in their own county (centres recruit IA enterprises); a code
    // that is no county is the request's error (400) before it is anyone's county.
    caller.requireCounty(filled.countyCode(), request.orgNumber());
    Agreement.activeFor(request.orgNumber())
        .ifPresent(
            existing -> {
              throw exists(existing);
            });
    if (request.groupOrgNumber() != null
        && Agreement.groupChainReaches(request.groupOrgNumber(), request.orgNumber())) {
      throw DomainException.notAllowedNow(
          AgreementErrors.GROUP_CYCLE,
          "The group is, through its own group agreements, a unit of this enterprise: groups"
              + " cannot form a loop");
    }
    Agreement.lastEndedOnOrAfter(request.orgNumber(), request.signedOn())
        .ifPresent(
            ended -> {
              throw DomainException.conflict(
                  AgreementErrors.AGREEMENT_PERIODS_OVERLAP,
                  "The enterprise's previous agreement ran until "
                      + ended.endedOn
                      + "; a new one can start the day after");
            });
    agreement.contactPerson = request.contactPerson();
    if (request.groupOrgNumber() != null) {
      Agreement.lockGroupLinks(request.groupOrgNumber());
      agreement.groupAgreementId =
          Agreement.activeFor(request.groupOrgNumber()).map(g -> g.id).orElse(null);
    }
    agreement.createdAt = Timestamps.now();
    agreement.createdBy = caller.actor();
    try {
      agreement.persistAndFlush();
    } catch (PersistenceException e) {
      // A registration of the same enterprise at the same moment: Hibernate throws the violation
      // itself, or wraps it.
      if (Constraints.violated(e, "agreement_one_active_per_org")) {
        // The one that got there first has committed: read it outside this failed transaction
        // (on a connection of its own; when none comes, the refusal without its name).
        Agreement first;
        try {
          first =
              io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                  .call(() -> Agreement.activeFor(request.orgNumber()).orElse(null));
        } catch (RuntimeException unread) {
          first = null;
        }
        throw exists(first);
      }
      throw e;
    }
    // Its first version is of the moment the agreement says it was made.
    kept(agreement, AgreementChange.Action.REGISTERED, agreement.createdAt);
    agreement.linkUnits();
    outbox.publish(
        AgreementEvents.CONTRACT,
        agreement.orgNumber,
        new AgreementRegistered(
            agreement.id,
            agreement.orgNumber,
            agreement.countyCode,
            agreement.employees,
            agreement.signedOn,
            agreement.groupOrgNumber,
            agreement.groupAgreementId,
            agreement.contactPerson));
    audit.changed("REGISTERED", "agreement", agreement.id, agreement.orgNumber, null);
    // After its registration's event: a consumer reads the agreement before its case.
    campaigns.dueOnRegistration(agreement);
    return agreement;
  }

  /**
   * The refusal of a second active agreement, naming the one there is ({@code existing}, null when
   * it could not be read) when the caller may read it: a client whose first attempt's answer was
   * lost finds what it registered (the endpoint takes no idempotency key).
   */
  private DomainException exists(Agreement existing) {
    if (existing == null || !caller.mayAccessCounty(existing.countyCode)) {
      return DomainException.conflict(
          AgreementErrors.AGREEMENT_EXISTS, "The enterprise already has an active agreement");
    }
    return DomainException.conflict(
        AgreementErrors.AGREEMENT_EXISTS,
        "The enterprise already has an active agreement, "
            + existing.id
            + ", signed "
            + existing.signedOn,
        "/api/v1/agreements/" + existing.id);
  }

  public Optional<Agreement> find(UUID id) {
    return Agreement.findByIdOptional(id);
  }

  /** How a list is ordered: by org number (the default), by name, or largest first. */
  public enum ListOrder {
    ORG_NUMBER,
    NAME,
    EMPLOYEES
  }

  /**
   * A working list's filters. {@code contactPerson}: a NAV-ident, or {@link #NO_CONTACT_PERSON} for
   * agreements without one; {@code words}: folded name words, each a prefix of a word of the name.
   */
  public record ListFilter(
      Optional<String> county,
      AgreementStatus status,
      String orgNumber,
      String contactPerson,
      List<String> words,
      java.time.LocalDate sleepingSince,
      Boolean enterpriseDeleted,
      no.nav.ia.agreement.ResigningStatus resigningStatus,
      ListOrder order,
      int page,
      int size) {}

  public static final String NO_CONTACT_PERSON = "none";

  public no.nav.ia.platform.rest.Page<Agreement> list(ListFilter f) {
    // Aliased for the correlated subquery below; the rest names the agreement's fields bare.
    StringBuilder query = new StringBuilder("from Agreement a where 1 = 1");
    Parameters params = new Parameters();
    f.county()
        .ifPresent(
            c -> {
              query.append(" and countyCode in :county");
              params.and("county", CountyVisibility.codesOf(c));
            });
    if (f.status() != null) {
      query.append(" and status = :status");
      params.and("status", f.status());
    }
    if (f.orgNumber() != null) {
      query.append(" and orgNumber = :org");
      params.and("org", f.orgNumber());
    }
    if (NO_CONTACT_PERSON.equals(f.contactPerson())) {
      query.append(" and contactPerson is null");
    } else if (f.contactPerson() != null) {
      query.append(" and contactPerson = :contact");
      params.and("contact", f.contactPerson());
    }
    if (f.sleepingSince() != null) {
      // Active, and no live delivery on or after the date recorded under its county (DeliverySeen,
      // from the delivery events): what another county's centre delivered to the enterprise is
      // that county's record. A delivery whose county is not filled in yet (seen before V14,
      // DeliverySeenCounties) counts for any agreement of its enterprise.
      query.append(
          " and status = :active and (orgNumber, countyCode) not in (select d.orgNumber,"
              + " d.countyCode from DeliverySeen d where d.live = true and d.deliveredOn >= :since"
              + " and d.countyCode is not null) and orgNumber not in (select d.orgNumber"
              + " from DeliverySeen d where d.live = true and d.deliveredOn >= :since"
              + " and d.countyCode is null)");
      params.and("active", AgreementStatus.ACTIVE).and("since", f.sleepingSince());
    }
    if (f.enterpriseDeleted() != null) {
      // The register's deletion of the enterprise (RegisterEnterprise): true lists the active
      // agreements to end, false those whose enterprise the register has not deleted.
      query
          .append(f.enterpriseDeleted() ? " and status = :active and" : " and not")
          .append(" exists (select 1 from RegisterEnterprise r where r.orgNumber = a.orgNumber")
          .append(" and r.deleted = true)");
      if (f.enterpriseDeleted()) {
        params.and("active", AgreementStatus.ACTIVE);
      }
    }
    if (f.resigningStatus() != null) {
      // Agreements whose case in the campaign under way stands at that status, as the progress
      // counts them: an outcome (RESIGNED, DECLINED) whether the agreement ended since or not,
      // a case still worked on only while its agreement is active (one that ended is counted
      // "ended"). A campaign review counted 6 re-signed and found 5 in the list.
      if (!ResigningCase.OUTCOMES.contains(f.resigningStatus())) {
        query.append(" and status = :active");
        params.and("active", AgreementStatus.ACTIVE);
      }
      query.append(
          " and exists (select 1 from ResigningCase rc, ResigningCampaign c"
              + " where rc.agreementId = a.id and c.id = rc.campaignId and c.status <> :closed"
              + " and rc.status = :resigning)");
      params
          .and("closed", no.nav.ia.agreement.CampaignStatus.CLOSED)
          .and("resigning", f.resigningStatus());
    }
    for (int i = 0; i < f.words().size(); i++) {
      // A name's words are kept folded and collapsed (SearchWords.listed): "bjork" finds Bjørk.
      query.append(" and concat(' ', searchWords) like :w").append(i);
      params.and("w" + i, "% " + f.words().get(i) + "%");
    }
    Sort sort =
        switch (f.order()) {
          // Names in Norwegian alphabetical order (V20's collation), not by character code.
          case NAME -> Sort.by(NAME_ORDER).and("orgNumber").and("id").disableEscaping();
          case EMPLOYEES ->
              Sort.by("employees", Sort.Direction.Descending)
                  .and(NAME_ORDER)
                  .and("orgNumber")
                  // An enterprise's ended agreement and its new one tie on all the rest: without
                  // the id a page could repeat one and leave out the other.
                  .and("id")
                  .disableEscaping();
          case ORG_NUMBER -> Sort.by("orgNumber").and("id");
        };
    var found =
        Agreement.<Agreement>find(query.toString(), sort, params).page(Page.of(f.page(), f.size()));
    return new no.nav.ia.platform.rest.Page<>(found.list(), f.page(), f.size(), found.count());
  }

  private static final String NAME_ORDER = "collate(name as norwegian)";

  /** Corrects name or size with the version the caller read; the change is kept. */
  @Transactional
  public Agreement edit(UUID id, long expectedVersion, String name, Integer employees) {
    Agreement managed = get(id);
    if (!managed.edit(expectedVersion, name, employees)) {
      return managed;
    }
    corrected(managed, caller.actor(), Timestamps.now());
    audit.changed("EDITED", "agreement", managed.id, managed.orgNumber, null);
    return managed;
  }

  /** Who the history names for a change that came from the register copy. */
  public static final String REGISTER = "enhetsregisteret";

  /**
   * Gives the active agreements of enterprises an import changed the register's name or size for
   * ({@link Agreement#follow}) and returns how many changed: each a version in its history by
   * {@link #REGISTER}, an {@code AgreementCorrected} event and an audit line with {@code origin},
   * the one who started the import. In the import's transaction, locked: a correction a person
   * sends meanwhile is refused (412 on the version, or 409 CONCURRENT_UPDATE) rather than lost. The
   * agreement's open re-signing cases are locked before it, as a person's correction and a
   * campaign's closing take them (cases, then agreement): the other order could deadlock with
   * either and fail the import.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int follow(List<RegisterChange> changes, AuditTrail.Origin origin) {
    int followed = 0;
    for (RegisterChange change : changes) {
      ResigningCase.<ResigningCase>find(
              "outcome is null and agreementId in (select a.id from Agreement a"
                  + " where a.orgNumber = ?1 and a.status = ?2)",
              change.orgNumber(),
              AgreementStatus.ACTIVE)
          .withLock(LockModeType.PESSIMISTIC_WRITE)
          .list();
      List<Agreement> active =
          Agreement.<Agreement>find(
                  "orgNumber = ?1 and status = ?2", change.orgNumber(), AgreementStatus.ACTIVE)
              .withLock(LockModeType.PESSIMISTIC_WRITE)
              .list();
      for (Agreement managed : active) {
        if (managed.follow(change)) {
          // Read after the lock: a correction the import waited for comes before it in time too.
          corrected(managed, REGISTER, Timestamps.now());
          AuditTrail.changed(
              origin,
              "EDITED",
              "agreement",
              managed.id,
              managed.orgNumber,
              "from the register copy");
          followed++;
        }
      }
    }
    return followed;
  }

  /** A corrected name or size: kept in the history and published. */
  private void corrected(Agreement managed, String by, OffsetDateTime at) {
    // The follow-up lists of open campaigns put the largest enterprises first: by today's size.
    ResigningCase.update(
        "employees = ?1 where agreementId = ?2 and outcome is null", managed.employees, managed.id);
    managed.persistAndFlush();
    AgreementChange.of(managed, AgreementChange.Action.EDITED, by, at).persist();
    outbox.publish(
        AgreementEvents.CONTRACT,
        managed.orgNumber,
        new AgreementCorrected(
            managed.id,
            managed.orgNumber,
            managed.countyCode,
            managed.employees,
            managed.version,
            by));
  }

  /** Every version of the agreement, oldest first (403 for another county's). */
  @Transactional
  public List<AgreementChange> history(UUID id) {
    return AgreementChange.of(get(id).id);
  }

  /** Writes the agreement's new version to its history (after the version has moved). */
  private void kept(Agreement managed, AgreementChange.Action action) {
    kept(managed, action, Timestamps.now());
  }

  private void kept(Agreement managed, AgreementChange.Action action, OffsetDateTime at) {
    managed.persistAndFlush();
    AgreementChange.of(managed, action, caller.actor(), at).persist();
  }

  /** The agreement, if the caller may see its county (404 otherwise, 403 for another county). */
  public Agreement get(UUID id) {
    Agreement agreement =
        find(id)
            .orElseThrow(
                () ->
                    DomainException.notFound(
                        AgreementErrors.AGREEMENT_NOT_FOUND, "No agreement with that id"));
    caller.requireCounty(agreement.countyCode, agreement.orgNumber);
    return agreement;
  }

  @Transactional
  public Agreement assignContactPerson(UUID id, String navIdent, Long expectedVersion) {
    Agreement managed = get(id);
    if (managed.isActive() && managed.hasContactPerson(navIdent)) {
      // Already so (a retried request): no new version, no event. A retry's If-Match names the
      // version before its own change; the change is there, so it is answered, not refused (RFC
      // 9110, 13.1.1).
      return managed;
    }
    Optional<String> previous = managed.assignContactPerson(navIdent, expectedVersion);
    kept(managed, AgreementChange.Action.CONTACT_PERSON_ASSIGNED);
    outbox.publish(
        AgreementEvents.CONTRACT,
        managed.orgNumber,
        new ContactPersonAssigned(
            managed.id, managed.orgNumber, managed.countyCode, navIdent, previous.orElse(null)));
    audit.changed(
        "CONTACT_PERSON_ASSIGNED",
        "agreement",
        managed.id,
        managed.orgNumber,
        previous.map(p -> "previous=" + p).orElse(null));
    return managed;
  }

  /**
   * After a change met another request's change of the agreement at the same moment: the agreement
   * if that request made it so ({@code madeSo}: the same change sent again before the first was
   * answered is a retry, as one sent after it is), else {@code failure} as it was.
   */
  public Agreement madeSoMeanwhile(
      RuntimeException failure, UUID id, java.util.function.Predicate<Agreement> madeSo) {
    if (!ProblemMappers.isConcurrentUpdate(failure)) {
      throw failure;
    }
    Agreement now = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> get(id));
    if (madeSo.test(now)) {
      return now;
    }
    throw failure;
  }

  /**
   * Erases the reason an agreement was ended with (personal data written by mistake) from it and
   * from every version in its history: each then reads {@link Agreement#ERASED_REASON}. Its version
   * stays (an ended agreement takes no change that could write the reason back: a termination sent
   * again is 409) and no event (no event carries the reason). Read with a lock, so a termination
   * under way is waited for and its reason erased. Nothing to erase (an active agreement, a
   * closing's NOT_RESIGNED, a reason erased before) changes nothing.
   */
  @Transactional
  public void eraseEndReason(UUID id) {
    Agreement managed = get(id);
    Agreement.getEntityManager()
        .refresh(managed, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    int versions = 0;
    if (managed.hasWrittenEndReason()) {
      // Bulk updates: the version stays, as the history's versions do.
      Agreement.update("endReason = ?1 where id = ?2", Agreement.ERASED_REASON, id);
      versions =
          AgreementChange.update(
              "endReason = ?1 where agreementId = ?2 and endReason is not null and endReason <> ?3",
              Agreement.ERASED_REASON,
              id,
              no.nav.ia.agreement.CampaignClosing.NOT_RESIGNED);
    }
    audit.changed("END_REASON_ERASED", "agreement", id, managed.orgNumber, "versions=" + versions);
  }

  @Transactional
  public Agreement terminate(
      UUID id, java.time.LocalDate endedOn, String reason, Long expectedVersion) {
    Agreement managed = get(id);
    if (!managed.terminate(endedOn, reason, expectedVersion)) {
      return managed;
    }
    kept(managed, AgreementChange.Action.ENDED);
    outbox.publish(
        AgreementEvents.CONTRACT,
        managed.orgNumber,
        new AgreementTerminated(
            managed.id, managed.orgNumber, managed.countyCode, managed.signedOn, endedOn, null));
    audit.changed("ENDED", "agreement", managed.id, managed.orgNumber, null);
    campaigns.notDueOnTermination(managed);
    return managed;
  }
}
