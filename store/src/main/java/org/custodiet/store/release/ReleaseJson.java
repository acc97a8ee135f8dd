package org.custodiet.store.release;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of releases and diffs, one for the API and the command line alike: snake_case
 * keys, every figure's delta spelled out.
 */
public final class ReleaseJson {
  private ReleaseJson() {}

  public static Map<String, Object> release(Release r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("note", r.note());
    m.put("as_of", r.asOf().toString());
    m.put("created_at", r.createdAt());
    m.put("created_by", r.createdBy());
    m.put("rules_version", r.rulesVersion());
    m.put("audit_seq", r.auditSeq());
    m.put("audit_hash", r.auditHash());
    m.put("claim_count", r.claimCount());
    m.put("established_count", r.establishedCount());
    return m;
  }

  /** A release with its figures. */
  public static Map<String, Object> release(Release r, FrozenState state) {
    Map<String, Object> m = release(r);
    m.put(
        "figures",
        state.figures().stream()
            .map(
                f -> {
                  Map<String, Object> fm = new LinkedHashMap<>();
                  fm.put("id", f.id());
                  fm.put("label", f.label());
                  fm.put("value", f.value());
                  fm.put("denominator", f.denominator());
                  return fm;
                })
            .toList());
    return m;
  }

  public static Map<String, Object> diff(ReleaseDiff d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", d.from());
    m.put("to", d.to());
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("added", d.added().size());
    counts.put("removed", d.removed().size());
    counts.put("changed", d.changed().size());
    counts.put("figures_moved", d.moved().size());
    m.put("summary", counts);
    m.put("added", entries(d.added()));
    m.put("removed", entries(d.removed()));
    m.put(
        "changed",
        d.changed().stream()
            .map(
                c -> {
                  Map<String, Object> cm = new LinkedHashMap<>();
                  cm.put("id", c.id());
                  cm.put("fields", c.fields());
                  cm.put("status_before", c.statusBefore());
                  cm.put("status_after", c.statusAfter());
                  return cm;
                })
            .toList());
    m.put(
        "figures",
        d.figures().stream()
            .map(
                f -> {
                  Map<String, Object> fm = new LinkedHashMap<>();
                  fm.put("id", f.id());
                  fm.put("label", f.label());
                  fm.put("before", f.before());
                  fm.put("after", f.after());
                  fm.put("delta", f.delta());
                  return fm;
                })
            .toList());
    return m;
  }

  private static List<Map<String, Object>> entries(List<ReleaseDiff.ClaimEntry> entries) {
    return entries.stream()
        .map(
            e -> {
              Map<String, Object> em = new LinkedHashMap<>();
              em.put("id", e.id());
              em.put("status", e.status());
              em.put("counts", e.counts());
              return em;
            })
        .toList();
  }
}
