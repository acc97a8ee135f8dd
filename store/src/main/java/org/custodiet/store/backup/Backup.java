package org.custodiet.store.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.custodiet.core.audit.AuditChain;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.store.Database;
import org.custodiet.store.ImportException;
import org.custodiet.store.StoreException;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.backup.BackupTables.Part;
import org.custodiet.store.backup.Manifest.Column;
import org.custodiet.store.backup.Manifest.PartInfo;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The whole database as one portable ZIP archive (docs/backup.md): {@code manifest.json} and one
 * JSON Lines part per table. Writing reads one consistent snapshot; restoring checks the whole
 * archive before it writes anything, then writes it in one transaction into an empty database,
 * keeping every id and rebuilding the decision log entry by entry so its head hash is the same.
 */
public final class Backup {
  static final String MANIFEST = "manifest.json";

  /** Entries get a fixed time so that two backups of the same data differ only in created_at. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

  private static final int BATCH = 500;

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /**
   * Caps on what a restore reads, whatever the archive claims: bytes per entry, bytes in all (a
   * small ZIP may inflate to far more than the disk holds) and bytes per line.
   */
  public record Limits(long maxEntryBytes, long maxTotalBytes, int maxLineBytes) {
    public static final Limits DEFAULT = new Limits(4L << 30, 8L << 30, 256 << 20);

    public Limits {
      if (maxEntryBytes < 1 || maxTotalBytes < 1 || maxLineBytes < 1) {
        throw new IllegalArgumentException("backup limits must be positive");
      }
    }
  }

  /** What was written or restored: rows per table, the decision-log head and the schema. */
  public record Summary(
      Map<String, Long> rows, AuditChain.Head auditHead, String schemaVersion, String createdAt) {}

  private final Database db;
  private final List<Part> parts;
  private final Clock clock;

  public Backup(Database db) {
    this(db, BackupTables.PARTS, Clock.systemUTC());
  }

  Backup(Database db, List<Part> parts, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.parts = List.copyOf(parts);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // ---------------------------------------------------------------- writing

  /**
   * Writes the archive to {@code file}: next to it first, then moved into place, so a failure
   * leaves no partial archive. {@code producer} names the custodiet version writing it.
   */
  public Summary export(Path file, String producer) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".backup-", ".tmp");
    try {
      Summary summary;
      try (OutputStream out = Files.newOutputStream(tmp)) {
        summary = write(out, producer);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes the archive to {@code out}, which stays open. */
  public Summary write(OutputStream out, String producer) {
    String createdAt =
        DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    String schema = schemaVersion();
    // One snapshot for all parts, so the rows and the log head agree even while others write.
    return db.jdbi()
        .inTransaction(
            TransactionIsolationLevel.REPEATABLE_READ,
            h -> {
              AuditChain.Verification log = new AuditLog(db).verify(h);
              if (!log.intact()) {
                throw new StoreException(
                    "the decision log is broken at entry "
                        + log.brokenSeq()
                        + " ("
                        + log.problem()
                        + "); a backup of it could not be restored: see custodiet audit verify",
                    null);
              }
              try {
                ZipOutputStream zip = new ZipOutputStream(unclosable(out));
                List<PartInfo> infos = new ArrayList<>();
                Map<String, Long> rows = new LinkedHashMap<>();
                for (Part part : parts) {
                  PartInfo info = writePart(h.getConnection(), zip, part);
                  infos.add(info);
                  rows.put(part.table(), info.rows());
                }
                Manifest manifest =
                    new Manifest(
                        Manifest.FORMAT_VERSION,
                        createdAt,
                        producer,
                        schema,
                        log.computedHead(),
                        infos);
                zip.putNextEntry(entry(MANIFEST));
                zip.write(
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest.toJson()));
                zip.write('\n');
                zip.closeEntry();
                zip.finish();
                return new Summary(rows, log.computedHead(), schema, createdAt);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } catch (SQLException e) {
                throw new StoreException("reading the database: " + e.getMessage(), e);
              }
            });
  }

  private static PartInfo writePart(Connection c, ZipOutputStream zip, Part part)
      throws IOException, SQLException {
    zip.putNextEntry(entry(part.fileName()));
    MessageDigest sha = sha256();
    OutputStream out = new DigestOutputStream(unclosable(zip), sha);
    long rows = 0;
    List<Column> columns;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM " + part.table() + " ORDER BY " + String.join(", ", part.orderBy()))) {
      ps.setFetchSize(BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        List<Column> all = columns(rs.getMetaData(), part.table());
        checkWithheld(part, all);
        columns = all.stream().filter(col -> !part.withheld().containsKey(col.name())).toList();
        while (rs.next()) {
          ObjectNode row = JSON.createObjectNode();
          for (int i = 0; i < all.size(); i++) {
            Column col = all.get(i);
            if (!part.withheld().containsKey(col.name())) {
              row.set(col.name(), col.type().read(rs, i + 1));
            }
          }
          out.write(JSON.writeValueAsBytes(row));
          out.write('\n');
          rows++;
        }
      }
    }
    out.flush();
    zip.closeEntry();
    return new PartInfo(
        part.table(), part.fileName(), columns, rows, HexFormat.of().formatHex(sha.digest()));
  }

