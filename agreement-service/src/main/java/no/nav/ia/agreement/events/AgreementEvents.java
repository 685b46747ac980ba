package no.nav.ia.agreement.events;

import static no.nav.ia.platform.events.EventField.COUNTY_CODE;
import static no.nav.ia.platform.events.EventField.NAV_IDENT;
import static no.nav.ia.platform.events.EventField.ORG_NUMBER;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.agreement.ResigningStatus;
import no.nav.ia.platform.events.EventField;
import no.nav.ia.platform.events.EventKey;
import no.nav.ia.platform.events.EventTopic;
import no.nav.ia.platform.events.EventType;

/**
 * The wire contract of {@code ia.agreement-events-v1}: one record per event type, each carrying
 * enough that a consumer never calls back. No free text goes on the topic (an agreement's name, a
 * termination's reason, a campaign's name: whatever a person typed may hold personal data);
 * consumers that show a name ask agreement-service. Samples:
 * platform-test/src/main/resources/events/*.json; the AsyncAPI document is made from {@link
 * #CONTRACT}.
 */
public final class AgreementEvents {

  public static final String TOPIC = "ia.agreement-events-v1";

  private AgreementEvents() {}

  public record AgreementRegistered(
      UUID agreementId,
      @EventField(pattern = ORG_NUMBER) String orgNumber,
      @EventField(pattern = COUNTY_CODE) String countyCode,
      int employees,
      LocalDate signedOn,
      @EventField(
              nullable = true,
              pattern = ORG_NUMBER,
              description = "The corporate group (konsern), when signed under a group agreement.")
          String groupOrgNumber,
      @EventField(
              nullable = true,
              description =
                  "The group's active agreement when this one was registered, if any. It is not"
                      + " kept up: the unit belongs to whichever agreement of groupOrgNumber is"
                      + " active (the group's registered later, or ended and registered anew), as"
                      + " the agreement's REST answer shows it, with no event or version of the"
                      + " unit's own.")
          UUID groupAgreementId,
      @EventField(nullable = true, pattern = NAV_IDENT, description = "The adviser who follows up.")
          String contactPerson) {}

  public record ContactPersonAssigned(
      UUID agreementId,
      @EventField(pattern = ORG_NUMBER) String orgNumber,
      @EventField(pattern = COUNTY_CODE) String countyCode,
      @EventField(pattern = NAV_IDENT, description = "The new contact person.") String navIdent,
      @EventField(nullable = true, pattern = NAV_IDENT, description = "The one before, if any.")
          String previous) {}

  public record AgreementTerminated(
      UUID agreementId,
      @EventField(pattern = ORG_NUMBER) String orgNumber,
      @EventField(pattern = COUNTY_CODE) String countyCode,
      LocalDate signedOn,
      @EventField(description = "The last day the agreement is active.") LocalDate endedOn,
      @EventField(
              nullable = true,
              addedLater = true,
              description =
                  "The re-signing campaign whose closing ended it, not re-signed by the deadline;"
                      + " null when a centre or a system terminated it. Events published before"
                      + " December 2026 lack it.")
          UUID campaignId) {}

  /**
   * A centre corrected the agreement's name or size ({@code PATCH}), or the agreement followed the
   * register's change of them (an import). The name, free text, stays off the topic: a consumer
   * that shows it asks agreement-service.
   */
  public record AgreementCorrected(
      UUID agreementId,
      @EventField(pattern = ORG_NUMBER) String orgNumber,
      @EventField(pattern = COUNTY_CODE) String countyCode,
      @EventField(description = "The number of employees after the correction.") int employees,
      @EventField(
              description =
                  "The agreement's version after the correction (its history:"
                      + " GET /api/v1/agreements/{id}/history).")
          long version,
      @EventField(
              addedLater = true,
              description =
                  "Who corrected it: the NAV-ident of the person, the client id of the system, or"
                      + " enhetsregisteret when it followed the register's change of the name or"
                      + " size. Events published before December 2026 lack it.")
          String correctedBy) {}

  /**
   * A campaign was closed and the agreement had been re-signed in it: it stays active, in a new
   * period from {@code resignedOn}.
   */
  public record AgreementResigned(
      UUID agreementId,
      @EventField(pattern = ORG_NUMBER) String orgNumber,
      @EventField(pattern = COUNTY_CODE) String countyCode,
      UUID campaignId,
      LocalDate signedOn,
      @EventField(
              description =
                  "The start of the agreement's new period: the day it was signed again (its"
                      + " group's day for a unit re-signed with its group).")
          LocalDate resignedOn) {}

  /**
   * A re-signing campaign started; {@code dueByCounty} counts the agreements due per county then
   * ({@link ResigningCaseAdded} adds those registered later, {@link ResigningCaseRemoved} takes
   * away those ended with a day before it started).
   */
  public record CampaignStarted(
      UUID campaignId,
      LocalDate deadline,
      LocalDate startedOn,
      @EventField(
              description =
                  "Agreements due for re-signing when the campaign started, in all; each"
                      + " ResigningCaseAdded of the campaign adds one, each ResigningCaseRemoved"
                      + " takes one away.")
          int due,
      @EventField(
              description =
                  "Agreements due per county code when the campaign started; each"
                      + " ResigningCaseAdded adds one in its county, each ResigningCaseRemoved"
                      + " takes one away.")
          Map<String, Integer> dueByCounty) {}

