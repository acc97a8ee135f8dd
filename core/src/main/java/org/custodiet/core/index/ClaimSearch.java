package org.custodiet.core.index;

import static org.custodiet.core.index.CompiledKnowledgeBase.NONE;

import java.util.ArrayList;
import java.util.List;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.core.rules.CodingRules;

/** Lists claims matching a filter as of a date, a page at a time, with status and evidence. */
public final class ClaimSearch {
  /** Largest page a caller may ask for. */
  public static final int MAX_LIMIT = 1000;

  private final IndexEngine engine;
  private final CompiledKnowledgeBase ckb;
  private final Profiles profiles;

  public ClaimSearch(IndexEngine engine) {
    this.engine = engine;
    this.ckb = engine.compiled();
    this.profiles = new Profiles(engine);
  }

  /** One page of results and the number of all matches. */
  public record Page(int total, int offset, int limit, List<ClaimView> claims) {
    public Page {
      claims = List.copyOf(claims);
    }
  }

  public Page find(ClaimFilter filter, IndexQuery query, int offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset: must not be negative, got " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit: must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    int country = key(filter.countryIso3(), ckb.countryIndex, "country");
    int company = key(filter.companyId(), ckb.companyIndex, "company");
    int technology = key(filter.technology(), ckb.techIndex, "technology");
    int origin = key(filter.supplierCountry(), ckb.countryIndex, "supplier country");
    int[] candidates;
    int from;
    int to;
    if (country != NONE) {
      candidates = ckb.byCountry;
      from = ckb.byCountryStart[country];
      to = ckb.byCountryStart[country + 1];
    } else if (company != NONE) {
      candidates = ckb.byCompany;
      from = ckb.byCompanyStart[company];
      to = ckb.byCompanyStart[company + 1];
    } else {
      candidates = null;
      from = 0;
      to = ckb.claims.length;
    }
    long asOf = query.asOf().toEpochDay();
    int sourceFilter = engine.sourceFilter(query);
    int[] scratch = new int[64];
    int total = 0;
    List<ClaimView> page = new ArrayList<>();
    for (int i = from; i < to; i++) {
      int c = candidates == null ? i : candidates[i];
      if ((country != NONE && ckb.country[c] != country)
          || (company != NONE && ckb.company[c] != company && ckb.lender[c] != company)
          || (filter.technology() != null && ckb.techOf(c) != technology)
          || (origin != NONE && ckb.origin[c] != origin)
          || (filter.kind() != null && ckb.kind[c] != filter.kind().ordinal())) {
        continue;
      }
      ClaimStatus status = engine.status(c, asOf, sourceFilter, scratch);
      if (status == ClaimStatus.NOT_YET_REPORTED
          || (filter.status() != null && status != filter.status())) {
        continue;
      }
      if (filter.countingOnly() && !CodingRules.counts(ckb.claims[c], status, query.asOf())) {
        continue;
      }
      if (total >= offset && page.size() < limit) {
        page.add(profiles.view(c, query));
      }
      total++;
    }
    return new Page(total, offset, limit, page);
  }

  private static int key(String value, java.util.Map<String, Integer> index, String field) {
    if (value == null) {
      return NONE;
    }
    Integer i = index.get(value);
    if (i == null) {
      throw new IllegalArgumentException(field + ": unknown " + field + " '" + value + "'");
    }
    return i;
  }
}
