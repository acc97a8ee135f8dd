package org.custodiet.store.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.Technology;

/** A claim in words for feeds and webhook payloads: a one-line title and a source list. */
final class ClaimWords {
  private final KnowledgeBase kb;
  private final Map<String, List<Evidence>> evidence = new HashMap<>();

  ClaimWords(KnowledgeBase kb) {
    this.kb = kb;
    kb.evidence()
        .forEach(e -> evidence.computeIfAbsent(e.claimId(), k -> new ArrayList<>()).add(e));
  }

  /** e.g. "Hikvision supplies facial recognition in Kenya (established)". */
  String title(Claim claim) {
    String country = countryName(claim.countryIso3());
    String tech = claim.technology() == null ? null : technology(claim.technology());
    String sentence =
        switch (claim.kind()) {
          case USES -> country + " uses " + tech;
          case SUPPLIES ->
              supplier(claim) + " supplies " + (tech == null ? "" : tech + " in ") + country;
          case FINANCES ->
              companyName(claim.lenderId())
                  + " finances "
                  + (tech == null ? "a deployment" : tech)
                  + " in "
                  + country;
        };
    List<String> where = new ArrayList<>();
    if (claim.city() != null) {
      where.add(claim.city());
    }
    if (claim.agency() != null) {
      where.add(claim.agency());
    }
    String place = where.isEmpty() ? "" : " (" + String.join(", ", where) + ")";
    return sentence + place + " (established)";
  }

  /** The sources of the claim's evidence, one per line: title, publisher, date, tier, address. */
  String summary(Claim claim) {
    StringBuilder b = new StringBuilder("Sources:");
    for (Source s : sources(claim)) {
      b.append("\n- ")
          .append(s.title() == null ? s.id() : s.title())
          .append(" (")
          .append(s.publisher())
          .append(s.published() == null ? "" : ", " + s.published())
          .append(", tier ")
          .append(s.tier().name())
          .append(") ")
          .append(address(s));
    }
    return b.toString();
  }

  List<Source> sources(Claim claim) {
    TreeMap<String, Source> sources = new TreeMap<>();
    evidence.getOrDefault(claim.id(), List.of()).stream()
        .map(e -> kb.sources().get(e.sourceId()))
        .filter(java.util.Objects::nonNull)
        .forEach(s -> sources.put(s.id(), s));
    return List.copyOf(sources.values());
  }

  static String address(Source s) {
    return s.url() != null && !s.url().isBlank() ? s.url() : "https://doi.org/" + s.doi();
  }

  String countryName(String iso3) {
    Country c = kb.countries().get(iso3);
    return c == null ? iso3 : c.name();
  }

  String companyName(String id) {
    Company c = id == null ? null : kb.companies().get(id);
    return c == null ? id : c.name();
  }

  String supplier(Claim claim) {
    if (claim.supplier() == null) {
      return "An unnamed supplier";
    }
    return claim.supplier().isNamedCompany()
        ? companyName(claim.supplier().companyId())
        : "A supplier from " + countryName(claim.supplier().originIso3());
  }

  /** The label in running text: lower-cased unless it starts with an acronym. */
  String technology(String code) {
    Technology t = kb.technologies().get(code);
    String label = t == null ? code : t.label();
    boolean acronym = label.length() > 1 && Character.isUpperCase(label.charAt(1));
    return acronym ? label : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
  }
}
