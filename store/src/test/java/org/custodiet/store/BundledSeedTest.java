package org.custodiet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.custodiet.core.model.CanonicalUrl;
import org.junit.jupiter.api.Test;

/** The bundled data follows the same rules as data entered later through an import. */
class BundledSeedTest {
  @Test
  void everyDocumentSourceIsStoredUnderItsCanonicalUrlAndId() throws Exception {
    String csv = new String(SeedFiles.bundled().read("sources.csv"), StandardCharsets.UTF_8);
    int documents = 0;
    for (CSVRecord r :
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))) {
      if (r.get("type").equals("document")) {
        documents++;
        assertThat(r.get("url")).as(r.get("id")).isEqualTo(CanonicalUrl.of(r.get("url")));
        if (r.get("id").startsWith("doc-")) {
          assertThat(r.get("id")).isEqualTo(CanonicalUrl.documentId(r.get("url")));
        }
      }
    }
    assertThat(documents).isGreaterThan(200);
  }
}
