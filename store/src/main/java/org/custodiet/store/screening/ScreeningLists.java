package org.custodiet.store.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.store.Database;
import org.custodiet.store.ImportException;
import org.custodiet.store.ImportException.Problem;
import org.custodiet.store.ImportException.Reason;
import org.custodiet.store.audit.AuditLog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The screening lists in the database. An import reads and checks the whole file first and then
 * writes the new version in one transaction with its decision-log entry, so a refused or failed
 * import leaves the list exactly as it was.
 */
public final class ScreeningLists {
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
  private static final TypeReference<Map<String, List<String>>> PROPERTIES =
      new TypeReference<>() {};

  private final Database db;
  private final Clock clock;

  public ScreeningLists(Database db) {
    this(db, Clock.systemUTC());
  }

  public ScreeningLists(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Reads {@code file} in the request's layout and imports it as a new version of the list. */
  public ImportOutcome importFile(Path file, ImportRequest request) {
    return importFile(file, request, ListFile.MAX_BYTES);
  }

  ImportOutcome importFile(Path file, ImportRequest request, long maxBytes) {
    if (request.format() == ListFormat.BUILT_IN) {
      throw new IllegalArgumentException(
          "built-in lists are refreshed from the knowledge base, not imported from a file");
    }
    CountryCodes codes = db.jdbi().withHandle(CountryCodes::load);
    ParsedList parsed;
    try (ListFile in = ListFile.open(file, maxBytes)) {
      parsed =
          switch (request.format()) {
            case CSL_CSV -> CslCsvReader.read(in, request.listId(), codes);
            case CSL_JSON -> CslJsonReader.read(in, request.listId(), codes);
            case FTM -> FtmReader.read(in, request.listId(), codes);
            case BUILT_IN -> throw new IllegalStateException("not a file format");
          };
    }
    return db.jdbi().inTransaction(h -> write(h, request, parsed, false));
  }

  /**
   * Writes a parsed list as a new version. Built-in lists may take several versions on one day,
   * since they follow the database rather than a publisher's dated releases.
   */
  ImportOutcome write(Handle h, ImportRequest request, ParsedList parsed, boolean builtIn) {
    String listId = request.listId();
    Optional<ScreeningList> existing = lockList(h, listId);
    if (existing.isPresent() && existing.get().format() != request.format()) {
      throw conflict(
          parsed.fileName(),
          "list '"
              + listId
              + "' holds "
              + existing.get().format().code()
              + " data; it cannot take a "
              + request.format().code()
              + " file");
    }
    ListVersion latest = existing.map(ScreeningList::latest).orElse(null);
    if (latest != null) {
      int order = request.versionDate().compareTo(latest.versionDate());
      if (order < 0) {
        throw conflict(
            parsed.fileName(),
            "version "
                + request.versionDate()
                + " is older than the version already imported into '"
                + listId
                + "' ("
                + latest.versionDate()
                + "); nothing was changed");
      }
      if (latest.sha256().equals(parsed.sha256()) && (order == 0 || builtIn)) {
        return new ImportOutcome(
            ImportOutcome.Status.ALREADY_IMPORTED,
            latest,
            parsed.skipped(),
            "version " + latest.versionDate() + " of '" + listId + "' is already imported");
      }
      if (order == 0 && !builtIn) {
        throw conflict(
            parsed.fileName(),
            "version "
                + request.versionDate()
                + " of '"
                + listId
                + "' was already imported from a different file (sha256 "
                + latest.sha256().substring(0, 12)
                + "); give the newer file a later --version");
      }
    }
    if (existing.isEmpty()) {
      h.createUpdate(
              "INSERT INTO screening_list (id, name, format, source_url, licence, attribution)"
                  + " VALUES (:id, :name, :format, :url, :licence, :attribution)")
          .bind("id", listId)
          .bind("name", request.name() == null ? listId : request.name())
          .bind("format", request.format().code())
          .bind("url", request.sourceUrl())
          .bind("licence", request.licence())
          .bind("attribution", request.attribution())
          .execute();
    } else {
      h.createUpdate(
              "UPDATE screening_list SET name = COALESCE(:name, name), source_url ="
                  + " COALESCE(:url, source_url), licence = COALESCE(:licence, licence),"
                  + " attribution = COALESCE(:attribution, attribution) WHERE id = :id")
          .bind("id", listId)
          .bind("name", request.name())
          .bind("url", request.sourceUrl())
          .bind("licence", request.licence())
          .bind("attribution", request.attribution())
          .execute();
    }
    Map<String, String> before = new HashMap<>();
    Map<String, String> namesBefore = new HashMap<>();
    h.createQuery("SELECT entry_id, name, content_sha256 FROM list_entry WHERE list_id = :l")
        .bind("l", listId)
        .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
        .forEach(
            row -> {
              before.put(row.get(0), row.get(2));
              namesBefore.put(row.get(0), row.get(1));
            });
    Map<String, StoredEntry> after = new LinkedHashMap<>();
    Map<String, String> contentSha = new HashMap<>();
    for (StoredEntry e : parsed.entries()) {
      after.put(e.entryId(), e);
      contentSha.put(e.entryId(), contentSha256(e));
    }
    List<ListChange> changes = new ArrayList<>();
    List<StoredEntry> toInsert = new ArrayList<>();
    List<String> toDelete = new ArrayList<>();
    for (StoredEntry e : after.values()) {
      String old = before.get(e.entryId());
      if (old == null) {
        changes.add(
            new ListChange(0, request.versionDate(), e.entryId(), ListChange.Kind.ADDED, e.name()));
        toInsert.add(e);
      } else if (!old.equals(contentSha.get(e.entryId()))) {
        changes.add(
            new ListChange(
                0, request.versionDate(), e.entryId(), ListChange.Kind.CHANGED, e.name()));
        toDelete.add(e.entryId());
        toInsert.add(e);
      }
    }
    for (String id : before.keySet()) {
      if (!after.containsKey(id)) {
        changes.add(
            new ListChange(
                0, request.versionDate(), id, ListChange.Kind.REMOVED, namesBefore.get(id)));
        toDelete.add(id);
      }
    }
    int added = count(changes, ListChange.Kind.ADDED);
    int removed = count(changes, ListChange.Kind.REMOVED);
    int changed = count(changes, ListChange.Kind.CHANGED);
    long versionId =
        h.createUpdate(
                "INSERT INTO list_version (list_id, version_date, imported_at, file_name, sha256,"
                    + " entry_count, added, removed, changed, skipped, actor) VALUES (:list,"
                    + " :date, :at, :file, :sha, :count, :added, :removed, :changed, :skipped,"
                    + " :actor)")
            .bind("list", listId)
            .bind("date", request.versionDate())
            .bind("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
            .bind("file", EntryDraft.shorten(parsed.fileName()))
            .bind("sha", parsed.sha256())
            .bind("count", after.size())
            .bind("added", added)
            .bind("removed", removed)
            .bind("changed", changed)
            .bind("skipped", parsed.skippedTotal())
            .bind("actor", request.actor())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    deleteEntries(h, listId, toDelete);
    insertEntries(h, toInsert, contentSha);
    insertChanges(h, versionId, changes);
    Map<String, Object> detail = new TreeMap<>();
    detail.put("version", request.versionDate().toString());
    detail.put("sha256", parsed.sha256());
    detail.put("entries", after.size());
    detail.put("added", added);
    detail.put("removed", removed);
    detail.put("changed", changed);
    detail.put("skipped", parsed.skipped());
    detail.put("format", request.format().code());
    new AuditLog(db, clock)
        .append(
            h,
            new AuditLog.Change(
                request.actor(),
                AuditAction.LIST_IMPORT,
                "screening_list",
                listId,
                "imported " + parsed.fileName() + " as version " + request.versionDate(),
                detail));
    ListVersion version = version(h, versionId);
    return new ImportOutcome(
        ImportOutcome.Status.IMPORTED,
        version,
        parsed.skipped(),
        String.format(
            "imported version %s of '%s': %d entries (%d added, %d removed, %d changed)%s",
            request.versionDate(),
            listId,
            after.size(),
            added,
            removed,
            changed,
            parsed.skippedTotal() == 0
                ? ""
                : "; skipped "
                    + parsed.skippedTotal()
                    + " records that are not parties "
                    + parsed.skipped()));
  }

  private static int count(List<ListChange> changes, ListChange.Kind kind) {
    return (int) changes.stream().filter(c -> c.kind() == kind).count();
  }

  private static ImportException conflict(String file, String message) {
    return new ImportException(Reason.CONFLICT, new Problem(file, 0, 0, null, null, message));
  }

  private static void deleteEntries(Handle h, String listId, List<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    PreparedBatch names =
        h.prepareBatch("DELETE FROM list_entry_name WHERE list_id = ? AND entry_id = ?");
    PreparedBatch entries =
        h.prepareBatch("DELETE FROM list_entry WHERE list_id = ? AND entry_id = ?");
    for (String id : ids) {
      names.bind(0, listId).bind(1, id).add();
      entries.bind(0, listId).bind(1, id).add();
    }
    names.execute();
    entries.execute();
  }

  private static void insertEntries(Handle h, List<StoredEntry> entries, Map<String, String> sha) {
    if (entries.isEmpty()) {
      return;
    }
    PreparedBatch rows =
        h.prepareBatch(
            "INSERT INTO list_entry (list_id, entry_id, name, entity_schema, countries, datasets,"
                + " first_seen, last_seen, properties, content_sha256) VALUES (?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)");
    PreparedBatch names =
        h.prepareBatch(
            "INSERT INTO list_entry_name (list_id, entry_id, position, name, kind)"
                + " VALUES (?, ?, ?, ?, ?)");
    for (StoredEntry e : entries) {
      rows.bind(0, e.listId())
          .bind(1, e.entryId())
          .bind(2, e.name())
          .bind(3, e.schema())
          .bind(4, String.join(" ", e.countries()))
          .bind(5, json(e.datasets()))
          .bind(6, e.firstSeen())
          .bind(7, e.lastSeen())
          .bind(8, json(e.properties()))
          .bind(9, sha.get(e.entryId()))
          .add();
      for (int i = 0; i < e.names().size(); i++) {
        names
            .bind(0, e.listId())
            .bind(1, e.entryId())
            .bind(2, i)
            .bind(3, e.names().get(i).name())
            .bind(4, e.names().get(i).kind().code())
            .add();
      }
    }
    rows.execute();
    names.execute();
  }

  private static void insertChanges(Handle h, long versionId, List<ListChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    PreparedBatch b =
        h.prepareBatch(
            "INSERT INTO list_change (version_id, entry_id, change_kind, name) VALUES (?, ?, ?, ?)");
    for (ListChange c : changes) {
      b.bind(0, versionId).bind(1, c.entryId()).bind(2, c.kind().code()).bind(3, c.name()).add();
    }
    b.execute();
  }

  /** What makes an entry changed: everything but when the publisher last saw it. */
  static String contentSha256(StoredEntry e) {
    Map<String, Object> content = new TreeMap<>();
    content.put("names", e.names().stream().map(n -> n.kind().code() + ":" + n.name()).toList());
    content.put("schema", e.schema());
    content.put("countries", e.countries());
    content.put("datasets", e.datasets());
    content.put("first_seen", String.valueOf(e.firstSeen()));
    content.put("properties", e.properties());
    return sha256(json(content));
  }

  static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(Object value) {
    try {
      return CANONICAL.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass(), e);
    }
  }

  private Optional<ScreeningList> lockList(Handle h, String listId) {
    Optional<String> locked =
        h.createQuery("SELECT id FROM screening_list WHERE id = :id FOR UPDATE")
            .bind("id", listId)
            .mapTo(String.class)
            .findOne();
    return locked.isEmpty() ? Optional.empty() : list(h, listId);
  }

  /** Every list with its newest version, by id. */
  public List<ScreeningList> lists() {
    return db.jdbi()
        .withHandle(
            h ->
                h
                    .createQuery("SELECT id FROM screening_list ORDER BY id")
                    .mapTo(String.class)
                    .list()
                    .stream()
                    .map(id -> list(h, id).orElseThrow())
                    .toList());
  }

  public Optional<ScreeningList> list(String listId) {
    return db.jdbi().withHandle(h -> list(h, listId));
  }

  private static Optional<ScreeningList> list(Handle h, String listId) {
    ListVersion latest =
        h.createQuery(
                "SELECT * FROM list_version WHERE list_id = :id ORDER BY version_date DESC, id"
                    + " DESC LIMIT 1")
            .bind("id", listId)
            .map((rs, ctx) -> version(rs))
            .findOne()
            .orElse(null);
    return h.createQuery("SELECT * FROM screening_list WHERE id = :id")
        .bind("id", listId)
        .map(
            (rs, ctx) ->
                new ScreeningList(
                    rs.getString("id"),
                    rs.getString("name"),
                    ListFormat.ofCode(rs.getString("format")),
                    rs.getString("source_url"),
                    rs.getString("licence"),
                    rs.getString("attribution"),
                    latest))
        .findOne();
  }

  /** The versions of a list, oldest first. */
  public List<ListVersion> versions(String listId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT * FROM list_version WHERE list_id = :id ORDER BY version_date, id")
                    .bind("id", listId)
                    .map((rs, ctx) -> version(rs))
                    .list());
  }

