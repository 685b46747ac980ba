package no.nav.ia.delivery.events;

import static no.nav.ia.platform.events.EventField.COUNTY_CODE;
import static no.nav.ia.platform.events.EventField.ORG_NUMBER;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import no.nav.ia.delivery.Delivery;
import no.nav.ia.delivery.Direction;
import no.nav.ia.delivery.Form;
import no.nav.ia.platform.domain.ServiceCode;
import no.nav.ia.platform.events.EventField;
import no.nav.ia.platform.events.EventKey;
import no.nav.ia.platform.events.EventTopic;
import no.nav.ia.platform.events.EventType;
import no.nav.ia.platform.time.NorwegianTime;

/**
 * The wire contract of {@code ia.delivery-events-v1}. Every event carries the full facts the
 * scorecard counts, so it never calls back. The free-text note is never put on a topic. The
 * AsyncAPI document is made from {@link #CONTRACT}.
 */
public final class DeliveryEvents {

  public static final String TOPIC = "ia.delivery-events-v1";

  private DeliveryEvents() {}

  /** The countable facts of one version of a delivery. */
  public record Facts(
      @EventField(pattern = ORG_NUMBER) String orgNumber,
      @EventField(pattern = COUNTY_CODE, description = "The county of the enterprise's agreement.")
          String countyCode,
      @EventField(values = ServiceCode.class) String service,
      @EventField(values = Direction.class) String direction,
      @EventField(
              description = "Sub-goals of the IA agreement (1, 2, 3) the delivery serves.",
              minimum = 1,
              maximum = 3,
              minItems = 1,
              distinct = true)
          List<Integer> subGoals,
      LocalDate deliveredOn,
      @EventField(description = "The day it was registered, in Norwegian time.")
          LocalDate registeredOn,
      @EventField(description = "Days from delivery to registration.", minimum = 0)
          int registrationLagDays,
      @EventField(
              nullable = true,
              values = Form.class,
              description =
                  "How it was delivered; null when none was given, which counts as DIRECT (the"
                      + " 2/3 system-directed target is over DIRECT deliveries).")
          String form,
      @EventField(description = "The NAV-ident of the adviser, or the client id of the system.")
          String adviser) {

    public static Facts of(Delivery d) {
      return new Facts(
          d.orgNumber,
          d.countyCode,
          d.service.name(),
          d.direction.name(),
          List.copyOf(d.subGoals),
          d.deliveredOn,
          NorwegianTime.dateOf(d.registeredAt),
          d.registrationLagDays,
          d.form == null ? null : d.form.name(),
          d.adviser);
    }
  }

  public record DeliveryRecorded(
      UUID deliveryId,
      @EventField(description = "1 when recorded; each correction or void adds one.") long version,
      OffsetDateTime registeredAt,
      Facts delivery,
      @EventField(
              nullable = true,
              addedLater = true,
              description =
                  "The course or information meeting for several enterprises it was recorded in"
                      + " (POST /api/v1/deliveries/group): the deliveries of one meeting share it,"
                      + " so a meeting is counted once by counting distinct groupIds; null for a"
                      + " delivery to one enterprise. Events published before December 2026 lack"
                      + " it.")
          UUID groupId,
      @EventField(
              addedLater = true,
              description =
                  "Who recorded it: the NAV-ident of the person, or the client id of the system"
                      + " that recorded it naming the adviser (delivery.adviser), as correctedBy and"
                      + " voidedBy say of later versions. Events published before December 2026"
                      + " lack it.")
          String recordedBy) {}

  public record DeliveryCorrected(
      UUID deliveryId,
      long version,
      @EventField(description = "The NAV-ident of the person, or the client id of the system.")
          String correctedBy,
      Facts before,
      Facts after,
      @EventField(addedLater = true, description = REGISTERED_AT) OffsetDateTime registeredAt,
      @EventField(nullable = true, addedLater = true, description = GROUP_ID) UUID groupId,
      @EventField(nullable = true, addedLater = true, description = RECORDED_BY)
          String recordedBy) {}

  public record DeliveryVoided(
      UUID deliveryId,
      long version,
      @EventField(description = "The NAV-ident of the person, or the client id of the system.")
          String voidedBy,
      Facts before,
      @EventField(addedLater = true, description = REGISTERED_AT) OffsetDateTime registeredAt,
      @EventField(nullable = true, addedLater = true, description = GROUP_ID) UUID groupId,
      @EventField(nullable = true, addedLater = true, description = RECORDED_BY)
          String recordedBy) {}

  // What a delivery's DeliveryRecorded says that no later version changes, on its later events too:
  // a consumer that reads a moved delivery's correction first skips the DeliveryRecorded after it.
  private static final String REGISTERED_AT =
      "When it was recorded, as its DeliveryRecorded says. Events published before December 2026"
          + " lack it.";
  private static final String GROUP_ID =
      "The meeting it was recorded in, as its DeliveryRecorded's groupId (null for a delivery to"
          + " one enterprise). Events published before December 2026 lack it.";
  private static final String RECORDED_BY =
      "Who recorded it, as its DeliveryRecorded's recordedBy; null where the recording's version"
          + " is not kept. Events published before December 2026 lack it.";

  /** Every event type on the topic: what the outbox publishes under and AsyncAPI describes. */
  public static final EventTopic CONTRACT =
      new EventTopic(
          TOPIC,
          "delivery-service",
          "Service deliveries to IA enterprises, as delivery-service records them: each version of a"
              + " delivery carries its full facts. Keyed by the enterprise's org number: a"
              + " correction that moves a delivery to another enterprise is keyed by the new one"
              + " (after.orgNumber), so it and the delivery's later events go to another partition"
              + " than its DeliveryRecorded and may be read before it. Apply a delivery's events by"
              + " version: keep the highest seen and skip a lower one; versions may skip one (a"
              + " note erased, NOTE_ERASED in the REST history, is a version without an event:"
              + " no event carries a note). What a DeliveryRecorded says"
              + " that no later version changes (registeredAt, groupId, recordedBy) is on the"
              + " delivery's later events too, so nothing is lost by skipping it.",
          List.of(
              EventType.of(
                  DeliveryRecorded.class,
                  EventKey.ORG_NUMBER,
                  "An adviser recorded a service delivery; it counts from now on."),
              EventType.of(
                  DeliveryCorrected.class,
                  EventKey.ORG_NUMBER,
                  "A delivery's facts were corrected: it counts as after instead of as before."
                      + " Keyed by after.orgNumber; before and after are the same when only the"
                      + " note changed."),
              EventType.of(
                  DeliveryVoided.class,
                  EventKey.ORG_NUMBER,
                  "A delivery was voided: it no longer counts (it stays in the history). A"
                      + " delivery dated after its agreement's end, taken in the moment before the"
                      + " termination reached delivery-service, is voided by delivery-service"
                      + " itself about 90 seconds later (voidedBy: its client id at the issuer,"
                      + " ia-delivery-service locally), or moved by a DeliveryCorrected of its own"
                      + " to the enterprise's agreement in another county that covers the day.")));
}
