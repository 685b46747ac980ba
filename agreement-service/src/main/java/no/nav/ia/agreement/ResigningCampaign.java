package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import no.nav.ia.platform.domain.DomainException;

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

  /** A campaign starting today, by whom; its deadline must not have passed. */
  public static ResigningCampaign start(
      String name, LocalDate deadline, LocalDate today, String startedBy) {
    if (deadline.isBefore(today)) {
      throw DomainException.invalid("deadline", "must not be in the past");
    }
    ResigningCampaign campaign = new ResigningCampaign();
    campaign.id = UUID.randomUUID();
    campaign.name = name;
    campaign.deadline = deadline;
    campaign.startedOn = today;
    campaign.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    campaign.startedBy = startedBy;
    return campaign;
  }

  /** Days from the date to the deadline; negative once it has passed. */
  public long daysToDeadline(LocalDate today) {
    return ChronoUnit.DAYS.between(today, deadline);
  }
}
