package org.custodiet.store.ingest;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.store.Database;
import org.custodiet.store.StoreException;
import org.custodiet.store.curation.SpanFingerprint;
import org.jdbi.v3.core.Handle;

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
   * One connection for a run of many documents, so that each does not pay for opening one; each
   * document is committed on its own. Not thread-safe: one session per thread.
   */
  public Session open() {
    return open(1);
  }

  /**
   * One connection on which up to {@code documentsPerCommit} documents share a transaction, since a
   * commit costs far more than a document's inserts. Each document is still stored whole or not at
   * all: it is written under its own savepoint, rolled back to when any of its rows fails, without
   * touching the others. Closing the session commits what it stored. Not thread-safe.
   */
  public Session open(int documentsPerCommit) {
    if (documentsPerCommit < 1) {
      throw new IllegalArgumentException(
          "documentsPerCommit must be at least 1, got " + documentsPerCommit);
    }
    return new Session(db.jdbi().open(), documentsPerCommit);
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

  /**
   * A connection to the document tables. Its statements are prepared once and reused for every
   * document, since preparing them again per document cost more than running them.
   */
  public final class Session implements AutoCloseable {
    private final Handle handle;
    private final Connection connection;
    private final int documentsPerCommit;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private int uncommitted;

    /**
     * This session's documents, while the tables held none before it (a first bulk ingest): then
     * they are all there is to compare with, and looking them up in memory spares two queries per
     * document. Null when the database must be asked. Documents another writer stores during the
     * session are then not seen as near-duplicates; their copies are still refused by the unique
     * constraints.
     */
    private SessionIndex index;

    private Session(Handle handle, int documentsPerCommit) {
      this.handle = handle;
      this.connection = handle.getConnection();
      this.documentsPerCommit = documentsPerCommit;
      try {
        connection.setAutoCommit(false);
        try (PreparedStatement any = connection.prepareStatement("SELECT 1 FROM document LIMIT 1");
            ResultSet rs = any.executeQuery()) {
          index = rs.next() ? null : new SessionIndex();
        }
      } catch (SQLException e) {
        handle.close();
        throw new StoreException("cannot begin a transaction: " + e.getMessage(), e);
      }
    }

    /**
     * The stored document with this canonical URL or this text, if any, including those this
     * session stored and has not committed yet.
     */
    public Optional<StoreOutcome.Duplicate> findDuplicate(
        String canonicalUrl, String contentSha256) {
      if (index != null) {
        Long byUrl = canonicalUrl == null ? null : index.idOfUrl(canonicalUrl);
        if (byUrl != null) {
          return Optional.of(new StoreOutcome.Duplicate(StoreOutcome.Kind.SAME_URL, byUrl));
        }
        return Optional.ofNullable(index.idOfText(contentSha256))
            .map(id -> new StoreOutcome.Duplicate(StoreOutcome.Kind.SAME_TEXT, id));
      }
      try {
        if (canonicalUrl != null) {
          Optional<Long> byUrl =
              firstId(statement("SELECT id FROM document WHERE canonical_url = ?"), canonicalUrl);
          if (byUrl.isPresent()) {
            return Optional.of(new StoreOutcome.Duplicate(StoreOutcome.Kind.SAME_URL, byUrl.get()));
          }
        }
        return firstId(statement("SELECT id FROM document WHERE content_sha256 = ?"), contentSha256)
            .map(id -> new StoreOutcome.Duplicate(StoreOutcome.Kind.SAME_TEXT, id));
      } catch (SQLException e) {
        throw new StoreException("cannot look for a stored copy: " + e.getMessage(), e);
      }
    }

    /**
     * Stores a document with its candidates (status pending), all of it or nothing, in the group of
     * its most similar earlier document when that one is similar enough, else in a new group. A
     * document already stored under the same URL or text is left alone and reported as a duplicate,
     * also when another writer stored it a moment earlier.
     *
     * @throws IllegalArgumentException when a candidate's span lies outside the body; nothing is
     *     written
     * @throws StoreException when the database refuses a row of it; nothing of it is written, and
     *     the documents stored before it in this session are kept
     */
    public StoreOutcome store(NewDocument doc, List<CandidateClaim> candidates) {
      checkSpans(doc, candidates);
      Savepoint savepoint;
      try {
        savepoint = connection.setSavepoint();
      } catch (SQLException e) {
        throw new StoreException("cannot set a savepoint: " + e.getMessage(), e);
      }
      StoreOutcome outcome;
      try {
        outcome = insert(doc, candidates);
        connection.releaseSavepoint(savepoint);
      } catch (SQLException e) {
        if (index != null && isUniqueViolation(e)) {
          index = null; // another writer is storing: only the database knows all documents now
        }
        try {
          connection.rollback(savepoint);
          connection.releaseSavepoint(savepoint);
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
          throw new StoreException(e.getMessage(), e);
        }
        if (isUniqueViolation(e)) {
          Optional<StoreOutcome.Duplicate> dup =
              findDuplicate(doc.canonicalUrl(), doc.contentSha256());
          if (dup.isPresent()) {
            return dup.get();
          }
        }
        throw new StoreException(e.getMessage(), e);
      }
      if (index != null && outcome instanceof StoreOutcome.Stored stored) {
        if (index.full()) {
          index = null;
        } else {
          index.add(doc, stored.documentId(), stored.groupId(), distinct(doc.buckets()));
        }
      }
      if (++uncommitted >= documentsPerCommit) {
        commit();
      }
      return outcome;
    }

    /** Makes the documents stored so far durable and visible to other connections. */
    public void commit() {
      try {
        connection.commit();
      } catch (SQLException e) {
        throw new StoreException("cannot commit the stored documents: " + e.getMessage(), e);
      }
      uncommitted = 0;
    }

    /** Commits what was stored, then releases the connection. */
    @Override
    public void close() {
      try {
        commit();
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        throw new StoreException("cannot end the session: " + e.getMessage(), e);
      } finally {
        for (PreparedStatement statement : statements.values()) {
          try {
            statement.close();
          } catch (SQLException ignored) {
            // the connection is being released anyway
          }
        }
        handle.close();
      }
    }

    private PreparedStatement statement(String sql) throws SQLException {
      PreparedStatement statement = statements.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        statements.put(sql, statement);
      }
      return statement;
    }

    private PreparedStatement insertReturningId(String sql) throws SQLException {
      PreparedStatement statement = statements.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql, new String[] {"id"});
        statements.put(sql, statement);
      }
      return statement;
    }

    /** Inserts the document; a duplicate URL or text fails on the unique constraints. */
    private StoreOutcome insert(NewDocument doc, List<CandidateClaim> candidates)
        throws SQLException {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      long[] buckets = distinct(doc.buckets());
      Match match = mostSimilar(doc, buckets);
      long groupId;
      if (match != null) {
        groupId = match.groupId;
      } else {
        PreparedStatement group =
            insertReturningId(
                "INSERT INTO near_duplicate_group (publisher_group, created_at) VALUES (?, ?)");
        setString(group, 1, doc.publisher());
        group.setObject(2, now);
        groupId = executeReturningId(group);
      }
      PreparedStatement document =
          insertReturningId(
              "INSERT INTO document (canonical_url, content_sha256, title, published, publisher,"
                  + " source_format, origin, body, minhash, group_id, ingested_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      setString(document, 1, doc.canonicalUrl());
      document.setString(2, doc.contentSha256());
      setString(document, 3, doc.title());
      setString(document, 4, doc.published());
      setString(document, 5, doc.publisher());
      document.setString(6, doc.sourceFormat());
      document.setString(7, doc.origin());
      document.setString(8, doc.body());
      document.setBytes(9, toBytes(doc.minhash()));
      document.setLong(10, groupId);
      document.setObject(11, now);
      long id = executeReturningId(document);
      if (buckets.length > 0) {
        PreparedStatement bucketRows =
            statement("INSERT INTO document_bucket (bucket, document_id) VALUES (?, ?)");
        for (long bucket : buckets) {
          bucketRows.setLong(1, bucket);
          bucketRows.setLong(2, id);
          bucketRows.addBatch();
        }
        try {
          bucketRows.executeBatch();
        } finally {
          bucketRows.clearBatch();
        }
      }
      List<CandidateClaim> proposed = notRejectedBefore(doc, candidates);
      if (!proposed.isEmpty()) {
        PreparedStatement rows =
            statement(
                "INSERT INTO candidate_claim (document_id, supplier_company_id, country_iso3,"
                    + " technology, city, lender_id, instrument, amount_usd, confidence,"
                    + " span_start, span_end, extractor, extractor_version, status, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)");
        for (CandidateClaim c : proposed) {
          CandidateClaim.FinancingMention f = c.financing();
          rows.setLong(1, id);
          rows.setString(2, c.supplierCompanyId());
          rows.setString(3, c.countryIso3());
          rows.setString(4, c.technology());
          setString(rows, 5, c.city());
          setString(rows, 6, f == null ? null : f.lenderId());
          setString(rows, 7, f == null ? null : f.instrument().name().toLowerCase(Locale.ROOT));
          if (f == null || f.amountUsd() == null) {
            rows.setNull(8, Types.NUMERIC);
          } else {
            rows.setBigDecimal(8, f.amountUsd());
          }
          rows.setDouble(9, c.confidence());
          rows.setInt(10, c.spanStart());
          rows.setInt(11, c.spanEnd());
          rows.setString(12, c.extractor());
          rows.setString(13, c.extractorVersion());
          rows.setObject(14, now);
          rows.addBatch();
        }
        try {
          rows.executeBatch();
        } finally {
          rows.clearBatch();
        }
      }
      return new StoreOutcome.Stored(
          id,
          groupId,
          match == null ? null : match.documentId,
          proposed.size(),
          candidates.size() - proposed.size());
    }

    /**
     * The candidates whose span a curator has not rejected before (see {@link SpanFingerprint}): a
     * rejected sentence read again, in this copy or a syndicated one, is not proposed again.
     */
    private List<CandidateClaim> notRejectedBefore(NewDocument doc, List<CandidateClaim> candidates)
        throws SQLException {
      if (candidates.isEmpty()) {
        return candidates;
      }
      PreparedStatement rejected =
          statement("SELECT COUNT(*) FROM rejected_span WHERE fingerprint = ?");
      List<CandidateClaim> kept = new java.util.ArrayList<>(candidates.size());
      for (CandidateClaim c : candidates) {
        String fingerprint =
            SpanFingerprint.of(
                doc.body().substring(c.spanStart(), c.spanEnd()),
                c.supplierCompanyId(),
                c.countryIso3(),
                c.technology());
        rejected.setString(1, fingerprint);
        try (ResultSet rs = rejected.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == 0) {
            kept.add(c);
          }
        }
      }
      return kept;
    }

    /**
     * Of the documents sharing a bucket with this one, the most similar one above the threshold.
     */
    private Match mostSimilar(NewDocument doc, long[] buckets) throws SQLException {
      if (buckets.length == 0) {
        return null;
      }
      if (index != null) {
        Match best = null;
        for (SessionIndex.Sharing other : index.sharing(buckets)) {
          double similarity = similarity(doc.minhash(), other.signature());
          if (similarity >= minSimilarity && (best == null || similarity > best.similarity)) {
            best = new Match(other.documentId(), other.groupId(), similarity);
          }
        }
        return best;
      }
      PreparedStatement sharing =
          statement(
              "SELECT d.id, d.group_id, d.minhash FROM document d WHERE d.id IN"
                  + " (SELECT b.document_id FROM document_bucket b WHERE b.bucket IN ("
                  + String.join(", ", Collections.nCopies(buckets.length, "?"))
                  + ")) ORDER BY d.id");
      for (int i = 0; i < buckets.length; i++) {
        sharing.setLong(i + 1, buckets[i]);
      }
      Match best = null;
      try (ResultSet rs = sharing.executeQuery()) {
        while (rs.next()) {
          double similarity = similarity(doc.minhash(), fromBytes(rs.getBytes(3)));
          if (similarity >= minSimilarity && (best == null || similarity > best.similarity)) {
            best = new Match(rs.getLong(1), rs.getLong(2), similarity);
          }
        }
      }
      return best;
    }
  }

  private static Optional<Long> firstId(PreparedStatement query, String value) throws SQLException {
    query.setString(1, value);
    try (ResultSet rs = query.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  private static long executeReturningId(PreparedStatement insert) throws SQLException {
    insert.executeUpdate();
    try (ResultSet keys = insert.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("the database returned no generated id");
      }
      return keys.getLong(1);
    }
  }

  private static void setString(PreparedStatement statement, int index, String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
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

  private record Match(long documentId, long groupId, double similarity) {}

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

  private static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (SQLException s = t instanceof SQLException q ? q : null;
          s != null;
          s = s.getNextException()) {
        if ("23505".equals(s.getSQLState())) {
          return true;
        }
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
