package org.custodiet.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.custodiet.web.pages.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A claim's page and its history, read anonymously from a real server. */
class ClaimHistoryPageTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.start(dir);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void theCountryPageLinksEachClaimToItsHistoryInOneClick() throws Exception {
    HttpResponse<String> kenya = site.get("/countries/KEN");
    assertThat(kenya.statusCode()).isEqualTo(200);
    assertThat(kenya.body()).contains("href=\"/claims/aigs/KEN/uses/smart_city#history\"");

    HttpResponse<String> claim = site.get("/claims/aigs/KEN/uses/smart_city");
    assertThat(claim.statusCode()).isEqualTo(200);
    assertThat(claim.body())
        .contains("id=\"history\"")
        .contains("Loaded with the bundled seed data")
        .contains("by job:seed")
        .contains("Why: bundled seed data loaded")
        .doesNotContain("name=\"_csrf\"");
  }

  @Test
  void anImportedClaimShowsItsImportAndItsTitleAsText() throws Exception {
    HttpResponse<String> claim = site.get("/claims/" + TestSite.HOSTILE_CLAIM);
    assertThat(claim.statusCode()).isEqualTo(200);
    assertThat(claim.body())
        .contains("Imported from a file")
        .contains("by job:import")
        .doesNotContain("<script>window.__injected");
  }

  @Test
  void anUnknownClaimIsNotFound() throws Exception {
    assertThat(site.get("/claims/no/such/claim").statusCode()).isEqualTo(404);
    assertThat(site.get("/claims/" + "x".repeat(301)).statusCode()).isEqualTo(404);
  }
}
