package org.custodiet.store.curation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodiet.core.model.CuratorFlag;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.PublicationDate;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.SourceTier;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.core.rules.CodingRules;
import org.jdbi.v3.core.Handle;

/**
 * The status the coding rules give one claim, read from its own evidence, sources and flags, and
 * the status it would have with one more source: what a curator sees before deciding.
 */
final class ClaimStatuses {
  private ClaimStatuses() {}

  static ClaimStatus status(Handle h, String claimId, LocalDate asOf) {
    return status(h, claimId, asOf, null);
  }

  /** The status with {@code extra} added as evidence recorded on {@code asOf} (null: none). */
  static ClaimStatus status(Handle h, String claimId, LocalDate asOf, Source extra) {
    List<Evidence> evidence =
        new ArrayList<>(
            h.createQuery(
                    "SELECT claim_id, source_id, summary, locator, recorded FROM evidence"
                        + " WHERE claim_id = ?")
                .bind(0, claimId)
                .map(
                    (rs, ctx) ->
                        new Evidence(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, LocalDate.class)))
                .list());
    Map<String, Source> sources = new HashMap<>();
    h.createQuery(
            "SELECT s.id, s.type, s.url, s.doi, s.title, s.publisher, s.publisher_group,"
                + " s.published, s.tier, s.kind FROM source s"
                + " JOIN evidence e ON e.source_id = s.id WHERE e.claim_id = ?")
        .bind(0, claimId)
        .map(
            (rs, ctx) ->
                new Source(
                    rs.getString(1),
                    Source.SourceType.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    published(rs.getString(8)),
                    SourceTier.valueOf(rs.getString(9)),
                    rs.getString(10),
                    null,
                    null))
        .forEach(s -> sources.put(s.id(), s));
    if (extra != null && !sources.containsKey(extra.id())) {
      sources.put(extra.id(), extra);
      evidence.add(new Evidence(claimId, extra.id(), null, null, asOf));
    }
    List<CuratorFlag> flags =
        h.createQuery(
                "SELECT claim_id, kind, effective, reason FROM claim_flag WHERE claim_id = ?"
                    + " ORDER BY id")
            .bind(0, claimId)
            .map(
                (rs, ctx) ->
                    new CuratorFlag(
                        rs.getString(1),
                        CuratorFlag.Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
            .list();
    return CodingRules.status(evidence, sources, flags, asOf);
  }

  static PublicationDate published(String text) {
    if (text == null) {
      return null;
    }
    try {
      return PublicationDate.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
