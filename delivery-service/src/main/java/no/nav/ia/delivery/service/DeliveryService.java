package no.nav.ia.delivery.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.delivery.AgreementView;
import no.nav.ia.delivery.DeliveredBy;
import no.nav.ia.delivery.Delivery;
import no.nav.ia.delivery.DeliveryErrors;
import no.nav.ia.delivery.DeliveryFacts;
import no.nav.ia.delivery.DeliveryStatus;
import no.nav.ia.delivery.DeliveryVersion;
import no.nav.ia.delivery.Direction;
import no.nav.ia.delivery.Form;
import no.nav.ia.delivery.events.DeliveryEvents;
import no.nav.ia.delivery.events.DeliveryEvents.DeliveryCorrected;
import no.nav.ia.delivery.events.DeliveryEvents.DeliveryRecorded;
import no.nav.ia.delivery.events.DeliveryEvents.DeliveryVoided;
import no.nav.ia.delivery.events.DeliveryEvents.Facts;
import no.nav.ia.delivery.rest.DeliveryRequest;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.CountyVisibility;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.ServiceCode;
import no.nav.ia.platform.events.Outbox;
import no.nav.ia.platform.persistence.Constraints;
import no.nav.ia.platform.security.Caller;
import no.nav.ia.platform.time.Timestamps;

/**
 * The transaction boundary for deliveries: a delivery, its kept version, its Idempotency-Key and
 * its outbox event commit together or not at all.
 */
@ApplicationScoped
public class DeliveryService {

  /** The delivery a request ended with, and whether this request created it. */
  public record Recorded(Delivery delivery, boolean created) {}

  /** A listing filter; null fields do not filter. */
  public record Filter(
      Optional<String> county,
      String orgNumber,
      String adviser,
      UUID groupId,
      LocalDate from,
      LocalDate to,
      ServiceCode service,
      Direction direction,
      Form form,
      boolean includeVoided) {}

  @Inject Outbox outbox;
  @Inject Caller caller;
  @Inject AgreementLookup agreements;
  @Inject IdempotencyKeys keys;
  @Inject DeliveryInserts inserts;
  @Inject ObjectMapper json;

  /** Records a delivery once per Idempotency-Key (null: no key). */
  public Recorded record(DeliveryRequest request, String idempotencyKey) {
    return record(request, idempotencyKey, null);
  }

