package org.custodiet.web.review;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.custodiet.core.account.Role;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.store.Database;
import org.custodiet.store.account.AccountRepository;
import org.custodiet.store.account.ApiTokens;
import org.custodiet.store.ingest.DocumentRepository;
import org.custodiet.store.ingest.NewDocument;
import org.custodiet.store.ingest.StoreOutcome;
import org.custodiet.web.pages.TestSite;

/**
 * The real test site with a curator's API token, documents stored as the ingest stores them, and
 * HTTP helpers for the review API. Texts are our own.
 */
final class ReviewServer implements AutoCloseable {
  static final String SENTENCE =
      "Port police in Mombasa said Uniview face-matching cameras went live at the ferry gate.";

  final TestSite site;
  final String token;
  private int nextDocument;
  private final HttpClient http = HttpClient.newHttpClient();

  ReviewServer(Path dir, String curator) throws Exception {
    site = TestSite.start(dir);
    Database db = site.site().database();
    new AccountRepository(db).add("job:test", curator, Role.CURATOR, "a long test password 1");
    token = new ApiTokens(db).create("job:test", curator, "test").token();
  }

  /** Stores a document with one candidate claim about Uniview in Mombasa; returns its id. */
  long candidate(String url, String prefix) {
    Database db = site.site().database();
    String body = prefix + SENTENCE + " Ferry users were not told.";
    int n = ++nextDocument;
    int[] signature = new int[20];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = (100 + n) * 1000 + i;
    }
    StoreOutcome.Stored stored =
        (StoreOutcome.Stored)
            new DocumentRepository(db, 0.5)
                .store(
                    new NewDocument(
                        url,
                        String.format("%064x", 1000 + n),
                        "Ferry gate cameras",
                        "2025-05-06",
                        URI.create(url).getHost(),
                        "jsonl",
                        "api-test.jsonl line " + n,
                        body,
                        signature,
                        new long[] {100 + n}),
                    List.of(
                        new CandidateClaim(
                            "uniview",
                            "KEN",
                            "facial_recognition",
                            "Mombasa",
                            null,
                            0.8,
                            prefix.length(),
                            prefix.length() + SENTENCE.length(),
                            "test",
                            "1")));
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM candidate_claim WHERE document_id = ?")
                    .bind(0, stored.documentId())
                    .mapTo(Long.class)
                    .one());
  }

  HttpResponse<String> post(String path, String body, String bearer) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(site.base() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      r.header("Authorization", "Bearer " + bearer);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(site.base() + path)).GET();
    if (bearer != null) {
      r.header("Authorization", "Bearer " + bearer);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpClient http() {
    return http;
  }

  @Override
  public void close() {
    site.close();
  }
}
