package no.nav.ia.delivery.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.delivery.DeliveryErrors;
import no.nav.ia.delivery.IdempotencyKey;
import no.nav.ia.delivery.config.DeliveryConfig;
import no.nav.ia.platform.domain.DomainException;

/**
 * Which delivery a caller's Idempotency-Key created (the key is claimed, race-free under parallel
 * retries, with the delivery's first statement: {@link DeliveryInserts#claim}).
 */
@ApplicationScoped
public class IdempotencyKeys {

  @Inject EntityManager em;
  @Inject DeliveryConfig config;

  /**
   * How a group's item key begins: with a control character (U+001F), which no client's key can
   * hold (1 to 200 visible ASCII characters: {@code DeliveryResource.checkedKey}; no HTTP header
   * carries one either), so a single post's key never names a group's item. Keys stored in the
   * client's namespace before ({@code group:<groupId>:<orgNumber>}) were moved here by V4.
   */
  static final String GROUP_ITEM = "\u001fgroup:";

  /** The key of one enterprise's delivery within a group, apart from every client's key. */
  public static String groupItem(UUID groupId, String orgNumber) {
    return GROUP_ITEM + groupId + ":" + orgNumber;
  }

  /**
   * The delivery an earlier request with this key created; 422 if that request had another body.
   */
  public Optional<UUID> earlier(String actor, String key, String requestHash) {
    IdempotencyKey found = em.find(IdempotencyKey.class, new IdempotencyKey.Id(actor, key));
    if (found == null) {
      return Optional.empty();
    }
    if (!found.requestHash.equals(requestHash)) {
      throw DomainException.notAllowedNow(
          DeliveryErrors.IDEMPOTENCY_KEY_REUSED,
          "The Idempotency-Key was used before with another request body");
    }
    return Optional.of(found.deliveryId);
  }

  /**
   * The group id of a group's key: a new one on the first request, the same one for the same
   * meeting sent again, whatever its list of enterprises (each enterprise's delivery then has its
   * own key within the group); 422 if the key was used for another meeting. {@code meetingHash}:
   * the meeting's fingerprint; {@code bodyHash}: the whole body's, which a key stored before the
   * meeting was bound (V7), or by an instance of that version during a deploy, holds alone.
   */
  public UUID groupOf(String actor, String key, String meetingHash, String bodyHash) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              em.createNativeQuery(
                      "insert into delivery_group_key (actor, key, request_hash, meeting_hash,"
                          + " group_id, created_at) values (:actor, :key, :body, :meeting, :group,"
                          + " now()) on conflict do nothing")
                  .setParameter("actor", actor)
                  .setParameter("key", key)
                  .setParameter("body", bodyHash)
                  .setParameter("meeting", meetingHash)
                  .setParameter("group", UUID.randomUUID())
                  .executeUpdate();
              Object[] claimed =
                  (Object[])
                      em.createNativeQuery(
                              "select request_hash, meeting_hash, group_id from delivery_group_key"
                                  + " where actor = :actor and key = :key")
                          .setParameter("actor", actor)
                          .setParameter("key", key)
                          .getSingleResult();
              if (bodyHash.equals(claimed[0]) || meetingHash.equals(claimed[1])) {
                return (UUID) claimed[2];
              }
              throw DomainException.notAllowedNow(
                  DeliveryErrors.IDEMPOTENCY_KEY_REUSED,
                  claimed[1] != null
                      ? "The Idempotency-Key was used before for another meeting (service,"
                          + " direction, sub-goals, day, form, note or adviser); a list of"
                          + " enterprises put right goes with the same key, another meeting with"
                          + " a new one"
                      : "The Idempotency-Key was used before with another group, before a list"
                          + " put right could go with the same key: send only the enterprises not"
                          + " recorded yet, under a new key");
            });
  }

  @Scheduled(every = "1h", delayed = "5m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void purge() {
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.idempotencyRetention());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              IdempotencyKey.delete("createdAt < ?1", before);
              em.createNativeQuery("delete from delivery_group_key where created_at < :before")
                  .setParameter("before", before)
                  .executeUpdate();
            });
  }
}
