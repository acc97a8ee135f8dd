package org.custodiet.store.ingest;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Ingested documents, their near-duplicate groups and the candidate claims read in them. A document
 * and its candidates are written in one transaction: either all of it is stored or nothing.
 */
public final class DocumentRepository {
  private final Database db;
  private final double minSimilarity;

  /**
   * @param minSimilarity the estimated Jaccard similarity of shingle sets (share of equal MinHash
   *     values) from which a document joins an earlier document's near-duplicate group
   */
  public DocumentRepository(Database db, double minSimilarity) {
    if (!(minSimilarity > 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minSimilarity must be in (0, 1], got " + minSimilarity);
    }
    this.db = db;
    this.minSimilarity = minSimilarity;
  }

  /**
   * One connection for a run of many documents, so that each does not pay for opening one. Not
   * thread-safe: one session per thread.
   */
  public Session open() {
    return new Session(db.jdbi().open());
  }

  /** The stored document with this canonical URL or this text, if any. */
  public Optional<StoreOutcome.Duplicate> findDuplicate(String canonicalUrl, String contentSha256) {
    try (Session session = open()) {
      return session.findDuplicate(canonicalUrl, contentSha256);
    }
  }

  /** Stores one document: see {@link Session#store}. */
  public StoreOutcome store(NewDocument doc, List<CandidateClaim> candidates) {
    try (Session session = open()) {
      return session.store(doc, candidates);
    }
  }

  /** A connection to the document tables. */
  public final class Session implements AutoCloseable {
    private final Handle handle;

    private Session(Handle handle) {
      this.handle = handle;
    }

    /** The stored document with this canonical URL or this text, if any. */
    public Optional<StoreOutcome.Duplicate> findDuplicate(
        String canonicalUrl, String contentSha256) {
      return DocumentRepository.findDuplicate(handle, canonicalUrl, contentSha256);
    }

    /**
     * Stores a document with its candidates (status pending) in one transaction, in the group of
     * its most similar earlier document when that one is similar enough, else in a new group. A
     * document already stored under the same URL or text is left alone and reported as a duplicate,
     * also when another writer stored it a moment earlier.
     *
     * @throws IllegalArgumentException when a candidate's span lies outside the body; nothing is
     *     written
     */
    public StoreOutcome store(NewDocument doc, List<CandidateClaim> candidates) {
      checkSpans(doc, candidates);
      try {
        return handle.inTransaction(h -> insert(h, doc, candidates));
      } catch (StatementException e) {
        if (isUniqueViolation(e)) {
          Optional<StoreOutcome.Duplicate> dup =
              findDuplicate(doc.canonicalUrl(), doc.contentSha256());
          if (dup.isPresent()) {
            return dup.get();
          }
        }
        throw e;
      }
    }

    @Override
    public void close() {
      handle.close();
    }
  }

  private static Optional<StoreOutcome.Duplicate> findDuplicate(
      Handle h, String canonicalUrl, String contentSha256) {
    if (canonicalUrl != null) {
      Optional<Long> byUrl =
          h.createQuery("SELECT id FROM document WHERE canonical_url = ?")
              .bind(0, canonicalUrl)
              .mapTo(Long.class)
              .findOne();
      if (byUrl.isPresent()) {
        return Optional.of(new StoreOutcome.Duplicate(StoreOutcome.Kind.SAME_URL, byUrl.get()));
      }
    }
    return h.createQuery("SELECT id FROM document WHERE content_sha256 = ?")
        .bind(0, contentSha256)
        .mapTo(Long.class)
        .findOne()
        .map(id -> new StoreOutcome.Duplicate(StoreOutcome.Kind.SAME_TEXT, id));
  }

  private static void checkSpans(NewDocument doc, List<CandidateClaim> candidates) {
    for (CandidateClaim c : candidates) {
      if (c.spanEnd() > doc.body().length()) {
        throw new IllegalArgumentException(
            "extractor "
                + c.extractor()
                + " "
                + c.extractorVersion()
                + " gave the span ["
                + c.spanStart()
                + ", "
                + c.spanEnd()
                + ") outside the "
                + doc.body().length()
                + "-character text");
      }
    }
  }

  /** Inserts the document; a duplicate URL or text fails on the unique constraints. */
  private StoreOutcome insert(Handle h, NewDocument doc, List<CandidateClaim> candidates) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Match match = mostSimilar(h, doc);
    long groupId;
    if (match != null) {
      groupId = match.groupId;
    } else {
      groupId =
          h.createUpdate(
                  "INSERT INTO near_duplicate_group (publisher_group, created_at) VALUES (?, ?)")
              .bind(0, doc.publisher())
              .bind(1, now)
              .executeAndReturnGeneratedKeys("id")
              .mapTo(Long.class)
              .one();
    }
    long id =
        h.createUpdate(
                "INSERT INTO document (canonical_url, content_sha256, title, published, publisher,"
                    + " source_format, origin, body, minhash, group_id, ingested_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(0, doc.canonicalUrl())
            .bind(1, doc.contentSha256())
            .bind(2, doc.title())
            .bind(3, doc.published())
            .bind(4, doc.publisher())
            .bind(5, doc.sourceFormat())
            .bind(6, doc.origin())
            .bind(7, doc.body())
            .bind(8, toBytes(doc.minhash()))
            .bind(9, groupId)
            .bind(10, now)
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    PreparedBatch buckets =
        h.prepareBatch("INSERT INTO document_bucket (bucket, document_id) VALUES (?, ?)");
    for (long bucket : distinct(doc.buckets())) {
      buckets.bind(0, bucket).bind(1, id).add();
    }
    if (buckets.size() > 0) {
      buckets.execute();
    }
    if (!candidates.isEmpty()) {
      PreparedBatch batch =
          h.prepareBatch(
              "INSERT INTO candidate_claim (document_id, supplier_company_id, country_iso3,"
                  + " technology, city, lender_id, instrument, amount_usd, confidence, span_start,"
                  + " span_end, extractor, extractor_version, status, created_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)");
      for (CandidateClaim c : candidates) {
        CandidateClaim.FinancingMention f = c.financing();
        batch
            .bind(0, id)
            .bind(1, c.supplierCompanyId())
            .bind(2, c.countryIso3())
            .bind(3, c.technology())
            .bind(4, c.city())
            .bind(5, f == null ? null : f.lenderId())
            .bind(6, f == null ? null : f.instrument().name().toLowerCase(Locale.ROOT))
            .bind(7, f == null ? null : f.amountUsd())
            .bind(8, c.confidence())
            .bind(9, c.spanStart())
            .bind(10, c.spanEnd())
            .bind(11, c.extractor())
            .bind(12, c.extractorVersion())
            .bind(13, now)
            .add();
      }
      batch.execute();
    }
    return new StoreOutcome.Stored(
        id, groupId, match == null ? null : match.documentId, candidates.size());
  }

  private record Match(long documentId, long groupId, double similarity) {}

  /** Of the documents sharing a bucket with this one, the most similar one above the threshold. */
  private Match mostSimilar(Handle h, NewDocument doc) {
    long[] buckets = distinct(doc.buckets());
    if (buckets.length == 0) {
      return null;
    }
    List<Long> sharing =
        h.createQuery(
                "SELECT DISTINCT document_id FROM document_bucket WHERE bucket IN (<buckets>)")
            .bindList("buckets", Arrays.stream(buckets).boxed().toList())
            .mapTo(Long.class)
            .list();
    if (sharing.isEmpty()) {
      return null;
    }
    List<Match> candidates =
        h.createQuery("SELECT id, group_id, minhash FROM document WHERE id IN (<ids>) ORDER BY id")
            .bindList("ids", sharing)
            .map(
                (rs, ctx) ->
                    new Match(
                        rs.getLong(1),
                        rs.getLong(2),
                        similarity(doc.minhash(), fromBytes(rs.getBytes(3)))))
            .list();
    Match best = null;
    for (Match m : candidates) {
      if (m.similarity >= minSimilarity && (best == null || m.similarity > best.similarity)) {
        best = m;
      }
    }
    return best;
  }

  /** The share of positions where two MinHash signatures agree: an estimate of their Jaccard. */
  static double similarity(int[] a, int[] b) {
    if (a.length != b.length || a.length == 0) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  private static long[] distinct(long[] values) {
    return Arrays.stream(values).distinct().toArray();
  }

  private static byte[] toBytes(int[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
    buffer.asIntBuffer().put(values);
    return buffer.array();
  }

  private static int[] fromBytes(byte[] bytes) {
    int[] values = new int[bytes.length / Integer.BYTES];
    ByteBuffer.wrap(bytes).asIntBuffer().get(values);
    return values;
  }

  private static boolean isUniqueViolation(StatementException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A stored document, with its group's publisher group. */
  public Optional<StoredDocument> find(long id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT d.id, d.canonical_url, d.content_sha256, d.title, d.published,"
                            + " d.publisher, d.source_format, d.origin, d.body, d.group_id,"
                            + " g.publisher_group, d.ingested_at FROM document d"
                            + " JOIN near_duplicate_group g ON g.id = d.group_id WHERE d.id = ?")
                    .bind(0, id)
                    .map(
                        (rs, ctx) ->
                            new StoredDocument(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getLong(10),
                                rs.getString(11),
                                rs.getObject(12, OffsetDateTime.class)))
                    .findOne());
  }

  /** Documents, near-duplicate groups and candidate claims stored. */
  public record Counts(long documents, long groups, long candidates) {}

  public Counts counts() {
    return db.jdbi()
        .withHandle(
            h ->
                new Counts(
                    count(h, "document"),
                    count(h, "near_duplicate_group"),
                    count(h, "candidate_claim")));
  }

  private static long count(Handle h, String table) {
    return h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
  }
}
