package no.nav.ia.agreement;

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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.time.Timestamps;

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

  @Enumerated(EnumType.STRING)
  public CampaignStatus status;

  /** The day the closing was asked for (the outcome's day); null while open. */
  @Column(name = "closed_on")
  public LocalDate closedOn;

  @Column(name = "closed_by")
  public String closedBy;

  /** When every due agreement had its outcome; null until then. */
  @Column(name = "closed_at")
  public OffsetDateTime closedAt;

  /** Whether its groups signed anew are kept ({@link GroupSignedAnew}): once, as closing begins. */
  @Column(name = "groups_kept")
  public boolean groupsKept;

  /**
   * How far ahead a deadline may be: a campaign runs for months, and one open campaign holds every
   * later one until its deadline (a review's typo of 2072 for 2027 would have held them for
   * decades; a started campaign is not edited).
   */
  public static final int MAX_YEARS_AHEAD = 2;

  /** A campaign starting today, by whom; its deadline must not have passed nor be years ahead. */
  public static ResigningCampaign start(
      String name, LocalDate deadline, LocalDate today, String startedBy) {
    if (deadline.isBefore(today)) {
      throw DomainException.invalid("deadline", "must not be in the past");
    }
    if (deadline.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
      throw DomainException.invalid(
          "deadline",
          "must be at most "
              + MAX_YEARS_AHEAD
              + " years ahead, on "
              + today.plusYears(MAX_YEARS_AHEAD)
              + " or before");
    }
    ResigningCampaign campaign = new ResigningCampaign();
    campaign.id = UUID.randomUUID();
    campaign.name = name;
    campaign.deadline = deadline;
    campaign.startedOn = today;
    campaign.startedAt = Timestamps.now();
    campaign.startedBy = startedBy;
    campaign.status = CampaignStatus.OPEN;
    return campaign;
  }

  /**
   * The campaign that is not closed yet (OPEN or CLOSING), if any. There is at most one (the index
   * {@code resigning_campaign_one_not_closed}): a closing ends every due agreement not re-signed in
   * its own campaign, which would end agreements re-signed in another campaign running beside it.
   */
  public static Optional<ResigningCampaign> notClosed() {
    return find("status <> ?1", CampaignStatus.CLOSED).firstResultOptional();
  }

  /**
   * The refusal of another campaign while this one is not closed; it names this one, so that a
   * retried start (the same name and deadline) finds the campaign its first attempt started; {@code
   * path} is where a client reads it (the service knows the API's paths, this class does not).
   */
  public DomainException refusesAnother(String path) {
    return DomainException.conflict(
        AgreementErrors.CAMPAIGN_ALREADY_OPEN,
        "Campaign "
            + id
            + " ('"
            + name
            + "', deadline "
            + deadline
            + ") is "
            + status.name().toLowerCase(Locale.ROOT)
            + ": a new campaign can start once it is closed",
        path);
  }

  /**
   * Starts closing the campaign, on or after its deadline: from now on its cases take no status
   * changes. Returns false when the campaign was already closing (a closing that was cut off is
   * taken up again); a closed campaign is not closed twice.
   */
  public boolean close(LocalDate today, String by) {
    switch (status) {
      case CLOSED ->
          throw DomainException.conflict(
              AgreementErrors.CAMPAIGN_ALREADY_CLOSED, "The campaign was closed on " + closedOn);
      case CLOSING -> {
        return false;
      }
      case OPEN -> {
        if (today.isBefore(deadline)) {
          throw DomainException.notAllowedNow(
              AgreementErrors.CAMPAIGN_DEADLINE_NOT_REACHED,
              "The campaign can be closed on or after its deadline, " + deadline);
        }
        status = CampaignStatus.CLOSING;
        closedOn = today;
        closedBy = by;
        return true;
      }
    }
    throw new IllegalStateException("unknown campaign status " + status);
  }

  /** Every due agreement has its outcome: the campaign is closed. */
  public void closed(OffsetDateTime at) {
    if (status != CampaignStatus.CLOSING) {
      throw new IllegalStateException("a campaign is closed only after its closing began");
    }
    status = CampaignStatus.CLOSED;
    closedAt = at;
  }

  /**
   * Whether an agreement registered now is due in this campaign: it was signed before the day the
   * campaign started, so it was active then and is only recorded late, and the campaign still takes
   * changes (open). One signed on that day or later belongs to the new period.
   */
  public boolean makesDueOnRegistration(Agreement agreement) {
    return status == CampaignStatus.OPEN && agreement.signedOn.isBefore(startedOn);
  }

  /**
   * Whether an agreement that has just ended is no longer due in this campaign: it ended before the
   * day the campaign started (a termination dated back), so it was not active then, and the
   * campaign still takes changes (open). One that ended on that day or later was due and stays so.
   */
  public boolean makesNotDueOnTermination(Agreement agreement) {
    return status == CampaignStatus.OPEN
        && agreement.endedOn != null
        && agreement.endedOn.isBefore(startedOn);
  }

  /** Refuses a status change once the campaign is closing or closed: its outcome is given. */
  public void requireOpen() {
    if (status != CampaignStatus.OPEN) {
      throw DomainException.conflict(
          AgreementErrors.CAMPAIGN_CLOSED,
          "The campaign is "
              + status.name().toLowerCase(Locale.ROOT)
              + ": its agreements take no more status changes");
    }
  }

  /** Days from the date to the deadline; negative once it has passed. */
  public long daysToDeadline(LocalDate today) {
    return ChronoUnit.DAYS.between(today, deadline);
  }
}
