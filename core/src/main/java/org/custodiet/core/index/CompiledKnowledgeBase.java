package org.custodiet.core.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.CuratorFlag;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Source;
import org.custodiet.core.rules.CodingRules;

/**
 * The knowledge base laid out as parallel arrays, so that a full recompute over a million claims
 * touches primitives only. Built once per snapshot; every {@link IndexQuery} reuses it.
 */
final class CompiledKnowledgeBase {
  static final int NONE = -1;

  final KnowledgeBase kb;
  final String[] countryCodes;
  final Map<String, Integer> countryIndex = new HashMap<>();
  final String[] techCodes;
  final Map<String, Integer> techIndex = new HashMap<>();
  final String[] companyIds;
  final Map<String, Integer> companyIndex = new HashMap<>();
  final String[] sourceIds;
  final Map<String, Integer> sourceIndex = new HashMap<>();
  final boolean[] sourceIsDataset;

  final Claim[] claims;
  final String[] claimIds;
  final Map<String, Integer> claimIndex;
  final byte[] kind;
  final int[] country;
  final int[] tech;
  final int[] company;
  final int[] origin;
  final int[] lender;
  final boolean[] pastTrial;
  final long[] fromDay;
  final long[] toDay;
  final long[] retractedFrom;
  final long[] disputedFrom;

  /** Evidence of claim c sits at positions evStart[c] .. evStart[c+1]-1. */
  final int[] evStart;

  final int[] evSource;
  final long[] evKnownFrom;
  final byte[] evTier;
  final int[] evGroup;
  final Evidence[] evidence;

  /** Claims about country k are byCountry[byCountryStart[k] .. byCountryStart[k+1]-1]. */
  final int[] byCountryStart;

  final int[] byCountry;

  /** Claims naming company k as supplier or lender, laid out like {@link #byCountry}. */
  final int[] byCompanyStart;

  final int[] byCompany;

  /** indicators[kind][country]: that country's values of that kind, sorted by year. */
  final Indicator[][][] indicators;

  CompiledKnowledgeBase(KnowledgeBase kb) {
    this.kb = kb;
    countryCodes = kb.countries().keySet().toArray(String[]::new);
    Arrays.sort(countryCodes);
    index(countryCodes, countryIndex);
    techCodes = kb.technologies().keySet().toArray(String[]::new);
    index(techCodes, techIndex);
    companyIds = kb.companies().keySet().toArray(String[]::new);
    index(companyIds, companyIndex);
    sourceIds = kb.sources().keySet().toArray(String[]::new);
    index(sourceIds, sourceIndex);
    sourceIsDataset = new boolean[sourceIds.length];
    Map<String, Integer> groupIndex = new HashMap<>();
    int[] sourceGroup = new int[sourceIds.length];
    byte[] sourceTier = new byte[sourceIds.length];
    for (int s = 0; s < sourceIds.length; s++) {
      Source source = kb.sources().get(sourceIds[s]);
      sourceIsDataset[s] = source.type() == Source.SourceType.DATASET;
      sourceGroup[s] = groupIndex.computeIfAbsent(source.publisherGroup(), g -> groupIndex.size());
      sourceTier[s] = (byte) source.tier().ordinal();
    }

    int n = kb.claims().size();
    claims = kb.claims().values().toArray(Claim[]::new);
    claimIds = new String[n];
    claimIndex = new HashMap<>(n * 2);
    kind = new byte[n];
    country = new int[n];
    tech = new int[n];
    company = new int[n];
    origin = new int[n];
    lender = new int[n];
    pastTrial = new boolean[n];
    fromDay = new long[n];
    toDay = new long[n];
    retractedFrom = new long[n];
    disputedFrom = new long[n];
    Arrays.fill(retractedFrom, Long.MAX_VALUE);
    Arrays.fill(disputedFrom, Long.MAX_VALUE);
    Map<String, String> originByCompany = new HashMap<>();
    for (int c = 0; c < n; c++) {
      Claim claim = claims[c];
      claimIds[c] = claim.id();
      claimIndex.put(claim.id(), c);
      kind[c] = (byte) claim.kind().ordinal();
      country[c] = required(countryIndex, claim.countryIso3(), claim, "country");
      tech[c] =
          CodingRules.technologyInUse(claim) == null
              ? NONE
              : required(techIndex, claim.technology(), claim, "technology");
      String companyId =
          claim.supplier() != null && claim.supplier().isNamedCompany()
              ? claim.supplier().companyId()
              : null;
      company[c] = companyId == null ? NONE : required(companyIndex, companyId, claim, "supplier");
      String originIso3;
      if (companyId == null) {
        originIso3 = CodingRules.supplierOrigin(claim, kb.companies());
      } else {
        if (!originByCompany.containsKey(companyId)) {
          originByCompany.put(companyId, CodingRules.companyOrigin(companyId, kb.companies()));
        }
        originIso3 = originByCompany.get(companyId);
      }
      origin[c] = originIso3 == null ? NONE : countryIndex.getOrDefault(originIso3, NONE);
      lender[c] =
          claim.kind() == ClaimKind.FINANCES
              ? required(companyIndex, claim.lenderId(), claim, "lender")
              : NONE;
      pastTrial[c] = CodingRules.countsAtStage(claim.stage());
      LocalDate from = claim.period().from();
      LocalDate to = claim.period().to();
      fromDay[c] = from == null ? Long.MIN_VALUE : from.toEpochDay();
      toDay[c] = to == null ? Long.MAX_VALUE : to.toEpochDay();
    }

    for (CuratorFlag flag : kb.flags()) {
      Integer c = claimIndex.get(flag.claimId());
      if (c == null) {
        throw new IllegalArgumentException("flag refers to unknown claim '" + flag.claimId() + "'");
      }
      long day = flag.effective().toEpochDay();
      if (flag.kind() == CuratorFlag.Kind.RETRACTED) {
        retractedFrom[c] = Math.min(retractedFrom[c], day);
      } else {
        disputedFrom[c] = Math.min(disputedFrom[c], day);
      }
    }

    List<Evidence> all = kb.evidence();
    int[] owner = new int[all.size()];
    evStart = new int[n + 1];
    for (int e = 0; e < all.size(); e++) {
      Evidence ev = all.get(e);
      Integer c = claimIndex.get(ev.claimId());
      if (c == null) {
        throw new IllegalArgumentException(
            "evidence refers to unknown claim '" + ev.claimId() + "'");
      }
      owner[e] = c;
      evStart[c + 1]++;
    }
    for (int c = 0; c < n; c++) {
      evStart[c + 1] += evStart[c];
    }
    int[] next = Arrays.copyOf(evStart, n);
    evSource = new int[all.size()];
    evKnownFrom = new long[all.size()];
    evTier = new byte[all.size()];
    evGroup = new int[all.size()];
    evidence = new Evidence[all.size()];
    for (int e = 0; e < all.size(); e++) {
      Evidence ev = all.get(e);
      int pos = next[owner[e]]++;
      Integer s = sourceIndex.get(ev.sourceId());
      if (s == null) {
        throw new IllegalArgumentException(
            "evidence of claim '"
                + ev.claimId()
                + "' cites unknown source '"
                + ev.sourceId()
                + "'");
      }
      evidence[pos] = ev;
      evSource[pos] = s;
      evKnownFrom[pos] = CodingRules.knownFrom(ev, kb.sources().get(ev.sourceId())).toEpochDay();
      evTier[pos] = sourceTier[s];
      evGroup[pos] = sourceGroup[s];
    }

    byCountryStart = new int[countryCodes.length + 1];
    byCountry = group(country, country, countryCodes.length, byCountryStart);
    byCompanyStart = new int[companyIds.length + 1];
    byCompany = group(company, lender, companyIds.length, byCompanyStart);

    indicators = new Indicator[IndicatorKind.values().length][countryCodes.length][];
    Map<Integer, List<Indicator>> byKey = new HashMap<>();
    for (Indicator indicator : kb.indicators()) {
      Integer c = countryIndex.get(indicator.countryIso3());
      if (c == null) {
        continue;
      }
      byKey
          .computeIfAbsent(
              indicator.kind().ordinal() * countryCodes.length + c, k -> new ArrayList<>())
          .add(indicator);
    }
    byKey.forEach(
        (key, list) -> {
          list.sort((a, b) -> Integer.compare(a.year(), b.year()));
          indicators[key / countryCodes.length][key % countryCodes.length] =
              list.toArray(Indicator[]::new);
        });
  }

