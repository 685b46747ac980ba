package no.nav.ia.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** What this service knows of an agreement, from the agreement events. */
@Entity
@Table(name = "agreement_view")
public class AgreementView extends PanacheEntityBase {

  @Id
  @Column(name = "agreement_id")
  public UUID agreementId;

  @Column(name = "org_number")
  public String orgNumber;

  @Column(name = "county_code")
  public String countyCode;

  @Column(name = "signed_on")
  public LocalDate signedOn;

  @Column(name = "ended_on")
  public LocalDate endedOn;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  /** When agreement-service made the termination (its event's occurredAt); none while active. */
  @Column(name = "ended_at")
  public OffsetDateTime endedAt;

  /**
   * When the deliveries recorded since the termination was made were looked at (EndedAgreements);
   * none until then.
   */
  @Column(name = "end_settled_at")
  public OffsetDateTime endSettledAt;

  public boolean isActiveOn(LocalDate date) {
    return isActiveOn(signedOn, endedOn, date);
  }

  /**
   * An agreement is active from its signing day through its last day ({@code endedOn}, inclusive).
   */
  public static boolean isActiveOn(LocalDate signedOn, LocalDate endedOn, LocalDate date) {
    return !date.isBefore(signedOn) && (endedOn == null || !date.isAfter(endedOn));
  }

  /** The enterprise's agreement active on the date, if this service has heard of it. */
  public static Optional<AgreementView> activeOn(String orgNumber, LocalDate date) {
    return AgreementView.<AgreementView>list("orgNumber", orgNumber).stream()
        .filter(a -> a.isActiveOn(date))
        .findFirst();
  }
}
