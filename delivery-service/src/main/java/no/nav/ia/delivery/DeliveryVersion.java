package no.nav.ia.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One kept version of a delivery: what it said, who changed it and when. */
@Entity
@Table(name = "delivery_version")
@IdClass(DeliveryVersion.Key.class)
public class DeliveryVersion extends PanacheEntityBase {

  /** Composite key: delivery and version. */
  public record Key(UUID deliveryId, long version) implements Serializable {
    public Key() {
      this(null, 0);
    }
  }

  @Id
  @Column(name = "delivery_id")
  public UUID deliveryId;

  @Id public long version;

  /** RECORDED, CORRECTED or VOIDED. */
  public String change;

  /** The delivery's facts after this change, as JSON. */
  public String snapshot;

  @Column(name = "changed_by")
  public String changedBy;

  @Column(name = "changed_at")
  public OffsetDateTime changedAt;

  @Column(name = "call_id")
  public String callId;

  /**
   * Takes the note out of what this version said ({@link Delivery#eraseNote}): the history answers
   * it as null after; the erasure's own version ({@code NOTE_ERASED}) says who took it out and
   * when.
   */
  public void eraseNote(ObjectMapper json) {
    try {
      JsonNode said = json.readTree(snapshot);
      if (said instanceof ObjectNode facts && facts.hasNonNull("note")) {
        snapshot = json.writeValueAsString(facts.putNull("note"));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a kept version that is no JSON: " + deliveryId, e);
    }
  }

  /** The one who may act in every county: a coordinator, a system, this service. */
  public static final String EVERY_COUNTY = "ALL";

  /**
   * The counties the one who made the change may act in: {@link #EVERY_COUNTY}, or the county an
   * adviser or a manager is bound to; null where not known (kept before V6).
   */
  @Column(name = "changer_scope")
  public String changerScope;
}
