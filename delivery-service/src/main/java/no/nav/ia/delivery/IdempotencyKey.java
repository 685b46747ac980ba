package no.nav.ia.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A client's Idempotency-Key and the delivery its first request created. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Id.class)
public class IdempotencyKey extends PanacheEntityBase {

  /** Keys are per caller: two clients may use the same key. */
  public record Id(String actor, String key) implements Serializable {
    public Id() {
      this(null, null);
    }
  }

  @jakarta.persistence.Id public String actor;

  @jakarta.persistence.Id public String key;

  /** Fingerprint of the first request's body: the same key with another body is refused. */
  @Column(name = "request_hash")
  public String requestHash;

  @Column(name = "delivery_id")
  public UUID deliveryId;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;
}