  /**
   * An agreement registered while a campaign is open, signed before the campaign started: it was
   * active when the campaign started, so it is due too (PENDING), one more than the campaign's
   * {@code dueByCounty} counted in its county.
   */
  public record ResigningCaseAdded(
      UUID campaignId,
      UUID agreementId,
      @EventField(pattern = ORG_NUMBER) String orgNumber,
      @EventField(pattern = COUNTY_CODE) String countyCode,
      int employees,
      @EventField(description = "The day the agreement was signed, before the campaign started.")
          LocalDate signedOn) {}

  /**
   * A due agreement that was not active when the campaign started is not due after all, one less
   * than the campaign counted in its county; had it re-signed in the campaign, one less re-signed
   * too. It was ended with a day before the start (a termination dated back), or (only for a
   * campaign started before this rule, made right once by a migration) signed on the start day.
   */
  public record ResigningCaseRemoved(
      UUID campaignId,
      UUID agreementId,
      @EventField(pattern = ORG_NUMBER) String orgNumber,
      @EventField(pattern = COUNTY_CODE) String countyCode,
      int employees,
      @EventField(
              values = ResigningStatus.class,
              description = "Where the agreement stood in the campaign when it was removed.")
          String status,
      @EventField(
              nullable = true,
              description =
                  "The day the agreement ended, before the campaign started; none for one signed"
                      + " on the start day.")
          LocalDate endedOn) {}

  public record ResigningStatusChanged(
      UUID campaignId,
      UUID agreementId,
      @EventField(pattern = ORG_NUMBER) String orgNumber,
      @EventField(pattern = COUNTY_CODE) String countyCode,
      int employees,
      @EventField(values = ResigningStatus.class) String from,
      @EventField(values = ResigningStatus.class) String to,
      LocalDate on,
      @EventField(description = "The NAV-ident of the person, or the client id of the system.")
          String changedBy) {}

  /** Every event type on the topic: what the outbox publishes under and AsyncAPI describes. */
  public static final EventTopic CONTRACT =
      new EventTopic(
          TOPIC,
          "agreement-service",
          "Cooperation agreements (IA agreements) and re-signing campaigns, as agreement-service"
              + " records them. Keyed by the enterprise's org number (a campaign by its id).",
          List.of(
              EventType.of(
                  AgreementRegistered.class,
                  EventKey.ORG_NUMBER,
                  "An enterprise signed a cooperation agreement; it is active from signedOn."),
              EventType.of(
                  ContactPersonAssigned.class,
                  EventKey.ORG_NUMBER,
                  "An agreement got a new contact person at NAV."),
              EventType.of(
                  AgreementCorrected.class,
                  EventKey.ORG_NUMBER,
                  "A centre corrected an agreement's name or number of employees, or the agreement"
                      + " followed the register's change of them (correctedBy: enhetsregisteret);"
                      + " the name itself stays off the topic."),
              EventType.of(
                  AgreementTerminated.class,
                  EventKey.ORG_NUMBER,
                  "An agreement ended; it is active through endedOn. Closing a re-signing campaign"
                      + " ends every due agreement not re-signed on the campaign's deadline."),
              EventType.of(
                  AgreementResigned.class,
                  EventKey.ORG_NUMBER,
                  "A re-signing campaign was closed and the agreement had been re-signed in it: it"
                      + " stays active, its new period starts on resignedOn."),
              EventType.of(
                  CampaignStarted.class,
                  EventKey.uuid("The campaign's id: a campaign concerns no single enterprise."),
                  "A re-signing campaign started: every agreement active then and signed before its"
                      + " day is due."),
              EventType.of(
                  ResigningCaseAdded.class,
                  EventKey.ORG_NUMBER,
                  "An agreement registered while a re-signing campaign is open, signed before it"
                      + " started, is due in it too: one more due in its county."),
              EventType.of(
                  ResigningCaseRemoved.class,
                  EventKey.ORG_NUMBER,
                  "A due agreement was not active when its re-signing campaign started (ended with"
                      + " a day before it): it is not due after all; one less due in its county (and"
                      + " one less re-signed when its status was RESIGNED)."),
              EventType.of(
                  ResigningStatusChanged.class,
                  EventKey.ORG_NUMBER,
                  "An agreement moved in a re-signing campaign: by a status change, or by the"
                      + " platform's rule for a unit of a group (konsern) that re-signed, which"
                      + " follows it to RESIGNED (at the group's change, the unit's own registration"
                      + " or move, or the campaign's closing; one event per unit). changedBy is"
                      + " whoever made the request that set the move off, so one request may give"
                      + " several events with the same changedBy and callId.")));
}
