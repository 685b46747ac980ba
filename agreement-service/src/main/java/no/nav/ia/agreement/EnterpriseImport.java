package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One import of the register's bulk file: its progress while it runs and its counts when done. The
 * first {@link #MAX_REASONS} rejections keep their reason; the rest are counted. "First" in the
 * order batches were written: two written at once may land in either order.
 */
@Entity
@Table(name = "enterprise_import")
public class EnterpriseImport extends PanacheEntityBase {

  public static final int MAX_REASONS = 20;

  public enum Status {
    RUNNING,
    DONE,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String source;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  public Status status;

  public long read;
  public long created;
  public long updated;
  public long unchanged;
  public long rejected;

  /** Entities that were in the register copy but not in the file, marked deleted. */
  public long gone;

  /** Active agreements given the register's new name or size ({@code Agreement.follow}). */
  @Column(name = "agreements_updated")
  public long agreementsUpdated;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> reasons = new ArrayList<>();

  /** Why it failed, or what it chose not to do (e.g. not to mark entities gone). */
  public String note;

  @Column(name = "started_by")
  public String startedBy;

  @Column(name = "started_at")
  public OffsetDateTime startedAt;

  @Column(name = "progress_at")
  public OffsetDateTime progressAt;

  @Column(name = "finished_at")
  public OffsetDateTime finishedAt;

  public static EnterpriseImport start(String source, String by, OffsetDateTime at) {
    EnterpriseImport i = new EnterpriseImport();
    i.source = source;
    i.status = Status.RUNNING;
    i.startedBy = by;
    i.startedAt = at;
    i.progressAt = at;
    return i;
  }

  /**
   * Counts one batch: entities read and rejected (with reasons), created, updated, unchanged, and
   * the agreements that followed the register's change.
   */
  public void counted(
      long readInBatch,
      List<String> rejections,
      long createdInBatch,
      long updatedInBatch,
      long unchangedInBatch,
      long agreementsUpdatedInBatch,
      OffsetDateTime at) {
    read += readInBatch;
    rejected += rejections.size();
    for (String reason : rejections) {
      if (reasons.size() < MAX_REASONS) {
        reasons.add(reason);
      }
    }
    created += createdInBatch;
    updated += updatedInBatch;
    unchanged += unchangedInBatch;
    agreementsUpdated += agreementsUpdatedInBatch;
    progressAt = at;
  }

  /**
   * Whether the file may be trusted to say which entities are gone: a file with fewer than half as
   * many entities as the copy holds live ones is more likely cut short than a register that lost
   * half its entities.
   */
  public boolean mayMarkGone(long liveInCopy) {
    return liveInCopy == 0 || (read - rejected) * 2 >= liveInCopy;
  }

  public void done(long goneCount, String why, OffsetDateTime at) {
    status = Status.DONE;
    gone = goneCount;
    note = why;
    finishedAt = at;
    progressAt = at;
  }

  public void failed(String why, OffsetDateTime at) {
    status = Status.FAILED;
    note = why;
    finishedAt = at;
    progressAt = at;
  }
}
