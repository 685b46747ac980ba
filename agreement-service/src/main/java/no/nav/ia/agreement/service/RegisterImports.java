package no.nav.ia.agreement.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import no.nav.ia.agreement.AgreementErrors;
import no.nav.ia.agreement.EnterpriseImport;
import no.nav.ia.agreement.RegisterChange;
import no.nav.ia.agreement.RegisterEntry;
import no.nav.ia.agreement.SearchWords;
import no.nav.ia.agreement.config.RegisterConfig;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.persistence.Constraints;
import no.nav.ia.platform.time.Timestamps;
import org.jboss.logging.Logger;

/**
 * Imports the register's bulk file ("enheter": a JSON array, usually gzip) into the enterprise
 * table: read as a stream one entity at a time, upserted a batch per transaction (an unchanged
 * entity is not written), the entities the file no longer holds marked deleted at the end. Memory
 * stays one batch whatever the file's size. One import runs at a time; it runs on its own thread
 * and reports its progress in its row, while that row is RUNNING: an import another start took for
 * abandoned stops, and its row stays FAILED.
 */
@ApplicationScoped
public class RegisterImports {

  private static final Logger LOG = Logger.getLogger(RegisterImports.class);

  /** An import without progress for this long was cut off (a restart) and is marked failed. */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

  /**
   * An org number the file gives twice: the first entry is kept, whichever batch the second is in,
   * so that the same file imported again changes nothing (API.md): with the later one kept, the
   * first was written over the copy's value and the second wrote it back, an update each time.
   */
  private static final String APPEARS_TWICE = ": appears again; its first entry was kept";

  /** The unique index that lets one import be RUNNING (V4). */
  private static final String ONE_RUNNING = "enterprise_import_one_running";

  private static final String UPSERT =
      """
      with input as (
        select * from unnest(?::varchar[], ?::text[], ?::text[], ?::text[], ?::int[], ?::varchar[],
                             ?::varchar[], ?::date[], ?::text[], ?::bigint[])
          as t(org_number, name, organisation_form, industry, employees, municipality, county_code,
               deleted_on, search_words, content_hash)
      ), earlier as (
        -- Accepted in an earlier batch of the file: that first entry stays, this one is counted
        -- rejected and not written (one rejected there has its own reason, and this one counts).
        select i.org_number from input i
         where exists (select 1 from enterprise_import_seen s
                        where s.import_id = ? and s.org_number = i.org_number and s.accepted)
      ), before as (
        select e.org_number, e.name, e.employees from enterprise e
         where e.org_number in (select org_number from input)
      ), upserted as (
        insert into enterprise (org_number, name, organisation_form, industry, employees, municipality,
                                county_code, deleted, deleted_on, search_words, content_hash, updated_at)
        select org_number, name, organisation_form, industry, employees, municipality, county_code,
               deleted_on is not null, deleted_on, search_words, content_hash, now()
          from input where org_number not in (select org_number from earlier)
        on conflict (org_number) do update set
          name = excluded.name, organisation_form = excluded.organisation_form,
          industry = excluded.industry, employees = excluded.employees,
          municipality = excluded.municipality, county_code = excluded.county_code,
          deleted = excluded.deleted, deleted_on = excluded.deleted_on,
          search_words = excluded.search_words, content_hash = excluded.content_hash,
          updated_at = excluded.updated_at
        -- The fields compared, not their hash: a hash of 64 bits took some renames for no change.
        -- The search words too: a name indexed by an older release is indexed again (V27).
        where (enterprise.name, enterprise.organisation_form, enterprise.industry,
               enterprise.employees, enterprise.municipality, enterprise.deleted_on,
               enterprise.deleted, enterprise.search_words)
              is distinct from
              (excluded.name, excluded.organisation_form, excluded.industry, excluded.employees,
               excluded.municipality, excluded.deleted_on, excluded.deleted, excluded.search_words)
        returning org_number, (xmax = 0) as created, name, employees
      ), seen as (
        insert into enterprise_import_seen (import_id, org_number)
        select ?, org_number from input where org_number not in (select org_number from earlier)
      )
      select count(*) filter (where created), count(*) filter (where not created),
             (select array_agg(org_number order by org_number) from earlier),
             -- The name or size changed for an enterprise with an active agreement: it may follow.
             (select json_agg(json_build_object(
                       'orgNumber', u.org_number, 'nameBefore', b.name, 'name', u.name,
                       'employeesBefore', b.employees, 'employees', u.employees)
                     order by u.org_number)
                from upserted u join before b on b.org_number = u.org_number
               where (u.name is distinct from b.name or u.employees is distinct from b.employees)
                 and exists (select 1 from agreement a
                              where a.org_number = u.org_number and a.status = 'ACTIVE'))
        from upserted
      """;

