package org.custodiet.store.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes one JSON document: what the export is (format, as-of date, source, coding rules version),
 * its licence and attribution, then an array of records per dataset, named after the dataset. There
 * is no generation timestamp, so that the same data and date always give the same bytes.
 */
public final class JsonExport {
  /** Amounts as written (850000000, not 8.5E+8); the caller owns the stream. */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  private JsonExport() {}

  /** Writes the datasets; returns the records written per dataset. The stream is not closed. */
  public static Map<ExportDataset, Integer> write(
      ExportData data, List<ExportDataset> datasets, OutputStream out) throws IOException {
    Map<ExportDataset, Integer> counts = new LinkedHashMap<>();
    JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new DefaultPrettyPrinter());
    g.writeStartObject();
    g.writeStringField("format", ExportData.FORMAT);
    g.writeStringField("as_of", data.asOf().toString());
    g.writeStringField("source", data.query().sourceId());
    g.writeStringField("rules_version", data.rulesVersion());
    writeLicence(g, data.licence());
    g.writeArrayFieldStart("datasets");
    for (ExportDataset d : datasets) {
      g.writeString(d.code());
    }
    g.writeEndArray();
    for (ExportDataset d : datasets) {
      Table table = data.table(d);
      g.writeArrayFieldStart(d.code());
      int n = 0;
      try (Stream<Object[]> rows = table.rows().get()) {
        Iterator<Object[]> it = rows.iterator();
        while (it.hasNext()) {
          writeRecord(g, table.columns(), it.next());
          n++;
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      g.writeEndArray();
      counts.put(d, n);
    }
    g.writeEndObject();
    g.writeRaw('\n');
    g.close();
    return counts;
  }

  private static void writeLicence(JsonGenerator g, Licence licence) throws IOException {
    g.writeObjectFieldStart("licence");
    g.writeStringField("statement", licence.statement());
    g.writeArrayFieldStart("credits");
    for (Licence.Credit c : licence.credits()) {
      g.writeStartObject();
      g.writeStringField("source_id", c.sourceId());
      g.writeStringField("licence", c.licence());
      g.writeStringField("attribution", c.attribution());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("notes");
    for (String note : licence.notes()) {
      g.writeString(note);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeRecord(JsonGenerator g, List<Column> columns, Object[] row)
      throws IOException {
    g.writeStartObject();
    for (int i = 0; i < row.length; i++) {
      Column column = columns.get(i);
      g.writeFieldName(column.name());
      Object value = row[i];
      if (value == null) {
        g.writeNull();
        continue;
      }
      switch (column.type()) {
        case TEXT -> g.writeString((String) value);
        case INTEGER -> g.writeNumber((Integer) value);
        case DECIMAL -> g.writeNumber((BigDecimal) value);
        case DATE -> g.writeString(value.toString());
        case BOOLEAN -> g.writeBoolean((Boolean) value);
        case LIST -> {
          g.writeStartArray();
          for (Object item : (List<?>) value) {
            g.writeString((String) item);
          }
          g.writeEndArray();
        }
      }
    }
    g.writeEndObject();
  }
}
