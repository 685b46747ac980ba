package no.nav.ia.agreement.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.nav.ia.agreement.DeliverySeen;
import no.nav.ia.platform.events.EventEnvelope;
import no.nav.ia.platform.events.EventHandler;

/**
 * Keeps {@link DeliverySeen} from {@code ia.delivery-events-v1}: the working lists' sleeping
 * agreements and an enterprise's latest delivery. Its own records of the few fields it reads (a
 * tolerant reader); other types are ignored.
 */
@ApplicationScoped
public class DeliveryEventsHandler implements EventHandler {

  static final String TOPIC = "ia.delivery-events-v1";

  /** The facts of one version of a delivery that this service reads. */
  record Facts(String orgNumber, String countyCode, LocalDate deliveredOn, String service) {
    Facts {
      Objects.requireNonNull(orgNumber, "orgNumber");
      Objects.requireNonNull(countyCode, "countyCode");
      Objects.requireNonNull(deliveredOn, "deliveredOn");
      Objects.requireNonNull(service, "service");
    }
  }

  record Recorded(UUID deliveryId, long version, Facts delivery) {}

  record Corrected(UUID deliveryId, long version, Facts after) {}

  record Voided(UUID deliveryId, long version, Facts before) {}

  @Inject ObjectMapper json;

  @Override
  public Set<String> topics() {
    return Set.of(TOPIC);
  }

  @Override
  public void handle(EventEnvelope event) {
    handleAll(List.of(event));
  }

  /**
   * A poll's events in one statement ({@link DeliverySeen#takeAll}). An event that cannot be read
   * fails the batch, which the consumer then applies in smaller parts, down to one by one, parking
   * only that event.
   */
  @Override
  public void handleAll(List<EventEnvelope> events) {
    List<DeliverySeen.Version> versions = new ArrayList<>(events.size());
    for (EventEnvelope event : events) {
      versionOf(event).ifPresent(versions::add);
    }
    DeliverySeen.takeAll(versions);
  }

  /** The version of a delivery an event carries; empty for another type (nothing kept here). */
  private Optional<DeliverySeen.Version> versionOf(EventEnvelope event) {
    return switch (event.type()) {
      case "DeliveryRecorded" -> {
        Recorded e = event.payloadAs(Recorded.class, json);
        yield Optional.of(
            version(e.deliveryId(), e.version(), e.delivery(), true, event.occurredAt()));
      }
      case "DeliveryCorrected" -> {
        Corrected e = event.payloadAs(Corrected.class, json);
        yield Optional.of(version(e.deliveryId(), e.version(), e.after(), true, null));
      }
      case "DeliveryVoided" -> {
        Voided e = event.payloadAs(Voided.class, json);
        yield Optional.of(version(e.deliveryId(), e.version(), e.before(), false, null));
      }
      default -> Optional.empty();
    };
  }

  private static DeliverySeen.Version version(
      UUID id, long version, Facts f, boolean live, java.time.OffsetDateTime recordedAt) {
    Objects.requireNonNull(id, "deliveryId");
    Objects.requireNonNull(f, "facts");
    return new DeliverySeen.Version(
        id, version, f.orgNumber(), f.countyCode(), f.deliveredOn(), f.service(), live, recordedAt);
  }
}
