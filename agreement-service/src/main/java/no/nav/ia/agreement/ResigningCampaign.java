package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A campaign to get every active agreement signed again for a new IA period. */
@Entity
@Table(name = "resigning_campaign")
public class ResigningCampaign extends PanacheEntityBase {

  @Id public UUID id;

  public String name;

  public LocalDate deadline;

  @Column(name = "started_on")
  public LocalDate startedOn;

  @Column(name = "started_at")
  public OffsetDateTime startedAt;

  @Column(name = "started_by")
  public String startedBy;

  /** Days from the date to the deadline; negative once it has passed. */
  public long daysToDeadline(LocalDate today) {
    return ChronoUnit.DAYS.between(today, deadline);
  }
}
