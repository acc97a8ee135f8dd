package org.custodiet.store.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The tables a data export holds. */
public enum ExportDataset {
  CLAIMS,
  SOURCES,
  FIGURES;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The dataset with this code; fails naming the known codes. */
  public static ExportDataset parse(String code) {
    for (ExportDataset d : values()) {
      if (d.code().equals(code)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown dataset '" + code + "'; use one of " + codes() + " or all");
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(ExportDataset::code).toList();
  }
}