  private static void checkWithheld(Part part, List<Column> columns) {
    for (String w : part.withheld().keySet()) {
      if (columns.stream().noneMatch(c -> c.name().equals(w))) {
        throw new IllegalStateException(part.table() + " has no column " + w + " to withhold");
      }
    }
  }

  private static List<Column> columns(ResultSetMetaData md, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      String name = md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
      columns.add(
          new Column(
              name, ColumnType.of(md.getColumnType(i), md.getColumnTypeName(i), table, name)));
    }
    return columns;
  }

  private static ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(ENTRY_TIME);
    return e;
  }

  /** The version of the newest migration applied to this database. */
  public String schemaVersion() {
    MigrationInfo current =
        Flyway.configure()
            .dataSource(db.dataSource())
            .locations("classpath:db/migration")
            .load()
            .info()
            .current();
    return current == null ? "0" : current.getVersion().getVersion();
  }

  // ---------------------------------------------------------------- restoring

  /**
   * Restores {@code file} into this database, which must be empty. The manifest, every part's
   * checksum and row count, every line and the decision-log chain are checked before anything is
   * written; then all rows are written in one transaction. On any problem nothing is written and an
   * {@link ImportException} names the archive entry, line and column.
   */
  public Summary restore(Path file, Limits limits) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw problem(ImportException.Reason.UNREADABLE, name, 0, null, "no such file");
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Archive archive = new Archive(zip, name, limits);
      Manifest manifest = archive.manifest();
      checkSchemaVersion(manifest, name);
      db.jdbi().useHandle(Backup::requireEmpty);
      Map<Part, PartInfo> plan = plan(manifest, name);
      Budget budget = new Budget(limits);
      for (Map.Entry<Part, PartInfo> p : plan.entrySet()) {
        archive.scan(p.getKey(), p.getValue(), budget, (values, line) -> {});
      }
      checkAuditHead(archive, manifest, plan);
      return db.jdbi().inTransaction(h -> write(h, archive, manifest, plan));
    } catch (ZipException e) {
      throw problem(
          ImportException.Reason.MALFORMED,
          name,
          0,
          null,
          "not a complete ZIP archive (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw problem(ImportException.Reason.UNREADABLE, name, 0, null, e.toString());
    }
  }

  /** Writes the checked archive; the caller's transaction commits it whole or not at all. */
  private Summary write(Handle h, Archive archive, Manifest manifest, Map<Part, PartInfo> plan)
      throws IOException {
    requireEmpty(h);
    Map<String, Long> rows = new LinkedHashMap<>();
    Budget budget = new Budget(archive.limits);
    for (Map.Entry<Part, PartInfo> p : plan.entrySet()) {
      Part part = p.getKey();
      PartInfo info = p.getValue();
      try (RowWriter writer = new RowWriter(h, part, info.columns())) {
        archive.scan(part, info, budget, writer::add);
        writer.finish();
      } catch (SQLException e) {
        throw new StoreException(
            "restoring table " + part.table() + ": the database refused it: " + e.getMessage(), e);
      }
      rows.put(part.table(), info.rows());
    }
    AuditChain.Head head = new AuditLog(db).head(h);
    if (!head.equals(manifest.auditHead())) {
      throw manifestProblem(
          archive.name,
          "audit_head",
          "the restored decision log ends at entry "
              + head.seq()
              + ", not at the manifest's head "
              + manifest.auditHead().seq());
    }
    return new Summary(rows, head, manifest.schemaVersion(), manifest.createdAt());
  }

  /** The parts to restore in restore order, each with what the manifest says about it. */
  private Map<Part, PartInfo> plan(Manifest manifest, String name) {
    Map<String, PartInfo> byTable = new LinkedHashMap<>();
    for (PartInfo info : manifest.parts()) {
      if (byTable.put(info.table(), info) != null) {
        throw manifestProblem(name, "parts", "table " + info.table() + " is listed twice");
      }
    }
    Map<String, List<Column>> target = db.jdbi().withHandle(this::targetColumns);
    Map<Part, PartInfo> plan = new LinkedHashMap<>();
    for (Part part : parts) {
      PartInfo info = byTable.remove(part.table());
      if (info == null) {
        throw manifestProblem(name, "parts", "the part for table " + part.table() + " is missing");
      }
      if (!info.file().equals(part.fileName())) {
        throw manifestProblem(
            name, "parts", "table " + part.table() + " must be in entry " + part.fileName());
      }
      List<Column> expected =
          target.get(part.table()).stream()
              .filter(c -> !part.withheld().containsKey(c.name()))
              .toList();
      if (!expected.equals(info.columns())) {
        throw manifestProblem(
            name,
            "parts",
            "table "
                + part.table()
                + ": the archive's columns "
                + describe(info.columns())
                + " differ from this database's "
                + describe(expected));
      }
      plan.put(part, info);
    }
    if (!byTable.isEmpty()) {
      throw manifestProblem(
          name, "parts", "unknown tables " + byTable.keySet() + " (written by a newer custodiet?)");
    }
    return plan;
  }

  private Map<String, List<Column>> targetColumns(Handle h) {
    Map<String, List<Column>> columns = new LinkedHashMap<>();
    for (Part part : parts) {
      try (PreparedStatement ps =
              h.getConnection().prepareStatement("SELECT * FROM " + part.table() + " WHERE 1 = 0");
          ResultSet rs = ps.executeQuery()) {
        List<Column> all = columns(rs.getMetaData(), part.table());
        checkWithheld(part, all);
        columns.put(part.table(), all);
      } catch (SQLException e) {
        throw new StoreException("reading the columns of " + part.table() + ": " + e, e);
      }
    }
    return columns;
  }

  private static String describe(List<Column> columns) {
    return columns.stream()
        .map(c -> c.name() + " " + c.type().code())
        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
  }

  private void checkSchemaVersion(Manifest manifest, String name) {
    String ours = schemaVersion();
    MigrationVersion theirs;
    try {
      theirs = MigrationVersion.fromVersion(manifest.schemaVersion());
    } catch (RuntimeException e) {
      throw manifestProblem(
          name, "schema_version", "'" + manifest.schemaVersion() + "' is not a schema version");
    }
    if (theirs.isNewerThan(ours)) {
      throw manifestProblem(
          name,
          "schema_version",
          "the archive was written at schema version "
              + manifest.schemaVersion()
              + ", newer than this database's "
              + ours
              + ": restore it with a newer custodiet");
    }
  }

  /** Before writing: the decision-log part chains up to exactly the head the manifest records. */
  private static void checkAuditHead(Archive archive, Manifest manifest, Map<Part, PartInfo> plan) {
    for (Map.Entry<Part, PartInfo> p : plan.entrySet()) {
      if (p.getKey().table().equals(BackupTables.AUDIT_ENTRY)
          && !archive.chainHead().equals(manifest.auditHead())) {
        throw manifestProblem(
            archive.name,
            "audit_head",
            "the manifest records head entry "
                + manifest.auditHead().seq()
                + " but the decision log in "
                + p.getValue().file()
                + " ends at entry "
                + archive.chainHead().seq());
      }
    }
  }

  private static void requireEmpty(Handle h) {
    for (Part part : BackupTables.PARTS) {
      long n = h.createQuery("SELECT COUNT(*) FROM " + part.table()).mapTo(Long.class).one();
      if (n > 0) {
        throw new ImportException(
            ImportException.Reason.CONFLICT,
            new ImportException.Problem(
                null,
                0,
                0,
                null,
                null,
                "the database is not empty (table "
                    + part.table()
                    + " holds "
                    + n
                    + " rows): a full backup is restored only into an empty database; use a"
                    + " new data directory or database"));
      }
    }
  }

  @FunctionalInterface
  interface RowSink {
    void accept(Object[] values, long line) throws SQLException;
  }

  /** Inserts one part's rows in batches; the decision log goes through {@link AuditLog#restore}. */
  private final class RowWriter implements AutoCloseable {
    private final Handle h;
    private final Part part;
    private final List<Column> columns;
    private final PreparedStatement insert;
    private final List<Object[]> deferred = new ArrayList<>();
    private final AuditLog log = new AuditLog(db);
    private int pending;

    RowWriter(Handle h, Part part, List<Column> columns) throws SQLException {
      this.h = h;
      this.part = part;
      this.columns = columns;
      if (part.table().equals(BackupTables.AUDIT_ENTRY)) {
        insert = null;
        return;
      }
      List<String> names = new ArrayList<>(columns.stream().map(Column::name).toList());
      names.addAll(part.withheld().keySet());
      insert =
          h.getConnection()
              .prepareStatement(
                  "INSERT INTO "
                      + part.table()
                      + " ("
                      + String.join(", ", names)
                      + ") VALUES ("
                      + String.join(", ", java.util.Collections.nCopies(names.size(), "?"))
                      + ")");
    }

    void add(Object[] values, long line) throws SQLException {
      if (insert == null) {
        log.restore(h, auditEntry(values));
        return;
      }
      boolean defer = false;
      for (int i = 0; i < columns.size(); i++) {
        Object v = values[i];
        if (part.selfReferences().contains(columns.get(i).name()) && v != null) {
          v = null;
          defer = true;
        }
        columns.get(i).type().bind(insert, i + 1, v);
      }
      int i = columns.size();
      for (String withheldValue : part.withheld().values()) {
        insert.setString(++i, withheldValue);
      }
      if (defer) {
        deferred.add(values);
      }
      insert.addBatch();
      if (++pending == BATCH) {
        flush();
      }
    }

    private AuditEntry auditEntry(Object[] v) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i).name(), v[i]);
      }
      return Backup.auditEntry(row);
    }

    private void flush() throws SQLException {
      if (pending > 0) {
        insert.executeBatch();
        pending = 0;
      }
    }

    /** Sets the deferred self-references and moves identity counters past the restored ids. */
    void finish() throws SQLException {
      if (insert == null) {
        return;
      }
      flush();
      for (String ref : part.selfReferences()) {
        int refIndex = indexOf(ref);
        try (PreparedStatement update =
            h.getConnection()
                .prepareStatement(
                    "UPDATE "
                        + part.table()
                        + " SET "
                        + ref
                        + " = ? WHERE "
                        + String.join(
                            " AND ", part.orderBy().stream().map(k -> k + " = ?").toList()))) {
          for (Object[] values : deferred) {
            if (values[refIndex] == null) {
              continue;
            }
            columns.get(refIndex).type().bind(update, 1, values[refIndex]);
            int p = 2;
            for (String key : part.orderBy()) {
              int k = indexOf(key);
              columns.get(k).type().bind(update, p++, values[k]);
            }
            update.addBatch();
          }
          update.executeBatch();
        }
      }
      for (String column : part.identityColumns()) {
        Long max =
            h.createQuery("SELECT MAX(" + column + ") FROM " + part.table())
                .mapTo(Long.class)
                .one();
        if (max == null) {
          continue;
        }
        if (db.isPostgres()) {
          h.createQuery("SELECT setval(pg_get_serial_sequence(:t, :c), :v)")
              .bind("t", part.table())
              .bind("c", column)
              .bind("v", max)
              .mapTo(Long.class)
              .one();
        } else {
          h.execute(
              "ALTER TABLE "
                  + part.table()
                  + " ALTER COLUMN "
                  + column
                  + " RESTART WITH "
                  + (max + 1));
        }
      }
    }

    private int indexOf(String column) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equals(column)) {
          return i;
        }
      }
      throw new IllegalStateException(part.table() + " has no column " + column);
    }

    @Override
    public void close() throws SQLException {
      if (insert != null) {
        insert.close();
      }
    }
  }

  static AuditEntry auditEntry(Map<String, Object> row) {
    return new AuditEntry(
        (Long) row.get("seq"),
        (String) row.get("recorded_at"),
        (String) row.get("actor"),
        (String) row.get("action"),
        (String) row.get("subject_type"),
        (String) row.get("subject_id"),
        (String) row.get("reason"),
        (String) row.get("detail"),
        (String) row.get("previous_hash"),
        (String) row.get("entry_hash"));
  }

  /** Bytes read from the archive so far, against the limits. */
  private static final class Budget {
    private final Limits limits;
    private long total;

    Budget(Limits limits) {
      this.limits = limits;
    }
  }

  /** The open archive: entry names checked, manifest read, parts streamed and checked. */
  private static final class Archive {
    private final ZipFile zip;
    private final String name;
    private final Limits limits;
    private AuditChain.Head chainHead = AuditChain.Head.EMPTY;

    Archive(ZipFile zip, String name, Limits limits) {
      this.zip = zip;
      this.name = name;
      this.limits = limits;
    }

    AuditChain.Head chainHead() {
      return chainHead;
    }

    Manifest manifest() throws IOException {
      Set<String> seen = new HashSet<>();
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        String entry = entries.nextElement().getName();
        if (!safe(entry)) {
          throw problem(
              ImportException.Reason.MALFORMED,
              name,
              0,
              null,
              "entry '" + entry + "' has an unsafe name (a path outside the archive's top level)");
        }
        if (!seen.add(entry)) {
          throw problem(
              ImportException.Reason.MALFORMED,
              name,
              0,
              null,
              "entry '" + entry + "' appears twice");
        }
      }
      ZipEntry entry = zip.getEntry(MANIFEST);
      if (entry == null) {
        throw problem(
            ImportException.Reason.MALFORMED,
            name,
            0,
            null,
            "no " + MANIFEST + ": not a custodiet backup");
      }
      byte[] bytes;
      try (InputStream in = new Bounded(zip.getInputStream(entry), name, MANIFEST, 1 << 20, null)) {
        bytes = in.readAllBytes();
      }
      Manifest manifest;
      try {
        manifest = Manifest.fromJson(JSON.readTree(bytes));
      } catch (JsonProcessingException e) {
        throw problem(
            ImportException.Reason.MALFORMED,
            name + "!" + MANIFEST,
            0,
            null,
            "not valid JSON: " + e.getOriginalMessage());
      } catch (IllegalArgumentException e) {
        throw manifestProblem(name, null, e.getMessage());
      }
      Set<String> expected = new HashSet<>();
      expected.add(MANIFEST);
      manifest.parts().forEach(p -> expected.add(p.file()));
      for (String entryName : seen) {
        if (!expected.contains(entryName)) {
          throw problem(
              ImportException.Reason.MALFORMED,
              name,
              0,
              null,
              "entry '" + entryName + "' is not listed in the manifest");
        }
      }
      for (PartInfo p : manifest.parts()) {
        if (!seen.contains(p.file())) {
          throw problem(
              ImportException.Reason.MALFORMED,
              name,
              0,
              null,
              "part " + p.file() + " (table " + p.table() + ") is missing from the archive");
        }
      }
      return manifest;
    }

    private static boolean safe(String entry) {
      return !entry.isEmpty()
          && !entry.startsWith(".")
          && entry.chars().noneMatch(c -> c == '/' || c == '\\' || c == ':' || c < 0x20);
    }

    /**
     * Streams one part: every line must be a JSON object with exactly the part's columns, each a
     * valid value of its type; the row count and SHA-256 must match the manifest. The decision
     * log's entries must chain. Each decoded row goes to {@code sink}.
     */
    void scan(Part part, PartInfo info, Budget budget, RowSink sink) throws IOException {
      String where = name + "!" + info.file();
      MessageDigest sha = sha256();
      boolean audit = part.table().equals(BackupTables.AUDIT_ENTRY);
      ChainCheck chain = audit ? new ChainCheck(where) : null;
      long line = 0;
      try (InputStream raw = zip.getInputStream(zip.getEntry(info.file()));
          InputStream in =
              new DigestInputStream(
                  new Bounded(raw, name, info.file(), limits.maxEntryBytes(), budget), sha)) {
        LineReader lines = new LineReader(in, limits.maxLineBytes());
        byte[] bytes;
        while ((bytes = lines.next()) != null) {
          line++;
          if (line > info.rows()) {
            // Keep reading so the checksum, not just the count, reports the mismatch.
            continue;
          }
          Object[] values = decode(bytes, info.columns(), where, line);
          if (chain != null) {
            chain.add(values, info.columns(), line);
          }
          try {
            sink.accept(values, line);
          } catch (SQLException e) {
            throw problem(
                ImportException.Reason.INVALID,
                where,
                line,
                null,
                "the database refused the rows up to this line: " + e.getMessage());
          } catch (StoreException e) {
            throw problem(ImportException.Reason.INVALID, where, line, null, e.getMessage());
          }
        }
        if (lines.tooLong()) {
          throw problem(
              ImportException.Reason.TOO_LARGE,
              where,
              line + 1,
              null,
              "line longer than " + limits.maxLineBytes() + " bytes");
        }
      } catch (ZipException e) {
        throw problem(
            ImportException.Reason.MALFORMED, where, line, null, "damaged: " + e.getMessage());
      }
      String digest = HexFormat.of().formatHex(sha.digest());
      if (!digest.equals(info.sha256())) {
        throw problem(
            ImportException.Reason.MALFORMED,
            where,
            0,
            null,
            "checksum mismatch: the manifest says sha256 "
                + info.sha256()
                + " but the part's is "
                + digest);
      }
      if (line != info.rows()) {
        throw problem(
            ImportException.Reason.MALFORMED,
            where,
            0,
            null,
            "the manifest says " + info.rows() + " rows but the part holds " + line);
      }
      if (chain != null) {
        chainHead = chain.head();
      }
    }

    private static Object[] decode(byte[] bytes, List<Column> columns, String where, long line) {
      JsonNode node;
      try {
        node = JSON.readTree(bytes);
      } catch (IOException e) {
        throw problem(
            ImportException.Reason.MALFORMED,
            where,
            line,
            null,
            "not a JSON object: " + firstLine(e));
      }
      if (node == null || !node.isObject()) {
        throw problem(ImportException.Reason.MALFORMED, where, line, null, "not a JSON object");
      }
      Object[] values = new Object[columns.size()];
      for (int i = 0; i < columns.size(); i++) {
        Column c = columns.get(i);
        JsonNode v = node.get(c.name());
        if (v == null) {
          throw problem(ImportException.Reason.MALFORMED, where, line, c.name(), "missing");
        }
        try {
          values[i] = c.type().decode(v);
        } catch (IllegalArgumentException e) {
          throw problem(ImportException.Reason.MALFORMED, where, line, c.name(), e.getMessage());
        }
      }
      if (node.size() != columns.size()) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
          String field = names.next();
          if (columns.stream().noneMatch(c -> c.name().equals(field))) {
            throw problem(
                ImportException.Reason.MALFORMED, where, line, field, "not a column of the table");
          }
        }
      }
      return values;
    }

    private static String firstLine(IOException e) {
      String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
  }

  /** Checks the decision-log part as it streams by: numbered from 1, each linked and intact. */
  private static final class ChainCheck {
    private final String where;
    private AuditChain.Head head = AuditChain.Head.EMPTY;

    ChainCheck(String where) {
      this.where = where;
    }

    void add(Object[] values, List<Column> columns, long line) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i).name(), values[i]);
      }
      AuditEntry e;
      try {
        e = auditEntry(row);
      } catch (RuntimeException ex) {
        throw problem(
            ImportException.Reason.INVALID, where, line, null, "not a decision-log entry: " + ex);
      }
      String problem = null;
      if (e.seq() != head.seq() + 1) {
        problem = "entry " + e.seq() + " where entry " + (head.seq() + 1) + " was expected";
      } else if (!e.previousHash().equals(head.entryHash())) {
        problem = "entry " + e.seq() + " does not link to entry " + head.seq();
      } else if (!e.hashMatches()) {
        problem = "entry " + e.seq() + " was altered: its hash does not match";
      }
      if (problem != null) {
        throw problem(ImportException.Reason.INVALID, where, line, null, problem);
      }
      head = new AuditChain.Head(e.seq(), e.entryHash());
    }

    AuditChain.Head head() {
      return head;
    }
  }

  /** An entry's stream that fails once it passes the per-entry or the total byte limit. */
  private static final class Bounded extends java.io.FilterInputStream {
    private final String archive;
    private final String entry;
    private final long max;
    private final Budget budget;
    private long read;

    Bounded(InputStream in, String archive, String entry, long max, Budget budget) {
      super(in);
      this.archive = archive;
      this.entry = entry;
      this.max = max;
      this.budget = budget;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      read += n;
      if (read > max) {
        throw problem(
            ImportException.Reason.TOO_LARGE,
            archive + "!" + entry,
            0,
            null,
            "inflates to more than " + max + " bytes; refused");
      }
      if (budget != null) {
        budget.total += n;
        if (budget.total > budget.limits.maxTotalBytes()) {
          throw problem(
              ImportException.Reason.TOO_LARGE,
              archive,
              0,
              null,
              "inflates to more than " + budget.limits.maxTotalBytes() + " bytes in all; refused");
        }
      }
    }
  }

  /** Lines of bytes ending in '\n', each at most {@code max} bytes. */
  private static final class LineReader {
    private final InputStream in;
    private final int max;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int end;
    private boolean tooLong;

    LineReader(InputStream in, int max) {
      this.in = in;
      this.max = max;
    }

    /** The next line without its '\n', or null at the end (or when a line was too long). */
    byte[] next() throws IOException {
      java.io.ByteArrayOutputStream line = null;
      while (true) {
        if (pos == end) {
          end = in.read(buffer);
          pos = 0;
          if (end <= 0) {
            end = 0;
            return line == null || line.size() == 0 ? null : line.toByteArray();
          }
        }
        int start = pos;
        while (pos < end && buffer[pos] != '\n') {
          pos++;
        }
        int length = pos - start;
        if ((line == null ? 0 : line.size()) + length > max) {
          tooLong = true;
          return null;
        }
        if (pos < end) {
          pos++;
          if (line == null) {
            return java.util.Arrays.copyOfRange(buffer, start, start + length);
          }
          line.write(buffer, start, length);
          return line.toByteArray();
        }
        if (line == null) {
          line = new java.io.ByteArrayOutputStream();
        }
        line.write(buffer, start, length);
      }
    }

    boolean tooLong() {
      return tooLong;
    }
  }

  private static ImportException manifestProblem(String archive, String field, String message) {
    return problem(ImportException.Reason.INVALID, archive + "!" + MANIFEST, 0, field, message);
  }

  private static ImportException problem(
      ImportException.Reason reason, String file, long line, String field, String message) {
    return new ImportException(
        reason, new ImportException.Problem(file, line, 0, null, field, message));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static OutputStream unclosable(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
