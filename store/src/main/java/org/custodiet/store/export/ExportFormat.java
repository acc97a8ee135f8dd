package org.custodiet.store.export;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The file formats of a data export, with the file extension and media type of each. */
public enum ExportFormat {
  CSV("csv", "text/csv; charset=utf-8"),
  JSON("json", "application/json"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  /** FollowTheMoney entities, one JSON object per line; covers all datasets at once. */
  FTM("jsonl", "application/x-ndjson");

  private final String extension;
  private final String contentType;

  ExportFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** Whether one file can hold several datasets (a workbook, or one JSON document). */
  public boolean holdsSeveralDatasets() {
    return this == JSON || this == XLSX;
  }

  /**
   * The download name, e.g. {@code custodiet-claims-2026-11-27.csv}; a single-source export names
   * its source, so that files of different scope never share a name.
   */
  public String fileName(String what, LocalDate asOf, String sourceId) {
    String scope = sourceId == null ? "" : "-" + sourceId.replaceAll("[^A-Za-z0-9._-]", "_");
    return "custodiet-" + what + scope + "-" + asOf + "." + extension;
  }

  public static ExportFormat parse(String code) {
    for (ExportFormat f : values()) {
      if (f.code().equals(code)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + code + "'; use one of " + codes());
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(ExportFormat::code).toList();
  }
}