  private static final String SEEN =
      "insert into enterprise_import_seen (import_id, org_number, accepted)"
          + " select ?, unnest(?::varchar[]), false";

  private static final String MARK_GONE =
      """
      update enterprise e set deleted = true, deleted_on = coalesce(e.deleted_on, current_date),
             updated_at = now()
       where not e.deleted
         and not exists (select 1 from enterprise_import_seen s
                          where s.import_id = ?1 and s.org_number = e.org_number)
      """;

  @Inject ObjectMapper json;
  @Inject AgroalDataSource dataSource;
  @Inject jakarta.persistence.EntityManager em;
  @Inject RegisterConfig config;
  @Inject AgreementService agreements;

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "register-import"));

  /**
   * Writes batches while the import's thread reads the next: PostgreSQL's upsert (about 41 µs per
   * created entity in one backend) and Java's parsing (about 12) then overlap, and two backends
   * share the upserts. At most {@link RegisterConfig#writers()} batches are being written and one
   * read, so memory stays a few batches. Batches written at once never share an org number: a batch
   * that shares one with a batch being written waits for it, so the file's first entry stays and
   * two writers never wait on each other's rows (only on the import's row, locked last).
   */
  private ExecutorService writer;

  @jakarta.annotation.PostConstruct
  void init() {
    writer =
        Executors.newFixedThreadPool(
            config.writers(), r -> new Thread(r, "register-import-writer"));
  }

  void stop(@Observes ShutdownEvent event) {
    worker.shutdownNow();
    // The batches being written finish: the reader, interrupted, waits for them (Writing.settled)
    // before it marks the import failed.
    writer.shutdown();
  }

  /** Starts an import of the source (or the configured one); 409 when one is running. */
  public EnterpriseImport start(String requested, String by) {
    Source source = resolve(requested);
    EnterpriseImport started =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  EnterpriseImport.update(
                      "status = ?1, note = ?2, finishedAt = ?3 where status = ?4 and progressAt < ?5",
                      EnterpriseImport.Status.FAILED,
                      "abandoned: no progress for " + ABANDONED_AFTER.toMinutes() + " minutes",
                      Timestamps.now(),
                      EnterpriseImport.Status.RUNNING,
                      OffsetDateTime.now().minus(ABANDONED_AFTER));
                  if (EnterpriseImport.count("status", EnterpriseImport.Status.RUNNING) > 0) {
                    throw running();
                  }
                  EnterpriseImport i =
                      EnterpriseImport.start(source.describe(), by, Timestamps.now());
                  try {
                    i.persistAndFlush();
                  } catch (PersistenceException e) {
                    // Started at the same moment on another replica: it saw none running either.
                    if (Constraints.violated(e, ONE_RUNNING)) {
                      throw running();
                    }
                    throw e;
                  }
                  return i;
                });
    long id = started.id;
    // The request's call id goes with the import: its logs, the events and audit rows of the
    // agreements it corrects are found by it.
    String callId = CallId.currentOrNull();
    worker.submit(withCallId(callId, () -> run(id, source)));
    return started;
  }

  private static DomainException running() {
    return DomainException.conflict(
        AgreementErrors.IMPORT_RUNNING, "An import of the register is running; wait for it");
  }

  /**
   * The import's row is no longer RUNNING: another start took it for abandoned (no progress for
   * {@link #ABANDONED_AFTER}). This run stops without touching the row.
   */
  static final class Abandoned extends RuntimeException {
    Abandoned(long id) {
      super(
          "import " + id + " was taken for abandoned meanwhile; it stopped, its row left as it is");
    }
  }

  /** The import's row as just read: still RUNNING, or this run stops. */
  private static EnterpriseImport stillRunning(EnterpriseImport i) {
    if (i.status != EnterpriseImport.Status.RUNNING) {
      throw new Abandoned(i.id);
    }
    return i;
  }

  /** The imports, newest first. */
  public no.nav.ia.platform.rest.Page<EnterpriseImport> list(int page, int size) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query =
                  EnterpriseImport.<EnterpriseImport>find("order by startedAt desc, id desc")
                      .page(io.quarkus.panache.common.Page.of(page, size));
              return new no.nav.ia.platform.rest.Page<>(query.list(), page, size, query.count());
            });
  }

  public Optional<EnterpriseImport> find(long id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> EnterpriseImport.<EnterpriseImport>findByIdOptional(id));
  }

  /** The task, run with the call id set (none: a fresh one, as for a scheduled job). */
  static Runnable withCallId(String callId, Runnable task) {
    String id = callId == null ? CallId.generate() : callId;
    return () -> {
      CallId.set(id);
      try {
        task.run();
      } finally {
        CallId.clear();
      }
    };
  }

  /**
   * Reads the whole file; what was imported before a failure stays (its note says so), nothing is
   * marked gone.
   */
  void run(long id, Source source) {
    Writing writing = new Writing(writer, config.writers());
    String failure;
    try (InputStream in = source.open(config);
        JsonParser parser = json.getFactory().createParser(unzipped(in))) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("the file is not a JSON array of entities");
      }
      Batch batch = new Batch(config.batchSize(), 0);
      // One entity at a time from the array: the next one is no "trailing token" of this one.
      var entities =
          json.readerFor(JsonNode.class)
              .without(
                  com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw new IllegalArgumentException("the file ends inside the array");
        }
        JsonNode node = entities.readValue(parser);
        batch.add(RegisterEntry.read(node));
        if (batch.full()) {
          Batch full = batch;
          writing.handOver(full, withCallId(CallId.currentOrNull(), () -> write(id, full)));
          batch = new Batch(config.batchSize(), full.through());
        }
      }
      if (parser.nextToken() != null) {
        // Not the register's file as published: it is not taken as read to its end.
        throw new IllegalArgumentException("the file holds more after its array of entities");
      }
      Batch last = batch;
      writing.handOver(last, withCallId(CallId.currentOrNull(), () -> write(id, last)));
      writing.finished();
      finish(id);
      return;
    } catch (JsonProcessingException e) {
      failure = "the file is not well-formed JSON: " + e.getOriginalMessage();
    } catch (IllegalArgumentException e) {
      failure = e.getMessage();
    } catch (IOException | UncheckedIOException e) {
      // A refused connection says nothing in its message ("null" was all the note said).
      failure =
          "the file could not be read: "
              + (e.getMessage() == null || e.getMessage().isBlank()
                  ? e.getClass().getSimpleName()
                  : e.getMessage());
    } catch (Abandoned e) {
      failure = e.getMessage();
    } catch (RuntimeException | Error e) {
      // An Error too (out of memory): the batch being read is unreachable once this unwinds, so
      // marking the import failed can work; it would otherwise stay RUNNING until counted
      // abandoned.
      LOG.errorf(e, "register import %d failed", id);
      failure = "the import failed: " + e.getClass().getSimpleName();
    }
    writing.settled(id);
    fail(id, failure);
  }

  /**
   * The batches being written, oldest first: a new one is handed over when fewer than the limit
   * are, and after the one before it when the two share an org number.
   */
  static final class Writing {
    private final ExecutorService writer;
    private final int limit;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();

    Writing(ExecutorService writer, int limit) {
      this.writer = writer;
      this.limit = limit;
    }

    private record InFlight(Batch batch, Future<?> write) {}

    void handOver(Batch batch, Runnable write) {
      while (!inFlight.isEmpty()
          && (inFlight.size() >= limit
              || inFlight.stream().anyMatch(f -> f.batch.sharesOrgNumberWith(batch)))) {
        awaitOldest();
      }
      inFlight.addLast(new InFlight(batch, writer.submit(write)));
    }

    /** Waits for every batch's write; the first failure is thrown as it was. */
    void finished() {
      while (!inFlight.isEmpty()) {
        awaitOldest();
      }
    }

    /**
     * Waits for the oldest batch's write; its failure is thrown as it was. Interrupted, the batch
     * stays in flight, so that {@link #settled} still waits for it.
     */
    private void awaitOldest() {
      try {
        inFlight.peekFirst().write.get();
      } catch (ExecutionException e) {
        inFlight.removeFirst();
        if (e.getCause() instanceof RuntimeException failed) {
          throw failed;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("the import was interrupted", e);
      }
      inFlight.removeFirst();
    }

    /**
     * Waits for the batches being written to end, however they end and also when this thread is
     * interrupted (a shutdown): their transactions write the import's row too, so the import is
     * marked failed only after them.
     */
    void settled(long id) {
      boolean interrupted = false;
      while (!inFlight.isEmpty()) {
        try {
          inFlight.peekFirst().write.get();
          inFlight.removeFirst();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          LOG.warnf(e.getCause(), "register import %d: a batch being written failed too", id);
          inFlight.removeFirst();
        } catch (CancellationException e) {
          inFlight.removeFirst();
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * One batch: accepted entries by org number (the first one stays), and the rejections, each named
   * by its place in the file.
   */
  static final class Batch {
    final Map<String, RegisterEntry> entries = new LinkedHashMap<>();
    final List<String> rejections = new ArrayList<>();

    /** Org numbers of rejected entities: in the file, so not gone (their copy stays as it was). */
    final Set<String> rejectedOrgNumbers = new LinkedHashSet<>();

    final int size;

    /** Where in the file each accepted entry is, for a reason that names it later. */
    private final Map<String, Long> places = new java.util.HashMap<>();

    /** Entities of the file before this batch's first. */
    final long before;

    long read;

    Batch(int size, long before) {
      this.size = size;
      this.before = before;
    }

    void add(RegisterEntry.Read entry) {
      read++;
      if (entry instanceof RegisterEntry.Accepted accepted) {
        RegisterEntry e = accepted.entry();
        if (entries.putIfAbsent(e.orgNumber(), e) != null) {
          rejections.add(place() + e.orgNumber() + APPEARS_TWICE);
        } else {
          places.put(e.orgNumber(), before + read);
        }
      } else if (entry instanceof RegisterEntry.Rejected rejected) {
        rejections.add(place() + rejected.reason());
        if (rejected.orgNumber() != null) {
          rejectedOrgNumbers.add(rejected.orgNumber());
        }
      }
    }

    boolean full() {
      return entries.size() + rejections.size() >= size;
    }

    /** The entity just read, as a reason names it: its place in the file's array, from 1. */
    private String place() {
      return place(before + read);
    }

    /** An accepted entry of this batch, as a reason names it. */
    String placeOf(String orgNumber) {
      return place(places.get(orgNumber));
    }

    private static String place(long number) {
      return String.format(java.util.Locale.ROOT, "entity %,d of the file: ", number);
    }

    /** Entities of the file up to this batch's last. */
    long through() {
      return before + read;
    }

    /** Whether both hold an org number, accepted or rejected (its second is told by the first). */
    boolean sharesOrgNumberWith(Batch other) {
      return java.util.stream.Stream.concat(
              other.entries.keySet().stream(), other.rejectedOrgNumbers.stream())
          .anyMatch(org -> entries.containsKey(org) || rejectedOrgNumbers.contains(org));
    }
  }

  private void write(long id, Batch batch) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Upserted counts = batch.entries.isEmpty() ? Upserted.NONE : upsert(id, batch);
              // Before the import's row is locked, as by the other writer: agreements, then it.
              int followed =
                  counts.changes().isEmpty() ? 0 : agreements.follow(counts.changes(), origin(id));
              if (!batch.rejectedOrgNumbers.isEmpty()) {
                seen(id, batch.rejectedOrgNumbers);
              }
              List<String> rejections = new ArrayList<>(batch.rejections);
              counts
                  .earlier()
                  .forEach(org -> rejections.add(batch.placeOf(org) + org + APPEARS_TWICE));
              // Locked: the other writer adds its batch's counts to the same row. Taken for
              // abandoned meanwhile, the batch is not kept.
              EnterpriseImport i =
                  stillRunning(EnterpriseImport.findById(id, LockModeType.PESSIMISTIC_WRITE));
              i.counted(
                  batch.read,
                  rejections,
                  counts.created(),
                  counts.updated(),
                  batch.entries.size()
                      - counts.created()
                      - counts.updated()
                      - counts.earlier().size(),
                  followed,
                  Timestamps.now());
            });
  }

  /**
   * The import's starter, as the audit names the one behind an agreement's change it made. A
   * projection: the row loaded as an entity would be the stale copy the later lock returns.
   */
  private AuditTrail.Origin origin(long id) {
    String startedBy =
        em.createQuery("select startedBy from EnterpriseImport where id = ?1", String.class)
            .setParameter(1, id)
            .getSingleResult();
    return new AuditTrail.Origin(
        startedBy, CallId.currentOrNull(), "POST", "/api/v1/enterprises/imports/" + id);
  }

  private void seen(long id, Set<String> orgNumbers) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SEEN)) {
      ps.setLong(1, id);
      ps.setArray(2, c.createArrayOf("varchar", orgNumbers.toArray()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("recording a batch's rejected entities failed", e);
    }
  }

  /**
   * A batch's upsert: entities created and updated, and the org numbers an earlier batch of the
   * file held too (not written, neither created nor updated: this later entry is rejected).
   */
  private record Upserted(
      long created, long updated, List<String> earlier, List<RegisterChange> changes) {
    static final Upserted NONE = new Upserted(0, 0, List.of(), List.of());
  }

  private static final TypeReference<List<RegisterChange>> CHANGES = new TypeReference<>() {};

  private Upserted upsert(long id, Batch batch) {
    int n = batch.entries.size();
    Object[][] columns = new Object[10][n];
    int row = 0;
    // In org-number order: the primary key's pages are visited in order.
    for (RegisterEntry e : new TreeMap<>(batch.entries).values()) {
      columns[0][row] = e.orgNumber();
      columns[1][row] = e.name();
      columns[2][row] = e.organisationForm();
      columns[3][row] = e.industry();
      columns[4][row] = e.employees();
      columns[5][row] = e.municipality();
      columns[6][row] = e.countyCode();
      columns[7][row] = e.deletedOn() == null ? null : java.sql.Date.valueOf(e.deletedOn());
      columns[8][row] = SearchWords.indexed(e.name());
      columns[9][row] = e.contentHash();
      row++;
    }
    String[] types = {
      "varchar", "text", "text", "text", "int4", "varchar", "varchar", "date", "text", "int8"
    };
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (int i = 0; i < columns.length; i++) {
        ps.setArray(i + 1, c.createArrayOf(types[i], columns[i]));
      }
      ps.setLong(11, id);
      ps.setLong(12, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        java.sql.Array earlier = rs.getArray(3);
        String changes = rs.getString(4);
        return new Upserted(
            rs.getLong(1),
            rs.getLong(2),
            earlier == null ? List.of() : List.of((String[]) earlier.getArray()),
            changes == null ? List.of() : json.readValue(changes, CHANGES));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("reading a batch's changed enterprises failed", e);
    } catch (SQLException e) {
      throw new IllegalStateException("upserting a batch of the register failed", e);
    }
  }

  void finish(long id) {
    QuarkusTransaction.requiringNew()
        .timeout(600)
        .run(
            () -> {
              // Read, not locked: the row is locked last, as by the writers. Taken for abandoned
              // already, the import stops here, before the count, the marking of what is gone and
              // the forgetting of what was seen: all of it would be rolled back at the lock, after
              // holding every live enterprise the file did not hold for as long as it took.
              EnterpriseImport i = stillRunning(EnterpriseImport.findById(id));
              long live =
                  ((Number)
                          em.createNativeQuery("select count(*) from enterprise where not deleted")
                              .getSingleResult())
                      .longValue();
              long gone = 0;
              String note = null;
              if (i.mayMarkGone(live)) {
                gone = em.createNativeQuery(MARK_GONE).setParameter(1, id).executeUpdate();
              } else {
                note =
                    "the file holds "
                        + (i.read - i.rejected)
                        + " entities and the copy "
                        + live
                        + " live ones: not trusted to say which are gone, none marked";
              }
              forgetSeen(id);
              // Locked last, as by the writers: taken for abandoned since the read above, nothing
              // is kept.
              em.refresh(i, LockModeType.PESSIMISTIC_WRITE);
              stillRunning(i);
              i.done(gone, note, Timestamps.now());
              LOG.infof(
                  "register import %d done: %d read, %d created, %d updated, %d unchanged, %d rejected, %d gone",
                  id, i.read, i.created, i.updated, i.unchanged, i.rejected, gone);
            });
  }

  private void fail(long id, String why) {
    LOG.warnf("register import %d failed: %s", id, why);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              forgetSeen(id);
              EnterpriseImport i = EnterpriseImport.findById(id, LockModeType.PESSIMISTIC_WRITE);
              // Already FAILED when another start took it for abandoned: that stays what it says.
              if (i.status == EnterpriseImport.Status.RUNNING) {
                i.failed(why + keptBefore(i), Timestamps.now());
              }
            });
  }

  /**
   * What a failed import leaves, said with its failure: the batches written before it stay (the
   * file's entries as they were read; a download cut off leaves the register's newest values), and
   * nothing is marked gone.
   */
  static String keptBefore(EnterpriseImport i) {
    if (i.created + i.updated == 0) {
      return "; nothing was changed";
    }
    return String.format(
        java.util.Locale.ROOT,
        "; the entities written before it stay as written (%,d created, %,d updated), none was"
            + " marked gone: import a whole file to bring the copy to one file's state",
        i.created,
        i.updated);
  }

  private void forgetSeen(long id) {
    em.createNativeQuery("delete from enterprise_import_seen where import_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  private static InputStream unzipped(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
  }

  /** Where a file comes from: a file in the import folder, or a download. */
  sealed interface Source {
    InputStream open(RegisterConfig config) throws IOException;

    String describe();
  }

  record FileSource(Path file) implements Source {
    @Override
    public InputStream open(RegisterConfig config) throws IOException {
      return Files.newInputStream(file);
    }

    @Override
    public String describe() {
      return file.getFileName().toString();
    }
  }

  record UrlSource(URI url) implements Source {
    @Override
    public InputStream open(RegisterConfig config) throws IOException {
      HttpClient client =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(20))
              .build();
      try {
        HttpResponse<InputStream> response =
            client.send(
                HttpRequest.newBuilder(url)
                    .header(
                        "Accept",
                        "application/vnd.brreg.enhetsregisteret.enhet.v2+gzip;charset=UTF-8")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
          response.body().close();
          throw new IOException("the register answered " + response.statusCode());
        }
        return response.body();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }

    @Override
    public String describe() {
      return url.toString();
    }
  }

  /**
   * The source a request names: a file name in the import folder (no path), an address under the
   * allowed prefix, or the configured default.
   */
  Source resolve(String requested) {
    String name =
        requested != null
            ? requested.strip()
            : config
                .defaultSource()
                .orElseThrow(
                    () ->
                        DomainException.invalid(
                            "source", "is required: no default source is configured"));
    if (name.startsWith("https://") || name.startsWith("http://")) {
      URI address;
      try {
        address = URI.create(name);
      } catch (IllegalArgumentException notAnAddress) {
        throw DomainException.invalid("source", "is not a valid address");
      }
      // Judged as the server will read it: ".." (written out or percent-encoded) steps out of the
      // allowed prefix on the same host, so it is no address under it.
      String path = String.valueOf(address.getRawPath()).toLowerCase(java.util.Locale.ROOT);
      if (!name.startsWith(config.urlPrefix())
          || path.contains("..")
          || path.contains("%2e")
          || !address.normalize().toString().startsWith(config.urlPrefix())) {
        throw DomainException.invalid(
            "source", "must be an address under " + config.urlPrefix() + " or a file name");
      }
      return new UrlSource(address);
    }
    if (name.isEmpty()
        || name.length() > 200
        || name.contains("/")
        || name.contains("\\")
        || name.startsWith(".")) {
      throw DomainException.invalid("source", "must be a file name in the import folder");
    }
    Path file;
    try {
      file = config.importDir().resolve(name);
    } catch (java.nio.file.InvalidPathException notAName) {
      throw DomainException.invalid("source", "must be a file name in the import folder");
    }
    if (!Files.isRegularFile(file)) {
      throw DomainException.invalid("source", "no such file in the import folder");
    }
    return new FileSource(file);
  }
}
