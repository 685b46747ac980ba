package no.nav.ia.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import no.nav.ia.platform.domain.CommonErrors;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.ServiceCode;
import no.nav.ia.platform.time.NorwegianTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One service delivery (leveranse) to an IA enterprise, with its rules for correction and void. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "org_number")
  public String orgNumber;

  /** The county of the enterprise's agreement on the delivery date. */
  @Column(name = "county_code")
  public String countyCode;

  @Enumerated(EnumType.STRING)
  public ServiceCode service;

  @Enumerated(EnumType.STRING)
  public Direction direction;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "sub_goals", columnDefinition = "int[]")
  public List<Integer> subGoals;

  @Column(name = "delivered_on")
  public LocalDate deliveredOn;

  @Enumerated(EnumType.STRING)
  public Form form;

  public String note;

  /**
   * NAV-ident of the adviser (named by a system that records for them); the client id of the system
   * for deliveries recorded before systems named the adviser.
   */
  public String adviser;

  /** Shared by the deliveries of one course or information meeting for several enterprises. */
  @Column(name = "group_id")
  public UUID groupId;

  @Column(name = "registered_at")
  public OffsetDateTime registeredAt;

  /** Days between delivery and registration: a data-quality signal. */
  @Column(name = "registration_lag_days")
  public int registrationLagDays;

  @Enumerated(EnumType.STRING)
  public DeliveryStatus status;

  /** Starts at 1; every correction or void adds one. Served as the ETag. */
  public long version;

  /**
   * A new live delivery, registered at {@code now}: taken with {@code Timestamps.now()}, to the
   * microsecond as PostgreSQL keeps it, so that the first answer, its event and every later read
   * say the same moment.
   */
  public static Delivery record(DeliveryFacts facts, String adviser, OffsetDateTime now) {
    Delivery d = new Delivery();
    d.id = UUID.randomUUID();
    d.adviser = adviser;
    d.registeredAt = now;
    d.status = DeliveryStatus.LIVE;
    d.version = 1;
    d.apply(facts);
    return d;
  }

  /** Replaces the recorded facts; {@code expectedVersion} must be the current one. */
  public boolean correct(DeliveryFacts facts, long expectedVersion) {
    return correct(facts, adviser, expectedVersion);
  }

  /**
   * Replaces the recorded facts and who delivered (see {@link DeliveredBy#onCorrection}). False,
   * and nothing changes (no new version, so no history row and no event), when they are what the
   * delivery already says: a form saved unchanged, or a correction sent again with the version it
   * produced (one sent again with the version it replaced is 412, as any stale one).
   */
  public boolean correct(DeliveryFacts facts, String adviser, long expectedVersion) {
    requireCorrectable(expectedVersion);
    // Left out (or null, as a read answers for a direct delivery) is direct as well.
    if (groupId != null && Form.isDirect(facts.form())) {
      throw DomainException.invalid(
          "form", "must be COURSE or INFORMATION: this delivery is one of a group's");
    }
    if (says(facts) && Objects.equals(this.adviser, adviser)) {
      return false;
    }
    apply(facts);
    this.adviser = adviser;
    version++;
    return true;
  }

  /**
   * Refuses a correction of a voided delivery (409) or of another version than the current (412).
   */
  public void requireCorrectable(long expectedVersion) {
    requireLive();
    requireVersion(expectedVersion);
  }

  /** Whether these facts are the recorded ones (sub-goals as {@link #apply} keeps them). */
  private boolean says(DeliveryFacts facts) {
    return facts()
        .equals(
            new DeliveryFacts(
                facts.orgNumber(),
                facts.countyCode(),
                facts.service(),
                facts.direction(),
                facts.subGoals().stream().sorted().distinct().toList(),
                facts.deliveredOn(),
                facts.form(),
                facts.note()));
  }

  /**
   * Moves a live delivery to another county's centre: the enterprise's agreement there covers its
   * day, where the one it was recorded under had ended by then (this service heard of the end only
   * after the recording). Its facts stay as they were.
   */
  public void moveTo(String county) {
    requireLive();
    countyCode = county;
    version++;
  }

  /** Voids the delivery: it stays in history and leaves the figures. */
  public void voidIt(Long expectedVersion) {
    requireLive();
    if (expectedVersion != null) {
      requireVersion(expectedVersion);
    }
    status = DeliveryStatus.VOIDED;
    version++;
  }

  /**
   * Takes the note out, live or voided: personal data written by mistake (a name, a phone number, a
   * sick leave). A new version, so that a correction prepared on the one before (a form left open)
   * is refused as stale instead of writing the note back; the facts the figures and the events
   * carry stay as they are. Returns false, changing nothing, when there is no note.
   */
  public boolean eraseNote() {
    if (note == null) {
      return false;
    }
    note = null;
    version++;
    return true;
  }

  public boolean isLive() {
    return status == DeliveryStatus.LIVE;
  }

  public DeliveryFacts facts() {
    return new DeliveryFacts(
        orgNumber, countyCode, service, direction, List.copyOf(subGoals), deliveredOn, form, note);
  }

  private void apply(DeliveryFacts facts) {
    orgNumber = facts.orgNumber();
    countyCode = facts.countyCode();
    service = facts.service();
    direction = facts.direction();
    subGoals = facts.subGoals().stream().sorted().distinct().toList();
    deliveredOn = facts.deliveredOn();
    form = facts.form();
    note = facts.note();
    registrationLagDays =
        (int) Math.max(0, ChronoUnit.DAYS.between(deliveredOn, NorwegianTime.dateOf(registeredAt)));
  }

  private void requireLive() {
    if (!isLive()) {
      throw DomainException.conflict(
          DeliveryErrors.DELIVERY_VOIDED, "The delivery has been voided");
    }
  }

  private void requireVersion(long expected) {
    if (expected != version) {
      // The version it is at, as an agreement's answer says: the client reads it again.
      throw DomainException.stale(
          CommonErrors.STALE_VERSION,
          "The delivery is at version " + version + ", not " + expected + ": read it again");
    }
  }
}
