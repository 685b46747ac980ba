package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A delivery as this service knows it from the delivery events: the newest version applied. An
 * older version arriving late changes nothing.
 */
@Entity
@Table(name = "delivery_seen")
public class DeliverySeen extends PanacheEntityBase {

  @Id
  @Column(name = "delivery_id")
  public UUID deliveryId;

  public long version;

  @Column(name = "org_number")
  public String orgNumber;

  @Column(name = "delivered_on")
  public LocalDate deliveredOn;

  public String service;

  /** False once voided. */
  public boolean live;

  /** Takes a version of the delivery if it is newer than the one known; returns whether it did. */
  public static boolean take(
      UUID id, long version, String orgNumber, LocalDate on, String service, boolean live) {
    DeliverySeen seen = DeliverySeen.<DeliverySeen>findByIdOptional(id).orElse(null);
    if (seen != null && seen.version >= version) {
      return false;
    }
    if (seen == null) {
      seen = new DeliverySeen();
      seen.deliveryId = id;
    }
    seen.version = version;
    seen.orgNumber = orgNumber;
    seen.deliveredOn = on;
    seen.service = service;
    seen.live = live;
    seen.persist();
    return true;
  }

  /** The enterprise's newest live delivery. */
  public static Optional<DeliverySeen> latest(String orgNumber) {
    return find("orgNumber = ?1 and live = true order by deliveredOn desc, deliveryId", orgNumber)
        .firstResultOptional();
  }
}
