package org.custodiet.web.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.store.curation.CurationService;
import org.custodiet.store.curation.ReviewQueue;

/** What the review templates print: plain records built by the routes. */
public final class ReviewPages {
  private ReviewPages() {}

  /** The queue: one page of candidates, the query that produced it and how to page on. */
  public record Queue(
      ReviewQueue.Page page,
      ReviewQueue.Query query,
      String csrf,
      String notice,
      String here,
      String previous,
      String next) {
    public String returnTo() {
      return here;
    }
  }

  /**
   * One candidate: its document text cut around the evidence span (the span itself printed inside a
   * mark element), what accepting it would do, and the claims its decision touched.
   */
  public record Candidate(
      ReviewQueue.Item item,
      String before,
      String span,
      String after,
      boolean clippedBefore,
      boolean clippedAfter,
      CurationService.Preview preview,
      List<String> decidedClaims,
      String supplierName,
      String countryName,
      String technologyLabel,
      String csrf,
      String notice) {
    public boolean pending() {
      return item.candidate().status().equals("pending");
    }
  }

  /** A claim's page: the claim as the rules see it today and its history. */
  public record Claim(
      ClaimView view,
      List<ReviewQueue.HistoryEntry> history,
      boolean curator,
      String csrf,
      String notice) {}

  /** How a proposal reads: "would create claim X (reported)" or "would corroborate ...". */
  public static String describe(CurationService.Proposal p) {
    if (!p.exists()) {
      return "would create claim " + p.claimId() + " (" + label(p.statusAfter()) + ")";
    }
    String now = label(p.statusNow());
    String after = label(p.statusAfter());
    return "would corroborate claim "
        + p.claimId()
        + " (status now "
        + now
        + (now.equals(after) ? ", unchanged" : " → would become " + after)
        + ")";
  }

  public static String label(ClaimStatus status) {
    return status == null ? "none" : status.code().replace('_', ' ');
  }

  /** The entry's reason, or a plain note that none was given. */
  public static String reason(AuditEntry e) {
    return e.reason() == null || e.reason().isBlank() ? "no reason given" : e.reason();
  }

  /** How the history names what an entry did. */
  public static String what(ReviewQueue.HistoryEntry h) {
    AuditEntry e = h.entry();
    return switch (e.action()) {
      case "seed" -> "Loaded with the bundled seed data (import batch " + e.subjectId() + ")";
      case "import" -> "Imported from a file (import batch " + e.subjectId() + ")";
      case "accept" -> "Candidate " + e.subjectId() + " accepted in review";
      case "merge" -> "Candidate " + e.subjectId() + " merged in review";
      case "dispute" -> "Disputed";
      case "retract" -> "Retracted";
      case "edit" -> "Edited";
      default -> e.action() + " " + e.subjectType() + " " + e.subjectId();
    };
  }

  /** A query string from name/value pairs, skipping empty values. */
  static String query(Map<String, String> params) {
    List<String> parts = new ArrayList<>();
    params.forEach(
        (k, v) -> {
          if (v != null && !v.isEmpty()) {
            parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
          }
        });
    return String.join("&", parts);
  }
}
