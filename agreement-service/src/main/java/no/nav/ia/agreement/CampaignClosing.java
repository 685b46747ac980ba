package no.nav.ia.agreement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What closing a re-signing campaign gives each due agreement (the re-signing outcome, API.md). A
 * case that is RESIGNED: a new period from the day it became RESIGNED. A unit still open whose
 * group (due in the same campaign) counts as re-signed: re-signed with it, from the group's day or
 * its own latest status's day if that is later; this is the group cascade of {@link
 * ResigningCase#unitsResigningWith}, for units that moved after their group signed. Every other
 * case (declined, not answering, still waiting): the agreement ends on the deadline, NOT_RESIGNED.
 * A group whose due agreement ended during the campaign cannot re-sign it; when the group signed a
 * new agreement on or after the campaign's start, that signing counts as its re-signing for the
 * units waiting for it (from the new agreement's signing day), as does a group that was not due at
 * all.
 *
 * <p>No status changes once the closing has begun, and the groups that signed anew are kept as they
 * stood then ({@link GroupSignedAnew}), so the decisions hang only on what there was when the
 * closing began; a closing cut off and taken up again decides the rest alike.
 */
public final class CampaignClosing {

  /** The end reason of an agreement that was not re-signed. */
  public static final String NOT_RESIGNED = "NOT_RESIGNED";

  private final LocalDate deadline;
  private final Map<String, ResigningCase> byOrgNumber = new HashMap<>();
  private final Map<String, LocalDate> signedAnew;

  /**
   * @param groups the campaign's cases of the enterprises that are some due unit's group (all its
   *     cases will do)
   */
  public CampaignClosing(ResigningCampaign campaign, Collection<ResigningCase> groups) {
    this(campaign, groups, Map.of());
  }

  /**
   * @param signedAnew per org number of a due unit's group, the signing day of its active agreement
   *     signed on or after the campaign's start that is not due in the campaign (a group whose due
   *     agreement ended and that signed again, or one that had none at the start), as kept when the
   *     closing began
   */
  public CampaignClosing(
      ResigningCampaign campaign,
      Collection<ResigningCase> groups,
      Map<String, LocalDate> signedAnew) {
    this.deadline = campaign.deadline;
    groups.forEach(g -> byOrgNumber.putIfAbsent(g.orgNumber, g));
    this.signedAnew = Map.copyOf(signedAnew);
  }

  /** The outcome for one due agreement. */
  public Decision decide(ResigningCase c) {
    Optional<LocalDate> resignedOn = resignedOn(c, new HashSet<>());
    if (resignedOn.isEmpty()) {
      return new Decision(c, false, deadline, null);
    }
    return new Decision(
        c, true, resignedOn.get(), c.status == ResigningStatus.RESIGNED ? null : c.groupOrgNumber);
  }

  /** The day the case counts as re-signed from, if it does (itself or through its groups). */
  private Optional<LocalDate> resignedOn(ResigningCase c, Set<String> seen) {
    if (c.status == ResigningStatus.RESIGNED) {
      return Optional.of(c.statusOn);
    }
    if (!c.followsItsGroup() || !seen.add(c.orgNumber)) {
      return Optional.empty();
    }
    ResigningCase group = byOrgNumber.get(c.groupOrgNumber);
    return (group == null ? Optional.<LocalDate>empty() : resignedOn(group, seen))
        .or(() -> Optional.ofNullable(signedAnew.get(c.groupOrgNumber)))
        .map(c::followsGroupOn);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? b : a;
  }

  /**
   * The outcome for one case: re-signed from {@code on}, or ending on {@code on} (the deadline).
   * {@code withGroup}: the group through whose signing it counts as re-signed; its case moves to
   * RESIGNED at the closing.
   */
  public record Decision(
      ResigningCase resigningCase, boolean resigned, LocalDate on, String withGroup) {

    /**
     * Gives the case's agreement its outcome and records it on the case. An agreement that has
     * already ended stays as it is; neither a new period nor the end comes before the signing.
     */
    public ClosingOutcome applyTo(Agreement agreement) {
      if (!agreement.id.equals(resigningCase.agreementId)) {
        throw new IllegalArgumentException("the agreement is not the case's");
      }
      ClosingOutcome outcome;
      if (!agreement.isActive()) {
        outcome = ClosingOutcome.UNCHANGED;
      } else if (resigned) {
        agreement.resign(later(on, agreement.signedOn));
        outcome = ClosingOutcome.RESIGNED;
      } else {
        agreement.terminate(later(on, agreement.signedOn), NOT_RESIGNED);
        outcome = ClosingOutcome.ENDED;
      }
      resigningCase.outcome = outcome;
      return outcome;
    }
  }
}
