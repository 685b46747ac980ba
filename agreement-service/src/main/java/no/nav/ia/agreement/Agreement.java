package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.platform.domain.CommonErrors;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.domain.FreeText;

/**
 * A cooperation agreement (samarbeidsavtale) that makes an enterprise an IA enterprise.
 *
 * <p>An update writes only the columns it changed ({@code @DynamicUpdate}): the link to the group's
 * agreement is set by a statement of its own ({@link #linkUnits}) without a new version, and an
 * edit loaded before it would otherwise write the old, empty link back.
 */
@Entity
@Table(name = "agreement")
@org.hibernate.annotations.DynamicUpdate
public class Agreement extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "org_number")
  public String orgNumber;

  public String name;

  @Column(name = "county_code")
  public String countyCode;

  public int employees;

  @Column(name = "signed_on")
  public LocalDate signedOn;

  /**
   * The corporate group (konsern) the enterprise belongs to, when it signed under a group
   * agreement.
   */
  @Column(name = "group_org_number")
  public String groupOrgNumber;

  @Column(name = "group_agreement_id")
  public UUID groupAgreementId;

  /** NAV-ident of the fixed contact person (kontaktperson) at the county's centre. */
  @Column(name = "contact_person")
  public String contactPerson;

  @Enumerated(EnumType.STRING)
  public AgreementStatus status;

  @Column(name = "ended_on")
  public LocalDate endedOn;

  @Column(name = "end_reason")
  public String endReason;

  /** The start of its current period: the day it was last re-signed in a campaign, if ever. */
  @Column(name = "resigned_on")
  public LocalDate resignedOn;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "created_by")
  public String createdBy;

  @Version public long version;

  /** The name's folded words (SearchWords), for the working lists' name filter. */
  @Column(name = "search_words")
  public String searchWords;

  /**
   * A new, active agreement registered by a centre, if the registration keeps the rules: the county
   * code must be a county on the signing date (counties were merged and split over the years), and
   * a group's org number must not be the enterprise's own.
   *
   * @param county the county of that code, if there is one
   */
  public static Agreement register(
      String orgNumber,
      String name,
      String countyCode,
      Optional<County> county,
      int employees,
      LocalDate signedOn,
      String groupOrgNumber) {
    List<DomainException.Violation> violations = new ArrayList<>();
    if (county.isEmpty()) {
      violations.add(new DomainException.Violation("countyCode", "is not a known county code"));
    } else if (!county.get().isValidOn(signedOn)) {
      violations.add(
          new DomainException.Violation("countyCode", "is not a county on the signing date"));
    }
    if (orgNumber.equals(groupOrgNumber)) {
      violations.add(
          new DomainException.Violation(
              "groupOrgNumber", "must differ from the enterprise's own org number"));
    }
    if (!violations.isEmpty()) {
      throw DomainException.invalid(violations);
    }
    Agreement agreement = sign(orgNumber, name, countyCode, employees, signedOn);
    agreement.groupOrgNumber = groupOrgNumber;
    return agreement;
  }

  /** A new, active agreement. */
  public static Agreement sign(
      String orgNumber, String name, String countyCode, int employees, LocalDate signedOn) {
    Agreement a = new Agreement();
    a.id = UUID.randomUUID();
    a.orgNumber = orgNumber;
    a.named(name);
    a.countyCode = countyCode;
    a.employees = employees;
    a.signedOn = signedOn;
    a.status = AgreementStatus.ACTIVE;
    return a;
  }

  public boolean isActive() {
    return status == AgreementStatus.ACTIVE;
  }

  /** Active on the date: signed on or before it and not ended before it. */
  public boolean isActiveOn(LocalDate date) {
    return !date.isBefore(signedOn) && (endedOn == null || !date.isAfter(endedOn));
  }

  /**
   * Assigns or changes the contact person; returns the previous one. {@code expectedVersion}, when
   * the caller gave one (not null), is the version it read: a change made since is not overwritten
   * unseen.
   */
  public Optional<String> assignContactPerson(String navIdent, Long expectedVersion) {
    if (expectedVersion != null) {
      requireVersion(expectedVersion);
    }
    if (!isActive()) {
      throw DomainException.notAllowedNow(
          AgreementErrors.AGREEMENT_ENDED, "The agreement has ended");
    }
    String previous = contactPerson;
    contactPerson = navIdent;
    return Optional.ofNullable(previous);
  }

  /**
   * Ends the agreement; it stays in history and no longer counts as active after that date. The
   * same termination again (the day and reason it ended with: a client's retry after a lost answer)
   * changes nothing and returns false; another one of an ended agreement is a conflict. With the
   * version the client read ({@code expectedVersion}, from If-Match), a change made since is stale.
   */
  public boolean terminate(LocalDate on, String reason) {
    return terminate(on, reason, null);
  }

  /** {@link #terminate(LocalDate, String)}, refused when it is no longer at the version read. */
  public boolean terminate(LocalDate on, String reason, Long expectedVersion) {
    if (endedAs(on, reason)) {
      // A retry's If-Match names the version before its own termination: it is answered, not
      // refused (RFC 9110, 13.1.1), as the contact person's retry is.
      return false;
    }
    if (expectedVersion != null) {
      requireVersion(expectedVersion);
    }
    if (!isActive()) {
      throw DomainException.conflict(
          AgreementErrors.AGREEMENT_ALREADY_ENDED, "The agreement has already ended");
    }
    if (on.isBefore(signedOn)) {
      throw DomainException.invalid("endedOn", "must not be before the agreement was signed");
    }
    if (resignedOn != null && on.isBefore(resignedOn)) {
      // It would read as re-signed for a new period that began after it ended.
      throw DomainException.invalid(
          "endedOn", "must not be before the agreement was signed again (its resignedOn)");
    }
    status = AgreementStatus.ENDED;
    endedOn = on;
    endReason = reason;
    return true;
  }

  /** What an erased termination reason reads (the text itself is gone); not a reason to type. */
  public static final String ERASED_REASON = "ERASED";

  /**
   * Whether it ended with a reason someone wrote, one that may be erased: not a campaign closing's
   * NOT_RESIGNED (the platform's words), not one erased before.
   */
  public boolean hasWrittenEndReason() {
    return endReason != null
        && !endReason.equals(CampaignClosing.NOT_RESIGNED)
        && !endReason.equals(ERASED_REASON);
  }

  /** Whether it ended on the day for the reason: a termination saying so again is a retry. */
  public boolean endedAs(LocalDate on, String reason) {
    return status == AgreementStatus.ENDED && on.equals(endedOn) && reason.equals(endReason);
  }

  /** Gives a re-signed agreement its new period, from the day it was signed again. */
  public void resign(LocalDate on) {
    if (!isActive()) {
      throw DomainException.notAllowedNow(
          AgreementErrors.AGREEMENT_ENDED, "The agreement has ended");
    }
    if (on.isBefore(signedOn)) {
      throw DomainException.invalid("resignedOn", "must not be before the agreement was signed");
    }
    resignedOn = on;
  }

  /**
   * Corrects the name or the size (either may be left out); {@code expectedVersion} is the version
   * the caller read. An ended agreement is history and is not corrected.
   *
   * @return whether anything changed (the same values again are no new version)
   */
  public boolean edit(long expectedVersion, String newName, Integer newEmployees) {
    requireVersion(expectedVersion);
    if (!isActive()) {
      throw DomainException.notAllowedNow(
          AgreementErrors.AGREEMENT_ENDED, "The agreement has ended");
    }
    if (newName == null && newEmployees == null) {
      throw DomainException.invalid("name", "name or employees must be given");
    }
    boolean changed = false;
    if (newName != null && !FreeText.strip(newName).equals(name)) {
      named(FreeText.strip(newName));
      changed = true;
    }
    if (newEmployees != null && newEmployees != employees) {
      employees = newEmployees;
      changed = true;
    }
    return changed;
  }

  /**
   * Follows the register's change of the enterprise (an import): a name or size the agreement has
   * as the register gave it before takes the register's new value; one the centre has made its own
   * (not the register's before the change) stays, as does an ended agreement. No version check: the
   * register read no version.
   *
   * @return whether anything changed
   */
  public boolean follow(RegisterChange change) {
    if (!isActive()) {
      return false;
    }
    boolean changed = false;
    if (change.nameBefore() != null
        && change.name() != null
        && name.equals(FreeText.strip(change.nameBefore()))
        && !name.equals(FreeText.strip(change.name()))) {
      named(FreeText.strip(change.name()));
      changed = true;
    }
    if (change.employeesBefore() != null
        && change.employees() != null
        && employees == change.employeesBefore()
        && employees != change.employees()) {
      employees = change.employees();
      changed = true;
    }
    return changed;
  }

  /** The name, and the words the working lists find it by, which always go with it. */
  private void named(String newName) {
    name = newName;
    searchWords = SearchWords.listed(newName);
  }

  /** 412 unless the agreement is still at the version the caller read. */
  private void requireVersion(long expectedVersion) {
    if (expectedVersion != version) {
      throw DomainException.stale(
          CommonErrors.STALE_VERSION,
          "The agreement is at version "
              + version
              + ", not "
              + expectedVersion
              + ": read it again");
    }
  }

  /** Whether the person is already the agreement's contact person. */
  public boolean hasContactPerson(String navIdent) {
    return navIdent.equals(contactPerson);
  }

  /**
   * The enterprise's ended agreement that was still active on or after the day, if any: a new
   * agreement signed that day would overlap it (an enterprise is in one agreement at a time).
   */
  public static Optional<Agreement> lastEndedOnOrAfter(String orgNumber, LocalDate day) {
    // The status as a literal, so that every plan may use the partial index (V11).
    return find(
            "orgNumber = ?1 and status = 'ENDED' and endedOn >= ?2 order by endedOn desc",
            orgNumber,
            day)
        .firstResultOptional();
  }

  /**
   * The transaction lock that registrations under a group take before they walk the group chain (a
   * PostgreSQL advisory lock key of its own in this service's database).
   */
  public static final long GROUP_CHAIN_LOCK = 0x1a_67_0c_4a1eL;

  /**
   * Whether the group {@code groupOrgNumber} is {@code orgNumber} itself or is, through the groups
   * the active agreements name, a unit of it: registering {@code orgNumber} under it would make a
   * loop of groups, each the other's unit (a re-signing then carried the whole loop along).
   */
  public static boolean groupChainReaches(String groupOrgNumber, String orgNumber) {
    // Two registrations naming each other at the same moment would each read the chain before the
    // other's commit and both pass: those naming a group take turns, until their commit.
    getEntityManager()
        .createNativeQuery("select count(pg_advisory_xact_lock(" + GROUP_CHAIN_LOCK + "))")
        .getSingleResult();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String group = groupOrgNumber; group != null && seen.add(group); ) {
      if (group.equals(orgNumber)) {
        return true;
      }
      group = activeFor(group).map(a -> a.groupOrgNumber).orElse(null);
    }
    return false;
  }

  /** The class of the transaction locks on a group's links, beside the org number (two keys). */
  static final int GROUP_LINK_LOCK = 0x1a67;

  /**
   * Takes the transaction lock on the links to the group {@code groupOrgNumber}'s agreement: a
   * unit's registration before it reads the group's agreement, the group's before it links its
   * units. A unit and its group registered at the same moment each missed the other's uncommitted
   * row, and the unit stayed unlinked until the group signed anew (a review saw 3 of 10).
   */
  public static void lockGroupLinks(String groupOrgNumber) {
    getEntityManager()
        .createNativeQuery("select count(pg_advisory_xact_lock(?1, ?2))")
        .setParameter(1, GROUP_LINK_LOCK)
        .setParameter(2, Integer.parseInt(groupOrgNumber))
        .getSingleResult();
  }

  public static Optional<Agreement> activeFor(String orgNumber) {
    return find("orgNumber = ?1 and status = ?2", orgNumber, AgreementStatus.ACTIVE)
        .firstResultOptional();
  }

  /**
   * Links the active agreements signed under this group agreement's enterprise to it: those
   * registered before it (no group agreement to link to then) or under an earlier one of the group.
   * A derived link, not a change anyone made: no new version. Returns how many were linked.
   */
  public int linkUnits() {
    lockGroupLinks(orgNumber);
    return update(
        "groupAgreementId = ?1 where groupOrgNumber = ?2 and status = ?3"
            + " and (groupAgreementId is null or groupAgreementId <> ?1)",
        id,
        orgNumber,
        AgreementStatus.ACTIVE);
  }
}
