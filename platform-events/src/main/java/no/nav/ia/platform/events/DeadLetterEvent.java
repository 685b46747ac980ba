package no.nav.ia.platform.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An event the consumer could not apply, parked with the reason so the others go on. */
@Entity
@Table(name = "dead_letter_event")
public class DeadLetterEvent extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public String topic;

  @Column(name = "kafka_partition", nullable = false)
  public int partition;

  @Column(name = "kafka_offset", nullable = false)
  public long offset;

  @Column(name = "event_key")
  public String key;

  @Column(columnDefinition = "text")
  public String value;

  @Column(nullable = false, columnDefinition = "text")
  public String reason;

  @Column(name = "parked_at", nullable = false)
  public OffsetDateTime parkedAt;
}
