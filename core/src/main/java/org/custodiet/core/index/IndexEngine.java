package org.custodiet.core.index;

import static org.custodiet.core.index.CompiledKnowledgeBase.NONE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.core.rules.CodingRules;

/**
 * Computes the headline figures of the index from claims as of a date. Every figure carries a
 * stable id and the claims behind it. Which claims count is decided by {@link CodingRules} alone.
 */
public final class IndexEngine {
  static final String[] REGIMES = {"CA", "EA", "ED", "LD"};
  private static final Map<String, String> REGIME_LABELS =
      Map.of(
          "CA", "closed autocracies",
          "EA", "electoral autocracies",
          "ED", "electoral democracies",
          "LD", "liberal democracies");
  private static final int SUPPLIES = ClaimKind.SUPPLIES.ordinal();
  private static final int FINANCES = ClaimKind.FINANCES.ordinal();

  private final CompiledKnowledgeBase ckb;

  public IndexEngine(KnowledgeBase kb) {
    this.ckb = new CompiledKnowledgeBase(kb);
  }

  public KnowledgeBase knowledgeBase() {
    return ckb.kb;
  }

  /** Status of every claim for a query, indexed like the knowledge base's claims. */
  ClaimStatus status(int c, long asOf, int sourceFilter, int[] scratch) {
    if (sourceFilter == NONE) {
      if (ckb.retractedFrom[c] <= asOf) {
        return ClaimStatus.RETRACTED;
      }
      if (ckb.disputedFrom[c] <= asOf) {
        return ClaimStatus.DISPUTED;
      }
    }
    // scratch holds (publisher group, best tier) pairs for the evidence known so far
    int groups = 0;
    boolean known = false;
    for (int e = ckb.evStart[c], end = ckb.evStart[c + 1]; e < end; e++) {
      if (ckb.evKnownFrom[e] > asOf || (sourceFilter != NONE && ckb.evSource[e] != sourceFilter)) {
        continue;
      }
      known = true;
      int tier = ckb.evTier[e];
      if (tier == 0) {
        return ClaimStatus.ESTABLISHED;
      }
      int group = ckb.evGroup[e];
      int g = 0;
      while (g < groups && scratch[2 * g] != group) {
        g++;
      }
      if (g == groups) {
        if (2 * groups + 2 > scratch.length) {
          return establishedByList(c, asOf, sourceFilter);
        }
        scratch[2 * g] = group;
        scratch[2 * g + 1] = tier;
        groups++;
      } else if (tier < scratch[2 * g + 1]) {
        scratch[2 * g + 1] = tier;
      }
    }
    if (!known) {
      return ClaimStatus.NOT_YET_REPORTED;
    }
    int b = 0;
    int cc = 0;
    for (int g = 0; g < groups; g++) {
      if (scratch[2 * g + 1] == 1) {
        b++;
      } else {
        cc++;
      }
    }
    return CodingRules.corroborates(0, b, cc) ? ClaimStatus.ESTABLISHED : ClaimStatus.REPORTED;
  }

  /** The slow path for claims with more publishers than the scratch space holds. */
  private ClaimStatus establishedByList(int c, long asOf, int sourceFilter) {
    Map<Integer, Integer> best = new HashMap<>();
    for (int e = ckb.evStart[c]; e < ckb.evStart[c + 1]; e++) {
      if (ckb.evKnownFrom[e] <= asOf && (sourceFilter == NONE || ckb.evSource[e] == sourceFilter)) {
        best.merge(ckb.evGroup[e], (int) ckb.evTier[e], Math::min);
      }
    }
    int a = 0;
    int b = 0;
    int cc = 0;
    for (int t : best.values()) {
      if (t == 0) {
        a++;
      } else if (t == 1) {
        b++;
      } else {
        cc++;
      }
    }
    return CodingRules.corroborates(a, b, cc) ? ClaimStatus.ESTABLISHED : ClaimStatus.REPORTED;
  }

  /** The status of one claim for a query. */
  public ClaimStatus status(String claimId, IndexQuery query) {
    Integer c = ckb.claimIndex.get(claimId);
    if (c == null) {
      throw new IllegalArgumentException("unknown claim '" + claimId + "'");
    }
    return status(c, query.asOf().toEpochDay(), sourceFilter(query), new int[64]);
  }

