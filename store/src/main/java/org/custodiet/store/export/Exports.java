package org.custodiet.store.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a data export in any format, for the download endpoints and the command line. */
public final class Exports {
  private Exports() {}

  /**
   * Writes {@code datasets} in {@code format} (FTM covers every dataset at once and ignores the
   * list; CSV holds exactly one dataset). Returns what was written: rows per dataset, or entities
   * per FtM schema. The stream is flushed, not closed.
   */
  public static Map<String, Integer> write(
      ExportData data, ExportFormat format, List<ExportDataset> datasets, OutputStream out)
      throws IOException {
    if (format != ExportFormat.FTM && datasets.isEmpty()) {
      throw new IllegalArgumentException("dataset: name at least one dataset");
    }
    if (format == ExportFormat.CSV && datasets.size() != 1) {
      throw new IllegalArgumentException(
          "dataset: a CSV file holds one dataset; write " + datasets + " as separate files");
    }
    Map<String, Integer> written = new TreeMap<>();
    switch (format) {
      case CSV ->
          written.put(datasets.get(0).code(), CsvExport.write(data.table(datasets.get(0)), out));
      case JSON ->
          JsonExport.write(data, datasets, out).forEach((d, n) -> written.put(d.code(), n));
      case XLSX ->
          XlsxExport.write(data, datasets, out).forEach((d, n) -> written.put(d.code(), n));
      case FTM -> written.putAll(FtmExport.write(data, out));
    }
    out.flush();
    return written;
  }
}
