package org.custodiet.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.store.ImportException.Problem;
import org.custodiet.store.ImportException.Reason;
import org.custodiet.store.Rows.ClaimRow;
import org.custodiet.store.Rows.EvidenceRow;
import org.custodiet.store.Rows.Refs;
import org.custodiet.store.Rows.SourceRow;
import org.custodiet.store.audit.AuditLog;
import org.jdbi.v3.core.Handle;

/**
 * Imports claims with their evidence and sources from a CSV or JSON file (docs/import-format.md) in
 * one transaction: the file lands whole or not at all, and is recorded in {@code import_batch}.
 */
public final class ClaimImporter {
  /** The default size limit: 50 MB. */
  public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

  /**
   * An import's decision-log entry names the claims it touched up to this many; a larger import
   * records only their number, since each claim already points to its import batch and a list of
   * every id would outgrow the entry (the audit detail column holds a million characters).
   */
  static final int MAX_CLAIMS_LISTED_IN_LOG = 1_000;

  /** CSV columns of the import (and export) format, in export order. */
  public static final List<String> CSV_COLUMNS;

  static final Map<String, String> CLAIM_COLUMNS = Map.of("id", "claim_id");
  static final Map<String, String> SOURCE_COLUMNS = new HashMap<>();
  static final Map<String, String> EVIDENCE_COLUMNS =
      Map.of(
          "summary", "evidence_summary",
          "locator", "evidence_locator",
          "recorded", "evidence_recorded");

  static {
    List<String> cols = new ArrayList<>();
    cols.add("claim_id");
    cols.addAll(Rows.CLAIM_FIELDS.subList(1, Rows.CLAIM_FIELDS.size()));
    for (String f : Rows.SOURCE_FIELDS) {
      SOURCE_COLUMNS.put(f, "source_" + f);
      cols.add("source_" + f);
    }
    cols.addAll(List.of("evidence_summary", "evidence_locator", "evidence_recorded"));
    CSV_COLUMNS = List.copyOf(cols);
  }

  static final Set<String> JSON_TOP = Set.of("format", "sources", "claims");
  static final Set<String> JSON_SOURCE = new HashSet<>(Rows.SOURCE_FIELDS);
  static final Set<String> JSON_CLAIM = new HashSet<>(Rows.CLAIM_FIELDS);
  static final Set<String> JSON_EVIDENCE = Set.of("source_id", "summary", "locator", "recorded");

  static {
    JSON_CLAIM.add("evidence");
  }

  /** File formats the importer reads. */
  public enum Format {
    CSV,
    JSON
  }

  private final Database db;
  private final long maxBytes;

  public ClaimImporter(Database db) {
    this(db, DEFAULT_MAX_BYTES);
  }

  /** An importer refusing files over {@code maxBytes} (checked before reading). */
  public ClaimImporter(Database db, long maxBytes) {
    this.db = db;
    this.maxBytes = maxBytes;
  }

  /**
   * Imports a file; the format follows the extension (.csv, .json) or, failing that, the content.
   */
  public ImportResult importFile(Path file) {
    return importFile(file, null);
  }