  int sourceFilter(IndexQuery query) {
    if (query.isLiving()) {
      return NONE;
    }
    Integer s = ckb.sourceIndex.get(query.sourceId());
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown source '" + query.sourceId() + "'; known datasets: " + datasetIds());
    }
    return s;
  }

  private List<String> datasetIds() {
    List<String> ids = new ArrayList<>();
    for (int s = 0; s < ckb.sourceIds.length; s++) {
      if (ckb.sourceIsDataset[s]) {
        ids.add(ckb.sourceIds[s]);
      }
    }
    return ids;
  }

  /** Whether each claim counts for the query, from the coding rules. */
  boolean[] counting(IndexQuery query) {
    long asOf = query.asOf().toEpochDay();
    int filter = sourceFilter(query);
    int n = ckb.claims.length;
    boolean[] counts = new boolean[n];
    int[] scratch = new int[64];
    for (int c = 0; c < n; c++) {
      counts[c] =
          ckb.pastTrial[c]
              && ckb.fromDay[c] <= asOf
              && asOf <= ckb.toDay[c]
              && status(c, asOf, filter, scratch) == ClaimStatus.ESTABLISHED;
    }
    return counts;
  }

  /** Computes every headline figure for the query. */
  public IndexResult compute(IndexQuery query) {
    boolean[] counts = counting(query);
    int nCountries = ckb.countryCodes.length;
    CountrySets any = new CountrySets(nCountries);
    CountrySets[] byTech = sets(ckb.techCodes.length, nCountries);
    CountrySets[] byOrigin = new CountrySets[nCountries];
    CountrySets[] byCompany = new CountrySets[ckb.companyIds.length];
    CountrySets[] byLender = new CountrySets[ckb.companyIds.length];
    CountrySets financed = new CountrySets(nCountries);
    for (int c = 0; c < counts.length; c++) {
      if (!counts[c]) {
        continue;
      }
      int country = ckb.country[c];
      int kind = ckb.kind[c];
      if (kind == FINANCES) {
        financed.add(country, c);
        lazy(byLender, ckb.lender[c], nCountries).add(country, c);
        continue;
      }
      any.add(country, c);
      if (ckb.tech[c] != NONE) {
        byTech[ckb.tech[c]].add(country, c);
      }
      if (kind == SUPPLIES) {
        if (ckb.origin[c] != NONE) {
          lazy(byOrigin, ckb.origin[c], nCountries).add(country, c);
        }
        if (ckb.company[c] != NONE) {
          lazy(byCompany, ckb.company[c], nCountries).add(country, c);
        }
      }
    }

    List<Figure> figures = new ArrayList<>();
    figures.add(any.figure("countries.any", "Countries with AI surveillance", null, ckb));
    for (int t = 0; t < ckb.techCodes.length; t++) {
      String code = ckb.techCodes[t];
      String label = lowerFirst(ckb.kb.technologies().get(code).label());
      figures.add(
          byTech[t].figure("countries.technology." + code, "Countries using " + label, null, ckb));
    }
    figures.addAll(
        ranked(
            byOrigin,
            ckb.countryCodes,
            "countries.supplier_country.",
            iso3 -> "Countries supplied from " + ckb.kb.countries().get(iso3).name()));
    figures.add(chinaBeltAndRoad(query, byOrigin));
    figures.addAll(
        ranked(
            byCompany,
            ckb.companyIds,
            "countries.company.",
            id -> "Countries supplied by " + ckb.kb.companies().get(id).name()));
    figures.addAll(regimes(query, any));
    figures.add(
        financed.figure("countries.financed", "Countries with financed deployments", null, ckb));
    figures.addAll(
        ranked(
            byLender,
            ckb.companyIds,
            "countries.lender.",
            id -> "Countries with deployments financed by " + ckb.kb.companies().get(id).name()));
    return new IndexResult(
        query, CodingRules.VERSION, figures, Inconsistencies.find(ckb, counts, query, this));
  }

  /** One figure per non-empty set, largest first, ids made of a prefix and the key. */
  private List<Figure> ranked(
      CountrySets[] sets, String[] keys, String idPrefix, Function<String, String> label) {
    List<Figure> figures = new ArrayList<>();
    for (int i = 0; i < sets.length; i++) {
      if (sets[i] != null) {
        figures.add(sets[i].figure(idPrefix + keys[i], label.apply(keys[i]), null, ckb));
      }
    }
    figures.sort(byValueThenId());
    return figures;
  }

  private Figure chinaBeltAndRoad(IndexQuery query, CountrySets[] byOrigin) {
    Integer china = ckb.countryIndex.get("CHN");
    CountrySets bri = new CountrySets(ckb.countryCodes.length);
    int denominator = 0;
    if (china != null && byOrigin[china] != null) {
      CountrySets chinese = byOrigin[china];
      denominator = chinese.count();
      int year = query.asOf().getYear();
      for (int country = 0; country < ckb.countryCodes.length; country++) {
        if (!chinese.contains(country)) {
          continue;
        }
        Indicator member = ckb.indicator(IndicatorKind.BRI_MEMBER, country, year, query.sourceId());
        if (member != null && member.value().equals("true")) {
          bri.addAll(country, chinese);
        }
      }
    }
    return bri.figure(
        "countries.supplier_country.CHN.bri",
        "Countries supplied from China that are Belt and Road members",
        denominator,
        ckb);
  }

  private List<Figure> regimes(IndexQuery query, CountrySets any) {
    int year = query.asOf().getYear();
    List<Figure> result = new ArrayList<>();
    for (String regime : REGIMES) {
      CountrySets using = new CountrySets(ckb.countryCodes.length);
      int all = 0;
      for (int country = 0; country < ckb.countryCodes.length; country++) {
        Indicator r = ckb.indicator(IndicatorKind.REGIME_TYPE, country, year, query.sourceId());
        if (r == null || !r.value().equals(regime)) {
          continue;
        }
        all++;
        if (any.contains(country)) {
          using.addAll(country, any);
        }
      }
      result.add(
          using.figure(
              "countries.regime." + regime,
              "Share of " + REGIME_LABELS.get(regime) + " using AI surveillance",
              all,
              ckb));
    }
    return result;
  }

  /** "Facial recognition" reads "facial recognition" mid-sentence; acronyms stay as they are. */
  private static String lowerFirst(String label) {
    if (label.length() > 1
        && Character.isUpperCase(label.charAt(0))
        && Character.isLowerCase(label.charAt(1))) {
      return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
    return label;
  }

  private static Comparator<Figure> byValueThenId() {
    return Comparator.comparingInt(Figure::value).reversed().thenComparing(Figure::id);
  }

  private static CountrySets[] sets(int n, int nCountries) {
    CountrySets[] sets = new CountrySets[n];
    for (int i = 0; i < n; i++) {
      sets[i] = new CountrySets(nCountries);
    }
    return sets;
  }

  private static CountrySets lazy(CountrySets[] sets, int i, int nCountries) {
    if (sets[i] == null) {
      sets[i] = new CountrySets(nCountries);
    }
    return sets[i];
  }

  CompiledKnowledgeBase compiled() {
    return ckb;
  }

  /** Countries counted for one figure and, per country, the claims that put it there. */
  static final class CountrySets {
    private final int[][] claimsByCountry;
    private final int[] sizes;
    private int count;

    CountrySets(int nCountries) {
      claimsByCountry = new int[nCountries][];
      sizes = new int[nCountries];
    }

    void add(int country, int claim) {
      int[] list = claimsByCountry[country];
      if (list == null) {
        list = claimsByCountry[country] = new int[4];
        count++;
      } else if (sizes[country] == list.length) {
        list = claimsByCountry[country] = Arrays.copyOf(list, list.length * 2);
      }
      list[sizes[country]++] = claim;
    }

    void addAll(int country, CountrySets from) {
      for (int i = 0; i < from.sizes[country]; i++) {
        add(country, from.claimsByCountry[country][i]);
      }
    }

    boolean contains(int country) {
      return claimsByCountry[country] != null;
    }

    int count() {
      return count;
    }

    Figure figure(String id, String label, Integer denominator, CompiledKnowledgeBase ckb) {
      List<String> countries = new ArrayList<>(count);
      int total = 0;
      for (int country = 0; country < sizes.length; country++) {
        total += sizes[country];
      }
      int[] claims = new int[total];
      int k = 0;
      for (int country = 0; country < sizes.length; country++) {
        if (claimsByCountry[country] != null) {
          countries.add(ckb.countryCodes[country]);
          System.arraycopy(claimsByCountry[country], 0, claims, k, sizes[country]);
          k += sizes[country];
        }
      }
      Arrays.sort(claims);
      String[] ids = new String[total];
      for (int i = 0; i < total; i++) {
        ids[i] = ckb.claimIds[claims[i]];
      }
      return new Figure(id, label, count, denominator, countries, Arrays.asList(ids));
    }
  }
}
