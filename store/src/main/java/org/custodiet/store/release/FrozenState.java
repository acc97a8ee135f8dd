package org.custodiet.store.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.custodiet.core.index.Figure;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Codes;
import org.custodiet.core.model.CuratorFlag;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Source;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.core.rules.CodingRules;

/**
 * The index as of a date, reduced to what releases compare: every reported claim as canonical JSON
 * (its fields, status, whether it counts, the sources of its evidence known by then, its flags) and
 * every headline figure's value.
 */
public record FrozenState(LocalDate asOf, List<FrozenClaim> claims, List<FrozenFigure> figures) {
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  public FrozenState {
    claims = List.copyOf(claims);
    figures = List.copyOf(figures);
  }

  /** One claim as frozen: {@code content} is canonical JSON of all it says on the date. */
  public record FrozenClaim(String id, String status, boolean counts, String content) {
    /** The content as a map of field to value, for comparing field by field. */
    public Map<String, Object> fields() {
      try {
        return CANONICAL.readValue(content, new TypeReference<LinkedHashMap<String, Object>>() {});
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("frozen claim " + id + " is not JSON", e);
      }
    }
  }

  /** One headline figure's value. */
  public record FrozenFigure(String id, String label, int value, Integer denominator) {}

  /** Freezes {@code engine}'s knowledge base as of {@code asOf}, claims ordered by id. */
  public static FrozenState of(IndexEngine engine, LocalDate asOf) {
    KnowledgeBase kb = engine.knowledgeBase();
    IndexQuery query = IndexQuery.living(asOf);
    Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
    kb.evidence()
        .forEach(e -> evidence.computeIfAbsent(e.claimId(), k -> new ArrayList<>()).add(e));
    Map<String, List<CuratorFlag>> flags = new LinkedHashMap<>();
    kb.flags().forEach(f -> flags.computeIfAbsent(f.claimId(), k -> new ArrayList<>()).add(f));
    List<FrozenClaim> claims = new ArrayList<>();
    for (String id : new TreeSet<>(kb.claims().keySet())) {
      Claim claim = kb.claims().get(id);
      ClaimStatus status = engine.status(id, query);
      if (status == ClaimStatus.NOT_YET_REPORTED) {
        continue;
      }
      boolean counts = CodingRules.counts(claim, status, asOf);
      TreeSet<String> sources = new TreeSet<>();
      for (Evidence e : evidence.getOrDefault(id, List.of())) {
        Source s = kb.sources().get(e.sourceId());
        if (s != null && !CodingRules.knownFrom(e, s).isAfter(asOf)) {
          sources.add(s.id());
        }
      }
      List<Map<String, String>> flagList = new ArrayList<>();
      for (CuratorFlag f : flags.getOrDefault(id, List.of())) {
        if (!f.effective().isAfter(asOf)) {
          flagList.add(
              Map.of(
                  "kind", f.kind().name().toLowerCase(java.util.Locale.ROOT),
                  "effective", f.effective().toString(),
                  "reason", f.reason()));
        }
      }
      Map<String, Object> content = new LinkedHashMap<>();
      content.put("id", id);
      content.put("kind", Codes.of(claim.kind()));
      content.put("country_iso3", claim.countryIso3());
      content.put("technology", claim.technology());
      content.put(
          "supplier_company_id", claim.supplier() == null ? null : claim.supplier().companyId());
      content.put(
          "supplier_origin_iso3", claim.supplier() == null ? null : claim.supplier().originIso3());
      content.put("lender_id", claim.lenderId());
      boolean finances = claim.kind() == ClaimKind.FINANCES;
      content.put("instrument", finances ? Codes.of(claim.financing().instrument()) : null);
      content.put(
          "amount",
          finances && claim.financing().amount() != null
              ? claim.financing().amount().stripTrailingZeros().toPlainString()
              : null);
      content.put("currency", finances ? claim.financing().currency() : null);
      content.put("city", claim.city());
      content.put("agency", claim.agency());
      content.put("stage", Codes.of(claim.stage()));
      content.put("observed_from", text(claim.period().from()));
      content.put("observed_to", text(claim.period().to()));
      content.put("status", status.code());
      content.put("counts", counts);
      content.put("source_ids", List.copyOf(sources));
      content.put("flags", flagList);
      claims.add(new FrozenClaim(id, status.code(), counts, canonical(content)));
    }
    List<FrozenFigure> figures = new ArrayList<>();
    for (Figure f : engine.compute(query).figures()) {
      figures.add(new FrozenFigure(f.id(), f.label(), f.value(), f.denominator()));
    }
    return new FrozenState(asOf, claims, figures);
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }

  static String canonical(Map<String, ?> content) {
    try {
      return CANONICAL.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("claim content is not serialisable", e);
    }
  }
}
