package no.nav.ia.agreement.events;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The wire contract of {@code ia.agreement-events-v1}: one record per event type, each carrying
 * enough that a consumer never calls back. No free text goes on the topic (an agreement's name, a
 * termination's reason, a campaign's name: whatever a person typed may hold personal data);
 * consumers that show a name ask agreement-service. Samples:
 * platform-test/src/main/resources/events/*.json.
 */
public final class AgreementEvents {

  public static final String TOPIC = "ia.agreement-events-v1";

  private AgreementEvents() {}

  public record AgreementRegistered(
      UUID agreementId,
      String orgNumber,
      String countyCode,
      int employees,
      LocalDate signedOn,
      String groupOrgNumber,
      UUID groupAgreementId,
      String contactPerson) {}

  public record ContactPersonAssigned(
      UUID agreementId, String orgNumber, String countyCode, String navIdent, String previous) {}

  public record AgreementTerminated(
      UUID agreementId,
      String orgNumber,
      String countyCode,
      LocalDate signedOn,
      LocalDate endedOn) {}

  /** A re-signing campaign started; {@code dueByCounty} counts the agreements due per county. */
  public record CampaignStarted(
      UUID campaignId,
      LocalDate deadline,
      LocalDate startedOn,
      int due,
      Map<String, Integer> dueByCounty) {}

  public record ResigningStatusChanged(
      UUID campaignId,
      UUID agreementId,
      String orgNumber,
      String countyCode,
      int employees,
      String from,
      String to,
      LocalDate on,
      String changedBy) {}
}
