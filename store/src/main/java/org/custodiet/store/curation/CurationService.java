package org.custodiet.store.curation;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.custodiet.core.account.Principal;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.core.model.Source;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.store.Database;
import org.custodiet.store.StoreException;
import org.custodiet.store.audit.AuditLog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * Curator decisions: accept, reject or merge a candidate claim; dispute, retract or edit a claim.
 * Each decision is one transaction that also appends its decision-log entry, so it is either wholly
 * recorded or not at all, and it is acknowledged (returned) only after that commit.
 *
 * <p>A candidate is won by the first decision whose conditional update ({@code ... WHERE status =
 * 'pending'}) changes its row; a second curator deciding it at the same moment gets a {@link
 * CurationException.Kind#CONFLICT}. Claims are never given a status: the coding rules compute it
 * from the evidence and flags this writes.
 */
public final class CurationService {
  /** Longest reason accepted, in characters. */
  public static final int MAX_REASON = 2000;

  /** Attempts of a decision that lost a race on a unique key or a lock (then it is re-read). */
  private static final int ATTEMPTS = 4;

  private final Database db;
  private final Clock clock;
  private final AuditLog log;

  public CurationService(Database db) {
    this(db, Clock.systemUTC());
  }

  public CurationService(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = new AuditLog(db, clock);
  }

  // ---- Candidates ---------------------------------------------------------------------------

  /**
   * Accepts a candidate: creates its claims (a supply claim keyed like the seed's deployments, and
   * a financing claim when a lender is named) or adds evidence to those already on record, creates
   * the source from the document and any missing company from the bundled company list.
   *
   * @param reason optional
   */
  public Decision accept(long candidateId, Edits edits, String reason, Principal who) {
    Objects.requireNonNull(edits, "edits");
    String why = optionalReason(reason);
    return inTransaction(
        h -> {
          CandidateRow c = win(h, candidateId, "accepted");
          Plan plan = plan(h, c, edits);
          Written written = write(h, c, plan, "review of candidate " + c.id());
          List<Long> followers = acceptFollowers(h, c, plan, written);
          Map<String, Object> detail = acceptDetail(c, plan, written, edits);
          detail.put("followers", followers);
          return settle(h, c, AuditAction.ACCEPT, "accepted", detail, written, followers, who, why);
        });
  }

  /**
   * Rejects a candidate with a reason, and remembers its span so that the same sentence read as the
   * same claim is not proposed again; pending candidates with the same span (syndicated copies
   * already in the queue) are rejected with it.
   */
  public Decision reject(long candidateId, String reason, Principal who) {
    String why = requiredReason(reason);
    return inTransaction(
        h -> {
          CandidateRow c = win(h, candidateId, "rejected");
          String fingerprint = c.fingerprint();
          OffsetDateTime now = OffsetDateTime.now(clock);
          boolean known =
              h.createQuery("SELECT COUNT(*) FROM rejected_span WHERE fingerprint = ?")
                      .bind(0, fingerprint)
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (!known) {
            h.createUpdate(
                    "INSERT INTO rejected_span (fingerprint, candidate_id, reason, actor,"
                        + " rejected_at) VALUES (?, ?, ?, ?, ?)")
                .bind(0, fingerprint)
                .bind(1, c.id())
                .bind(2, why)
                .bind(3, who.actor())
                .bind(4, now)
                .execute();
          }
          List<Long> copies = new ArrayList<>();
          for (CandidateRow other :
              h.createQuery(
                      CandidateRow.SELECT
                          + " WHERE c.status = 'pending' AND c.id <> ? AND c.supplier_company_id = ?"
                          + " AND c.country_iso3 = ? AND c.technology = ? ORDER BY c.id")
                  .bind(0, c.id())
                  .bind(1, c.supplierId())
                  .bind(2, c.countryIso3())
                  .bind(3, c.technology())
                  .map((rs, ctx) -> CandidateRow.read(rs))
                  .list()) {
            if (other.fingerprint().equals(fingerprint)
                && claimIfPending(h, other.id(), "rejected")) {
              copies.add(other.id());
            }
          }
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("claims", List.of());
          detail.put("document", c.documentId());
          detail.put("supplier", c.supplierId());
          detail.put("country", c.countryIso3());
          detail.put("technology", c.technology());
          detail.put("fingerprint", fingerprint);
          detail.put("copies_rejected", copies);
          AuditEntry entry =
              log.append(
                  h,
                  new AuditLog.Change(
                      who.actor(),
                      AuditAction.REJECT,
                      "candidate",
                      Long.toString(c.id()),
                      why,
                      detail));
          recordDecision(h, c.id(), "rejected", null, who, why, entry.seq());
          for (long copy : copies) {
            recordDecision(
                h,
                copy,
                "rejected",
                null,
                who,
                "same span as rejected candidate " + c.id() + ": " + why,
                entry.seq());
          }
          return new Decision(
              AuditAction.REJECT.code(),
              "candidate",
              Long.toString(c.id()),
              List.of(),
              List.of(),
              null,
              copies,
              entry.seq());
        });
  }

  /**
   * Merges a candidate into an existing claim: the candidate's document becomes evidence for that
   * claim, whatever the candidate's own fields say.
   */
  public Decision mergeIntoClaim(long candidateId, String claimId, String reason, Principal who) {
    String why = optionalReason(reason);
    return inTransaction(
        h -> {
          CandidateRow c = win(h, candidateId, "accepted");
          String kind = claimKind(h, claimId);
          Plan base = plan(h, c, Edits.NONE);
          Plan plan = withClaims(base, List.of(new Plan.ClaimKey(claimId, kind)));
          Written written = write(h, c, plan, "review of candidate " + c.id());
          Map<String, Object> detail = acceptDetail(c, plan, written, Edits.NONE);
          detail.put("into_claim", claimId);
          return settle(h, c, AuditAction.MERGE, "merged", detail, written, List.of(), who, why);
        });
  }

  /**
   * Merges a candidate into another one that states the same claim. When that one is accepted
   * already, this candidate's document is added to its claims now; while it is pending, this one
   * follows it and its document is added when it is accepted.
   */
  public Decision mergeIntoCandidate(
      long candidateId, long intoCandidateId, String reason, Principal who) {
    String why = optionalReason(reason);
    if (candidateId == intoCandidateId) {
      throw CurationException.invalid("into", "a candidate cannot be merged into itself");
    }
    return inTransaction(
        h -> {
          CandidateRow target =
              CandidateRow.find(h, intoCandidateId)
                  .orElseThrow(() -> CurationException.notFound("no candidate " + intoCandidateId));
          Optional<String> targetDecision = decisionOf(h, intoCandidateId);
          Long root = intoCandidateId;
          if (targetDecision.isPresent() && targetDecision.get().equals("merged")) {
            root = mergedInto(h, intoCandidateId);
          }
          if (root == candidateId) {
            throw CurationException.invalid(
                "into", "candidate " + intoCandidateId + " already follows this candidate");
          }
          if (target.status().equals("rejected")) {
            throw CurationException.conflict(
                "candidate " + intoCandidateId + " was rejected; reject this one instead");
          }
          List<String> claims =
              h.createQuery(
                      "SELECT claim_id FROM decision_claim WHERE candidate_id = ? ORDER BY claim_id")
                  .bind(0, intoCandidateId)
                  .mapTo(String.class)
                  .list();
          CandidateRow c = win(h, candidateId, "accepted");
          Written written = Written.NONE;
          Map<String, Object> detail = new LinkedHashMap<>();
          if (!claims.isEmpty()) {
            Plan base = plan(h, c, Edits.NONE);
            List<Plan.ClaimKey> keys = new ArrayList<>();
            for (String id : claims) {
              keys.add(new Plan.ClaimKey(id, claimKind(h, id)));
            }
            Plan plan = withClaims(base, keys);
            written = write(h, c, plan, "review of candidate " + c.id());
            detail.putAll(acceptDetail(c, plan, written, Edits.NONE));
          } else {
            detail.put("claims", List.of());
            detail.put("document", c.documentId());
          }
          detail.put("into_candidate", intoCandidateId);
          AuditEntry entry =
              log.append(
                  h,
                  new AuditLog.Change(
                      who.actor(),
                      AuditAction.MERGE,
                      "candidate",
                      Long.toString(c.id()),
                      why,
                      detail));
          recordDecision(
              h, c.id(), "merged", claims.isEmpty() ? root : null, who, why, entry.seq());
          linkClaims(h, c.id(), written);
          return new Decision(
              AuditAction.MERGE.code(),
              "candidate",
              Long.toString(c.id()),
              written.claims(),
              written.created(),
              written.sourceId(),
              List.of(),
              entry.seq());
        });
  }

  // ---- Claims -------------------------------------------------------------------------------

  /** Marks a claim disputed from today; the coding rules then report it as disputed. */
  public Decision dispute(String claimId, String reason, Principal who) {
    return flag(claimId, "disputed", AuditAction.DISPUTE, reason, who);
  }

  /** Marks a claim retracted from today; it no longer counts anywhere. */
  public Decision retract(String claimId, String reason, Principal who) {
    return flag(claimId, "retracted", AuditAction.RETRACT, reason, who);
  }

  private Decision flag(
      String claimId, String kind, AuditAction action, String reason, Principal who) {
    String why = requiredReason(reason);
    return inTransaction(
        h -> {
          lockClaim(h, claimId);
          LocalDate today = LocalDate.now(clock);
          List<String> kinds =
              h.createQuery("SELECT kind FROM claim_flag WHERE claim_id = ?")
                  .bind(0, claimId)
                  .mapTo(String.class)
                  .list();
          if (kinds.contains("retracted")) {
            throw CurationException.conflict("claim " + claimId + " is retracted already");
          }
          if (kinds.contains(kind)) {
            throw CurationException.conflict("claim " + claimId + " is " + kind + " already");
          }
          ClaimStatus before = ClaimStatuses.status(h, claimId, today);
          h.createUpdate(
                  "INSERT INTO claim_flag (claim_id, kind, effective, reason) VALUES (?, ?, ?, ?)")
              .bind(0, claimId)
              .bind(1, kind)
              .bind(2, today)
              .bind(3, why)
              .execute();
          ClaimStatus after = ClaimStatuses.status(h, claimId, today);
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("claims", List.of(claimId));
          detail.put("effective", today.toString());
          detail.put("status_before", before.code());
          detail.put("status_after", after.code());
          AuditEntry entry =
              log.append(
                  h, new AuditLog.Change(who.actor(), action, "claim", claimId, why, detail));
          return new Decision(
              action.code(),
              "claim",
              claimId,
              List.of(claimId),
              List.of(),
              null,
              List.of(),
              entry.seq());
        });
  }

  /**
   * Changes fields of a claim that are not part of its identity (city, agency, stage, period,
   * financing terms), recording each field's value before and after.
   */
  public Decision edit(String claimId, Edits edits, String reason, Principal who) {
    String why = requiredReason(reason);
    return inTransaction(
        h -> {
          lockClaim(h, claimId);
          Map<String, Object> row =
              h.createQuery(
                      "SELECT kind, city, agency, stage, observed_from, observed_to, instrument,"
                          + " amount, currency FROM claim WHERE id = ?")
                  .bind(0, claimId)
                  .mapToMap()
                  .one();
          String kind = (String) row.get("kind");
          Map<String, String> before = new LinkedHashMap<>();
          Map<String, String> after = new LinkedHashMap<>();
          for (String field : List.of(Edits.CLAIM_FIELDS.toArray(new String[0]))) {
            if (!edits.has(field)) {
              continue;
            }
            if (Set.of("instrument", "amount", "currency").contains(field)
                && !kind.equals("finances")) {
              throw CurationException.invalid(
                  field, "only a financing claim has " + field + "; this is a " + kind + " claim");
            }
            String old = text(row.get(field));
            String value = edits.get(field);
            if (field.equals("amount")) {
              value = new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
              old =
                  old == null
                      ? null
                      : new java.math.BigDecimal(old).stripTrailingZeros().toPlainString();
            }
            if (!value.equals(old)) {
              before.put(field, old);
              after.put(field, value);
            }
          }
          if (after.isEmpty()) {
            throw CurationException.invalid("fields", "the edit changes nothing");
          }
          String amount =
              after.containsKey("amount") ? after.get("amount") : text(row.get("amount"));
          String currency =
              after.containsKey("currency") ? after.get("currency") : text(row.get("currency"));
          if (amount != null && currency == null) {
            throw CurationException.invalid("currency", "required with an amount");
          }
          for (Map.Entry<String, String> e : after.entrySet()) {
            // The column name comes from the fixed set Edits.CLAIM_FIELDS, never from the request.
            String column = e.getKey();
            if (column.equals("amount")) {
              h.createUpdate("UPDATE claim SET amount = ? WHERE id = ?")
                  .bind(0, new java.math.BigDecimal(e.getValue()))
                  .bind(1, claimId)
                  .execute();
            } else {
              h.createUpdate("UPDATE claim SET " + column + " = ? WHERE id = ?")
                  .bind(0, e.getValue())
                  .bind(1, claimId)
                  .execute();
            }
          }
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("claims", List.of(claimId));
          detail.put("before", before);
          detail.put("after", after);
          AuditEntry entry =
              log.append(
                  h,
                  new AuditLog.Change(
                      who.actor(), AuditAction.EDIT, "claim", claimId, why, detail));
          return new Decision(
              AuditAction.EDIT.code(),
              "claim",
              claimId,
              List.of(claimId),
              List.of(),
              null,
              List.of(),
              entry.seq());
        });
  }

  // ---- Previews -----------------------------------------------------------------------------

  /** One claim an acceptance would create or corroborate, with its status now and after. */
  public record Proposal(
      String claimId,
      String kind,
      boolean exists,
      ClaimStatus statusNow,
      ClaimStatus statusAfter) {}

  /**
   * What accepting the candidate as it stands would do, claim by claim; empty when it cannot be
   * accepted as it stands (the message says why).
   */
  public record Preview(List<Proposal> proposals, String sourceId, String tier, String problem) {}

  public Preview preview(long candidateId, Edits edits) {
    return db.jdbi()
        .inTransaction(
            h -> {
              CandidateRow c =
                  CandidateRow.find(h, candidateId)
                      .orElseThrow(() -> CurationException.notFound("no candidate " + candidateId));
              Plan plan;
              try {
                plan = plan(h, c, edits);
              } catch (CurationException e) {
                return new Preview(List.of(), null, null, e.getMessage());
              }
              LocalDate today = LocalDate.now(clock);
              String sourceId = existingSourceId(h, plan.sourceUrl()).orElse(plan.sourceId());
              Source source =
                  new Source(
                      sourceId,
                      Source.SourceType.DOCUMENT,
                      plan.sourceUrl(),
                      null,
                      c.documentTitle(),
                      plan.publisher(),
                      plan.publisherGroup(),
                      ClaimStatuses.published(c.documentPublished()),
                      plan.tier(),
                      plan.sourceKind(),
                      null,
                      null);
              List<Proposal> proposals = new ArrayList<>();
              for (Plan.ClaimKey key : plan.claims()) {
                boolean exists = claimExists(h, key.id());
                proposals.add(
                    new Proposal(
                        key.id(),
                        key.kind(),
                        exists,
                        exists ? ClaimStatuses.status(h, key.id(), today) : null,
                        ClaimStatuses.status(h, key.id(), today, source)));
              }
              return new Preview(proposals, sourceId, plan.tier().name(), null);
            });
  }

  /** The current status of a claim by the coding rules, as of today. */
  public ClaimStatus status(String claimId) {
    return db.jdbi()
        .withHandle(
            h -> {
              if (!claimExists(h, claimId)) {
                throw CurationException.notFound("no claim '" + claimId + "'");
              }
              return ClaimStatuses.status(h, claimId, LocalDate.now(clock));
            });
  }

  // ---- Writing ------------------------------------------------------------------------------

  /** What an acceptance wrote. */
  private record Written(
      List<String> claims,
      List<String> created,
      List<String> evidenced,
      String sourceId,
      boolean sourceCreated,
      List<String> companiesCreated) {
    static final Written NONE =
        new Written(List.of(), List.of(), List.of(), null, false, List.of());
  }

  /**
   * The conditional update that decides who wins a candidate: only a pending row changes. A
   * candidate already decided is a conflict naming who decided it; an unknown one is not found.
   */
  private CandidateRow win(Handle h, long candidateId, String status) {
    if (!claimIfPending(h, candidateId, status)) {
      CandidateRow c =
          CandidateRow.find(h, candidateId)
              .orElseThrow(() -> CurationException.notFound("no candidate " + candidateId));
      String who =
          h.createQuery(
                  "SELECT decision || ' by ' || actor FROM candidate_decision WHERE candidate_id = ?")
              .bind(0, candidateId)
              .mapTo(String.class)
              .findOne()
              .orElse(c.status());
      throw CurationException.conflict(
          "candidate " + candidateId + " was decided already (" + who + ")");
    }
    return CandidateRow.find(h, candidateId).orElseThrow();
  }

  private static boolean claimIfPending(Handle h, long candidateId, String status) {
    return h.createUpdate(
                "UPDATE candidate_claim SET status = ? WHERE id = ? AND status = 'pending'")
            .bind(0, status)
            .bind(1, candidateId)
            .execute()
        == 1;
  }

  private Plan plan(Handle h, CandidateRow c, Edits edits) {
    Plan probe;
    String supplier = edits.get("supplier", c.supplierId());
    String technology = edits.get("technology", c.technology());
    String country = edits.get("country", c.countryIso3());
    if (!exists(h, "SELECT COUNT(*) FROM country WHERE iso3 = ?", country)) {
      throw CurationException.invalid("country", "unknown country '" + country + "'");
    }
    Optional<String> label =
        h.createQuery("SELECT label FROM technology WHERE code = ?")
            .bind(0, technology)
            .mapTo(String.class)
            .findOne();
    if (label.isEmpty()) {
      throw CurationException.invalid("technology", "unknown technology '" + technology + "'");
    }
    String supplierName = companyName(h, supplier, "supplier");
    String lender = edits.get("lender", c.lenderId());
    if (lender != null) {
      companyName(h, lender, "lender");
    }
    String city = edits.get("city", c.city());
    if (city != null) {
      try {
        org.custodiet.core.model.Slug.of(city);
      } catch (IllegalArgumentException e) {
        throw CurationException.invalid("city", "'" + city + "' has no letters or digits to key");
      }
    }
    probe = Plan.of(c, edits, supplierName, label.get());
    return probe;
  }

  /** A company's name from the company table or, failing that, the bundled list. */
  private static String companyName(Handle h, String id, String field) {
    Optional<String> name =
        h.createQuery("SELECT name FROM company WHERE id = ?")
            .bind(0, id)
            .mapTo(String.class)
            .findOne();
    if (name.isPresent()) {
      return name.get();
    }
    return BundledCompanies.find(id)
        .map(BundledCompanies.Listed::name)
        .orElseThrow(
            () ->
                CurationException.invalid(
                    field,
                    "unknown company '"
                        + id
                        + "': neither in the knowledge base nor in the"
                        + " extractor's company list"));
  }

  private static Plan withClaims(Plan p, List<Plan.ClaimKey> claims) {
    return new Plan(
        p.supplierId(),
        p.countryIso3(),
        p.technology(),
        p.city(),
        p.agency(),
        p.stage(),
        p.observedFrom(),
        p.observedTo(),
        p.lenderId(),
        p.instrument(),
        p.amount(),
        p.currency(),
        p.tier(),
        p.sourceKind(),
        p.sourceUrl(),
        p.publisher(),
        p.publisherGroup(),
        p.summary(),
        claims);
  }

  private Written write(Handle h, CandidateRow c, Plan plan, String batchName) {
    long batch =
        h.createUpdate(
                "INSERT INTO import_batch (kind, file_name, sha256, row_count, imported_at)"
                    + " VALUES ('import', ?, ?, 0, ?)")
            .bind(0, batchName)
            .bind(1, c.contentSha256())
            .bind(2, OffsetDateTime.now(clock))
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    int rows = 0;
    List<String> companies = new ArrayList<>();
    for (String id :
        new LinkedHashSet<>(java.util.Arrays.asList(plan.supplierId(), plan.lenderId()))) {
      if (id != null && ensureCompany(h, id)) {
        companies.add(id);
      }
    }
    Optional<String> existing = existingSourceId(h, plan.sourceUrl());
    String sourceId = existing.orElse(plan.sourceId());
    if (existing.isEmpty()) {
      h.createUpdate(
              "INSERT INTO source (id, type, url, title, publisher, publisher_group, published,"
                  + " tier, kind, batch_id) VALUES (?, 'document', ?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(0, sourceId)
          .bind(1, plan.sourceUrl())
          .bind(2, c.documentTitle())
          .bind(3, plan.publisher())
          .bind(4, plan.publisherGroup())
          .bind(
              5,
              ClaimStatuses.published(c.documentPublished()) == null ? null : c.documentPublished())
          .bind(6, plan.tier().name())
          .bind(7, plan.sourceKind())
          .bind(8, batch)
          .execute();
      rows++;
    }
    List<String> claims = new ArrayList<>();
    List<String> created = new ArrayList<>();
    List<String> evidenced = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    for (Plan.ClaimKey key : plan.claims()) {
      claims.add(key.id());
      if (!claimExists(h, key.id())) {
        insertClaim(h, key, plan, batch);
        created.add(key.id());
        rows++;
      }
      boolean evidenced0 =
          exists(
              h,
              "SELECT COUNT(*) FROM evidence WHERE claim_id = ? AND source_id = ?",
              key.id(),
              sourceId);
      if (!evidenced0) {
        h.createUpdate(
                "INSERT INTO evidence (claim_id, source_id, summary, locator, recorded, batch_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")
            .bind(0, key.id())
            .bind(1, sourceId)
            .bind(2, plan.summary())
            .bind(3, "chars " + c.spanStart() + "-" + c.spanEnd())
            .bind(4, today)
            .bind(5, batch)
            .execute();
        evidenced.add(key.id());
        rows++;
      }
    }
    h.createUpdate("UPDATE import_batch SET row_count = ? WHERE id = ?")
        .bind(0, rows)
        .bind(1, batch)
        .execute();
    return new Written(claims, created, evidenced, sourceId, existing.isEmpty(), companies);
  }

  private static void insertClaim(Handle h, Plan.ClaimKey key, Plan p, long batch) {
    boolean finances = key.kind().equals("finances");
    h.createUpdate(
            "INSERT INTO claim (id, kind, country_iso3, technology, supplier_company_id,"
                + " lender_id, instrument, amount, currency, city, agency, stage, observed_from,"
                + " observed_to, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(0, key.id())
        .bind(1, key.kind())
        .bind(2, p.countryIso3())
        .bind(3, p.technology())
        .bind(4, p.supplierId())
        .bind(5, finances ? p.lenderId() : null)
        .bind(6, finances ? p.instrument() : null)
        .bind(7, finances ? p.amount() : null)
        .bind(8, finances ? p.currency() : null)
        .bind(9, p.city())
        .bind(10, p.agency())
        .bind(11, p.stage())
        .bind(12, p.observedFrom())
        .bind(13, p.observedTo())
        .bind(14, batch)
        .execute();
  }

  /** Adds a company from the bundled list when the company table lacks it; true if added. */
  private static boolean ensureCompany(Handle h, String id) {
    if (exists(h, "SELECT COUNT(*) FROM company WHERE id = ?", id)) {
      return false;
    }
    BundledCompanies.Listed listed =
        BundledCompanies.find(id)
            .orElseThrow(
                () -> CurationException.invalid("supplier", "unknown company '" + id + "'"));
    String hq = listed.headquartersIso3();
    if (hq != null && !exists(h, "SELECT COUNT(*) FROM country WHERE iso3 = ?", hq)) {
      hq = null;
    }
    h.createUpdate(
            "INSERT INTO company (id, name, headquarters_iso3, parent_id, ownership)"
                + " VALUES (?, ?, ?, NULL, 'unknown')")
        .bind(0, id)
        .bind(1, listed.name())
        .bind(2, hq)
        .execute();
    return true;
  }

  /**
   * Candidates merged into this one while it was pending: their documents become evidence for the
   * same claims now, and they are linked to those claims.
   */
  private List<Long> acceptFollowers(Handle h, CandidateRow c, Plan plan, Written written) {
    List<Long> ids =
        h.createQuery(
                "SELECT candidate_id FROM candidate_decision WHERE merged_into_candidate = ?"
                    + " ORDER BY candidate_id")
            .bind(0, c.id())
            .mapTo(Long.class)
            .list();
    for (long id : ids) {
      CandidateRow follower = CandidateRow.find(h, id).orElseThrow();
      Plan own;
      try {
        own = plan(h, follower, Edits.NONE);
      } catch (CurationException e) {
        continue; // a follower without an address of its own adds nothing
      }
      Plan withSameClaims =
          withClaims(
              new Plan(
                  plan.supplierId(),
                  plan.countryIso3(),
                  plan.technology(),
                  plan.city(),
                  plan.agency(),
                  plan.stage(),
                  plan.observedFrom(),
                  plan.observedTo(),
                  plan.lenderId(),
                  plan.instrument(),
                  plan.amount(),
                  plan.currency(),
                  own.tier(),
                  own.sourceKind(),
                  own.sourceUrl(),
                  own.publisher(),
                  own.publisherGroup(),
                  plan.summary(),
                  plan.claims()),
              plan.claims());
      Written w = write(h, follower, withSameClaims, "review of candidate " + id + " (merged)");
      linkClaims(h, id, w);
    }
    return ids;
  }

  private static void linkClaims(Handle h, long candidateId, Written written) {
    for (String claim : written.claims()) {
      if (!exists(
          h,
          "SELECT COUNT(*) FROM decision_claim WHERE candidate_id = ? AND claim_id = ?",
          candidateId,
          claim)) {
        h.createUpdate(
                "INSERT INTO decision_claim (candidate_id, claim_id, created) VALUES (?, ?, ?)")
            .bind(0, candidateId)
            .bind(1, claim)
            .bind(2, written.created().contains(claim))
            .execute();
      }
    }
  }

  private void recordDecision(
      Handle h,
      long candidateId,
      String decision,
      Long mergedInto,
      Principal who,
      String reason,
      long seq) {
    h.createUpdate(
            "INSERT INTO candidate_decision (candidate_id, decision, merged_into_candidate, actor,"
                + " reason, decided_at, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(0, candidateId)
        .bind(1, decision)
        .bind(2, mergedInto)
        .bind(3, who.actor())
        .bind(4, reason)
        .bind(5, OffsetDateTime.now(clock))
        .bind(6, seq)
        .execute();
  }

  private static Map<String, Object> acceptDetail(
      CandidateRow c, Plan plan, Written written, Edits edits) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("claims", written.claims());
    detail.put("created", written.created());
    detail.put("evidence_added", written.evidenced());
    detail.put("source", written.sourceId());
    detail.put("source_created", written.sourceCreated());
    detail.put("tier", plan.tier().name());
    detail.put("publisher_group", plan.publisherGroup());
    detail.put("document", c.documentId());
    detail.put("locator", "chars " + c.spanStart() + "-" + c.spanEnd());
    detail.put("companies_created", written.companiesCreated());
    detail.put("edits", edits.asMap());
    return detail;
  }

  // ---- Small reads --------------------------------------------------------------------------

  private static Optional<String> existingSourceId(Handle h, String url) {
    return h.createQuery("SELECT id FROM source WHERE url = ?")
        .bind(0, url)
        .mapTo(String.class)
        .findOne();
  }

  private static boolean claimExists(Handle h, String id) {
    return exists(h, "SELECT COUNT(*) FROM claim WHERE id = ?", id);
  }

  private static String claimKind(Handle h, String claimId) {
    return h.createQuery("SELECT kind FROM claim WHERE id = ?")
        .bind(0, claimId)
        .mapTo(String.class)
        .findOne()
        .orElseThrow(() -> CurationException.notFound("no claim '" + claimId + "'"));
  }

  private static void lockClaim(Handle h, String claimId) {
    if (h.createQuery("SELECT id FROM claim WHERE id = ? FOR UPDATE")
        .bind(0, claimId)
        .mapTo(String.class)
        .findOne()
        .isEmpty()) {
      throw CurationException.notFound("no claim '" + claimId + "'");
    }
  }

  private static Optional<String> decisionOf(Handle h, long candidateId) {
    return h.createQuery("SELECT decision FROM candidate_decision WHERE candidate_id = ?")
        .bind(0, candidateId)
        .mapTo(String.class)
        .findOne();
  }

  private static Long mergedInto(Handle h, long candidateId) {
    return h.createQuery(
            "SELECT merged_into_candidate FROM candidate_decision WHERE candidate_id = ?")
        .bind(0, candidateId)
        .mapTo(Long.class)
        .findOne()
        .orElse(null);
  }

  private static boolean exists(Handle h, String countSql, Object... args) {
    var q = h.createQuery(countSql);
    for (int i = 0; i < args.length; i++) {
      q.bind(i, args[i]);
    }
    return q.mapTo(Long.class).one() > 0;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
  }

  private static String requiredReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw CurationException.invalid("reason", "required");
    }
    return checkedReason(reason.strip());
  }

  private static String optionalReason(String reason) {
    return reason == null || reason.isBlank() ? null : checkedReason(reason.strip());
  }

  private static String checkedReason(String reason) {
    if (reason.length() > MAX_REASON) {
      throw CurationException.invalid(
          "reason",
          "value of " + reason.length() + " characters is longer than the limit of " + MAX_REASON);
    }
    return reason;
  }

  /**
   * Runs a decision in one transaction. A decision that loses a race for a unique key or a lock
   * (two curators creating the same claim or source at once) is run again from the start; the
   * second run sees what the first one committed.
   */
  private <T> T inTransaction(HandleCallback<T, RuntimeException> decision) {
    for (int attempt = 1; ; attempt++) {
      try {
        return db.jdbi().inTransaction(decision);
      } catch (CurationException e) {
        throw e;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isRace(e)) {
          if (e instanceof StoreException) {
            throw e;
          }
          throw new StoreException("the decision was not recorded: " + e.getMessage(), e);
        }
      }
    }
  }

  private static boolean isRace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState() == null ? "" : s.getSQLState();
        if (state.equals("23505")
            || state.equals("40001")
            || state.equals("40P01")
            || state.toUpperCase(Locale.ROOT).equals("HYT00")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Logs a decision that wrote claims for candidate {@code c}, records it against the candidate and
   * links the claims it touched; the caller has already won the candidate.
   */
  private Decision settle(
      Handle h,
      CandidateRow c,
      AuditAction action,
      String status,
      Map<String, Object> detail,
      Written written,
      List<Long> followers,
      Principal who,
      String why) {
    AuditEntry entry =
        log.append(
            h,
            new AuditLog.Change(
                who.actor(), action, "candidate", Long.toString(c.id()), why, detail));
    recordDecision(h, c.id(), status, null, who, why, entry.seq());
    linkClaims(h, c.id(), written);
    return new Decision(
        action.code(),
        "candidate",
        Long.toString(c.id()),
        written.claims(),
        written.created(),
        written.sourceId(),
        followers,
        entry.seq());
  }
}
