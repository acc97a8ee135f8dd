package org.custodiet.store.curation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.store.Database;
import org.custodiet.store.audit.AuditLog;
import org.jdbi.v3.core.Handle;

/** Reads for the review screens: the queue, one candidate with its document, a claim's history. */
public final class ReviewQueue {
  public static final Set<String> STATUSES =
      Set.of("pending", "accepted", "rejected", "merged", "all");
  public static final Set<String> SORTS = Set.of("confidence", "date");
  public static final int MAX_LIMIT = 500;

  private final Database db;

  public ReviewQueue(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /**
   * What to list. Null filters match everything.
   *
   * @param status pending, accepted, rejected, merged or all
   * @param sort confidence (most confident first) or date (newest first)
   */
  public record Query(
      String status,
      String sort,
      String country,
      String technology,
      String supplier,
      double minConfidence,
      int offset,
      int limit) {
    public Query {
      if (!STATUSES.contains(status)) {
        throw CurationException.invalid(
            "status", "'" + status + "' is not one of pending, accepted, rejected, merged, all");
      }
      if (!SORTS.contains(sort)) {
        throw CurationException.invalid("sort", "'" + sort + "' is not confidence or date");
      }
      if (!(minConfidence >= 0 && minConfidence <= 1)) {
        throw CurationException.invalid("min_confidence", "must be between 0 and 1");
      }
      if (offset < 0) {
        throw CurationException.invalid("offset", "must not be negative");
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw CurationException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
      }
    }

    public static Query pending(int limit) {
      return new Query("pending", "confidence", null, null, null, 0, 0, limit);
    }
  }

  /** One listed candidate and, once decided, the decision. */
  public record Item(
      CandidateRow candidate,
      String decision,
      String actor,
      String reason,
      OffsetDateTime decidedAt) {}

  /** A page of the queue and how many candidates match in all. */
  public record Page(List<Item> items, long total) {}

  public Page list(Query q) {
    StringBuilder where = new StringBuilder(" WHERE c.confidence >= ?");
    List<Object> args = new ArrayList<>();
    args.add(q.minConfidence());
    switch (q.status()) {
      case "all" -> {}
      case "merged" -> where.append(" AND x.decision = 'merged'");
      case "accepted" -> where.append(" AND c.status = 'accepted' AND x.decision = 'accepted'");
      default -> {
        where.append(" AND c.status = ?");
        args.add(q.status());
      }
    }
    filter(where, args, "c.country_iso3", q.country());
    filter(where, args, "c.technology", q.technology());
    filter(where, args, "c.supplier_company_id", q.supplier());
    String from =
        CandidateRow.SELECT.replace(
                " FROM candidate_claim c",
                ", x.decision, x.actor, x.reason, x.decided_at FROM candidate_claim c")
            + " LEFT JOIN candidate_decision x ON x.candidate_id = c.id";
    String order =
        q.sort().equals("date")
            ? " ORDER BY c.created_at DESC, c.id DESC"
            : " ORDER BY c.confidence DESC, c.id";
    return db.jdbi()
        .withHandle(
            h -> {
              var count =
                  h.createQuery(
                      "SELECT COUNT(*) FROM candidate_claim c LEFT JOIN candidate_decision x"
                          + " ON x.candidate_id = c.id"
                          + where);
              for (int i = 0; i < args.size(); i++) {
                count.bind(i, args.get(i));
              }
              long total = count.mapTo(Long.class).one();
              var list = h.createQuery(from + where + order + " LIMIT ? OFFSET ?");
              int i = 0;
              for (; i < args.size(); i++) {
                list.bind(i, args.get(i));
              }
              list.bind(i, q.limit()).bind(i + 1, q.offset());
              List<Item> items =
                  list.map(
                          (rs, ctx) ->
                              new Item(
                                  CandidateRow.read(rs),
                                  rs.getString(26),
                                  rs.getString(27),
                                  rs.getString(28),
                                  rs.getObject(29, OffsetDateTime.class)))
                      .list();
              return new Page(items, total);
            });
  }

  private static void filter(StringBuilder where, List<Object> args, String column, String value) {
    if (value != null && !value.isBlank()) {
      where.append(" AND ").append(column).append(" = ?");
      args.add(value.strip());
    }
  }

  /** One candidate with its decision, if any. */
  public Optional<Item> find(long id) {
    return db.jdbi()
        .withHandle(
            h ->
                CandidateRow.find(h, id)
                    .map(
                        c ->
                            h.createQuery(
                                    "SELECT decision, actor, reason, decided_at"
                                        + " FROM candidate_decision WHERE candidate_id = ?")
                                .bind(0, id)
                                .map(
                                    (rs, ctx) ->
                                        new Item(
                                            c,
                                            rs.getString(1),
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getObject(4, OffsetDateTime.class)))
                                .findOne()
                                .orElse(new Item(c, null, null, null, null))));
  }

  /** The text of a stored document, exactly as the extractor saw it. */
  public Optional<String> documentText(long documentId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT body FROM document WHERE id = ?")
                    .bind(0, documentId)
                    .mapTo(String.class)
                    .findOne());
  }

