package org.custodiet.store.curation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The suppliers and lenders the extractor knows beside the knowledge base (core's {@code
 * companies.tsv}): when a curator accepts a candidate naming one that the company table lacks, it
 * is added from here with its name and headquarters.
 */
final class BundledCompanies {
  private static final String RESOURCE = "/org/custodiet/core/extract/companies.tsv";

  /** A listed company: id, display name and headquarters country (null when not given). */
  record Listed(String id, String name, String headquartersIso3) {}

  private static final class Holder {
    static final Map<String, Listed> BY_ID = read();
  }

  private BundledCompanies() {}

  static Optional<Listed> find(String id) {
    return Optional.ofNullable(Holder.BY_ID.get(id));
  }

  private static Map<String, Listed> read() {
    Map<String, Listed> byId = new HashMap<>();
    try (InputStream in = BundledCompanies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length < 3) {
          continue;
        }
        String hq = cols[2].strip();
        byId.put(
            cols[0].strip(),
            new Listed(
                cols[0].strip(), cols[1].strip(), hq.isEmpty() || hq.equals("-") ? null : hq));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return Map.copyOf(byId);
  }
}
