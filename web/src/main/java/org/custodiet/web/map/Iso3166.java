package org.custodiet.web.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** ISO 3166-1 numeric codes to alpha-3, from the country table the store bundles with the seed. */
final class Iso3166 {
  static final String RESOURCE = "/seed/iso3166/all.csv";

  private Iso3166() {}

  static Map<String, String> numericToAlpha3() {
    try (InputStream in = Iso3166.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("country table missing from the classpath: " + RESOURCE);
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static Map<String, String> read(Reader reader) throws IOException {
    Map<String, String> codes = new HashMap<>();
    for (CSVRecord row :
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      codes.put(row.get("country-code"), row.get("alpha-3"));
    }
    return Map.copyOf(codes);
  }
}
