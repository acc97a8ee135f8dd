package org.custodiet.core.index;

import static org.custodiet.core.index.CompiledKnowledgeBase.NONE;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodiet.core.model.ClaimKind;

/**
 * Finds where a dataset contradicts itself. A dataset that flags supplier countries per country
 * (AIGS's China Tech and US Tech columns) and also names supplier companies should flag the home
 * country of each company it names; when it does not, the figures count the company (by the
 * supplier-origin rule) and this report says so.
 */
final class Inconsistencies {
  private Inconsistencies() {}

  static List<Inconsistency> find(
      CompiledKnowledgeBase ckb, boolean[] counts, IndexQuery query, IndexEngine engine) {
    long asOf = query.asOf().toEpochDay();
    int filter = engine.sourceFilter(query);
    int nCountries = ckb.countryCodes.length;
    Map<Long, BitSet> flaggedOrigins = new HashMap<>();
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] && isSupply(ckb, c) && ckb.company[c] == NONE && ckb.origin[c] != NONE) {
        for (int e = ckb.evStart[c]; e < ckb.evStart[c + 1]; e++) {
          if (fromDataset(ckb, e, asOf, filter)) {
            flaggedOrigins
                .computeIfAbsent(
                    key(ckb.evSource[e], ckb.country[c], nCountries), k -> new BitSet())
                .set(ckb.origin[c]);
          }
        }
      }
    }
    List<Inconsistency> found = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      if (!counts[c] || !isSupply(ckb, c) || ckb.company[c] == NONE || ckb.origin[c] == NONE) {
        continue;
      }
      for (int e = ckb.evStart[c]; e < ckb.evStart[c + 1]; e++) {
        if (!fromDataset(ckb, e, asOf, filter)) {
          continue;
        }
        BitSet flagged = flaggedOrigins.get(key(ckb.evSource[e], ckb.country[c], nCountries));
        if (flagged != null && !flagged.get(ckb.origin[c])) {
          String source = ckb.sourceIds[ckb.evSource[e]];
          String country = ckb.countryCodes[ckb.country[c]];
          String companyName = ckb.kb.companies().get(ckb.companyIds[ckb.company[c]]).name();
          String originIso3 = ckb.countryCodes[ckb.origin[c]];
          found.add(
              new Inconsistency(
                  country,
                  source,
                  ckb.claimIds[c],
                  String.format(
                      "%s names %s (headquartered in %s) as a supplier to %s but does not flag"
                          + " %s as a supplier country there; the figures count %s by the company",
                      source, companyName, originIso3, country, originIso3, country)));
        }
      }
    }
    return found;
  }

  private static boolean isSupply(CompiledKnowledgeBase ckb, int c) {
    return ckb.kind[c] == ClaimKind.SUPPLIES.ordinal();
  }

  private static boolean fromDataset(CompiledKnowledgeBase ckb, int e, long asOf, int filter) {
    return ckb.sourceIsDataset[ckb.evSource[e]]
        && ckb.evKnownFrom[e] <= asOf
        && (filter == NONE || ckb.evSource[e] == filter);
  }

  private static long key(int source, int country, int nCountries) {
    return (long) source * nCountries + country;
  }
}