  /**
   * Groups claim numbers by key into one array with per-key start offsets, keeping claim order
   * within each key. A claim is listed under each of its two keys (NONE skipped, a repeat once).
   */
  private static int[] group(int[] keyA, int[] keyB, int keys, int[] start) {
    int n = keyA.length;
    for (int c = 0; c < n; c++) {
      if (keyA[c] != NONE) {
        start[keyA[c] + 1]++;
      }
      if (keyB[c] != NONE && keyB[c] != keyA[c]) {
        start[keyB[c] + 1]++;
      }
    }
    for (int k = 0; k < keys; k++) {
      start[k + 1] += start[k];
    }
    int[] grouped = new int[start[keys]];
    int[] next = Arrays.copyOf(start, keys);
    for (int c = 0; c < n; c++) {
      if (keyA[c] != NONE) {
        grouped[next[keyA[c]]++] = c;
      }
      if (keyB[c] != NONE && keyB[c] != keyA[c]) {
        grouped[next[keyB[c]]++] = c;
      }
    }
    return grouped;
  }

  private static void index(String[] keys, Map<String, Integer> into) {
    for (int i = 0; i < keys.length; i++) {
      into.put(keys[i], i);
    }
  }

  private static int required(Map<String, Integer> index, String key, Claim claim, String field) {
    Integer i = index.get(key);
    if (i == null) {
      throw new IllegalArgumentException(
          "claim '" + claim.id() + "': unknown " + field + " '" + key + "'");
    }
    return i;
  }

  /** The taxonomy index of the technology a claim names, whatever its kind, or NONE. */
  int techOf(int c) {
    String code = claims[c].technology();
    return code == null ? NONE : techIndex.getOrDefault(code, NONE);
  }

  /**
   * The latest value of an indicator for a country in a year no later than {@code year}; from
   * {@code preferredSource} when that source gives the indicator for this country at all.
   */
  Indicator indicator(IndicatorKind k, int countryIdx, int year, String preferredSource) {
    Indicator[] values = indicators[k.ordinal()][countryIdx];
    if (values == null) {
      return null;
    }
    Indicator best = null;
    boolean sourceHasAny = false;
    if (preferredSource != null) {
      for (Indicator v : values) {
        sourceHasAny |= v.sourceId().equals(preferredSource);
      }
    }
    for (Indicator v : values) {
      if (v.year() <= year && (!sourceHasAny || v.sourceId().equals(preferredSource))) {
        best = v;
      }
    }
    return best;
  }
}