  /** Imports a file in the given format (null: by extension, else sniffed). */
  public ImportResult importFile(Path file, Format format) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    TextFile text = TextFile.read(file, name, maxBytes);
    Format f = format != null ? format : detect(name, text.text());
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return db.jdbi()
        .inTransaction(
            h -> {
              Refs refs = Tables.refs(h);
              Bundle bundle =
                  f == Format.CSV ? readCsv(text, refs, today) : readJson(text, refs, today);
              return write(h, text, bundle);
            });
  }

  static Format detect(String name, String text) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return Format.CSV;
    }
    if (lower.endsWith(".json")) {
      return Format.JSON;
    }
    String t = text.stripLeading();
    return t.startsWith("{") || t.startsWith("[") ? Format.JSON : Format.CSV;
  }

  /** A parsed row with where it came from. */
  record Located<T>(T row, Fields at) {}

  /** Everything parsed from one file. */
  static final class Bundle {
    final Problems problems = new Problems();
    final Map<String, Located<SourceRow>> sources = new LinkedHashMap<>();
    final Set<String> sourceRefsOnly = new HashSet<>();
    final Map<String, Located<ClaimRow>> claims = new LinkedHashMap<>();
    final Map<String, Located<EvidenceRow>> evidence = new LinkedHashMap<>();
    int rows;
  }

  // ------------------------------------------------------------------------------------ CSV

  static Bundle readCsv(TextFile text, Refs refs, LocalDate today) {
    CsvTable table = CsvTable.parse(text);
    Bundle b = new Bundle();
    Problems p = b.problems;
    table.requireColumns(List.of("claim_id", "kind", "country_iso3"), CSV_COLUMNS, p);
    if (!table.index.containsKey("source_id") && !table.index.containsKey("source_url")) {
      p.add(
          Reason.MALFORMED,
          new Problem(
              text.name(), 1, 0, null, "source_id", "the header needs source_id or source_url"));
      p.throwIfAny();
    }
    b.rows = table.rows.size();
    for (CsvTable.Row row : table.rows) {
      Fields.CsvFields all = new Fields.CsvFields(table, row, p);
      Fields cf = all.mapped(CLAIM_COLUMNS);
      Fields sf = all.mapped(SOURCE_COLUMNS);
      Fields ef = all.mapped(EVIDENCE_COLUMNS);
      ClaimRow c = Rows.claim(cf, refs);
      if (sf.get("id") == null && sf.get("url") == null) {
        sf.invalid(
            "id", "claim has no source: every row needs a source_id or a source_url (evidence)");
        continue;
      }
      boolean refOnly =
          Rows.SOURCE_FIELDS.stream().filter(n -> !n.equals("id")).allMatch(n -> sf.get(n) == null);
      String sourceId = sf.get("id");
      if (!refOnly) {
        SourceRow s = Rows.source(sf);
        if (s == null) {
          continue;
        }
        sourceId = s.id();
        addSource(b, s, sf);
      } else if (!b.sources.containsKey(sourceId)) {
        b.sourceRefsOnly.add(sourceId);
        b.sources.put(sourceId, new Located<>(null, sf));
      }
      if (c == null) {
        continue;
      }
      addClaim(b, c, cf, "line");
      EvidenceRow e = Rows.evidence(ef, c.id(), sourceId, today);
      if (e != null) {
        addEvidence(b, e, sf);
      }
    }
    return b;
  }

  private static void addSource(Bundle b, SourceRow s, Fields at) {
    Located<SourceRow> prev = b.sources.get(s.id());
    if (prev == null || prev.row() == null) {
      b.sources.put(s.id(), new Located<>(s, at));
      b.sourceRefsOnly.remove(s.id());
      return;
    }
    String diff = Rows.firstSourceDifference(prev.row(), s);
    if (diff != null) {
      at.invalid(
          diff,
          "source '"
              + s.id()
              + "' is given differently at "
              + prev.at().location()
              + " ('"
              + prev.row().field(diff)
              + "' there, '"
              + s.field(diff)
              + "' here)");
    }
  }

  private static void addClaim(Bundle b, ClaimRow c, Fields at, String how) {
    Located<ClaimRow> prev = b.claims.get(c.id());
    if (prev == null) {
      b.claims.put(c.id(), new Located<>(c, at));
      return;
    }
    if (how.equals("object")) {
      at.invalid(
          "id",
          "duplicate claim '"
              + c.id()
              + "': already given at "
              + prev.at().location()
              + (prev.at().pointer("id") == null ? "" : " (" + prev.at().pointer("id") + ")"));
      return;
    }
    String diff = prev.row().firstDifference(c);
    if (diff != null) {
      at.invalid(
          diff,
          "claim '"
              + c.id()
              + "' is given differently at "
              + prev.at().location()
              + " ('"
              + prev.row().field(diff)
              + "' there, '"
              + c.field(diff)
              + "' here)");
    }
  }

  private static void addEvidence(Bundle b, EvidenceRow e, Fields at) {
    String key = e.claimId() + "\n" + e.sourceId();
    Located<EvidenceRow> prev = b.evidence.get(key);
    if (prev != null) {
      at.invalid(
          "source_id",
          "duplicate row: claim '"
              + e.claimId()
              + "' already cites source '"
              + e.sourceId()
              + "' at "
              + prev.at().location());
      return;
    }
    b.evidence.put(key, new Located<>(e, at));
  }

  // ----------------------------------------------------------------------------------- JSON

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  static Bundle readJson(TextFile text, Refs refs, LocalDate today) {
    Bundle b = new Bundle();
    Problems p = b.problems;
    String file = text.name();
    JsonFactory factory = MAPPER.getFactory();
    try (JsonParser parser = factory.createParser(text.text())) {
      JsonToken t = parser.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw malformed(
            file,
            parser.currentTokenLocation(),
            "expected a JSON object { \"sources\": [...], \"claims\": [...] }");
      }
      List<Located<ObjectNode>> claimNodes = new ArrayList<>();
      while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonLocation at = parser.currentTokenLocation();
        t = parser.nextToken();
        switch (key) {
          case "format" -> {
            if (t != JsonToken.VALUE_STRING || !parser.getText().startsWith("custodiet-claims/1")) {
              p.invalid(
                  file, at.getLineNr(), "/format", "format", "expected \"custodiet-claims/1\"");
            }
          }
          case "sources", "claims" -> {
            if (t != JsonToken.START_ARRAY) {
              throw malformed(file, at, "\"" + key + "\" must be an array");
            }
            int i = 0;
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
              JsonLocation loc = parser.currentTokenLocation();
              String ptr = "/" + key + "/" + i++;
              if (t != JsonToken.START_OBJECT) {
                throw malformed(file, loc, "expected an object at " + ptr);
              }
              ObjectNode node = MAPPER.readTree(parser);
              if (key.equals("sources")) {
                b.rows++;
                Fields f = new Fields.JsonFields(file, loc.getLineNr(), ptr, node, JSON_SOURCE, p);
                SourceRow s = Rows.source(f);
                if (s != null) {
                  if (b.sources.containsKey(s.id())) {
                    f.invalid(
                        "id",
                        "duplicate source '"
                            + s.id()
                            + "' (first at "
                            + b.sources.get(s.id()).at().location()
                            + ")");
                  } else {
                    b.sources.put(s.id(), new Located<>(s, f));
                  }
                }
              } else {
                claimNodes.add(
                    new Located<>(
                        node,
                        new Fields.JsonFields(file, loc.getLineNr(), ptr, node, JSON_CLAIM, p)));
              }
            }
          }
          default -> {
            p.invalid(
                file,
                at.getLineNr(),
                "/" + key,
                key,
                "unknown field (expected format, sources, claims)");
            parser.skipChildren();
          }
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw malformed(file, parser.currentTokenLocation(), "expected a field name or }");
      }
      if (parser.nextToken() != null) {
        throw malformed(
            file,
            parser.currentTokenLocation(),
            "unexpected content after the end of the JSON object");
      }
      for (Located<ObjectNode> cn : claimNodes) {
        b.rows++;
        Fields.JsonFields f = (Fields.JsonFields) cn.at();
        ClaimRow c = Rows.claim(f, refs);
        JsonNode ev = cn.row().get("evidence");
        if (ev == null || ev.isNull() || (ev.isArray() && ev.isEmpty())) {
          f.invalid(
              "evidence", "a claim needs at least one evidence item (claim without a source)");
          continue;
        }
        if (!ev.isArray()) {
          f.invalid("evidence", "must be an array of {source_id, summary, locator}");
          continue;
        }
        if (c == null) {
          continue;
        }
        addClaim(b, c, f, "object");
        for (int j = 0; j < ev.size(); j++) {
          String ptr = f.base() + "/evidence/" + j;
          if (!ev.get(j).isObject()) {
            p.invalid(file, f.line, ptr, null, "expected an object {source_id, summary, locator}");
            continue;
          }
          Fields ef =
              new Fields.JsonFields(file, f.line, ptr, (ObjectNode) ev.get(j), JSON_EVIDENCE, p);
          String sid = ef.get("source_id");
          if (sid == null) {
            ef.invalid("source_id", "required (claim without a source)");
            continue;
          }
          if (!b.sources.containsKey(sid)) {
            b.sourceRefsOnly.add(sid);
          }
          EvidenceRow e = Rows.evidence(ef, c.id(), sid, today);
          if (e != null) {
            addEvidence(b, e, ef);
          }
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String msg = e.getOriginalMessage();
      if (msg != null && msg.contains("end-of-input")) {
        msg = "unexpected end of input (truncated file?): " + msg;
      }
      throw new ImportException(
          Reason.MALFORMED,
          new Problem(
              file,
              loc == null ? 0 : loc.getLineNr(),
              loc == null ? 0 : loc.getColumnNr(),
              null,
              null,
              msg),
          e);
    } catch (IOException e) {
      throw new ImportException(
          Reason.UNREADABLE, new Problem(file, 0, 0, null, null, e.toString()), e);
    }
    return b;
  }

  private static ImportException malformed(String file, JsonLocation loc, String msg) {
    return new ImportException(
        Reason.MALFORMED, new Problem(file, loc.getLineNr(), loc.getColumnNr(), null, null, msg));
  }

  // ---------------------------------------------------------------------- check and write

  private ImportResult write(Handle h, TextFile text, Bundle b) {
    Problems p = b.problems;
    Map<String, SourceRow> dbSources = new HashMap<>();
    Map<String, String> dbUrls = new HashMap<>();
    for (SourceRow s : Tables.sources(h)) {
      dbSources.put(s.id(), s);
      if (s.url() != null) {
        dbUrls.put(s.url(), s.id());
      }
    }
    Map<String, ClaimRow> dbClaims = new HashMap<>();
    for (ClaimRow c : Tables.claims(h)) {
      dbClaims.put(c.id(), c);
    }
    Map<String, EvidenceRow> dbEvidence = new HashMap<>();
    for (EvidenceRow e : Tables.evidence(h)) {
      dbEvidence.put(e.claimId() + "\n" + e.sourceId(), e);
    }

    List<SourceRow> newSources = new ArrayList<>();
    for (var entry : b.sources.entrySet()) {
      Located<SourceRow> ls = entry.getValue();
      SourceRow s = ls.row();
      SourceRow old = dbSources.get(entry.getKey());
      if (s == null) {
        continue; // a reference only, checked with the evidence
      }
      if (old != null) {
        String diff = Rows.firstSourceDifference(old, s);
        if (diff != null) {
          ls.at()
              .conflict(
                  diff,
                  "source '"
                      + s.id()
                      + "' is already recorded with "
                      + diff
                      + " '"
                      + old.field(diff)
                      + "', not '"
                      + s.field(diff)
                      + "'");
        }
      } else {
        if (s.url() != null && dbUrls.containsKey(s.url())) {
          ls.at()
              .conflict(
                  "url", "this URL is already recorded as source '" + dbUrls.get(s.url()) + "'");
        } else {
          newSources.add(s);
        }
      }
    }
    List<ClaimRow> newClaims = new ArrayList<>();
    Set<String> corroborated = new LinkedHashSet<>();
    for (Located<ClaimRow> lc : b.claims.values()) {
      ClaimRow old = dbClaims.get(lc.row().id());
      if (old == null) {
        newClaims.add(lc.row());
        continue;
      }
      String diff = old.firstDifference(lc.row());
      if (diff != null) {
        lc.at()
            .conflict(
                diff.equals("id") ? "id" : diff,
                "claim '"
                    + old.id()
                    + "' already exists with "
                    + diff
                    + " '"
                    + old.field(diff)
                    + "', not '"
                    + lc.row().field(diff)
                    + "'");
      }
    }
    List<EvidenceRow> newEvidence = new ArrayList<>();
    int unchanged = 0;
    for (var entry : b.evidence.entrySet()) {
      Located<EvidenceRow> le = entry.getValue();
      EvidenceRow e = le.row();
      if (!dbSources.containsKey(e.sourceId())
          && (b.sources.get(e.sourceId()) == null || b.sources.get(e.sourceId()).row() == null)) {
        le.at()
            .invalid(
                "source_id",
                "unknown source '" + e.sourceId() + "' (not in the file or the database)");
        continue;
      }
      EvidenceRow old = dbEvidence.get(entry.getKey());
      if (old == null) {
        newEvidence.add(e);
        if (dbClaims.containsKey(e.claimId())) {
          corroborated.add(e.claimId());
        }
      } else if (old.sameContent(e)) {
        unchanged++;
      } else {
        le.at()
            .conflict(
                "summary",
                "claim '"
                    + e.claimId()
                    + "' already cites source '"
                    + e.sourceId()
                    + "' with a different summary or locator");
      }
    }
    p.throwIfAny();
    long batch = Tables.insertBatch(h, "import", text.name(), text.sha256(), b.rows);
    Tables.insertSources(h, newSources, batch);
    Tables.insertClaims(h, newClaims, batch);
    Tables.insertEvidence(h, newEvidence, batch);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("file", text.name());
    detail.put("sha256", text.sha256());
    detail.put("rows", b.rows);
    Set<String> touched = new LinkedHashSet<>();
    newClaims.forEach(c -> touched.add(c.id()));
    touched.addAll(corroborated);
    detail.put("claims_count", touched.size());
    if (touched.size() <= MAX_CLAIMS_LISTED_IN_LOG) {
      detail.put("claims", List.copyOf(touched));
    }
    detail.put("new_claims", newClaims.size());
    detail.put("new_sources", newSources.size());
    detail.put("new_evidence", newEvidence.size());
    new AuditLog(db)
        .append(
            h,
            new AuditLog.Change(
                "job:import",
                AuditAction.IMPORT,
                "import_batch",
                Long.toString(batch),
                "claims imported from " + text.name(),
                detail));
    return new ImportResult(
        batch,
        text.name(),
        text.sha256(),
        b.rows,
        newSources.size(),
        newClaims.size(),
        corroborated.size(),
        newEvidence.size(),
        unchanged);
  }
}