  /**
   * Records a delivery once per Idempotency-Key (null: no key), as one of a group's deliveries when
   * {@code groupId} is not null.
   */
  public Recorded record(DeliveryRequest request, String idempotencyKey, UUID groupId) {
    String actor = caller.actor();
    String hash = fingerprint(request, DeliveredBy.named(caller.navIdent(), request.adviser()));
    String adviser;
    try {
      adviser = DeliveredBy.onRecord(caller.navIdent(), request.adviser());
    } catch (DomainException noAdviser) {
      // A system's retry of a request it sent before systems named the adviser still gets its
      // first result (the fingerprint leaves a missing adviser out, so its key still matches).
      Optional<UUID> earlier =
          idempotencyKey == null
              ? Optional.empty()
              : QuarkusTransaction.requiringNew()
                  .call(() -> keys.earlier(actor, idempotencyKey, hash));
      if (earlier.isPresent()) {
        return replay(earlier.get());
      }
      throw noAdviser;
    }
    // The usual path: one short transaction with no remote call in it, in two statements and the
    // commit (DeliveryInserts). The key is claimed first, so a retry gets its first result whatever
    // has changed since; then the agreement comes from the local read model.
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                UUID id = UUID.randomUUID();
                DeliveryInserts.Claim claim =
                    inserts.claim(actor, idempotencyKey, hash, id, request.orgNumber());
                Optional<Recorded> earlier =
                    heldBefore(claim, actor, idempotencyKey, hash, id, request.orgNumber());
                if (earlier.isPresent()) {
                  return earlier.get();
                }
                String county =
                    claim.countyActiveOn(request.deliveredOn()).orElseThrow(NotInReadModel::new);
                return store(id, facts(request, county), adviser, groupId);
              });
    } catch (NotInReadModel e) {
      // The read model has no active agreement (its event may still be on the way): the claim
      // was rolled back; ask agreement-service outside any transaction, then claim and store.
    }
    DeliveryFacts facts = resolve(request);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              UUID id = UUID.randomUUID();
              DeliveryInserts.Claim claim =
                  inserts.claim(actor, idempotencyKey, hash, id, request.orgNumber());
              return heldBefore(claim, actor, idempotencyKey, hash, id, request.orgNumber())
                  .orElseGet(() -> store(id, facts, adviser, groupId));
            });
  }

  /** Thrown inside the usual path's transaction to roll its claim back and take the slow path. */
  private static final class NotInReadModel extends RuntimeException {
    NotInReadModel() {
      super(null, null, false, false);
    }
  }

  /**
   * The delivery of the request that holds the key, if another one does (422 if it had another
   * body); empty if the key is this request's. A key whose row was purged (past its retention)
   * between the claim and the look-up is claimed again.
   */
  private Optional<Recorded> heldBefore(
      DeliveryInserts.Claim claim, String actor, String key, String hash, UUID id, String org) {
    while (claim.takenBefore()) {
      Optional<UUID> winner = keys.earlier(actor, key, hash);
      if (winner.isPresent()) {
        return Optional.of(replay(winner.get()));
      }
      claim = inserts.claim(actor, key, hash, id, org);
    }
    return Optional.empty();
  }

  /**
   * Stores a new delivery, its first version and its event in one statement, in the caller's
   * transaction: built by the entities' rules, written by plain INSERTs (see {@link
   * DeliveryInserts}).
   */
  private Recorded store(UUID id, DeliveryFacts facts, String adviser, UUID groupId) {
    Delivery delivery = Delivery.record(facts, adviser, Timestamps.now());
    delivery.id = id;
    delivery.groupId = groupId;
    // The first version is the recording: the same moment, not the next reading of the clock.
    DeliveryVersion first = version(delivery, "RECORDED", delivery.registeredAt);
    try {
      outbox.publishWith(
          DeliveryEvents.CONTRACT,
          delivery.orgNumber,
          new DeliveryRecorded(
              delivery.id,
              delivery.version,
              delivery.registeredAt,
              Facts.of(delivery),
              delivery.groupId,
              first.changedBy),
          DeliveryInserts.RECORDED,
          (c, statement) -> DeliveryInserts.bindRecorded(c, statement, delivery, first));
    } catch (RuntimeException e) {
      // A group's item sent again after another of its deliveries was corrected to this
      // enterprise: the index holding "each enterprise once" refuses it (the transaction rolls
      // back, its key unclaimed).
      if (groupId != null && Constraints.violated(e, GROUP_ENTERPRISE_ONCE)) {
        throw alreadyInGroup();
      }
      throw e;
    }
    return new Recorded(delivery, true);
  }

  /** The delivery, if the caller may see its county. */
  public Delivery get(UUID id) {
    Delivery delivery = load(id);
    caller.requireCounty(delivery.countyCode, delivery.orgNumber);
    return delivery;
  }

  /** Replaces the facts of a live delivery; 412 unless {@code expectedVersion} is current. */
  public Delivery correct(UUID id, long expectedVersion, DeliveryRequest request) {
    // A voided delivery or a stale version is said before agreement-service is asked about the
    // new facts (again under the lock below, which decides).
    Delivery current = get(id);
    current.requireCorrectable(expectedVersion);
    DeliveredBy.onCorrection(caller.navIdent(), request.adviser(), null);
    // The agreement was checked when the delivery was recorded for that enterprise on that day: a
    // correction of what it was (service, form, note ...) keeps it where it is, even when the
    // agreement has since been terminated with an earlier end (a termination dated back). Only a
    // new enterprise or day needs an agreement active then.
    boolean samePlaceAndDay =
        request.orgNumber().equals(current.orgNumber)
            && request.deliveredOn().equals(current.deliveredOn);
    DeliveryFacts facts =
        !samePlaceAndDay
            ? resolve(request)
            : CountyRegistry.get().holderOn(current.countyCode, current.deliveredOn).isPresent()
                ? facts(request, current.countyCode)
                : movedOrKept(request, current.countyCode);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Delivery delivery = Delivery.findById(id, LockModeType.PESSIMISTIC_WRITE);
              caller.requireCounty(delivery.countyCode, delivery.orgNumber);
              if (delivery.groupId != null
                  && !facts.orgNumber().equals(delivery.orgNumber)
                  && Delivery.count(
                          "groupId = ?1 and orgNumber = ?2 and status = ?3",
                          delivery.groupId,
                          facts.orgNumber(),
                          DeliveryStatus.LIVE)
                      > 0) {
                throw alreadyInGroup();
              }
              Facts before = Facts.of(delivery);
              boolean changed =
                  delivery.correct(
                      facts,
                      DeliveredBy.onCorrection(
                          caller.navIdent(), request.adviser(), delivery.adviser),
                      expectedVersion);
              if (!changed) {
                return delivery;
              }
              if (delivery.groupId != null) {
                enterpriseOnceInGroup();
              }
              corrected(delivery, before, caller.actor(), callerScope());
              return delivery;
            });
  }

  /**
   * Writes the correction of a group's delivery now, so that the index holding "each enterprise
   * once" refuses it here, as the count above would have, when another correction of the same group
   * named the same enterprise at the same moment (neither count saw the other).
   */
  private static void enterpriseOnceInGroup() {
    try {
      Delivery.flush();
    } catch (PersistenceException e) {
      if (Constraints.violated(e, GROUP_ENTERPRISE_ONCE)) {
        throw alreadyInGroup();
      }
      throw e;
    }
  }

  /** The unique index holding that a group's live deliveries name each enterprise once (V3). */
  private static final String GROUP_ENTERPRISE_ONCE = "delivery_group_enterprise_once";

  private static DomainException alreadyInGroup() {
    return DomainException.invalid(
        "orgNumber", "is already in this delivery's group (each enterprise once)");
  }

  /** Voids a delivery; voiding a voided one again changes nothing. */
  public Delivery voidDelivery(UUID id, Long expectedVersion) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Delivery delivery =
                  Delivery.<Delivery>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                      .orElseThrow(DeliveryService::notFound);
              caller.requireCounty(delivery.countyCode, delivery.orgNumber);
              if (delivery.isLive()) {
                voidAs(delivery, expectedVersion, caller.actor(), callerScope());
              }
              return delivery;
            });
  }

  /**
   * Erases the delivery's note from it and from every kept version of it, in one transaction, for
   * whoever may act in its county; for a group's delivery, from every delivery of the group (the
   * meeting's note is one text, written on each), and the caller must be able to act in each of
   * their counties. Each delivery that had a note gets a version of its own ({@code NOTE_ERASED}:
   * who, when), its facts as before; no event (no event carries a note, and consumers keep a
   * delivery's newest version: the gap is nothing to them). Erasing again changes nothing.
   */
  public Delivery eraseNote(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              // The group first, as a value (no entity read before its lock, which would be
              // written back as read), then every delivery of it locked in the order of their ids:
              // two erasures of one group, begun at two of its deliveries, take the locks in the
              // same order and do not deadlock.
              Optional<UUID> group =
                  Delivery.getEntityManager()
                      .createQuery("select d.groupId from Delivery d where d.id = :id", UUID.class)
                      .setParameter("id", id)
                      .getResultStream()
                      .filter(Objects::nonNull)
                      .findFirst();
              List<Delivery> erased =
                  group.isEmpty()
                      ? Delivery.<Delivery>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                          .map(List::of)
                          .orElseThrow(DeliveryService::notFound)
                      : Delivery.<Delivery>find("groupId = ?1 order by id", group.get())
                          .withLock(LockModeType.PESSIMISTIC_WRITE)
                          .list();
              Delivery delivery =
                  erased.stream()
                      .filter(d -> d.id.equals(id))
                      .findFirst()
                      .orElseThrow(DeliveryService::notFound);
              erased.forEach(d -> caller.requireCounty(d.countyCode, d.orgNumber));
              for (Delivery d : erased) {
                if (d.eraseNote()) {
                  DeliveryVersion.<DeliveryVersion>list("deliveryId", d.id)
                      .forEach(v -> v.eraseNote(json));
                  keep(d, "NOTE_ERASED", caller.actor(), callerScope());
                }
              }
              return delivery;
            });
  }

  /**
   * Voids, as this service ({@code actor}), a live delivery the rules should have refused: one
   * recorded on a day after its agreement's end, after the termination was made but before this
   * service heard of it (EndedAgreements). In the caller's transaction; one voided or changed since
   * the sweep read it is left as it is.
   */
  public AsRead voidAsRefused(UUID id, long version, String actor) {
    Delivery delivery = Delivery.findById(id, LockModeType.PESSIMISTIC_WRITE);
    AsRead found = AsRead.of(delivery, version);
    if (found == AsRead.UNCHANGED) {
      voidAs(delivery, null, actor, DeliveryVersion.EVERY_COUNTY);
    }
    return found;
  }

  /** A delivery the sweep read as refused, as it finds it under the lock. */
  public enum AsRead {
    /** Live at the version read: settled now. */
    UNCHANGED,
    /** Voided since: nothing to do. */
    VOIDED,
    /**
     * Changed since (a correction may have put it on a day an agreement covers, or kept it where it
     * was): left as it is, the termination looked at again later.
     */
    CHANGED;

    static AsRead of(Delivery delivery, long version) {
      if (delivery == null || !delivery.isLive()) {
        return VOIDED;
      }
      return delivery.version == version ? UNCHANGED : CHANGED;
    }
  }

  /**
   * Moves, as this service ({@code actor}), a live delivery the rules would have put in {@code
   * county}: recorded on a day after its agreement's end, after the termination was made but before
   * this service heard of it, where the enterprise's agreement of that county covers the day (it
   * moved to another centre). A correction of the county: its kept version and its event. In the
   * caller's transaction; one voided or changed since the sweep read it is left as it is.
   */
  public AsRead moveAsRefused(UUID id, long version, String county, String actor) {
    Delivery delivery = Delivery.findById(id, LockModeType.PESSIMISTIC_WRITE);
    AsRead found = AsRead.of(delivery, version);
    if (found != AsRead.UNCHANGED) {
      return found;
    }
    Facts before = Facts.of(delivery);
    delivery.moveTo(county);
    corrected(delivery, before, actor, DeliveryVersion.EVERY_COUNTY);
    return found;
  }

  /**
   * A correction of a locked delivery (it was {@code before}) by {@code actor}, who may act in
   * {@code scope}: its kept version and its event.
   */
  private void corrected(Delivery delivery, Facts before, String actor, String scope) {
    keep(delivery, "CORRECTED", actor, scope);
    outbox.publish(
        DeliveryEvents.CONTRACT,
        delivery.orgNumber,
        new DeliveryCorrected(
            delivery.id,
            delivery.version,
            actor,
            before,
            Facts.of(delivery),
            delivery.registeredAt,
            delivery.groupId,
            recordedBy(delivery)));
  }

  /** Who recorded the delivery: its first version's changer (null where that is not kept). */
  private String recordedBy(Delivery delivery) {
    return DeliveryVersion.<DeliveryVersion>find("deliveryId = ?1 and version = 1", delivery.id)
        .firstResultOptional()
        .map(v -> v.changedBy)
        .orElse(null);
  }

  /**
   * Voids a live, locked delivery as {@code actor} (at {@code expectedVersion}, unless null): its
   * kept version and its event.
   */
  private void voidAs(Delivery delivery, Long expectedVersion, String actor, String scope) {
    Facts before = Facts.of(delivery);
    delivery.voidIt(expectedVersion);
    keep(delivery, "VOIDED", actor, scope);
    outbox.publish(
        DeliveryEvents.CONTRACT,
        delivery.orgNumber,
        new DeliveryVoided(
            delivery.id,
            delivery.version,
            actor,
            before,
            delivery.registeredAt,
            delivery.groupId,
            recordedBy(delivery)));
  }

  /** A page in a stable order: newest delivery date first, then id. */
  public no.nav.ia.platform.rest.Page<Delivery> list(Filter filter, int page, int size) {
    StringBuilder q = new StringBuilder("1 = 1");
    Parameters p = new Parameters();
    filter
        .county()
        .ifPresent(
            c -> {
              q.append(" and countyCode in :county");
              p.and("county", CountyVisibility.codesOf(c));
            });
    if (filter.orgNumber() != null) {
      q.append(" and orgNumber = :org");
      p.and("org", filter.orgNumber());
    }
    if (filter.adviser() != null) {
      q.append(" and adviser = :adviser");
      p.and("adviser", filter.adviser());
    }
    if (filter.groupId() != null) {
      q.append(" and groupId = :group");
      p.and("group", filter.groupId());
    }
    if (filter.from() != null) {
      q.append(" and deliveredOn >= :from");
      p.and("from", filter.from());
    }
    if (filter.to() != null) {
      q.append(" and deliveredOn <= :to");
      p.and("to", filter.to());
    }
    if (filter.service() != null) {
      q.append(" and service = :service");
      p.and("service", filter.service());
    }
    if (filter.direction() != null) {
      q.append(" and direction = :direction");
      p.and("direction", filter.direction());
    }
    if (filter.form() != null) {
      // A delivery that names no form is a direct one (Form.isDirect), as the cards count it.
      q.append(
          filter.form() == Form.DIRECT
              ? " and (form is null or form = :form)"
              : " and form = :form");
      p.and("form", filter.form());
    }
    if (!filter.includeVoided()) {
      q.append(" and status = :live");
      p.and("live", DeliveryStatus.LIVE);
    }
    var query =
        Delivery.<Delivery>find(q.toString(), Sort.descending("deliveredOn").and("id"), p)
            .page(Page.of(page, size));
    return new no.nav.ia.platform.rest.Page<>(query.list(), page, size, query.count());
  }

  /** Every kept version, oldest first. */
  public List<DeliveryVersion> history(UUID id) {
    get(id);
    return DeliveryVersion.list("deliveryId", Sort.by("version"), id);
  }

  /**
   * Finds the agreement that gives the delivery its county (the text was checked by the request's
   * constraints).
   */
  private DeliveryFacts resolve(DeliveryRequest request) {
    var agreement =
        agreements
            .activeOn(request.orgNumber(), request.deliveredOn())
            .orElseThrow(() -> noAgreementOn(request.orgNumber(), request.deliveredOn()));
    return facts(request, agreement.countyCode());
  }

  /**
   * Why a delivery date finds no agreement: for an enterprise whose agreements are all in counties
   * the caller cannot see, the same 403 as on a date inside one, so that trying dates does not map
   * another county's agreement periods (422 on the dates outside them, 403 inside); otherwise 422.
   */
  private DomainException noAgreementOn(String orgNumber, java.time.LocalDate day) {
    List<AgreementView> known =
        QuarkusTransaction.requiringNew()
            .call(() -> AgreementView.<AgreementView>list("orgNumber", orgNumber));
    if (!caller.seesAllCounties()
        && !known.isEmpty()
        && known.stream().noneMatch(a -> caller.mayAccessCounty(a.countyCode))) {
      caller.requireCounty(known.get(0).countyCode, orgNumber);
    }
    // The periods of the agreements the caller may see: what the adviser needs to put the date
    // right (a review was told only that there was none).
    List<String> periods =
        known.stream()
            .filter(a -> caller.mayAccessCounty(a.countyCode))
            .sorted(java.util.Comparator.comparing((AgreementView a) -> a.signedOn))
            .map(a -> a.endedOn == null ? "from " + a.signedOn : a.signedOn + " to " + a.endedOn)
            .toList();
    return DomainException.notAllowedNow(
        DeliveryErrors.NO_ACTIVE_AGREEMENT,
        "The enterprise has no cooperation agreement active on "
            + day
            + (periods.isEmpty()
                ? ""
                : (periods.size() == 1
                        ? ": its agreement period is "
                        : ": its agreement periods are ")
                    + String.join(", ", periods)));
  }

  /**
   * The correction of a delivery recorded under a county split by its day before such deliveries
   * were refused (COUNTY_ENDED): to the agreement registered again under today's county, when one
   * covers the day; else it stays where it is, its facts corrected as any other delivery's (a
   * review: a note could not be put right).
   */
  private DeliveryFacts movedOrKept(DeliveryRequest request, String countyCode) {
    try {
      return resolve(request);
    } catch (DomainException refused) {
      if (!DeliveryErrors.COUNTY_ENDED.name().equals(refused.code())
          && !DeliveryErrors.NO_ACTIVE_AGREEMENT.name().equals(refused.code())) {
        throw refused;
      }
      caller.requireCounty(countyCode, request.orgNumber());
      return factsIn(request, countyCode);
    }
  }

  /** The facts of the request in the agreement's county, if the caller may record there. */
  private DeliveryFacts facts(DeliveryRequest request, String countyCode) {
    caller.requireCounty(countyCode, request.orgNumber());
    if (CountyRegistry.get().holderOn(countyCode, request.deliveredOn()).isEmpty()) {
      // A county history review found such deliveries on the national card and in no county's
      // half-year report, with nothing telling anyone to register the agreement again.
      throw DomainException.notAllowedNow(
          DeliveryErrors.COUNTY_ENDED, countyEnded(request, countyCode));
    }
    return factsIn(request, countyCode);
  }

  /** What to do about an agreement whose county was split by the delivery's day. */
  private static String countyEnded(DeliveryRequest request, String countyCode) {
    CountyRegistry counties = CountyRegistry.get();
    String split = counties.rollsUpInto(countyCode);
    String name = counties.county(countyCode).map(c -> c.name()).orElse(countyCode);
    java.time.LocalDate lastDay =
        counties.county(split).map(c -> c.validTo()).orElse(request.deliveredOn().minusDays(1));
    return "The enterprise's agreement for "
        + request.deliveredOn()
        + " is registered under "
        + name
        + " ("
        + countyCode
        + (split.equals(countyCode) ? "" : ", part of " + split)
        + "), split after "
        + lastDay
        + ": end that agreement on "
        + lastDay
        + " or earlier, register the enterprise again under "
        + String.join(
            " or ",
            inItsPlace(countyCode, name, request.deliveredOn()).stream()
                .map(c -> c.name() + " (" + c.code() + ")")
                .toList())
        + " signed on "
        + request.deliveredOn()
        + " or earlier, then send the delivery again";
  }

  /**
   * The counties of the day in the split one's place: the one re-established under the old code's
   * name (Østfold, 31, for Østfold, 01, which was merged into Viken), else every one it became.
   */
  private static List<CountyRegistry.County> inItsPlace(
      String countyCode, String name, java.time.LocalDate day) {
    List<CountyRegistry.County> all = CountyRegistry.get().inItsPlaceOn(countyCode, day);
    List<CountyRegistry.County> sameName = all.stream().filter(c -> c.name().equals(name)).toList();
    return sameName.isEmpty() ? all : sameName;
  }

  /** The facts of the request in that county (the caller checked). */
  private DeliveryFacts factsIn(DeliveryRequest request, String countyCode) {
    return new DeliveryFacts(
        request.orgNumber(),
        countyCode,
        request.service(),
        request.direction(),
        request.subGoals().stream().sorted().toList(),
        request.deliveredOn(),
        request.form(),
        no.nav.ia.platform.domain.FreeText.noteOrNull(request.note()));
  }

  /**
   * Keeps a change by {@code actor}, who may act in {@code scope} (DeliveryVersion#changerScope).
   */
  private void keep(Delivery delivery, String change, String actor, String scope) {
    version(delivery, change, Timestamps.now(), actor, scope).persist();
  }

  /** The counties the caller may act in, as a kept version names them. */
  private String callerScope() {
    return caller.seesAllCounties() ? DeliveryVersion.EVERY_COUNTY : caller.county().orElse(null);
  }

  /**
   * The delivery as it is now, as its kept version after the caller's {@code change} made at {@code
   * at}.
   */
  private DeliveryVersion version(Delivery delivery, String change, OffsetDateTime at) {
    return version(delivery, change, at, caller.actor(), callerScope());
  }

  private DeliveryVersion version(
      Delivery delivery, String change, OffsetDateTime at, String actor, String scope) {
    DeliveryVersion v = new DeliveryVersion();
    v.deliveryId = delivery.id;
    v.version = delivery.version;
    v.change = change;
    v.changedBy = actor;
    v.changedAt = at;
    v.changerScope = scope;
    v.callId = CallId.currentOrNull();
    try {
      // The facts and who delivered: a system may correct the adviser it named.
      v.snapshot =
          json.writeValueAsString(
              json.<ObjectNode>valueToTree(delivery.facts()).put("adviser", delivery.adviser));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return v;
  }

  /**
   * The first result of a key used again, as the caller may read it now ({@link #get}): a delivery
   * a coordinator has since moved to another county is that county's (403).
   */
  private Recorded replay(UUID id) {
    return new Recorded(get(id), false);
  }

  private static Delivery load(UUID id) {
    return Delivery.<Delivery>findByIdOptional(id).orElseThrow(DeliveryService::notFound);
  }

  private static DomainException notFound() {
    return DomainException.notFound(DeliveryErrors.DELIVERY_NOT_FOUND, "No delivery with that id");
  }

  /** The same request body gives the same fingerprint, whatever the order of its sub-goals. */
  static String fingerprint(DeliveryRequest r) {
    return fingerprint(r, r.adviser());
  }

  /**
   * {@link #fingerprint(DeliveryRequest)} with the adviser the request names ({@link
   * DeliveredBy#named}).
   */
  private static String fingerprint(DeliveryRequest r, String adviser) {
    return sha256(
        String.join(
                "|",
                r.orgNumber(),
                String.valueOf(r.service()),
                String.valueOf(r.direction()),
                String.valueOf(r.subGoals().stream().sorted().toList()),
                String.valueOf(r.deliveredOn()),
                String.valueOf(r.form()),
                String.valueOf(r.note()))
            // Only when named, so that keys stored before systems named the adviser still match.
            + (adviser == null ? "" : "|" + adviser));
  }

  /** A hex SHA-256 of a request's canonical form, for telling a retry from another request. */
  public static String sha256(String canonical) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
