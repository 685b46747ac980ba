package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.Session;

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

  /**
   * The county it was recorded under (its agreement's); null until filled in for one seen before
   * V14 ({@code DeliverySeenCounties}), or for good when that finds no agreement of its day.
   */
  @Column(name = "county_code")
  public String countyCode;

  /** False once voided. */
  public boolean live;

  /**
   * When it was recorded (its DeliveryRecorded event's time): of two delivered on the same day, the
   * one recorded last is the latest. Null for one seen before V19, or only through later versions.
   */
  @Column(name = "recorded_at")
  public OffsetDateTime recordedAt;

  /**
   * One version of a delivery, as {@link #takeAll} takes it; {@code recordedAt} only on its first
   * (DeliveryRecorded), null on the others.
   */
  public record Version(
      UUID deliveryId,
      long version,
      String orgNumber,
      String countyCode,
      LocalDate deliveredOn,
      String service,
      boolean live,
      OffsetDateTime recordedAt) {

    /**
     * The newer of two versions of one delivery, with the time it was recorded if either has it.
     */
    Version newer(Version other) {
      Version newer = other.version > version ? other : this;
      OffsetDateTime recorded = recordedAt != null ? recordedAt : other.recordedAt;
      return new Version(
          deliveryId,
          newer.version,
          newer.orgNumber,
          newer.countyCode,
          newer.deliveredOn,
          newer.service,
          newer.live,
          recorded);
    }
  }

  private static final String TAKE_ALL =
      """
      insert into delivery_seen
             (delivery_id, version, org_number, county_code, delivered_on, service, live,
              recorded_at)
      select id, v, org, county, day, service, live, recorded
        from unnest(?::uuid[], ?::bigint[], ?::varchar[], ?::varchar[], ?::date[], ?::text[],
                    ?::boolean[], ?::timestamptz[])
             with ordinality as t(id, v, org, county, day, service, live, recorded, n)
       order by n
      on conflict (delivery_id) do update set
        version = greatest(delivery_seen.version, excluded.version),
        org_number = case when delivery_seen.version < excluded.version
                          then excluded.org_number else delivery_seen.org_number end,
        county_code = case when delivery_seen.version < excluded.version
                           then excluded.county_code else delivery_seen.county_code end,
        delivered_on = case when delivery_seen.version < excluded.version
                            then excluded.delivered_on else delivery_seen.delivered_on end,
        service = case when delivery_seen.version < excluded.version
                       then excluded.service else delivery_seen.service end,
        live = case when delivery_seen.version < excluded.version
                    then excluded.live else delivery_seen.live end,
        recorded_at = coalesce(delivery_seen.recorded_at, excluded.recorded_at)
      where delivery_seen.version < excluded.version
         or (delivery_seen.recorded_at is null and excluded.recorded_at is not null)
      """;

  /**
   * Takes versions in one statement: per delivery the newest of them, and that only if it is newer
   * than the one known (an older version arriving late changes nothing but the time the delivery
   * was recorded, when only its first version has it and it comes after a later one: a correction
   * that moved it to another enterprise is keyed by that one and may be read first). The rows go in
   * ordered by id, so two transactions taking versions of the same deliveries wait for each other
   * instead of deadlocking.
   */
  public static void takeAll(Collection<Version> versions) {
    Map<UUID, Version> newest = new TreeMap<>();
    for (Version v : versions) {
      newest.merge(v.deliveryId(), v, Version::newer);
    }
    int n = newest.size();
    if (n == 0) {
      return;
    }
    UUID[] ids = new UUID[n];
    Long[] numbers = new Long[n];
    String[] orgs = new String[n];
    String[] counties = new String[n];
    Date[] days = new Date[n];
    String[] services = new String[n];
    Boolean[] live = new Boolean[n];
    // As ISO instants: a java.sql.Timestamp goes as the JVM's local time without its offset.
    String[] recorded = new String[n];
    int i = 0;
    for (Version v : newest.values()) {
      ids[i] = v.deliveryId();
      numbers[i] = v.version();
      orgs[i] = v.orgNumber();
      counties[i] = v.countyCode();
      days[i] = Date.valueOf(v.deliveredOn());
      services[i] = v.service();
      live[i] = v.live();
      recorded[i] = v.recordedAt() == null ? null : v.recordedAt().toInstant().toString();
      i++;
    }
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (var statement = connection.prepareStatement(TAKE_ALL)) {
                statement.setArray(1, connection.createArrayOf("uuid", ids));
                statement.setArray(2, connection.createArrayOf("bigint", numbers));
                statement.setArray(3, connection.createArrayOf("varchar", orgs));
                statement.setArray(4, connection.createArrayOf("varchar", counties));
                statement.setArray(5, connection.createArrayOf("date", days));
                statement.setArray(6, connection.createArrayOf("text", services));
                statement.setArray(7, connection.createArrayOf("boolean", live));
                statement.setArray(8, connection.createArrayOf("text", recorded));
                statement.executeUpdate();
              }
            });
  }

  /**
   * The enterprise's newest live delivery among those recorded under the counties {@code in} (all
   * when empty): a delivery is the record of the county it was recorded under.
   */
  public static Optional<DeliverySeen> latest(String orgNumber, Optional<Set<String>> in) {
    // Of those delivered on the same day, the one recorded last.
    String newest = " order by deliveredOn desc, recordedAt desc nulls last, deliveryId";
    return in.isEmpty()
        ? find("orgNumber = ?1 and live = true" + newest, orgNumber).firstResultOptional()
        : find("orgNumber = ?1 and live = true and countyCode in ?2" + newest, orgNumber, in.get())
            .firstResultOptional();
  }
}
