package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import no.nav.ia.platform.domain.DomainException;

/** One agreement due in a campaign, with where it stands now. */
@Entity
@Table(name = "resigning_case")
@IdClass(ResigningCase.Key.class)
public class ResigningCase extends PanacheEntityBase {

  /** Composite key: campaign and agreement. */
  public record Key(UUID campaignId, UUID agreementId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "campaign_id")
  public UUID campaignId;

  @Id
  @Column(name = "agreement_id")
  public UUID agreementId;

  @Column(name = "org_number")
  public String orgNumber;

  @Column(name = "county_code")
  public String countyCode;

  public int employees;

  @Column(name = "group_org_number")
  public String groupOrgNumber;

  @Enumerated(EnumType.STRING)
  public ResigningStatus status;

  /** The date of the latest status (e.g. when the enterprise was contacted). */
  @Column(name = "status_on")
  public LocalDate statusOn;

  public String note;

  /** What the campaign's closing did to the agreement; null until then. */
  @Enumerated(EnumType.STRING)
  public ClosingOutcome outcome;

  @Version public long version;

  /**
   * The case of an agreement that became due on the day given: PENDING, as the start makes them.
   */
  public static ResigningCase pending(UUID campaignId, Agreement agreement, LocalDate on) {
    ResigningCase c = new ResigningCase();
    c.campaignId = campaignId;
    c.agreementId = agreement.id;
    c.orgNumber = agreement.orgNumber;
    c.countyCode = agreement.countyCode;
    c.employees = agreement.employees;
    c.groupOrgNumber = agreement.groupOrgNumber;
    c.status = ResigningStatus.PENDING;
    c.statusOn = on;
    return c;
  }

  /**
   * Moves the case on; returns the status it had. Refused for a move the rules do not allow
   * (RESIGNING_TRANSITION_NOT_ALLOWED), a date in the future or before the current status's.
   */
  public ResigningStatus moveTo(ResigningStatus to, LocalDate on, LocalDate today, String note) {
    if (on.isAfter(today)) {
      throw DomainException.invalid("on", "must not be in the future");
    }
    if (!status.next().contains(to)) {
      throw DomainException.notAllowedNow(
          AgreementErrors.RESIGNING_TRANSITION_NOT_ALLOWED,
          "An agreement that is " + status + " cannot become " + to);
    }
    if (to == ResigningStatus.AWAITING_GROUP && groupOrgNumber == null) {
      throw DomainException.notAllowedNow(
          AgreementErrors.NO_GROUP_AGREEMENT,
          "The agreement was not signed under a group (konsern): there is no group to wait for");
    }
    // PENDING's date is only the campaign start; a contact may have been made before it was
    // registered.
    if (status != ResigningStatus.PENDING && on.isBefore(statusOn)) {
      throw DomainException.invalid("on", "must not be before the date of the current status");
    }
    ResigningStatus from = status;
    status = to;
    statusOn = on;
    this.note = note;
    return from;
  }

  /**
   * The case stands where the change would move it: the same status, on the same day, with the same
   * note. Such a change is a retry of the one that moved it there and changes nothing (no history
   * row, no event); a same status with another day or note is a change of its own, as the rules
   * allow it (a new contact) or not (RESIGNED is final).
   */
  public boolean standsAt(ResigningStatus to, LocalDate on, String note) {
    return status == to && on.equals(statusOn) && Objects.equals(note, this.note);
  }

  /**
   * The day this open unit re-signs with its group that re-signed on {@code groupOn}: that day, or
   * the unit's own status day when that is later (a unit that was contacted after its group signed
   * does not go back in time; the closing dates it the same way, {@link CampaignClosing}).
   */
  public LocalDate followsGroupOn(LocalDate groupOn) {
    return status != ResigningStatus.PENDING && statusOn != null && statusOn.isAfter(groupOn)
        ? statusOn
        : groupOn;
  }

  /**
   * The group cascade: when this case (a group's own agreement) is re-signed, the cases of its
   * units that are still open follow it, since they were waiting for the central signing. Returns
   * those among {@code unitsOfGroup} (the campaign's cases whose group is this enterprise).
   */
  public List<ResigningCase> unitsResigningWith(List<ResigningCase> unitsOfGroup) {
    return unitsOfGroup.stream()
        .filter(unit -> orgNumber.equals(unit.groupOrgNumber) && unit.followsItsGroup())
        .toList();
  }

  /** A unit of a group that is still open: its group's re-signing counts for it. */
  public boolean followsItsGroup() {
    return groupOrgNumber != null && FOLLOWS_GROUP.contains(status);
  }

  /** The statuses a unit leaves for RESIGNED when its group re-signs (not DECLINED, not done). */
  static final Set<ResigningStatus> FOLLOWS_GROUP =
      EnumSet.of(
          ResigningStatus.PENDING,
          ResigningStatus.CONTACTED,
          ResigningStatus.AWAITING_GROUP,
          ResigningStatus.NO_RESPONSE);

  /**
   * The statuses that are a case's outcome: the progress counts them so also once the agreement has
   * ended (a case still worked on counts as ended then).
   */
  public static final Set<ResigningStatus> OUTCOMES =
      EnumSet.of(ResigningStatus.RESIGNED, ResigningStatus.DECLINED);

  /** An agreement's case in a campaign not yet closed, with the campaign's deadline. */
  public record Open(
      UUID campaignId, ResigningStatus status, LocalDate statusOn, LocalDate deadline) {}

  /**
   * The cases of these agreements in the campaign not yet closed (at most one is open at a time),
   * by agreement: what an adviser's working list shows of the re-signing.
   */
  public static java.util.Map<UUID, Open> openOf(java.util.Collection<UUID> agreementIds) {
    if (agreementIds.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<UUID, Open> open = new java.util.HashMap<>();
    getEntityManager()
        .createQuery(
            "select rc.agreementId, rc.campaignId, rc.status, rc.statusOn, c.deadline"
                + " from ResigningCase rc, ResigningCampaign c"
                + " where c.id = rc.campaignId and c.status <> :closed"
                + " and rc.agreementId in :ids",
            Object[].class)
        .setParameter("closed", CampaignStatus.CLOSED)
        .setParameter("ids", agreementIds)
        .getResultList()
        .forEach(
            r ->
                open.put(
                    (UUID) r[0],
                    new Open(
                        (UUID) r[1], (ResigningStatus) r[2], (LocalDate) r[3], (LocalDate) r[4])));
    return open;
  }
}
