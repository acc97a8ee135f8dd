package org.custodiet.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.custodiet.store.Rows.ClaimRow;
import org.custodiet.store.Rows.EvidenceRow;
import org.custodiet.store.Rows.SourceRow;

/**
 * Writes claims with their evidence and sources in the import formats (docs/import-format.md), so
 * that an export imports back into a database holding the same countries, technologies and
 * companies. Claims are ordered by id, evidence by source id.
 */
public final class Exporter {
  private final Database db;

  public Exporter(Database db) {
    this.db = db;
  }

  /** Writes to {@code file} in the format its extension names (.csv or .json), atomically. */
  public int export(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    ClaimImporter.Format format;
    if (name.endsWith(".csv")) {
      format = ClaimImporter.Format.CSV;
    } else if (name.endsWith(".json")) {
      format = ClaimImporter.Format.JSON;
    } else {
      throw new IllegalArgumentException(
          "cannot tell the export format of " + file + ": use .csv or .json");
    }
    return export(file, format);
  }

  /**
   * Writes to {@code file} (via a temporary file, then moved into place); returns claims written.
   */
  public int export(Path file, ClaimImporter.Format format) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
      try {
        int n;
        try (OutputStream out = Files.newOutputStream(tmp)) {
          n = format == ClaimImporter.Format.CSV ? writeCsv(out) : writeJson(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("export to " + file + ": " + e.getMessage(), e);
    }
  }

  private record Snapshot(
      List<ClaimRow> claims,
      Map<String, List<EvidenceRow>> evidence,
      Map<String, SourceRow> sources) {}

  private Snapshot snapshot() {
    return db.jdbi()
        .inTransaction(
            h -> {
              Map<String, SourceRow> sources = new LinkedHashMap<>();
              Tables.sources(h).forEach(s -> sources.put(s.id(), s));
              Map<String, List<EvidenceRow>> ev = new LinkedHashMap<>();
              Tables.evidence(h)
                  .forEach(e -> ev.computeIfAbsent(e.claimId(), k -> new ArrayList<>()).add(e));
              return new Snapshot(Tables.claims(h), ev, sources);
            });
  }

  /** Writes the CSV export (one row per claim and evidence, UTF-8); returns claims written. */
  public int writeCsv(OutputStream out) throws IOException {
    Snapshot s = snapshot();
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setRecordSeparator("\n")
            .setQuoteMode(QuoteMode.MINIMAL)
            .setHeader(ClaimImporter.CSV_COLUMNS.toArray(String[]::new))
            .get();
    try (CSVPrinter printer = new CSVPrinter(w, format)) {
      for (ClaimRow c : s.claims()) {
        for (EvidenceRow e : s.evidence().getOrDefault(c.id(), List.of())) {
          SourceRow src = s.sources().get(e.sourceId());
          List<String> row = new ArrayList<>(ClaimImporter.CSV_COLUMNS.size());
          for (String f : Rows.CLAIM_FIELDS) {
            row.add(c.field(f));
          }
          for (String f : Rows.SOURCE_FIELDS) {
            row.add(src.field(f));
          }
          row.add(e.summary());
          row.add(e.locator());
          row.add(e.recorded().toString());
          printer.printRecord(row);
        }
      }
    }
    return s.claims().size();
  }

  /** Writes the JSON export (UTF-8); returns claims written. */
  public int writeJson(OutputStream out) throws IOException {
    Snapshot s = snapshot();
    Map<String, SourceRow> used = new TreeMap<>();
    s.evidence()
        .values()
        .forEach(l -> l.forEach(e -> used.put(e.sourceId(), s.sources().get(e.sourceId()))));
    try (JsonGenerator g =
        new com.fasterxml.jackson.core.JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeStringField("format", "custodiet-claims/1");
      g.writeArrayFieldStart("sources");
      for (SourceRow src : used.values()) {
        g.writeStartObject();
        for (String f : Rows.SOURCE_FIELDS) {
          if (src.field(f) != null) {
            g.writeStringField(f, src.field(f));
          }
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("claims");
      for (ClaimRow c : s.claims()) {
        g.writeStartObject();
        for (String f : Rows.CLAIM_FIELDS) {
          if (f.equals("amount") && c.amount() != null) {
            g.writeFieldName("amount");
            g.writeNumber(c.amount());
          } else if (c.field(f) != null) {
            g.writeStringField(f, c.field(f));
          }
        }
        g.writeArrayFieldStart("evidence");
        for (EvidenceRow e : s.evidence().getOrDefault(c.id(), List.of())) {
          g.writeStartObject();
          g.writeStringField("source_id", e.sourceId());
          if (e.summary() != null) {
            g.writeStringField("summary", e.summary());
          }
          if (e.locator() != null) {
            g.writeStringField("locator", e.locator());
          }
          g.writeStringField("recorded", e.recorded().toString());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    return s.claims().size();
  }
}
