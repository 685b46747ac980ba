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
import java.util.UUID;

/** One kept status change of a campaign case. */
@Entity
@Table(name = "resigning_status_change")
public class ResigningStatusChange extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "campaign_id")
  public UUID campaignId;

  @Column(name = "agreement_id")
  public UUID agreementId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  public ResigningStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status")
  public ResigningStatus to;

  @Column(name = "status_on")
  public LocalDate on;

  public String note;

  @Column(name = "changed_by")
  public String changedBy;

  @Column(name = "changed_at")
  public OffsetDateTime changedAt;

  @Column(name = "call_id")
  public String callId;

  /** Who erased this change's note (null while it was never erased). */
  @Column(name = "note_erased_by")
  public String noteErasedBy;

  @Column(name = "note_erased_at")
  public OffsetDateTime noteErasedAt;
}
