package org.custodiet.store.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.core.audit.AuditChain;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.store.Database;
import org.custodiet.store.StoreException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The decision log in the database. Appends happen inside the caller's transaction, so a change and
 * its log entry commit together or not at all; the head row is locked while appending, so writers
 * in several processes take turns and the chain stays linear.
 */
public final class AuditLog {
  /** Canonical JSON: keys sorted, so the same detail always hashes alike. */
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private static final RowMapper<AuditEntry> ENTRY =
      (rs, ctx) ->
          new AuditEntry(
              rs.getLong("seq"),
              rs.getString("recorded_at"),
              rs.getString("actor"),
              rs.getString("action"),
              rs.getString("subject_type"),
              rs.getString("subject_id"),
              rs.getString("reason"),
              rs.getString("detail"),
              rs.getString("previous_hash"),
              rs.getString("entry_hash"));

  private final Database db;
  private final Clock clock;

  public AuditLog(Database db) {
    this(db, Clock.systemUTC());
  }

  public AuditLog(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What is being recorded: the actor, the action on a subject, the reason and the change. */
  public record Change(
      String actor,
      AuditAction action,
      String subjectType,
      String subjectId,
      String reason,
      Map<String, ?> detail) {
    public Change {
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(subjectType, "subjectType");
      Objects.requireNonNull(subjectId, "subjectId");
      detail = detail == null ? Map.of() : detail;
    }
  }

  /**
   * Appends {@code change} inside the transaction {@code h} belongs to (the caller commits or rolls
   * back); returns the entry written.
   */
  public AuditEntry append(Handle h, Change change) {
    AuditChain.Head head = lockHead(h);
    AuditEntry unsigned =
        new AuditEntry(
            head.seq() + 1,
            DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)),
            change.actor(),
            change.action().code(),
            change.subjectType(),
            change.subjectId(),
            change.reason(),
            canonicalJson(change.detail()),
            head.entryHash(),
            AuditChain.GENESIS);
    AuditEntry entry = withHash(unsigned);
    insert(h, entry);
    h.createUpdate("UPDATE audit_head SET seq = :seq, entry_hash = :hash WHERE id = 1")
        .bind("seq", entry.seq())
        .bind("hash", entry.entryHash())
        .execute();
    return entry;
  }

  /** Appends {@code change} in a transaction of its own. */
  public AuditEntry append(Change change) {
    return db.jdbi().inTransaction(h -> append(h, change));
  }

  /**
   * Writes an entry exactly as given (restoring a backup): its hash must match its fields and link
   * to the current head, so a restored log verifies exactly as the original did.
   */
  public void restore(Handle h, AuditEntry entry) {
    AuditChain.Head head = lockHead(h);
    if (entry.seq() != head.seq() + 1 || !entry.previousHash().equals(head.entryHash())) {
      throw new StoreException(
          "audit entry " + entry.seq() + " does not follow the head (entry " + head.seq() + ")",
          null);
    }
    if (!entry.hashMatches()) {
      throw new StoreException("audit entry " + entry.seq() + ": its hash does not match", null);
    }
    insert(h, entry);
    h.createUpdate("UPDATE audit_head SET seq = :seq, entry_hash = :hash WHERE id = 1")
        .bind("seq", entry.seq())
        .bind("hash", entry.entryHash())
        .execute();
  }

  private static AuditEntry withHash(AuditEntry e) {
    return new AuditEntry(
        e.seq(),
        e.recordedAt(),
        e.actor(),
        e.action(),
        e.subjectType(),
        e.subjectId(),
        e.reason(),
        e.detail(),
        e.previousHash(),
        AuditChain.hash(e));
  }

  private static void insert(Handle h, AuditEntry e) {
    h.createUpdate(
            "INSERT INTO audit_entry (seq, recorded_at, actor, action, subject_type, subject_id,"
                + " reason, detail, previous_hash, entry_hash) VALUES (:seq, :recordedAt, :actor,"
                + " :action, :subjectType, :subjectId, :reason, :detail, :previousHash,"
                + " :entryHash)")
        .bindMethods(e)
        .execute();
  }

  private static AuditChain.Head lockHead(Handle h) {
    return h.createQuery("SELECT seq, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE")
        .map((rs, ctx) -> new AuditChain.Head(rs.getLong("seq"), rs.getString("entry_hash")))
        .findOne()
        .orElseThrow(() -> new StoreException("the audit_head row is missing", null));
  }

  /** The stored head: the last entry's number and hash. */
  public AuditChain.Head head() {
    return db.jdbi().withHandle(this::head);
  }

  /** The stored head as the transaction {@code h} belongs to sees it. */
  public AuditChain.Head head(Handle h) {
    return h.createQuery("SELECT seq, entry_hash FROM audit_head WHERE id = 1")
        .map((rs, ctx) -> new AuditChain.Head(rs.getLong("seq"), rs.getString("entry_hash")))
        .findOne()
        .orElse(AuditChain.Head.EMPTY);
  }

  /** Recomputes the whole chain, streaming the entries in order, and checks it against the head. */
  public AuditChain.Verification verify() {
    return db.jdbi().inTransaction(this::verify);
  }

  /** {@link #verify()} inside the transaction {@code h} belongs to (e.g. a backup's snapshot). */
  public AuditChain.Verification verify(Handle h) {
    AuditChain.Head stored =
        h.createQuery("SELECT seq, entry_hash FROM audit_head WHERE id = 1")
            .map((rs, ctx) -> new AuditChain.Head(rs.getLong("seq"), rs.getString("entry_hash")))
            .findOne()
            .orElse(null);
    try (Stream<AuditEntry> entries =
        h
            .createQuery("SELECT * FROM audit_entry ORDER BY seq")
            .setFetchSize(500)
            .map(ENTRY)
            .stream()) {
      Iterator<AuditEntry> it = entries.iterator();
      if (stored == null) {
        return new AuditChain.Verification(0, null, 1L, "the audit_head row is missing");
      }
      return AuditChain.verify(it, stored);
    }
  }

  /** Entries about one subject (e.g. "claim", "KEN-huawei-1"), oldest first. */
  public List<AuditEntry> history(String subjectType, String subjectId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT * FROM audit_entry WHERE subject_type = :t AND subject_id = :id"
                            + " ORDER BY seq")
                    .bind("t", subjectType)
                    .bind("id", subjectId)
                    .map(ENTRY)
                    .list());
  }

  /** Up to {@code limit} entries after {@code afterSeq}, oldest first. */
  public List<AuditEntry> entries(long afterSeq, int limit) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM audit_entry WHERE seq > :after ORDER BY seq LIMIT :n")
                    .bind("after", afterSeq)
                    .bind("n", limit)
                    .map(ENTRY)
                    .list());
  }

  /** The newest {@code limit} entries, newest first. */
  public List<AuditEntry> latest(int limit) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM audit_entry ORDER BY seq DESC LIMIT :n")
                    .bind("n", limit)
                    .map(ENTRY)
                    .list());
  }

  static String canonicalJson(Map<String, ?> detail) {
    try {
      return CANONICAL.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new StoreException("audit detail is not serialisable: " + e.getMessage(), e);
    }
  }
}
