package org.custodiet.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.core.audit.AuditChain;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.model.Financing;
import org.custodiet.store.ClaimImporter;
import org.custodiet.store.Database;
import org.custodiet.store.ImportException;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.account.Account;
import org.custodiet.store.account.AccountRepository;
import org.custodiet.store.account.ApiTokens;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.curation.CurationService;
import org.custodiet.store.ingest.DocumentRepository;
import org.custodiet.store.ingest.NewDocument;
import org.custodiet.store.release.Releases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full backups against each database the store supports: a restore reproduces every row, id and the
 * decision-log head; a damaged or hostile archive is refused with its entry and line named, and
 * nothing is written.
 */
abstract class BackupContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock NOON =
      Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  private static final String PASSWORD = "harbour lights at dusk 42";

  @TempDir Path tmp;

  private final List<Database> opened = new ArrayList<>();
  private Database source;
  private Path archive;

  protected abstract Database createDatabase() throws Exception;

  Database fresh() throws Exception {
    Database db = createDatabase();
    opened.add(db);
    return db;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Database::close);
  }

  @BeforeEach
  void seededDatabaseWithImportsDocumentsAndDecisions() throws Exception {
    source = fresh();
    new SeedLoader(source).loadBundled();
    Path claims = tmp.resolve("lakeside.json");
    Files.writeString(
        claims,
        """
        {"format": "custodiet-claims/1",
         "sources": [{"id": "doc-lakeside", "url": "https://harbour-news.test/cameras",
           "title": "Harbour \\"district\\" cameras", "publisher": "Harbour News", "tier": "B"}],
         "claims": [{"id": "dep/huawei/KEN/smart_city/lakeside", "kind": "supplies",
           "country_iso3": "KEN", "technology": "smart_city", "supplier_company_id": "huawei",
           "city": "Lakeside — Zürich Quay", "stage": "contracted", "observed_from": "2024-05",
           "evidence": [{"source_id": "doc-lakeside", "summary": "Two lines:\\nthe contract,\\tsigned",
             "recorded": "2026-01-15"}]}]}
        """);
    new ClaimImporter(source).importFile(claims);
    String body = "The harbour authority bought cameras from Examplecorp. Nothing else happened.";
    new DocumentRepository(source, 0.5)
        .store(
            new NewDocument(
                "https://harbour-news.test/story",
                "b".repeat(64),
                "Harbour cameras",
                "2025-02",
                "harbour-news.test",
                "text",
                "test.txt",
                body,
                new int[] {7, -3, Integer.MAX_VALUE, 0},
                new long[] {11, -12}),
            List.of(
                new CandidateClaim(
                    "huawei",
                    "KEN",
                    "smart_city",
                    null,
                    new CandidateClaim.FinancingMention(
                        "china-exim-bank",
                        Financing.Instrument.LOAN,
                        new java.math.BigDecimal("1250000.5")),
                    0.87,
                    0,
                    body.indexOf('.') + 1,
                    "test-extractor",
                    "1")));
    source
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO claim_flag (claim_id, kind, effective, reason) VALUES"
                        + " ('dep/huawei/KEN/smart_city/lakeside', 'disputed', DATE '2026-02-01',"
                        + " 'The council denies it')"));
    AccountRepository accounts = new AccountRepository(source);
    Account alice = accounts.add("job:test", "alice", Role.CURATOR, PASSWORD);
    new ApiTokens(source).create("user:alice", "alice", "review script");
    long candidate =
        source
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT MIN(id) FROM candidate_claim").mapTo(Long.class).one());
    new CurationService(source)
        .reject(
            candidate,
            "the harbour authority is not a government buyer",
            new Principal(alice.id(), "alice", Role.CURATOR));
    new Releases(source)
        .create("2026-11", "first release", java.time.LocalDate.of(2026, 11, 27), "user:alice");
    AuditLog log = new AuditLog(source);
    for (int i = 1; i <= 3; i++) {
      log.append(
          new AuditLog.Change(
              "user:alice",
              AuditAction.REJECT,
              "candidate",
              Integer.toString(i),
              "not a deal: \"rumour\" ünïcode " + i,
              Map.of("claims", List.of("dep/huawei/KEN/smart_city/lakeside"))));
    }
    archive = tmp.resolve("full.zip");
    new Backup(source, BackupTables.PARTS, NOON).export(archive, "test");
  }

  @Test
  void aRestoreHoldsEveryRowAndIdAndTheSameAuditHead() throws Exception {
    Database target = fresh();
    Backup.Summary restored = new Backup(target).restore(archive, Backup.Limits.DEFAULT);

    AuditChain.Head head = new AuditLog(source).head();
    assertThat(head.seq()).isGreaterThanOrEqualTo(5);
    assertThat(restored.auditHead()).isEqualTo(head);
    assertThat(new AuditLog(target).head()).isEqualTo(head);
    assertThat(new AuditLog(target).verify().intact()).isTrue();
    assertThat(restored.rows().get("claim")).isGreaterThan(300);
    assertThat(restored.rows().get("document")).isEqualTo(1);

    // Backing up the restored database gives the same archive, byte for byte.
    Path again = tmp.resolve("again.zip");
    new Backup(target, BackupTables.PARTS, NOON).export(again, "test");
    Map<String, byte[]> original = entries(archive);
    Map<String, byte[]> copy = entries(again);
    assertThat(copy).containsOnlyKeys(original.keySet());
    original.forEach((name, bytes) -> assertThat(copy.get(name)).as(name).isEqualTo(bytes));

    // Counters moved past the restored ids: new rows get fresh ids rather than collisions.
    long maxBatch = maxId(source, "import_batch");
    long newBatch =
        target
            .jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "INSERT INTO import_batch (kind, file_name, sha256, row_count,"
                                + " imported_at) VALUES ('import', 'x', :sha, 0, CURRENT_TIMESTAMP)")
                        .bind("sha", "c".repeat(64))
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
    assertThat(newBatch).isGreaterThan(maxBatch);
    target
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO claim_flag (claim_id, kind, effective, reason) VALUES"
                        + " ('dep/huawei/KEN/smart_city/lakeside', 'retracted',"
                        + " DATE '2026-03-01', 'again')"));
    assertThat(new AuditLog(target).append(change()).seq()).isEqualTo(head.seq() + 1);
  }

  @Test
  void usersAreRestoredWithoutTheirSecrets() throws Exception {
    Map<String, byte[]> parts = entries(archive);
    String users = text(parts.get("app_user.jsonl"));
    assertThat(users).contains("\"alice\"").doesNotContain("argon2").doesNotContain("password");
    assertThat(parts).doesNotContainKeys("api_token.jsonl", "user_session.jsonl", "webhook.jsonl");
    assertThat(text(parts.get("data_release.jsonl"))).contains("2026-11");
    assertThat(text(parts.get("candidate_decision.jsonl"))).contains("not a government buyer");

    Database target = fresh();
    new Backup(target).restore(archive, Backup.Limits.DEFAULT);
    AccountRepository accounts = new AccountRepository(target);
    assertThat(accounts.find("alice")).isPresent();
    assertThat(accounts.authenticate("alice", PASSWORD).outcome())
        .isEqualTo(AccountRepository.Outcome.REFUSED);
    String restoredHash =
        target
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT password_hash FROM app_user WHERE username = 'alice'")
                        .mapTo(String.class)
                        .one());
    assertThat(restoredHash).isEqualTo(BackupTables.UNUSABLE_PASSWORD);
    assertThat(count(target, "api_token")).isZero();
    accounts.resetPassword("user:admin", "alice", "a new password for the harbour");
    assertThat(accounts.authenticate("alice", "a new password for the harbour").outcome())
        .isEqualTo(AccountRepository.Outcome.SIGNED_IN);
    assertThat(new Releases(target).anchorsMatch(new AuditLog(target)).ok()).isTrue();
  }

  @Test
  void twoBackupsOfTheSameDataDifferOnlyInTheirTime() throws Exception {
    Path later = tmp.resolve("later.zip");
    new Backup(
            source,
            BackupTables.PARTS,
            Clock.fixed(Instant.parse("2026-11-28T08:30:00Z"), ZoneOffset.UTC))
        .export(later, "test");
    Map<String, byte[]> a = entries(archive);
    Map<String, byte[]> b = entries(later);
    assertThat(b).containsOnlyKeys(a.keySet());
    for (String name : a.keySet()) {
      if (name.equals(Backup.MANIFEST)) {
        ObjectNode ma = (ObjectNode) JSON.readTree(a.get(name));
        ObjectNode mb = (ObjectNode) JSON.readTree(b.get(name));
        assertThat(ma.remove("created_at").asText()).isEqualTo("2026-11-27T12:00:00Z");
        assertThat(mb.remove("created_at").asText()).isEqualTo("2026-11-28T08:30:00Z");
        assertThat(mb).isEqualTo(ma);
      } else {
        assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
      }
    }
    ObjectNode manifest = (ObjectNode) JSON.readTree(a.get(Backup.MANIFEST));
    assertThat(manifest.path("schema_version").asText()).isNotBlank();
    assertThat(manifest.path("audit_head").path("entry_hash").asText())
        .isEqualTo(new AuditLog(source).head().entryHash());
    assertThat(manifest.path("parts")).hasSize(BackupTables.PARTS.size());
  }

  @Test
  void everyTableInTheSchemaIsBackedUpOrDeliberatelyLeftOut() throws Exception {
    TreeSet<String> tables = new TreeSet<>();
    try (Connection c = source.dataSource().getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getTables(null, "public", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    assertThat(tables).contains("claim", "audit_entry");
    TreeSet<String> covered = new TreeSet<>(BackupTables.EXCLUDED.keySet());
    BackupTables.PARTS.forEach(p -> covered.add(p.table()));
    assertThat(covered)
        .as("add each new table to BackupTables.PARTS, or to EXCLUDED with the reason")
        .containsAll(tables);
  }

  @Test
  void aDatabaseThatHoldsDataIsRefused() throws Exception {
    Database target = fresh();
    new SeedLoader(target).loadBundled();
    AuditChain.Head before = new AuditLog(target).head();
    assertThatThrownBy(() -> new Backup(target).restore(archive, Backup.Limits.DEFAULT))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("not empty")
        .hasMessageContaining("table import_batch");
    assertThat(new AuditLog(target).head()).isEqualTo(before);
  }

  @Test
  void aTruncatedArchiveIsRefused() throws Exception {
    byte[] bytes = Files.readAllBytes(archive);
    Path cut = tmp.resolve("cut.zip");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
    refused(cut, Backup.Limits.DEFAULT, "cut.zip", "not a complete ZIP archive");
  }

  @Test
  void aMissingPartIsRefused() throws Exception {
    Path broken = rewrite("missing.zip", parts -> parts.remove("claim.jsonl"));
    refused(broken, Backup.Limits.DEFAULT, "claim.jsonl", "missing from the archive");
  }

  @Test
  void aPartThatDoesNotMatchItsChecksumIsRefused() throws Exception {
    Path broken =
        rewrite(
            "checksum.zip",
            parts ->
                parts.put(
                    "claim_flag.jsonl",
                    text(parts.get("claim_flag.jsonl"))
                        .replace("denies", "admits")
                        .getBytes(StandardCharsets.UTF_8)));
    refused(broken, Backup.Limits.DEFAULT, "full.zip", "!claim_flag.jsonl", "checksum mismatch");
  }

  @Test
  void anUnknownFormatVersionIsRefused() throws Exception {
    Path broken =
        rewrite(
            "version.zip",
            parts -> parts.put(Backup.MANIFEST, manifest(parts, m -> m.put("format_version", 7))));
    refused(broken, Backup.Limits.DEFAULT, "manifest.json", "unknown format version 7");
  }

  @Test
  void aMalformedLineIsRefusedNamingThePartAndLine() throws Exception {
    Path broken =
        rewrite(
            "line.zip",
            parts -> {
              List<String> lines =
                  new ArrayList<>(text(parts.get("country.jsonl")).lines().toList());
              lines.set(2, "{\"iso3\": \"XXA\", \"iso2\": ");
              resign(parts, "country.jsonl", String.join("\n", lines) + "\n");
            });
    refused(broken, Backup.Limits.DEFAULT, "full.zip!country.jsonl:3", "not a JSON object");

    Path wrongType =
        rewrite(
            "type.zip",
            parts -> {
              List<String> lines =
                  new ArrayList<>(text(parts.get("claim_flag.jsonl")).lines().toList());
              lines.set(0, lines.get(0).replaceFirst("\"id\":\\d+", "\"id\":\"one\""));
              resign(parts, "claim_flag.jsonl", String.join("\n", lines) + "\n");
            });
    refused(wrongType, Backup.Limits.DEFAULT, "claim_flag.jsonl:1", "id:", "whole number");
  }

  @Test
  void anAlteredDecisionLogIsRefusedNamingTheEntry() throws Exception {
    Path broken =
        rewrite(
            "audit.zip",
            parts ->
                resign(
                    parts,
                    "audit_entry.jsonl",
                    text(parts.get("audit_entry.jsonl"))
                        .replace("rumour\\\" ünïcode 2", "fact\\\" ünïcode 2")));
    refused(broken, Backup.Limits.DEFAULT, "audit_entry.jsonl", "was altered");
  }

  @Test
  void oversizedArchivesAreRefusedWithoutInflatingThem() throws Exception {
    refused(
        archive, new Backup.Limits(4096, 1L << 30, 1 << 20), "inflates to more than 4096 bytes");
    refused(archive, new Backup.Limits(1L << 30, 100_000, 1 << 20), "in all");

    // A small archive whose part inflates to far more than its size: stopped at the cap.
    Path bomb = tmp.resolve("bomb.zip");
    Map<String, byte[]> parts = entries(archive);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      for (Map.Entry<String, byte[]> e : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        if (e.getKey().equals("country.jsonl")) {
          byte[] zeros = new byte[1 << 20];
          for (int i = 0; i < 512; i++) {
            zip.write(zeros);
          }
        } else {
          zip.write(e.getValue());
        }
        zip.closeEntry();
      }
    }
    assertThat(Files.size(bomb)).isLessThan(4L << 20);
    refused(
        bomb,
        new Backup.Limits(64L << 20, 128L << 20, 128 << 20),
        "country.jsonl",
        "inflates to more than");
  }

  @Test
  void entryNamesThatLeaveTheArchiveOrAreUnlistedAreRefused() throws Exception {
    Path traversal =
        rewrite("traversal.zip", parts -> parts.put("../../etc/cron.d/x", new byte[] {1}));
    refused(traversal, Backup.Limits.DEFAULT, "../../etc/cron.d/x", "unsafe name");
    Path extra = rewrite("extra.zip", parts -> parts.put("notes.txt", new byte[] {1}));
    refused(extra, Backup.Limits.DEFAULT, "notes.txt", "not listed in the manifest");
  }

  /** The restore fails naming every fragment, and the target stays empty. */
  private void refused(Path file, Backup.Limits limits, String... fragments) throws Exception {
    Database target = fresh();
    assertThatThrownBy(() -> new Backup(target).restore(file, limits))
        .isInstanceOf(ImportException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    for (BackupTables.Part part : BackupTables.PARTS) {
      assertThat(count(target, part.table())).as(part.table()).isZero();
    }
    assertThat(new AuditLog(target).head()).isEqualTo(AuditChain.Head.EMPTY);
  }

  private Path rewrite(String name, Consumer<Map<String, byte[]>> change) throws IOException {
    Map<String, byte[]> parts = entries(archive);
    change.accept(parts);
    Path out = tmp.resolve(name);
    try (OutputStream file = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> e : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    // Keep the archive's own name in messages: the tests look for "full.zip".
    Path dir = Files.createDirectories(tmp.resolve(name + ".d"));
    return Files.move(out, dir.resolve("full.zip"));
  }

  /** Replaces a part and records its new checksum in the manifest, as a careful forger would. */
  private static void resign(Map<String, byte[]> parts, String part, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    parts.put(part, bytes);
    parts.put(
        Backup.MANIFEST,
        manifest(
            parts,
            m ->
                m.withArray("parts")
                    .forEach(
                        p -> {
                          if (p.path("file").asText().equals(part)) {
                            ((ObjectNode) p).put("sha256", sha256(bytes));
                          }
                        })));
  }

  private static byte[] manifest(Map<String, byte[]> parts, Consumer<ObjectNode> change) {
    try {
      ObjectNode m = (ObjectNode) JSON.readTree(parts.get(Backup.MANIFEST));
      change.accept(m);
      return JSON.writeValueAsBytes(m);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, byte[]> entries(Path zipFile) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return entries;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(Database db, String table) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  private static long maxId(Database db, String table) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT MAX(id) FROM " + table).mapTo(Long.class).one());
  }

  private static AuditLog.Change change() {
    return new AuditLog.Change(
        "user:bob", AuditAction.EDIT, "claim", "dep/huawei/KEN/smart_city/lakeside", "fix", null);
  }
}
