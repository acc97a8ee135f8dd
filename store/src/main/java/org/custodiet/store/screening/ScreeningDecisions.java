package org.custodiet.store.screening;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.core.screening.NameNormaliser;
import org.custodiet.store.Database;
import org.custodiet.store.audit.AuditLog;

/**
 * Remembered decisions on hits. The pair is the query name as the matcher normalises it (so
 * "HIKVISION" and "Hikvision" are one pair) and the listed entry; decisions are appended, never
 * changed, and the newest one for a pair applies.
 */
public final class ScreeningDecisions {
  public static final int MAX_REASON = 4000;
  public static final int MAX_QUERY_NAME = 1000;

  private static final NameNormaliser NORMALISER = new NameNormaliser();

  private final Database db;
  private final Clock clock;

  public ScreeningDecisions(Database db) {
    this(db, Clock.systemUTC());
  }

  public ScreeningDecisions(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The key a query name is remembered by: its normalised tokens. */
  public static String queryKey(String queryName) {
    return String.join(" ", NORMALISER.normalise(queryName).tokens());
  }

  /** A pair a decision is about. */
  public record Pair(String queryKey, String listId, String entryId) {}

  /**
   * Records a verdict and its decision-log entry in one transaction. Refuses an empty reason, a
   * query name with nothing to match on, and an entry the list does not hold now.
   */
  public Decision record(
      String queryName,
      String listId,
      String entryId,
      Decision.Verdict verdict,
      String reason,
      String actor) {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(actor, "actor");
    if (queryName == null || queryName.isBlank() || queryName.length() > MAX_QUERY_NAME) {
      throw new IllegalArgumentException(
          "query name: must be 1 to " + MAX_QUERY_NAME + " characters");
    }
    if (EntryDraft.hasControlCharacter(queryName)) {
      throw new IllegalArgumentException("query name: contains a control character");
    }
    String key = queryKey(queryName);
    if (key.isEmpty()) {
      throw new IllegalArgumentException(
          "query name: '" + EntryDraft.shorten(queryName) + "' has nothing to match on");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: a decision needs a reason");
    }
    if (reason.length() > MAX_REASON) {
      throw new IllegalArgumentException(
          "reason: " + reason.length() + " characters, over the limit of " + MAX_REASON);
    }
    Instant now = Instant.now(clock);
    return db.jdbi()
        .inTransaction(
            h -> {
              boolean exists =
                  h.createQuery(
                              "SELECT COUNT(*) FROM list_entry WHERE list_id = :l AND entry_id = :e")
                          .bind("l", listId)
                          .bind("e", entryId)
                          .mapTo(Integer.class)
                          .one()
                      > 0;
              if (!exists) {
                throw new UnknownEntryException(
                    "no entry '" + entryId + "' in list '" + listId + "'");
              }
              long id =
                  h.createUpdate(
                          "INSERT INTO screening_decision (query_key, query_name, list_id,"
                              + " entry_id, verdict, reason, actor, decided_at) VALUES (:key,"
                              + " :name, :list, :entry, :verdict, :reason, :actor, :at)")
                      .bind("key", key)
                      .bind("name", queryName.strip())
                      .bind("list", listId)
                      .bind("entry", entryId)
                      .bind("verdict", verdict.code())
                      .bind("reason", reason.strip())
                      .bind("actor", actor)
                      .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              new AuditLog(db, clock)
                  .append(
                      h,
                      new AuditLog.Change(
                          actor,
                          AuditAction.SCREENING_DECISION,
                          "screening_decision",
                          Long.toString(id),
                          reason.strip(),
                          Map.of(
                              "query_name", queryName.strip(),
                              "query_key", key,
                              "list", listId,
                              "entry", entryId,
                              "verdict", verdict.code())));
              return new Decision(
                  id, key, queryName.strip(), listId, entryId, verdict, reason.strip(), actor, now);
            });
  }

  /** The decision that applies to each pair: the newest one. */
  public Map<Pair, Decision> current() {
    Map<Pair, Decision> latest = new HashMap<>();
    for (Decision d : all()) {
      latest.put(new Pair(d.queryKey(), d.listId(), d.entryId()), d);
    }
    return latest;
  }

  /** The decision that applies to a query name and an entry, if any. */
  public Optional<Decision> current(String queryName, String listId, String entryId) {
    return Optional.ofNullable(current().get(new Pair(queryKey(queryName), listId, entryId)));
  }

  /** Every decision, oldest first. */
  public List<Decision> all() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM screening_decision ORDER BY id")
                    .map(
                        (rs, ctx) ->
                            new Decision(
                                rs.getLong("id"),
                                rs.getString("query_key"),
                                rs.getString("query_name"),
                                rs.getString("list_id"),
                                rs.getString("entry_id"),
                                Decision.Verdict.ofCode(rs.getString("verdict")),
                                rs.getString("reason"),
                                rs.getString("actor"),
                                rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
                    .list());
  }

  /** The entry a decision names is not in the list (any more). */
  public static final class UnknownEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownEntryException(String message) {
      super(message);
    }
  }
}
