package org.custodiet.store.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.store.Database;
import org.custodiet.store.Queries;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.ingest.DocumentRepository;
import org.custodiet.store.ingest.NewDocument;
import org.custodiet.store.ingest.StoreOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Curator decisions against each database the store supports, over the bundled seed and documents
 * stored as the ingest stores them. Texts are our own.
 */
abstract class CurationContract {
  @TempDir Path tmp;

  static final Principal ALICE = new Principal(1, "alice", Role.CURATOR);
  static final Principal BOB = new Principal(2, "bob", Role.CURATOR);

  static final String SENTENCE =
      "City officials in Nairobi said Uniview face-matching cameras now watch the bus terminus.";
  static final String TEXT = SENTENCE + " The council expects a second phase next year.";
  static final String CLAIM = "dep/uniview/KEN/facial_recognition/nairobi";

  private final List<Database> opened = new ArrayList<>();
  Database db;
  DocumentRepository docs;
  CurationService curation;
  int nextSha;

  protected abstract Database createDatabase() throws Exception;

  @BeforeEach
  void seeded() throws Exception {
    db = createDatabase();
    opened.add(db);
    new SeedLoader(db).loadBundled();
    docs = new DocumentRepository(db, 0.5);
    curation = new CurationService(db);
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Database::close);
  }

  /** Stores a document and returns the ids of its stored candidates. */
  StoreOutcome.Stored store(String url, String body, int signatureSeed, CandidateClaim... claims) {
    int[] signature = new int[20];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = signatureSeed * 1000 + i;
    }
    String sha = String.format("%064x", ++nextSha);
    return (StoreOutcome.Stored)
        docs.store(
            new NewDocument(
                url,
                sha,
                "Cameras at the terminus",
                "2025-04-02",
                url == null ? null : java.net.URI.create(url).getHost(),
                "jsonl",
                "test.jsonl line " + nextSha,
                body,
                signature,
                new long[] {signatureSeed}),
            List.of(claims));
  }

  static CandidateClaim uniview(String body) {
    String lower = body.toLowerCase(java.util.Locale.ROOT);
    int start = lower.indexOf("city officials");
    int end = start;
    while (body.charAt(end) != '.' && body.charAt(end) != '!') {
      end++;
    }
    end++;
    return new CandidateClaim(
        "uniview", "KEN", "facial_recognition", "Nairobi", null, 0.9, start, end, "test", "1");
  }

  long candidateOf(StoreOutcome.Stored stored) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT MAX(id) FROM candidate_claim WHERE document_id = ?")
                    .bind(0, stored.documentId())
                    .mapTo(Long.class)
                    .one());
  }

  long count(String sql, Object... args) {
    return Queries.count(db, sql, args);
  }

  String one(String sql, Object... args) {
    return Queries.one(db, String.class, sql, args);
  }

  static Edits edits(String... pairs) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return Edits.of(m, Edits.ACCEPT_FIELDS);
  }

  @Test
  void acceptCreatesTheClaimItsSourceEvidenceAndTheMissingCompanyWithOneLogEntry() {
    assertThat(count("SELECT COUNT(*) FROM company WHERE id = 'uniview'")).isZero();
    long id = candidateOf(store("https://coast-news.test/terminus", TEXT, 1, uniview(TEXT)));
    long seqBefore = new AuditLog(db).head().seq();

    Decision d = curation.accept(id, edits("tier", "B"), "camera contract confirmed", ALICE);

    assertThat(d.claims()).containsExactly(CLAIM);
    assertThat(d.createdClaims()).containsExactly(CLAIM);
    assertThat(one("SELECT kind FROM claim WHERE id = ?", CLAIM)).isEqualTo("supplies");
    assertThat(one("SELECT city FROM claim WHERE id = ?", CLAIM)).isEqualTo("Nairobi");
    assertThat(one("SELECT name FROM company WHERE id = 'uniview'")).isEqualTo("Uniview");
    assertThat(one("SELECT headquarters_iso3 FROM company WHERE id = 'uniview'")).isEqualTo("CHN");
    assertThat(one("SELECT url FROM source WHERE id = ?", d.sourceId()))
        .isEqualTo("https://coast-news.test/terminus");
    assertThat(one("SELECT tier FROM source WHERE id = ?", d.sourceId())).isEqualTo("B");
    assertThat(one("SELECT publisher_group FROM source WHERE id = ?", d.sourceId()))
        .isEqualTo("coast-news.test");
    assertThat(one("SELECT published FROM source WHERE id = ?", d.sourceId()))
        .isEqualTo("2025-04-02");
    assertThat(one("SELECT locator FROM evidence WHERE claim_id = ?", CLAIM))
        .isEqualTo("chars 0-" + SENTENCE.length());
    String summary = one("SELECT summary FROM evidence WHERE claim_id = ?", CLAIM);
    assertThat(summary).contains("Uniview").doesNotContain("bus terminus");
    assertThat(one("SELECT status FROM candidate_claim WHERE id = ?", id)).isEqualTo("accepted");
    assertThat(curation.status(CLAIM)).isEqualTo(ClaimStatus.REPORTED);

    AuditLog log = new AuditLog(db);
    assertThat(d.auditSeq()).isEqualTo(seqBefore + 1);
    List<AuditEntry> entries = log.history("candidate", Long.toString(id));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).actor()).isEqualTo("user:alice");
    assertThat(entries.get(0).action()).isEqualTo("accept");
    assertThat(entries.get(0).reason()).isEqualTo("camera contract confirmed");
    assertThat(entries.get(0).detail()).contains("\"claims\":[\"" + CLAIM + "\"]");
    assertThat(log.verify().intact()).isTrue();
  }

  @Test
  void aTierASourceEstablishesAndAcceptingIntoAnExistingClaimCorroboratesIt() {
    String body = "Huawei cameras with face matching now run across Nairobi, police said.";
    CandidateClaim huawei =
        new CandidateClaim(
            "huawei",
            "KEN",
            "facial_recognition",
            "Nairobi",
            null,
            0.8,
            0,
            body.length(),
            "t",
            "1");
    long id = candidateOf(store("https://police.example.test/notice", body, 2, huawei));
    String existing = "dep/huawei/KEN/facial_recognition/nairobi";
    long evidenceBefore = count("SELECT COUNT(*) FROM evidence WHERE claim_id = ?", existing);

    Decision d = curation.accept(id, edits("tier", "A", "source_kind", "official"), null, ALICE);

    assertThat(d.claims()).containsExactly(existing);
    assertThat(d.createdClaims()).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM evidence WHERE claim_id = ?", existing))
        .isEqualTo(evidenceBefore + 1);
    assertThat(curation.status(existing)).isEqualTo(ClaimStatus.ESTABLISHED);
  }

  @Test
  void syndicatedCopiesCountAsOnePublisherAndAnIndependentOneEstablishes() {
    String copy = "Nairobi update: " + TEXT;
    StoreOutcome.Stored first = store("https://wire.test/story", TEXT, 3, uniview(TEXT));
    StoreOutcome.Stored second = store("https://relay.test/story-copy", copy, 3, uniview(copy));
    assertThat(second.groupId()).isEqualTo(first.groupId());
    // A syndicated copy repeats the rejected-or-not sentence: accept both, each as tier B.
    curation.accept(candidateOf(first), edits("tier", "B"), null, ALICE);
    Decision d = curation.accept(candidateOf(second), edits("tier", "B"), null, BOB);
    assertThat(d.claims()).containsExactly(CLAIM);
    assertThat(count("SELECT COUNT(*) FROM evidence WHERE claim_id = ?", CLAIM)).isEqualTo(2);
    assertThat(
            count(
                "SELECT COUNT(DISTINCT s.publisher_group) FROM source s JOIN evidence e"
                    + " ON e.source_id = s.id WHERE e.claim_id = ?",
                CLAIM))
        .isEqualTo(1);
    assertThat(curation.status(CLAIM)).isEqualTo(ClaimStatus.REPORTED);

    String other = "A report from the capital: Uniview face-matching units cover the terminus.";
    CandidateClaim c =
        new CandidateClaim(
            "uniview",
            "KEN",
            "facial_recognition",
            "Nairobi",
            null,
            0.7,
            0,
            other.length(),
            "t",
            "1");
    StoreOutcome.Stored third = store("https://independent.test/a", other, 4, c);
    assertThat(third.groupId()).isNotEqualTo(first.groupId());
    curation.accept(candidateOf(third), edits("tier", "B"), null, ALICE);
    assertThat(curation.status(CLAIM)).isEqualTo(ClaimStatus.ESTABLISHED);
  }

  @Test
  void aRejectedSpanIsRememberedAndNotProposedAgainFromACopy() {
    StoreOutcome.Stored pendingCopy =
        store(
            "https://relay.test/early-copy", "Breaking. " + TEXT, 7, uniview("Breaking. " + TEXT));
    long id = candidateOf(store("https://wire.test/story", TEXT, 5, uniview(TEXT)));

    Decision d = curation.reject(id, "the cameras belong to a private mall, not the city", ALICE);

    assertThat(d.alsoDecided()).containsExactly(candidateOf(pendingCopy));
    assertThat(one("SELECT status FROM candidate_claim WHERE id = ?", candidateOf(pendingCopy)))
        .isEqualTo("rejected");
    assertThat(count("SELECT COUNT(*) FROM rejected_span")).isEqualTo(1);
    String reworded =
        "CITY OFFICIALS in Nairobi said Uniview face matching cameras now watch the bus terminus!"
            + " More follows.";
    StoreOutcome.Stored again = store("https://another.test/x", reworded, 6, uniview(reworded));
    assertThat(again.suppressed()).isEqualTo(1);
    assertThat(again.candidates()).isZero();
    assertThat(
            count("SELECT COUNT(*) FROM candidate_claim WHERE document_id = ?", again.documentId()))
        .isZero();
    // The same sentence read as another supplier's claim is still proposed.
    CandidateClaim otherSupplier =
        new CandidateClaim(
            "hikvision",
            "KEN",
            "facial_recognition",
            null,
            null,
            0.5,
            0,
            SENTENCE.length(),
            "t",
            "1");
    assertThat(store("https://third.test/y", TEXT, 8, otherSupplier).candidates()).isEqualTo(1);
    assertThat(new AuditLog(db).history("candidate", Long.toString(id)).get(0).reason())
        .isEqualTo("the cameras belong to a private mall, not the city");
  }

  @Test
  void mergingIntoAClaimAddsEvidenceAndIntoAPendingCandidateFollowsItsAcceptance() {
    long toClaim = candidateOf(store("https://a.test/1", TEXT, 9, uniview(TEXT)));
    String seedClaim = "dep/huawei/KEN/smart_city/nairobi";
    Decision merged = curation.mergeIntoClaim(toClaim, seedClaim, "same Nairobi system", ALICE);
    assertThat(merged.claims()).containsExactly(seedClaim);
    assertThat(
            count(
                "SELECT COUNT(*) FROM evidence WHERE claim_id = ? AND source_id = ?",
                seedClaim,
                merged.sourceId()))
        .isEqualTo(1);

    String other = "Uniview face-matching cameras were switched on at the Nairobi terminus.";
    CandidateClaim c =
        new CandidateClaim(
            "uniview",
            "KEN",
            "facial_recognition",
            "Nairobi",
            null,
            0.6,
            0,
            other.length(),
            "t",
            "1");
    long primary = candidateOf(store("https://b.test/2", other, 10, c));
    long duplicate = candidateOf(store("https://c.test/3", "Update. " + other, 11, shifted(c, 8)));
    curation.mergeIntoCandidate(duplicate, primary, "same story", BOB);
    assertThat(count("SELECT COUNT(*) FROM claim WHERE id = ?", CLAIM)).isZero();
    Decision accepted = curation.accept(primary, Edits.NONE, null, ALICE);
    assertThat(accepted.alsoDecided()).containsExactly(duplicate);
    assertThat(count("SELECT COUNT(*) FROM evidence WHERE claim_id = ?", CLAIM)).isEqualTo(2);
    assertThatThrownBy(() -> curation.mergeIntoCandidate(primary, primary, null, ALICE))
        .isInstanceOf(CurationException.class)
        .hasMessageContaining("itself");
  }

  static CandidateClaim shifted(CandidateClaim c, int by) {
    return new CandidateClaim(
        c.supplierCompanyId(),
        c.countryIso3(),
        c.technology(),
        c.city(),
        c.financing(),
        c.confidence(),
        c.spanStart() + by,
        c.spanEnd() + by,
        c.extractor(),
        c.extractorVersion());
  }

  @Test
  void disputeAndRetractChangeTheStatusTheRulesCompute() {
    String claim = "aigs/KEN/uses/smart_city";
    assertThat(curation.status(claim)).isEqualTo(ClaimStatus.ESTABLISHED);
    curation.dispute(claim, "the city says the platform was never switched on", ALICE);
    assertThat(curation.status(claim)).isEqualTo(ClaimStatus.DISPUTED);
    assertThatThrownBy(() -> curation.dispute(claim, "again", BOB))
        .isInstanceOf(CurationException.class)
        .extracting(e -> ((CurationException) e).kind())
        .isEqualTo(CurationException.Kind.CONFLICT);
    Decision r = curation.retract(claim, "the source withdrew its report", BOB);
    assertThat(curation.status(claim)).isEqualTo(ClaimStatus.RETRACTED);
    List<AuditEntry> history = new AuditLog(db).history("claim", claim);
    assertThat(history).extracting(AuditEntry::action).containsExactly("dispute", "retract");
    assertThat(history.get(1).detail())
        .contains("\"status_before\":\"disputed\"")
        .contains("\"status_after\":\"retracted\"");
    assertThat(r.auditSeq()).isEqualTo(history.get(1).seq());
  }

  @Test
  void editRecordsEachChangedFieldBeforeAndAfter() {
    String claim = "dep/huawei/KEN/smart_city/konza";
    Decision d =
        curation.edit(
            claim,
            Edits.of(Map.of("stage", "deployed", "agency", ""), Edits.CLAIM_FIELDS),
            "the tender was completed",
            ALICE);
    assertThat(one("SELECT stage FROM claim WHERE id = ?", claim)).isEqualTo("deployed");
    AuditEntry entry = new AuditLog(db).history("claim", claim).get(0);
    assertThat(entry.seq()).isEqualTo(d.auditSeq());
    assertThat(entry.detail())
        .contains("\"before\":{\"stage\":\"contracted\"}")
        .contains("\"after\":{\"stage\":\"deployed\"}");
    assertThatThrownBy(
            () ->
                curation.edit(
                    claim, Edits.of(Map.of("amount", "5"), Edits.CLAIM_FIELDS), "x", ALICE))
        .hasMessageContaining("amount: only a financing claim");
    assertThatThrownBy(
            () ->
                curation.edit(
                    claim, Edits.of(Map.of("stage", "deployed"), Edits.CLAIM_FIELDS), "x", ALICE))
        .hasMessageContaining("changes nothing");
  }

  @Test
  void twoCuratorsDecidingOneCandidateAtOnceLeaveExactlyOneDecision() throws Exception {
    long id = candidateOf(store("https://wire.test/race", TEXT, 12, uniview(TEXT)));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Callable<Decision>> tasks =
          List.of(
              () -> {
                start.await();
                return curation.accept(id, edits("tier", "B"), null, ALICE);
              },
              () -> {
                start.await();
                return curation.reject(id, "not a deployment", BOB);
              });
      List<Future<Decision>> futures = new ArrayList<>();
      for (Callable<Decision> t : tasks) {
        futures.add(pool.submit(t));
      }
      start.countDown();
      int won = 0;
      int conflicts = 0;
      for (Future<Decision> f : futures) {
        try {
          f.get();
          won++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(CurationException.class);
          assertThat(((CurationException) e.getCause()).kind())
              .isEqualTo(CurationException.Kind.CONFLICT);
          conflicts++;
        }
      }
      assertThat(won).isEqualTo(1);
      assertThat(conflicts).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("SELECT COUNT(*) FROM candidate_decision WHERE candidate_id = ?", id))
        .isEqualTo(1);
    assertThat(new AuditLog(db).history("candidate", Long.toString(id))).hasSize(1);
    assertThat(count("SELECT COUNT(*) FROM evidence WHERE claim_id = ?", CLAIM)).isLessThan(2);
    assertThat(new AuditLog(db).verify().intact()).isTrue();
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndWritesNothing() {
    long id = candidateOf(store("https://wire.test/bad", TEXT, 13, uniview(TEXT)));
    long seq = new AuditLog(db).head().seq();
    assertThatThrownBy(() -> curation.accept(999_999, Edits.NONE, null, ALICE))
        .isInstanceOf(CurationException.class)
        .extracting(e -> ((CurationException) e).kind())
        .isEqualTo(CurationException.Kind.NOT_FOUND);
    assertThatThrownBy(() -> edits("tier", "D"))
        .isInstanceOf(CurationException.class)
        .extracting(e -> ((CurationException) e).field())
        .isEqualTo("tier");
    assertThatThrownBy(() -> edits("city", "x".repeat(301)))
        .hasMessageStartingWith("city: value of 301 characters");
    assertThatThrownBy(() -> edits("colour", "red")).hasMessageStartingWith("colour: not a field");
    assertThatThrownBy(() -> curation.accept(id, edits("supplier", "nobody-at-all"), null, ALICE))
        .hasMessageStartingWith("supplier: unknown company 'nobody-at-all'");
    assertThatThrownBy(() -> curation.accept(id, edits("country", "QQQ"), null, ALICE))
        .hasMessageStartingWith("country: unknown country");
    assertThatThrownBy(() -> curation.reject(id, "  ", ALICE)).hasMessage("reason: required");
    assertThatThrownBy(() -> curation.reject(id, "x".repeat(2001), ALICE))
        .hasMessageStartingWith("reason: value of 2001 characters");
    assertThatThrownBy(() -> curation.dispute("no/such/claim", "why", ALICE))
        .extracting(e -> ((CurationException) e).kind())
        .isEqualTo(CurationException.Kind.NOT_FOUND);
    long noUrl = candidateOf(store(null, TEXT + " Again.", 14, uniview(TEXT)));
    assertThatThrownBy(() -> curation.accept(noUrl, Edits.NONE, null, ALICE))
        .hasMessageStartingWith("source_url: the document was read without an address");
    assertThat(one("SELECT status FROM candidate_claim WHERE id = ?", noUrl)).isEqualTo("pending");
    assertThat(one("SELECT status FROM candidate_claim WHERE id = ?", id)).isEqualTo("pending");
    assertThat(new AuditLog(db).head().seq()).isEqualTo(seq);
    assertThat(count("SELECT COUNT(*) FROM company WHERE id = 'uniview'")).isZero();
  }

  @Test
  void theQueueFiltersSortsAndPagesAndAClaimsHistoryNamesWhoAndWhy() {
    long a = candidateOf(store("https://a.test/q1", TEXT, 20, uniview(TEXT)));
    String body = "Hikvision cameras now guard the port of Mombasa, the authority said.";
    long b =
        candidateOf(
            store(
                "https://b.test/q2",
                body,
                21,
                new CandidateClaim(
                    "hikvision",
                    "KEN",
                    "smart_city",
                    "Mombasa",
                    null,
                    0.4,
                    0,
                    body.length(),
                    "t",
                    "1")));
    ReviewQueue queue = new ReviewQueue(db);
    ReviewQueue.Page all = queue.list(ReviewQueue.Query.pending(10));
    assertThat(all.total()).isEqualTo(2);
    assertThat(all.items()).extracting(i -> i.candidate().id()).containsExactly(a, b);
    assertThat(
            queue
                .list(new ReviewQueue.Query("pending", "date", null, null, null, 0, 0, 10))
                .items())
        .extracting(i -> i.candidate().id())
        .containsExactly(b, a);
    assertThat(
            queue
                .list(
                    new ReviewQueue.Query(
                        "pending", "confidence", "KEN", "smart_city", null, 0, 0, 10))
                .items())
        .extracting(i -> i.candidate().id())
        .containsExactly(b);
    assertThat(
            queue
                .list(new ReviewQueue.Query("pending", "confidence", null, null, null, 0.5, 0, 10))
                .total())
        .isEqualTo(1);
    ReviewQueue.Page second =
        queue.list(new ReviewQueue.Query("pending", "confidence", null, null, null, 0, 1, 1));
    assertThat(second.total()).isEqualTo(2);
    assertThat(second.items()).extracting(i -> i.candidate().id()).containsExactly(b);
    assertThatThrownBy(
            () -> new ReviewQueue.Query("maybe", "confidence", null, null, null, 0, 0, 1))
        .hasMessageStartingWith("status:");

    curation.accept(a, edits("tier", "B"), "cameras confirmed by the council", ALICE);
    curation.dispute(CLAIM, "the council denies it", BOB);
    assertThat(queue.list(ReviewQueue.Query.pending(10)).total()).isEqualTo(1);
    ReviewQueue.Item decided = queue.find(a).orElseThrow();
    assertThat(decided.decision()).isEqualTo("accepted");
    assertThat(decided.actor()).isEqualTo("user:alice");
    assertThat(queue.claimsOf(a)).containsExactly(CLAIM);

    List<ReviewQueue.HistoryEntry> history = queue.history(CLAIM);
    assertThat(history)
        .extracting(e -> e.relation() + " " + e.entry().action() + " " + e.entry().actor())
        .containsExactly("candidate accept user:alice", "claim dispute user:bob");
    assertThat(history.get(0).entry().reason()).isEqualTo("cameras confirmed by the council");
    List<ReviewQueue.HistoryEntry> seeded = queue.history("aigs/KEN/uses/smart_city");
    assertThat(seeded)
        .extracting(e -> e.relation() + " " + e.entry().action())
        .containsExactly("batch seed");
    assertThat(queue.history("no/such/claim")).isEmpty();
  }
}
