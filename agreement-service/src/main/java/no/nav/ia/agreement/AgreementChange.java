package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One version of an agreement: what was done, by whom, and the agreement as it then stood. */
@Entity
@Table(name = "agreement_change")
public class AgreementChange extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long seq;

  @Column(name = "agreement_id")
  public UUID agreementId;

  /** What made a version. */
  public enum Action {
    /** The agreement as it stood when history began (versions before it were not kept). */
    AS_OF_HISTORY_START,
    REGISTERED,
    EDITED,
    CONTACT_PERSON_ASSIGNED,
    ENDED,
    RESIGNED
  }

  public long version;

  @Enumerated(EnumType.STRING)
  public Action action;

  @Column(name = "changed_by")
  public String changedBy;

  @Column(name = "changed_at")
  public OffsetDateTime changedAt;

  public String name;
  public int employees;

  @Column(name = "contact_person")
  public String contactPerson;

  public String status;

  @Column(name = "ended_on")
  public LocalDate endedOn;

  @Column(name = "end_reason")
  public String endReason;

  @Column(name = "resigned_on")
  public LocalDate resignedOn;

  /** The agreement as it stands after {@code action}. */
  public static AgreementChange of(Agreement a, Action action, String by, OffsetDateTime at) {
    AgreementChange c = new AgreementChange();
    c.agreementId = a.id;
    c.version = a.version;
    c.action = action;
    c.changedBy = by;
    c.changedAt = at;
    c.name = a.name;
    c.employees = a.employees;
    c.contactPerson = a.contactPerson;
    c.status = a.status.name();
    c.endedOn = a.endedOn;
    c.endReason = a.endReason;
    c.resignedOn = a.resignedOn;
    return c;
  }

  public static List<AgreementChange> of(UUID agreementId) {
    return list("agreementId = ?1 order by seq", agreementId);
  }
}
