package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A group of due units that signed an agreement on or after its campaign's start which is not due
 * in the campaign (its due one ended, or it had none), with that signing's day: the closing counts
 * it as the group's re-signing for its waiting units ({@link CampaignClosing}).
 *
 * <p>Kept once, as the closing begins. A closing runs in many transactions and is taken up again
 * after a cut-off; read from the agreements at every run, a group agreement registered or ended
 * meanwhile gave units of one group different outcomes. Kept, it stands as the cases do: as they
 * were when the closing began (migration V13 keeps them for a campaign that was closing then).
 */
@Entity
@Table(name = "resigning_group_signed_anew")
@IdClass(GroupSignedAnew.Key.class)
public class GroupSignedAnew extends PanacheEntityBase {

  /** Composite key: campaign and the group's org number. */
  public record Key(UUID campaignId, String orgNumber) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "campaign_id")
  public UUID campaignId;

  @Id
  @Column(name = "org_number")
  public String orgNumber;

  @Column(name = "signed_on")
  public LocalDate signedOn;

  /**
   * Keeps the campaign's groups signed anew as the agreements say now, unless they are kept: in the
   * transaction that begins its closing, and (for a closing begun by the release before, which kept
   * none) in the first run of it; the campaign's row is locked by the caller.
   */
  public static void keepAsTheClosingBegins(ResigningCampaign campaign) {
    if (campaign.groupsKept) {
      return;
    }
    campaign.groupsKept = true;
    getEntityManager()
        .createQuery(
            "select a.orgNumber, a.signedOn from Agreement a where a.status = :active"
                + " and a.signedOn >= :started and a.orgNumber in (select u.groupOrgNumber"
                + " from ResigningCase u where u.campaignId = :campaign"
                + " and u.groupOrgNumber is not null) and not exists (select 1 from ResigningCase d"
                + " where d.campaignId = :campaign and d.agreementId = a.id)",
            Object[].class)
        .setParameter("active", AgreementStatus.ACTIVE)
        .setParameter("started", campaign.startedOn)
        .setParameter("campaign", campaign.id)
        .getResultList()
        .forEach(r -> kept(campaign.id, (String) r[0], (LocalDate) r[1]).persist());
  }

  private static GroupSignedAnew kept(UUID campaignId, String orgNumber, LocalDate signedOn) {
    GroupSignedAnew g = new GroupSignedAnew();
    g.campaignId = campaignId;
    g.orgNumber = orgNumber;
    g.signedOn = signedOn;
    return g;
  }

  /** The campaign's groups signed anew as kept when its closing began: their signing day by org. */
  public static Map<String, LocalDate> keptFor(UUID campaignId) {
    return GroupSignedAnew.<GroupSignedAnew>list("campaignId", campaignId).stream()
        .collect(Collectors.toMap(g -> g.orgNumber, g -> g.signedOn));
  }
}
