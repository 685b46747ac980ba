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
 *
 * <p>No status changes once the closing has begun, so the decisions hang only on the cases as they
 * stood then; a closing cut off and taken up again decides the rest alike.
 */
public final class CampaignClosing {

  /** The end reason of an agreement that was not re-signed. */
  public static final String NOT_RESIGNED = "NOT_RESIGNED";

  private final LocalDate deadline;
  private final Map<String, ResigningCase> byOrgNumber = new HashMap<>();

  /**
   * @param groups the campaign's cases of the enterprises that are some due unit's group (all its
   *     cases will do)
   */
  public CampaignClosing(ResigningCampaign campaign, Collection<ResigningCase> groups) {
    this.deadline = campaign.deadline;
    groups.forEach(g -> byOrgNumber.putIfAbsent(g.orgNumber, g));
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
    ResigningCase group = c.followsItsGroup() ? byOrgNumber.get(c.groupOrgNumber) : null;
    if (group == null || !seen.add(c.orgNumber)) {
      return Optional.empty();
    }
    return resignedOn(group, seen).map(c::followsGroupOn);
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