  /** What every version of a list added, removed and changed, oldest version first. */
  public List<ListChange> changes(String listId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT v.id, v.version_date, c.entry_id, c.change_kind, c.name FROM list_change"
                            + " c JOIN list_version v ON v.id = c.version_id WHERE v.list_id = :id"
                            + " ORDER BY v.version_date, v.id, c.change_kind, c.entry_id")
                    .bind("id", listId)
                    .map(
                        (rs, ctx) ->
                            new ListChange(
                                rs.getLong(1),
                                rs.getObject(2, LocalDate.class),
                                rs.getString(3),
                                ListChange.Kind.valueOf(
                                    rs.getString(4).toUpperCase(java.util.Locale.ROOT)),
                                rs.getString(5)))
                    .list());
  }

  /** The entries of the newest version of every list, with all their names. */
  public List<StoredEntry> entries() {
    return db.jdbi()
        .withHandle(
            h -> {
              Map<String, List<EntryName>> names = new HashMap<>();
              h.createQuery(
                      "SELECT list_id, entry_id, name, kind FROM list_entry_name"
                          + " ORDER BY list_id, entry_id, position")
                  .setFetchSize(10_000)
                  .map(
                      (rs, ctx) ->
                          Map.entry(
                              rs.getString(1) + "\u0000" + rs.getString(2),
                              new EntryName(
                                  rs.getString(3), EntryName.Kind.ofCode(rs.getString(4)))))
                  .forEach(
                      e ->
                          names
                              .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                              .add(e.getValue()));
              return h.createQuery("SELECT * FROM list_entry ORDER BY list_id, entry_id")
                  .setFetchSize(10_000)
                  .map(
                      (rs, ctx) ->
                          entry(
                              rs,
                              names.get(
                                  rs.getString("list_id") + "\u0000" + rs.getString("entry_id"))))
                  .list();
            });
  }

  private static StoredEntry entry(ResultSet rs, List<EntryName> names) throws SQLException {
    String countries = rs.getString("countries");
    try {
      return new StoredEntry(
          rs.getString("list_id"),
          rs.getString("entry_id"),
          names == null ? List.of(new EntryName(rs.getString("name"), EntryName.Kind.NAME)) : names,
          rs.getString("entity_schema"),
          countries.isBlank() ? List.of() : List.of(countries.split(" ")),
          CANONICAL.readValue(rs.getString("datasets"), new TypeReference<List<String>>() {}),
          rs.getString("first_seen"),
          rs.getString("last_seen"),
          CANONICAL.readValue(rs.getString("properties"), PROPERTIES));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored list entry is not valid JSON", e);
    }
  }

  private static ListVersion version(Handle h, long id) {
    return h.createQuery("SELECT * FROM list_version WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> version(rs))
        .one();
  }

  private static ListVersion version(ResultSet rs) throws SQLException {
    return new ListVersion(
        rs.getLong("id"),
        rs.getString("list_id"),
        rs.getObject("version_date", LocalDate.class),
        rs.getObject("imported_at", OffsetDateTime.class).toInstant(),
        rs.getString("file_name"),
        rs.getString("sha256"),
        rs.getInt("entry_count"),
        rs.getInt("added"),
        rs.getInt("removed"),
        rs.getInt("changed"),
        rs.getInt("skipped"),
        rs.getString("actor"));
  }

  Database database() {
    return db;
  }

  Clock clock() {
    return clock;
  }
}
