package org.custodiet.store.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodiet.core.screening.Explanation;
import org.custodiet.core.screening.Feature;

/**
 * Screening results as plain maps and lists for JSON: one shape for the API's {@code POST
 * /api/v1/match} and {@code custodiet screen --format json}.
 */
public final class ResultJson {
  private ResultJson() {}

  public static Map<String, Object> result(Screening.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.query().name());
    m.put("hits", r.hits().stream().map(ResultJson::hit).toList());
    m.put("dismissed", r.dismissed().stream().map(ResultJson::hit).toList());
    return m;
  }

  public static Map<String, Object> hit(Screening.Hit h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("entry", entry(h.entry()));
    m.put("score", Math.round(h.match().score() * 10_000) / 10_000.0);
    m.put("explanation", explanation(h.match().explanation()));
    m.put("decision", h.decision() == null ? null : decision(h.decision()));
    return m;
  }

  public static Map<String, Object> entry(StoredEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.entryId());
    m.put("list", e.listId());
    m.put("name", e.name());
    m.put("aliases", e.names().stream().skip(1).map(EntryName::name).toList());
    m.put("schema", e.schema());
    m.put("countries", e.countries());
    m.put("datasets", e.datasets());
    return m;
  }

  public static Map<String, Object> explanation(Explanation x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query_name", x.queryName());
    m.put("matched_name", x.matchedName());
    m.put("agreed_tokens", x.agreedTokens());
    m.put("differing_tokens", x.differingTokens());
    List<Map<String, Object>> features = new ArrayList<>();
    for (Feature f : x.features()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("name", f.name());
      fm.put("contribution", Math.round(f.contribution() * 10_000) / 10_000.0);
      fm.put("note", f.note());
      features.add(fm);
    }
    m.put("features", features);
    return m;
  }

  public static Map<String, Object> decision(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verdict", d.verdict().code());
    m.put("reason", d.reason());
    m.put("by", d.actor());
    m.put("at", d.decidedAt().toString());
    m.put("query_name", d.queryName());
    return m;
  }
}