  /** The claims a candidate's decision created or added evidence to. */
  public List<String> claimsOf(long candidateId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT claim_id FROM decision_claim WHERE candidate_id = ? ORDER BY claim_id")
                    .bind(0, candidateId)
                    .mapTo(String.class)
                    .list());
  }

  /**
   * One entry of a claim's history.
   *
   * @param relation how the entry concerns the claim: "claim" (a decision about the claim itself),
   *     "candidate" (a review decision that created or corroborated it) or "batch" (the seed load
   *     or import that brought the claim or some of its evidence)
   */
  public record HistoryEntry(AuditEntry entry, String relation) {}

  /**
   * Everything the decision log says about a claim, oldest first: the seed load or imports of its
   * row and evidence, the review decisions that created or corroborated it, and the disputes,
   * retractions and edits of it. Empty when the claim does not exist.
   */
  public List<HistoryEntry> history(String claimId) {
    AuditLog log = new AuditLog(db);
    return db.jdbi()
        .withHandle(
            h -> {
              if (batches(h, "SELECT batch_id FROM claim WHERE id = ?", claimId).isEmpty()) {
                return List.<HistoryEntry>of();
              }
              Map<Long, HistoryEntry> bySeq = new LinkedHashMap<>();
              List<Long> batches = new ArrayList<>();
              batches.addAll(batches(h, "SELECT batch_id FROM claim WHERE id = ?", claimId));
              batches.addAll(
                  batches(h, "SELECT DISTINCT batch_id FROM evidence WHERE claim_id = ?", claimId));
              for (long batch : batches) {
                for (AuditEntry e : log.history("import_batch", Long.toString(batch))) {
                  bySeq.putIfAbsent(e.seq(), new HistoryEntry(e, "batch"));
                }
              }
              List<Long> candidates =
                  h.createQuery("SELECT candidate_id FROM decision_claim WHERE claim_id = ?")
                      .bind(0, claimId)
                      .mapTo(Long.class)
                      .list();
              for (long candidate : candidates) {
                for (AuditEntry e : log.history("candidate", Long.toString(candidate))) {
                  bySeq.put(e.seq(), new HistoryEntry(e, "candidate"));
                }
              }
              for (AuditEntry e : log.history("claim", claimId)) {
                bySeq.put(e.seq(), new HistoryEntry(e, "claim"));
              }
              List<HistoryEntry> all = new ArrayList<>(bySeq.values());
              all.sort(Comparator.comparingLong(x -> x.entry().seq()));
              return all;
            });
  }

  private static List<Long> batches(Handle h, String sql, String claimId) {
    return h.createQuery(sql).bind(0, claimId).mapTo(Long.class).list();
  }
}
